"""Programs: declarative content (program.yaml + Markdown lessons), loaded,
validated and tracked. See docs/program-format.md."""
