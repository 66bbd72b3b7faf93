"""Safety: crisis resources (and, later, the safety plan and flags)."""
