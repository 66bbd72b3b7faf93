"""The exchange's readable texts, patient-side queries, the report HTML, and the widgets that show them."""

from __future__ import annotations

from app.exchange import clinic, importer, outbox, patient, readable, report, workspace
from tests import exchange_util as xu


def _round(manager, item9=1):
    doc, (pat,) = xu.workspace(manager)
    entry = xu.fill(pat, item9=item9)
    done = xu.exported(pat, xu.contact(pat, "Doc"))
    importer.import_bytes(doc, done.data)
    return doc, pat, entry


def test_describe_every_section_in_words(manager):
    doc, pat, entry = _round(manager)
    from app.exchange import collect

    shown = collect.preview(pat, xu.contact(pat, "Doc"), everything=True)
    for section, records in shown.sections.items():
        for r in records:
            text = readable.describe(section, r)
            assert text and "{" not in text
    lines = [readable.describe("measures", r) for r in shown.sections["measures"]]
    assert any(line.startswith("PHQ-9") for line in lines)
    assert readable.counts_text({"measures": 2, "checkins": 1, "flags": 0}) == "2 questionnaires and 1 check-in"
    assert readable.counts_text({}) == "nothing new"
    from app.exercises import readable as entry_form

    assert "I noticed my mood" in entry_form.as_text(entry_form.lines("reflection", entry.data))


def test_a_shared_thought_record_reads_in_words_on_the_patient_page_and_in_the_report(manager, qtbot):
    """Labels in the form's order, the feeling and belief re-ratings, what was written escaped; the same
    readable form in the workspace's entry card, the printed report and the patient's send preview."""
    from types import SimpleNamespace

    from app.exercises import store as ex_store
    from ui.exchange.send_progress import SendProgressDialog
    from ui.workspace.entries import EntryCard

    doc, (pat,) = xu.workspace(manager)
    ex_store.add(pat.store, "thought-record", {
        "situation": "Left out <b>at work</b>", "thoughts": "Nobody likes me", "belief": 90, "belief_after": 40,
        "emotions": [{"name": "sad", "intensity": 80, "rerated": 50}], "traps": ["mind-reading"],
        "balanced": "Two colleagues asked me to lunch last week"})
    preview = SendProgressDialog(SimpleNamespace(session=pat), xu.contact(pat, "Doc"))
    qtbot.addWidget(preview)
    shown = preview.preview.toPlainText()
    assert "Belief in the thought\n      90 \u2192 40 out of 100" in shown and "sad: 80 \u2192 50 out of 100" in shown
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    c = xu.contact(doc, "Pat")
    [entry] = workspace.patient_detail(doc.store, c.id).homework
    card = EntryCard(SimpleNamespace(session=doc), c, entry)
    qtbot.addWidget(card)
    text = card.text.text()
    assert text.index("What was happening?") < text.index("How did you feel?") < text.index("A more balanced")
    assert "Left out &lt;b&gt;at work&lt;/b&gt;" in text and "90 \u2192 40 out of 100" in text
    html = report.render_html(doc.store, c.id)
    assert "<span class=\"label\">What was happening?</span><br>Left out &lt;b&gt;at work&lt;/b&gt;" in html
    assert "sad: 80 \u2192 50 out of 100" in html and "Mind reading" in html


def test_audit_rows_and_assignments(manager):
    doc, pat, entry = _round(manager)
    rows = readable.audit_rows(doc.store)
    assert [r["direction"] for r in rows] == ["Received", "Paired"]
    assert rows[0]["name"] == "Pat" and len(rows[0]["hash"]) == 12 and "questionnaire" in rows[0]["what"]
    c = xu.contact(doc, "Pat")
    outbox.add_assignment(doc.store, c, "gad7", "2030-01-01")
    outbox.add_comment(doc.store, c, entry.id, "Good", "reflection")
    assert clinic.pending_counts(doc.store, c) == {"comments": 1, "assignments": 1}
    fb = xu.exported(doc, c)
    importer.import_bytes(pat, fb.data)
    assert patient.open_assignments(pat.store) == [("gad7", "2030-01-01")]
    assert [(n, b) for n, _w, b in patient.received_comments(pat.store, entry.id)] == [("Doc", "Good")]
    from datetime import datetime, timedelta, timezone

    from app.measures import engine, results

    results.save(pat.store, engine.shipped()["gad7"], [0] * 7,
                 taken_at=(datetime.now(timezone.utc) + timedelta(seconds=2)).isoformat(timespec="seconds"))
    assert patient.open_assignments(pat.store) == []


