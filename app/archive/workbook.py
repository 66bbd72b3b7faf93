"""The person's readable workbook: what they choose of their records, in words, as one HTML document that
the interface lays out as a PDF (as the clinician's report is). No Qt here; nothing here touches the disk.

Entries are shown in their one readable form (``app.exercises.readable``), questionnaire results with their
bands, the safety plan under its headings, and the program's modules with when each was finished."""

from __future__ import annotations

from datetime import date, datetime, timezone

from app import paths
from app.archive import contents
from app.exercises import readable as entry_form
from app.exchange import readable
from app.i18n import _, current_language, format_number, is_rtl
from app.store import Store

TEMPLATE = "workbook.html.j2"
# What a person can choose to put in, in the workbook's order (labels: section_labels())
SECTIONS = ("program", "plan", "measures", "checkins", "exercises", "journal")


def section_labels() -> dict[str, str]:
    return {"program": _("Program progress"), "plan": _("Safety plan"), "measures": _("Questionnaire results"),
            "checkins": _("Daily check-ins"), "exercises": _("Exercises and homework"), "journal": _("Journal")}


def texts() -> dict:
    return {
        "title": _("My Hearth workbook"),
        "notice": _("Private: this workbook holds your own words about your health. It is not encrypted; keep it "
                    "somewhere only you can reach, and share it only with people you choose."),
        "made": _("Made"), "date": _("Date"), "measure": _("Questionnaire"), "score": _("Score"),
        "band": _("Band"), "mood": _("Mood (0-10)"), "note": _("Note"), "module": _("Module"),
        "finished": _("Finished"), "opened": _("Opened"), "none": _("Nothing here yet."),
        **section_labels(),
    }


def file_name(day: date | None = None) -> str:
    # Translators: the default file name of the workbook PDF; keep it short, no slashes.
    return _("hearth-workbook-{date}").format(date=(day or date.today()).isoformat()) + ".pdf"


def measures_by_id(store: Store) -> dict[str, list[dict]]:
    """The person's questionnaire results, oldest first, per questionnaire (as the charts take them)."""
    from app.exchange import collect, workspace

    return workspace.by_measure(collect.read_section(store, "measures"))


def _n(value) -> str:
    if value is None:
        return "-"
    return format_number(int(value) if float(value).is_integer() else round(value, 1))


def context(store: Store, chosen: tuple[str, ...] = SECTIONS, charts: dict[str, bytes] | None = None,
            name: str = "", now: datetime | None = None) -> dict:
    """Everything the template shows, as plain strings (escaped by jinja2)."""
    import base64

    from app.measures import engine
    from app.measures.labels import band_label

    chosen = tuple(s for s in SECTIONS if s in chosen)
    records = contents.read_all(store)
    shipped = engine.shipped()
    out = {"t": texts(), "lang": current_language(), "dir": "rtl" if is_rtl() else "ltr", "name": name,
           "made": readable.when((now or datetime.now(timezone.utc)).isoformat()), "sections": chosen}
    if "program" in chosen:
        out["programs"] = [{
            "title": readable.program_title(p["program_id"]), "started": readable.when(p["started_at"]),
            "modules": [{"title": readable.module_title(p["program_id"], m["module_id"]),
                         "opened": readable.when(m["unlocked_at"]) or "-",
                         "finished": readable.when(m["lesson_done_at"]) or "-"} for m in p["modules"]]}
            for p in records["programs.json"]]
    if "plan" in chosen:
        out["plan"] = [{"heading": h, "body": b.split("\n")} for h, b in readable.safety_plan(records["safety_plan.json"])]
    if "measures" in chosen:
        out["scores"] = [{"date": readable.when(r["taken_at"]),
                          "measure": shipped[r["measure_id"]].name if r["measure_id"] in shipped else r["measure_id"],
                          "score": _n(r["total"]),
                          "band": band_label(shipped[r["measure_id"]], r["band"]) if r["measure_id"] in shipped
                          else (r["band"] or "")} for r in reversed(records["measures.json"])]
        out["charts"] = [{"title": _("{name} over time").format(name=shipped[mid].name),
                          "src": "data:image/png;base64," + base64.b64encode(png).decode("ascii")}
                         for mid, png in (charts or {}).items() if mid in shipped]
    if "checkins" in chosen:
        out["checkins"] = [{"date": readable.when(c["day"]), "mood": format_number(c["mood"]), "note": c["note"]}
                           for c in reversed(records["checkins.json"])]
    if "exercises" in chosen:
        out["exercises"] = [{"title": readable.describe("homework", e),  # with its date
                             "lines": [{"label": x.label, "value": x.value.split("\n")}
                                       for x in entry_form.entry_lines(e)]}
                            for e in reversed(records["exercises.json"])]
    if "journal" in chosen:
        out["journal"] = [{"title": j["title"], "when": readable.when(j["created_at"]), "body": j["body"].split("\n")}
                          for j in reversed(records["journal.json"])]
    return out


def render_html(store: Store, chosen: tuple[str, ...] = SECTIONS, charts: dict[str, bytes] | None = None,
                name: str = "", now: datetime | None = None) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(paths.resources_dir() / "templates")),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    return env.get_template(TEMPLATE).render(**context(store, chosen, charts, name, now))


def mark() -> str:
    """The line at the top and bottom of every page."""
    return _("{private}: Hearth workbook").format(private=_("Private").upper())

