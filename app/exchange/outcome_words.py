"""One patient's outcomes in words: the Outcomes page's table, the patient page and the report say
them the same way (definitions in :mod:`app.exchange.outcomes` and docs/outcomes.md)."""

from __future__ import annotations

from app.exchange import endings, outcomes
from app.exchange.outcomes import MeasureOutcome, PatientOutcome
from app.i18n import _, format_number, ngettext
from app.measures import engine


def _n(value) -> str:
    return format_number(int(value) if float(value).is_integer() else round(value, 1))


def _day(iso: str) -> str:
    from app.exchange.readable import when

    return when(iso[:10])


def scores(mo: MeasureOutcome) -> str:
    """E.g. "14 -> 8 (3 Nov 2026 -> 1 Dec 2026)", "12 (one score)", "no scores"."""
    if mo.first is None:
        return _("no scores")
    if mo.last is None:
        # Translators: a questionnaire answered only once, e.g. "12 (one score, 3 Nov 2026)".
        return _("{score} (one score, {date})").format(score=_n(mo.first.total), date=_day(mo.first.taken_at))
    # Translators: the first and the last score of a questionnaire with their dates. Keep the arrows pointing
    # from the first to the last in your script's direction.
    return _("{first} \u2192 {last} ({first_date} \u2192 {last_date})").format(
        first=_n(mo.first.total), last=_n(mo.last.total), first_date=_day(mo.first.taken_at),
        last_date=_day(mo.last.taken_at))


def short_scores(mo: MeasureOutcome) -> str:
    """First and last score without dates, e.g. "14 -> 8" (the table; the patient page gives the dates)."""
    if mo.first is None:
        return _("no scores")
    if mo.last is None:
        # Translators: a questionnaire answered only once, e.g. "12 (one score)".
        return _("{score} (one score)").format(score=_n(mo.first.total))
    # Translators: the first and the last score of a questionnaire. Keep the arrow pointing from the first to
    # the last in your script's direction.
    return _("{first} \u2192 {last}").format(first=_n(mo.first.total), last=_n(mo.last.total))


def all_scores(p: PatientOutcome) -> str:
    """Both questionnaires, one line each: "PHQ-9: 15 -> 7"."""
    shipped = engine.shipped()
    return "\n".join(_("{measure}: {details}").format(measure=shipped[m].name if m in shipped else m,
                                                     details=short_scores(p.measures[m])) for m in outcomes.TRACKED)


def progress(p: PatientOutcome) -> str:
    """Modules completed and weeks in treatment, one line each."""
    return "\n".join((_("Modules: {modules}").format(modules=modules(p)), _("Weeks: {weeks}").format(weeks=weeks(p))))


def measure_line(p: PatientOutcome, measure_id: str) -> str:
    """A questionnaire's scores and what they mean: "PHQ-9: 14 -> 8 (...); reliable improvement; ..."."""
    measure = engine.shipped().get(measure_id)
    name = measure.name if measure else measure_id
    mo = p.measures[measure_id]
    parts = [scores(mo)]
    if mo.paired:
        parts.append({engine.IMPROVEMENT: _("reliable improvement"),
                      engine.DETERIORATION: _("reliable deterioration")}.get(mo.reliable, _("no reliable change")))
        parts.append(case_words(mo.case_at_first, mo.case_at_last, mo.cutoff))
    return _("{measure}: {details}").format(measure=name, details="; ".join(parts))


def case_words(first: bool | None, last: bool | None, cutoff) -> str:
    """Caseness at the first and the last score against the cut-off, e.g. "a case at first (10 or more), not at last"."""
    at = _n(cutoff)
    if first and last:
        return _("at or above the cut-off ({cutoff}) at the first and the last score").format(cutoff=at)
    if first:
        return _("at or above the cut-off ({cutoff}) at the first score, below it at the last").format(cutoff=at)
    if last:
        return _("below the cut-off ({cutoff}) at the first score, at or above it at the last").format(cutoff=at)
    return _("below the cut-off ({cutoff}) at the first and the last score").format(cutoff=at)


def change(p: PatientOutcome) -> str:
    """Reliable change across both questionnaires (the paired rule)."""
    if p.data != outcomes.PAIRED:
        return _(outcomes.DATA_LABELS[p.data])
    if p.reliable_improvement:
        return _("Reliable improvement")
    if p.reliable_deterioration:
        return _("Reliable deterioration")
    return _("No reliable change")


def recovery(p: PatientOutcome) -> str:
    reason = p.excluded_from(outcomes.RECOVERY)
    if reason == outcomes.NOT_A_CASE:
        # Translators: recovery does not apply: the patient's first scores were below the clinical cut-offs.
        return _("Not applicable: not a case at the first score")
    if reason:
        return _(outcomes.DATA_LABELS[p.data])
    if p.reliable_recovery:
        return _("Reliable recovery")
    if p.recovery:
        # Translators: below the cut-offs at the last score, but the change was not large enough to be reliable.
        return _("Recovery (not reliable improvement)")
    return _("Not recovered")


def modules(p: PatientOutcome) -> str:
    if p.modules_completed is None:
        return "-"
    if p.modules_in_program is None:
        return format_number(p.modules_completed)
    return _("{count} of {total}").format(count=format_number(p.modules_completed),
                                          total=format_number(p.modules_in_program))


def weeks(p: PatientOutcome) -> str:
    if p.weeks_in_treatment is None:
        return "-"
    return format_number(p.weeks_in_treatment)


def guidance(p: PatientOutcome) -> str:
    minutes = p.guidance.minutes
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=format_number(minutes))


def treatment(p: PatientOutcome) -> str:
    if p.ending is None:
        return _("In treatment")
    label = endings.REASON_LABELS.get(p.ending.reason, endings.REASON_LABELS[endings.OTHER])
    reason = _(label)
    if p.ending.ended_on:
        return _("Ended {date}: {reason}").format(date=_day(p.ending.ended_on), reason=reason)
    return _("Ended: {reason}").format(reason=reason)


def summary(p: PatientOutcome) -> list[tuple[str, str]]:
    """(label, value) lines for the patient page and the report, in the order services report them."""
    lines = [(_("Questionnaires"), "\n".join(measure_line(p, m) for m in outcomes.TRACKED))]
    lines += [(_("Reliable change (both questionnaires)"), change(p)), (_("Recovery"), recovery(p)),
              (_("Modules completed"), modules(p)), (_("Weeks in treatment"), weeks(p)),
              (_("Guidance time"), guidance(p)), (_("Treatment"), treatment(p))]
    return lines
