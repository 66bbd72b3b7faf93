"""Babel extractors for program content (the ``programs`` translation domain).

Used from babel-programs.cfg: ``pybabel extract -F babel-programs.cfg ...``.
Each yields ``(lineno, funcname, message, comments)`` as Babel expects.
"""

from __future__ import annotations

from app.programs.render import blocks

# program.yaml keys whose string values (or list items) are shown to users.
_TRANSLATABLE = {"title", "summary", "audience", "text", "explain", "prompts", "options", "intro", "advice"}


def extract_yaml(fileobj, keywords, comment_tags, options):
    import yaml

    node = yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)

    def walk(n, key=None):
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                yield from walk(v, k.value)
        elif isinstance(n, yaml.SequenceNode):
            for item in n.value:
                yield from walk(item, key)
        elif isinstance(n, yaml.ScalarNode) and key in _TRANSLATABLE and n.tag.endswith(":str") and n.value:
            yield n.start_mark.line + 1, None, n.value, [f"program.yaml: {key}"]

    if node is not None:
        yield from walk(node)


def extract_markdown(fileobj, keywords, comment_tags, options):
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    pos = 0
    for block in blocks(text):
        first = block.splitlines()[0]
        while pos < len(lines) and lines[pos].rstrip() != first:
            pos += 1
        yield pos + 1, None, block, []
        pos += 1