def test_report_html_is_escaped_and_embeds_charts(manager):
    doc, pat, _entry = _round(manager)
    c = xu.contact(doc, "Pat")
    outbox.add_comment(doc.store, c, workspace.patient_detail(doc.store, c.id).homework[0]["id"],
                       "<script>alert(1)</script>", "reflection")
    html = report.render_html(doc.store, c.id, {"phq9": b"\x89PNG fake"})
    assert "Confidential" in html and "data:image/png;base64," in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "PHQ-9 item 9: thoughts of being better off dead or of hurting oneself" in html
    series = clinic.measure_series(workspace.patient_detail(doc.store, c.id).measures["phq9"],
                                   __import__("app.measures.engine", fromlist=["x"]).shipped()["phq9"])
    assert [p.total for p in series.points] == [13]


def test_lockable_modules_follow_the_current_one(manager):
    doc, pat, _entry = _round(manager)
    detail = workspace.patient_detail(doc.store, xu.contact(doc, "Pat").id)
    program = clinic.active_program(detail.progress)
    modules = clinic.lockable_modules(program)
    assert modules and modules[0][0] != program["current_module"]
    assert clinic.trend(10, 12) == "\u2193" and clinic.trend(12, 10) == "\u2191" and clinic.trend(None, 1) == ""


def test_unvalidated_translation_is_marked_for_the_clinician(manager):
    from app.measures import engine, results

    doc, (pat,) = xu.workspace(manager)
    results.save(pat.store, engine.shipped()["gad7"], [1] * 7, language="de", validated=False,
                 taken_at="2026-02-01T09:00:00+00:00")
    results.save(pat.store, engine.shipped()["gad7"], [0] * 7, taken_at="2026-02-08T09:00:00+00:00")
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    c = xu.contact(doc, "Pat")
    records = workspace.patient_detail(doc.store, c.id).measures["gad7"]
    lines = sorted(readable.describe("measures", r) for r in records)
    assert [("unvalidated translation (de)" in line) for line in lines] == [True, False]
    html = report.render_html(doc.store, c.id)
    assert html.count("unvalidated translation (de)") == 1


def test_report_file_name_keeps_only_safe_characters():
    from datetime import date

    day = date(2026, 12, 1)
    assert report.file_name("Robin Okafor", day) == "hearth-report-Robin-Okafor-2026-12-01.pdf"
    assert report.file_name("../../etc/passwd", day) == "hearth-report-etc-passwd-2026-12-01.pdf"
    assert report.file_name('A:B*C?"<>|\\', day) == "hearth-report-A-B-C-2026-12-01.pdf"
    assert report.file_name("\u0623\u062d\u0645\u062f \u0639\u0644\u064a", day) == \
        "hearth-report-\u0623\u062d\u0645\u062f-\u0639\u0644\u064a-2026-12-01.pdf"
    assert report.file_name("Zo\u00eb\u202e\u200fx", day) == "hearth-report-Zo\u00eb-x-2026-12-01.pdf"
    assert report.file_name("   ", day) == "hearth-report-patient-2026-12-01.pdf"
    assert len(report.file_name("x" * 500, day)) < 80


def test_every_item9_answer_above_0_is_shown_with_its_value_and_date_newest_first(manager):
    """How often and how recently, in words faithful to the item; not only whether the newest is above 0."""
    from ui.workspace.patients import flags_text

    doc, (pat,) = xu.workspace(manager)
    xu.phq9(pat, [1] * 8 + [2], when="2026-11-02T09:00:00+00:00")
    xu.phq9(pat, [1] * 8 + [0], when="2026-11-09T09:00:00+00:00")
    xu.phq9(pat, [1] * 8 + [1], when="2026-11-16T09:00:00+00:00")
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    [row] = workspace.patient_rows(doc.store)
    assert row.item9 == (("2026-11-16T09:00:00+00:00", 1), ("2026-11-02T09:00:00+00:00", 2))
    text = flags_text(row)
    assert text.splitlines()[0] == "\u26a0 PHQ-9 item 9: thoughts of being better off dead or of hurting oneself"
    assert "2 answers above 0; latest 1 (Several days) on" in text and "16" in text
    html = report.render_html(doc.store, row.contact_id)
    assert "2 (More than half the days) on" in html and "1 (Several days) on" in html
    assert html.index("1 (Several days) on") < html.index("2 (More than half the days) on")  # newest first
    # The newest answer back at 0: not a current flag, but the history stays on the patient's page and report.
    xu.phq9(pat, [0] * 9, when="2026-11-23T09:00:00+00:00")
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    [row] = workspace.patient_rows(doc.store)
    assert workspace.SUICIDAL not in row.flags and len(row.item9) == 2
    assert "2 (More than half the days) on" in report.render_html(doc.store, row.contact_id)


