"""A printable report on one patient (clinician workspace): jinja2 HTML, charts as data URIs.

The HTML only ever exists in memory; the UI turns it into a PDF (ui/workspace/report.py).
Every user-visible word is translated here, in Python, so the catalogs find it.
"""

from __future__ import annotations

import base64
from datetime import datetime, timezone

from app import paths
from app.exchange import clinic, outcome_words, outcomes, readable, workspace
from app.exercises import readable as entry_form
from app.i18n import _, current_language, format_number, is_rtl, ngettext
from app.measures import engine
from app.measures.labels import band_label
from app.store import Store

TEMPLATE = "report.html.j2"


def _env():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(paths.resources_dir() / "templates")),
                              autoescape=True, undefined=jinja2.StrictUndefined)


def _n(value) -> str:
    if value is None:
        return "-"
    return format_number(int(value) if float(value).is_integer() else round(value, 1))


def texts() -> dict:
    return {
        "confidential": _("Confidential"),
        "title": _("Progress report"),
        "notice": _("Confidential: contains health information. Keep it safe and share it only with people "
                    "involved in this person's care."),
        "patient": _("Patient"), "fingerprint": _("Fingerprint"), "program": _("Program"),
        "module": _("Current module"), "last_package": _("Last progress file"), "printed": _("Printed"),
        "flags": _("Flags"), "no_flags": _("No current flags."), "past_flags": _("Earlier flags"),
        "plan": _("Safety plan"), "no_plan": _("No safety plan shared."), "outcomes": _("Outcomes"),
        "item9": _("Every answer above 0 to PHQ-9 item 9 (thoughts of being better off dead or of hurting "
                   "oneself), newest first:"),
        "scores": _("Questionnaire scores"), "date": _("Date"), "measure": _("Questionnaire"),
        "score": _("Score"), "band": _("Band"), "change": _("Change since the first score"),
        "no_scores": _("No questionnaire results received yet."),
        "checkins": _("Daily check-ins"), "no_checkins": _("No check-ins received yet."),
        "homework": _("Homework and exercise entries"), "no_homework": _("No entries received yet."),
        "entry": _("Entry"), "comments": _("Your comments"), "chart": _("Chart"),
    }


def context(store: Store, contact_id: str, charts: dict[str, bytes] | None = None,
            now: datetime | None = None) -> dict:
    """Everything the template shows, as plain strings (escaped by jinja2)."""
    detail = workspace.patient_detail(store, contact_id)
    row = next((r for r in workspace.patient_rows(store) if r.contact_id == contact_id), None)
    shipped = engine.shipped()
    program = clinic.active_program(detail.progress)
    scores, chart_list = [], []
    for mid, results in detail.measures.items():
        measure = shipped.get(mid)
        series = clinic.measure_series(results, measure) if measure else None
        notes = {r["taken_at"]: readable.wording_note(r) for r in results}
        for p in series.points if series else ():
            scores.append({"date": readable.when(p.taken_at.isoformat()), "measure": measure.name,
                           "score": _n(p.total), "note": notes.get(p.taken_at.isoformat(), ""),
                           "band": band_label(measure, p.band),
                           "change": {engine.IMPROVEMENT: _("Reliable improvement"),
                                      engine.DETERIORATION: _("Reliable deterioration")}.get(p.change, "")})
        png = (charts or {}).get(mid)
        if png and measure:
            chart_list.append({"title": _("{name} over time").format(name=measure.name),
                               "src": "data:image/png;base64," + base64.b64encode(png).decode("ascii")})
    summary = clinic.checkin_summary(detail.checkins)
    checkin_text = (ngettext("{count} check-in from {first} to {last}; average mood {average} out of 10 "
                             "(lowest {low}, highest {high}).",
                             "{count} check-ins from {first} to {last}; average mood {average} out of 10 "
                             "(lowest {low}, highest {high}).", summary["count"]).format(
        count=_n(summary["count"]), first=readable.when(summary["first"]), last=readable.when(summary["last"]),
        average=_n(summary["average"]), low=_n(summary["low"]), high=_n(summary["high"]))
        if summary["count"] else "")
    homework = [{"title": readable.describe("homework", e),
                 "lines": [{"label": x.label, "value": entry_form.value_lines(x.value)} for x in entry_form.entry_lines(e)],
                 "comments": [c.body for c in e["comments"]]} for e in reversed(detail.homework)]
    return {
        "t": texts(), "lang": current_language(), "dir": "rtl" if is_rtl() else "ltr",
        "name": detail.contact.display_name, "fingerprint": detail.contact.fingerprint,
        "program": readable.program_title(program["program_id"]) if program else "-",
        "module": readable.module_title(program["program_id"], program.get("current_module")) if program else "-",
        "last_package": readable.when(detail.contact.in_at) or "-",
        "printed": readable.when((now or datetime.now(timezone.utc)).isoformat()),
        "flags": [readable.flag_word(f) for f in (row.flags if row else ())],
        "item9": [readable.item9_answer(*a) for a in (row.item9 if row else ())],
        "past_flags": [readable.flag_word(f) for f in (row.past_flags if row else ())],
        "withheld": readable.withheld_text(detail.withheld),
        "plan": [{"heading": h, "body": b.split("\n")} for h, b in readable.safety_plan(detail.safety_plan)],
        "outcomes": [{"label": label, "value": value.split("\n")}
                     for label, value in outcome_words.summary(outcomes.patient_outcome(store, contact_id))],
        "scores": scores, "charts": chart_list, "checkins": checkin_text,
        "recent_checkins": [readable.describe("checkins", c) for c in detail.checkins[-14:]],
        "homework": homework,
    }


def file_name(name: str, day) -> str:
    """A file name for the report: the patient's name in letters, digits and dashes only, and the date."""
    import unicodedata

    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" else "-" for ch in unicodedata.normalize("NFC", name))
    safe = "-".join(part for part in kept.split("-") if part)[:40].strip("-") or "patient"
    return f"hearth-report-{safe}-{day.isoformat()}.pdf"


def render_html(store: Store, contact_id: str, charts: dict[str, bytes] | None = None,
                now: datetime | None = None) -> str:
    return _env().get_template(TEMPLATE).render(**context(store, contact_id, charts, now))
