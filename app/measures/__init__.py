"""Questionnaires as data: definitions, exact scoring, bands, flags, reliable change."""
