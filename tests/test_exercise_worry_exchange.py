"""Worry diary, worry time and behavioural experiment entries travel to the clinician as every entry does
(the homework section) and read there in words, through the kinds' one readable form."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.exchange import importer, report, workspace
from app.exercises import store as ex_store
from tests import exchange_util as xu
from tests.test_exercise_readable import EXAMPLES

EXPECTED = {
    "worry-diary": ["The worry", "What if I lose my job", "Hypothetical: a \u201cwhat if\u2026\u201d worry",
                    "75 \u2192 40 out of 100", "Postponed it to worry time: Parked it for 6 pm"],
    "worry-time": ["Worries looked at", "Boiler makes a noise (Practical: I will work on it with problem solving)",
                   "60 \u2192 35 out of 100", "Easier than I thought"],
    "behavioural-experiment": ["The belief I am testing", "85%", "What actually happened", "Slept after 20 minutes",
                               "30%", "Done"],
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_an_entry_survives_export_and_import_and_reads_in_words_for_the_clinician(manager, qtbot, kind):
    from app.exercises import readable
    from ui.workspace.entries import EntryCard

    doc, (pat,) = xu.workspace(manager)
    sent = ex_store.add(pat.store, kind, EXAMPLES[kind][0])
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    c = xu.contact(doc, "Pat")
    [entry] = workspace.patient_detail(doc.store, c.id).homework
    assert entry["kind"] == kind and entry["data"] == sent.data
    text = readable.as_text(readable.entry_lines(entry))
    for words in EXPECTED[kind]:
        assert words in text, f"{kind}: {words!r} missing from\n{text}"
    assert "What was written" not in text  # read field by field, not as bare text
    card = EntryCard(SimpleNamespace(session=doc), c, entry)
    qtbot.addWidget(card)
    html = report.render_html(doc.store, c.id)
    for words in EXPECTED[kind][:2]:
        assert words in card.text.text() and words in html
