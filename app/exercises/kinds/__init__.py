"""One module per exercise kind (see app/exercises/__init__.py)."""