def test_categories_left_out_of_the_newest_file_are_named_not_taken_for_no_risk(manager, qtbot, tmp_path):
    from types import SimpleNamespace

    from ui.workspace.patient_page import PatientPage

    doc, (pat,) = xu.workspace(manager)
    xu.fill(pat, item9=0)
    to_doc = xu.contact(pat, "Doc")
    importer.import_bytes(doc, xu.exported(pat, to_doc).data)
    c = xu.contact(doc, "Pat")
    assert workspace.withheld(doc.store) == {c.id: ()}
    assert workspace.patient_rows(doc.store)[0].withheld == ()
    # The next file leaves out questionnaires and safety flags: named, with what it means.
    xu.fill(pat, item9=2)
    importer.import_bytes(doc, xu.exported(pat, to_doc, categories=("checkins", "homework", "progress")).data)
    detail = workspace.patient_detail(doc.store, c.id)
    assert detail.withheld == ("measures", "flags", "messages", "safety_plan") == (
        workspace.patient_rows(doc.store)[0].withheld)
    text = readable.withheld_text(detail.withheld)
    assert text == ("Not shared in the newest file: Questionnaires, Safety flags, Messages, and Safety plan. No flag "
                    "here does not mean no risk: ask the patient.")
    assert readable.withheld_text(("messages",)) == "Not shared in the newest file: Messages."
    from ui.workspace.patient_table import flags_text

    assert flags_text(workspace.patient_rows(doc.store)[0]).endswith(
        "Not shared in the newest file: Questionnaires, Safety flags, Messages, and Safety plan.")
    page = PatientPage(SimpleNamespace(session=doc, theme_name="light", data_dir=tmp_path))
    qtbot.addWidget(page)
    page.load(c.id)
    assert not page.withheld.isHidden() and page.withheld.text() == text
    assert text in report.render_html(doc.store, c.id).replace("&#39;", "'")
    # Shared again: the notice goes.
    importer.import_bytes(doc, xu.exported(pat, to_doc).data)
    page.load(c.id)
    assert page.withheld.isHidden() and workspace.withheld(doc.store, c.id) == {c.id: ()}


def test_a_shared_safety_plan_is_readable_in_the_workspace_and_the_report(manager, qtbot, tmp_path):
    from types import SimpleNamespace

    from app.exchange import collect
    from app.safety import plan
    from ui.workspace.patient_page import PatientPage

    doc, (pat,) = xu.workspace(manager)
    to_doc = xu.contact(pat, "Doc")
    plan.save(pat.store, "warning_signs", "Not sleeping; <cancelling> plans")
    plan.save(pat.store, "reasons", "My sister\nMy cat")
    shown = collect.preview(pat, to_doc, ("safety_plan",))
    assert [r["id"] for r in shown.sections["safety_plan"]] == ["warning_signs", "reasons"]  # the plan's order
    importer.import_bytes(doc, xu.exported(pat, to_doc).data)
    c = xu.contact(doc, "Pat")
    detail = workspace.patient_detail(doc.store, c.id)
    assert readable.safety_plan(detail.safety_plan) == [("My warning signs", "Not sleeping; <cancelling> plans"),
                                                        ("My reasons for living", "My sister\nMy cat")]
    page = PatientPage(SimpleNamespace(session=doc, theme_name="light", data_dir=tmp_path))
    qtbot.addWidget(page)
    page.load(c.id)
    assert page.plan_text.text().startswith("My warning signs\nNot sleeping; <cancelling> plans\n\n")
    html = report.render_html(doc.store, c.id)
    assert "<span class=\"label\">My reasons for living</span><br>My sister<br>My cat" in html and "&lt;cancelling&gt;" in html
    # A section the patient empties travels empty, so the clinician's copy does not keep the old words.
    plan.save(pat.store, "reasons", "")
    importer.import_bytes(doc, xu.exported(pat, to_doc).data)
    detail = workspace.patient_detail(doc.store, c.id)
    assert [h for h, _b in readable.safety_plan(detail.safety_plan)] == ["My warning signs"]
    assert [readable.describe("safety_plan", r) for r in detail.changed["safety_plan"]] == [
        "My reasons for living: (emptied)"]


def test_no_safety_plan_shared_says_so_and_the_schema_knows_every_plan_section(manager, qtbot):
    import json

    from app.exchange import validate
    from app.safety import plan

    enum = validate.schema("patient")["$defs"]["plan_section"]["properties"]["id"]["enum"]
    assert tuple(enum) == plan.SECTION_IDS
    doc, (pat,) = xu.workspace(manager)
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    c = xu.contact(doc, "Pat")
    assert "No safety plan shared." in report.render_html(doc.store, c.id)
    bad = {"sections": ["safety_plan"], "everything": False,
           "safety_plan": [{"id": "../etc", "body": "x", "updated_at": "2026-01-01T00:00:00+00:00"}]}
    assert not validate.is_valid("patient", json.loads(json.dumps(bad)))
