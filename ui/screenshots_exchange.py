"""Screenshots of the exchange (called by ``ui.launch.screenshot`` with the demo patient unlocked).

Pairs the demo patient with a demo clinician, shows the patient's Clinician page and the send
preview, then opens the clinician's workspace with the patient's progress imported.
"""

from __future__ import annotations


def shoot(app, ctx, win, grab, wait) -> None:
    from app import demo as demo_data
    from app.exchange import card, contacts, importer, outbox
    from ui.exchange.pairing import PairDialog
    from ui.exchange.send_progress import SendProgressDialog

    patient = ctx.session
    doc, _key = ctx.manager.create("Dr Rivera", demo_data.DEMO_PASSWORD, kind="clinician")
    card.set_details(doc, clinic="Riverside Community Clinic", phone="+44 20 7946 0000",
                     email="rivera@riverside.example")
    doc_card = card.parse_card(card.make_card(doc))
    dlg = PairDialog(doc_card, win)
    dlg.show()
    grab("60-pair-dialog", dlg)
    dlg.close()
    card.pair(patient, doc_card, confirmed=True)
    card.pair(doc, card.parse_card(card.make_card(patient)), confirmed=True)
    to_doc = contacts.find(patient.store, "Dr Rivera")
    outbox.add_message(patient.store, to_doc, "The activity diary helped this week. Mornings are still hard.")
    win.shell.go("clinician")
    win.shell.pages["clinician"].load()
    grab("61-clinician-paired")
    send = SendProgressDialog(ctx, to_doc, win)
    send.show()
    grab("62-send-progress", send)
    send.close()
    importer.import_bytes(doc, _sent(patient, to_doc))
    _flagged_patient(ctx, doc, demo_data.DEMO_PASSWORD)
    to_patient = contacts.find(doc.store, patient.display_name)
    outbox.add_message(doc.store, to_patient, "Thank you. Let's look at mornings together on Tuesday.")
    doc.lock()
    win.lock()
    win._session_opened(ctx.manager.unlock(ctx.manager.find("Dr Rivera"), demo_data.DEMO_PASSWORD))
    ctx.set_appearance(theme_choice=ctx.device.theme)
    patients = win.shell.pages["patients"]
    wait(lambda: not patients.loading)  # the list is worked out in a worker
    grab("63-workspace-patients")
    patients.open_patient_at(0)
    page = patients.patient
    wait(lambda: all(c.drawn for c in page.charts))
    grab("64-workspace-patient")
    grab("64b-workspace-patient-all", page.body)
    win.shell.go("audit")
    grab("65-workspace-audit")


def _sent(session, contact) -> bytes:
    """Export as the app does (the file written, then recorded as sent); the file's bytes."""
    import tempfile
    from pathlib import Path

    from app.exchange import export

    with tempfile.TemporaryDirectory() as folder:
        return export.export_to(session, contact, Path(folder) / "package.age").data


def _flagged_patient(ctx, doc, password) -> None:
    """A second patient whose newest PHQ-9 answers item 9: listed first in the workspace."""
    from app.exchange import card, contacts, importer
    from app.measures import engine, results
    from app.programs import progress

    robin, _key = ctx.manager.create("Robin", password)
    card.pair(robin, card.parse_card(card.make_card(doc)), confirmed=True)
    card.pair(doc, card.parse_card(card.make_card(robin)), confirmed=True)
    progress.enrol(robin.store, "low-mood")
    results.save(robin.store, engine.shipped()["phq9"], [2, 2, 1, 2, 1, 1, 1, 1, 0],
                 taken_at="2026-01-05T09:00:00+00:00")
    results.save(robin.store, engine.shipped()["phq9"], [3, 3, 2, 3, 2, 2, 2, 2, 1])
    importer.import_bytes(doc, _sent(robin, contacts.find(robin.store, doc.display_name)))
    robin.lock()
