"""Translatable names of the bands used by the shipped measures.

A clinic's own instrument may use other band ids with an English ``label``
in its file; those are shown as written.
"""

from __future__ import annotations

from app.i18n import N_, _

BANDS = {
    "minimal": N_("Minimal"),
    "mild": N_("Mild"),
    "moderate": N_("Moderate"),
    "moderately_severe": N_("Moderately severe"),
    "severe": N_("Severe"),
    "subclinical": N_("Below the level of significant impairment"),
    "significant_impairment": N_("Significant impairment"),
    "moderately_severe_or_worse": N_("Moderately severe impairment or worse"),
    # Translators: the result of the PHQ panic questions (a published yes/no algorithm, not a diagnosis).
    "no_panic_syndrome": N_("Panic criteria not met"),
    "panic_syndrome": N_("Panic criteria met"),
}


def band_label(measure, band_id: str | None) -> str:
    if band_id is None:
        return _("not scored")
    if band_id in BANDS:
        return _(BANDS[band_id])
    custom = next((b.get("label") for b in measure.bands if b["id"] == band_id), None)
    return custom or band_id
