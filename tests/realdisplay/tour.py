"""Walks a fresh window through the views a person meets, calling ``check(name, window)`` at each.

Every view is seen at its first show in that window (not a revisit). Used by the layout and
accessibility checks of the real-display lane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import demo as demo_data
from app.exchange import contacts, importer
from tests import exchange_util as xu
from tests.conftest import PASSWORD
from tests.realdisplay.windows import make_profile, unlock
from ui.help_dialog import HelpDialog


def _settle(qtbot, ms: int = 60) -> None:
    qtbot.wait(ms)


def _dialog(qtbot, win, check, name, dialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(qtbot, 120)
    check(name, dialog)
    dialog.close()


def before_unlock(qtbot, windows, locale, theme_name, check) -> None:
    """Welcome, create (form, key, key check), Get help now while locked, unlock, recovery."""
    win, ctx = windows.open(locale=locale, theme_name=theme_name)
    check("welcome", win)
    win.show_page(win.create)
    _settle(qtbot)
    check("create", win)
    page = win.create
    page.for_work.setChecked(True)
    _settle(qtbot)
    check("create-clinician", win)
    page.for_me.setChecked(True)
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)  # nothing typed: the error shows
    _settle(qtbot)
    check("create-error", win)
    qtbot.keyClicks(page.name, "Jordan")
    qtbot.keyClicks(page.password.edit, "a long password")
    qtbot.keyClicks(page.password2.edit, "a long password")
    qtbot.keyClick(page.password2.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 1, timeout=15000)
    _settle(qtbot)
    check("recovery-key", win)
    page.stored.setChecked(True)
    page.finish.click()
    _settle(qtbot)
    check("recovery-key-check", win)
    page.confirm.done.click()  # nothing typed: the error shows
    _settle(qtbot)
    check("recovery-key-check-error", win)
    page.reset()
    win.show_start()
    _settle(qtbot)
    check("unlock", win)
    qtbot.keyClicks(win.unlock_page.password.edit, "not the password")
    qtbot.keyClick(win.unlock_page.password.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.unlock_page.error.isVisible(), timeout=15000)
    _settle(qtbot)
    check("unlock-wrong-password", win)
    win._forgot(win.unlock_page.current_profile())
    _settle(qtbot)
    check("recovery", win)
    _dialog(qtbot, win, check, "get-help-locked", HelpDialog(ctx, win))


def patient(qtbot, windows, locale, theme_name, check) -> None:
    """Every section of the patient's app with a few weeks of example data, first show each."""
    def fill(session):
        demo_data.fill(session.store, days=30)
    make_profile(windows.manager(), "Sam", fill=fill)
    win, ctx = windows.open(locale=locale, theme_name=theme_name)
    unlock(qtbot, win)
    ctx.set_appearance(theme_choice=theme_name)  # the profile's own choice, as Settings saves it
    shell = win.shell
    for key, _label in shell.SECTIONS:
        shell.go(key)
        if key == "progress":
            page = shell.pages["progress"]
            qtbot.waitUntil(lambda: page.all_drawn, timeout=60000)
        _settle(qtbot, 120)
        check(key, win)
    program = shell.pages["program"]
    shell.go("program")
    from app.programs import progress as prog

    prog.enrol(ctx.session.store, "low-mood")
    program.load()
    _settle(qtbot, 150)
    check("program-lesson", win)
    ctx.set_country("GB")  # crisis data to suggest: the plan's suggestion card shows
    shell.open_safety_plan()
    _settle(qtbot, 120)
    check("safety-plan", win)
    from ui.exercises import registry

    spec_module = program.program.modules[0]
    for kind in sorted(registry.editors()):
        shell.open_exercise(kind, spec_module.exercise(kind), program.program.id, spec_module.id)
        _settle(qtbot, 100)
        check(f"exercise-{kind}", win)
    measures = shell.pages["measures"]
    shell.go("measures")
    from app.measures import engine

    measures.start(engine.shipped()["phq9"])
    _settle(qtbot, 100)
    check("questionnaire", win)
    for row in measures.form.rows:
        row.set_value(1 if row is not measures.form.rows[-1] else 0)
    measures.finish()
    _settle(qtbot, 100)
    check("questionnaire-result", win)
    from app.measures import engine
    from ui.measure_history import MeasureHistoryDialog

    _dialog(qtbot, win, check, "measure-history", MeasureHistoryDialog(ctx.session.store, engine.shipped()["phq9"],
                                                                      lambda: None, win))
    _dialog(qtbot, win, check, "get-help", HelpDialog(ctx, win))
    _dialog(qtbot, win, check, "get-help-after-answer", HelpDialog(ctx, win, after_answer=True))
    from ui.erase_dialog import EraseProfileDialog

    _dialog(qtbot, win, check, "erase-profile", EraseProfileDialog(ctx, win))
    from ui.data_archive import ExportDataDialog

    export = ExportDataDialog(win)
    _dialog(qtbot, win, check, "export-data", export)
    export.plain.setChecked(True)
    _dialog(qtbot, win, check, "export-data-plain", export)
    from ui.workbook import WorkbookDialog

    _dialog(qtbot, win, check, "workbook", WorkbookDialog(win))
    from ui.reminders_dialog import RemindersDialog

    _dialog(qtbot, win, check, "reminders", RemindersDialog(ctx, win.reminders, win))
    QApplication.processEvents()


def workspace(qtbot, windows, locale, theme_name, check) -> None:
    """The clinician's workspace with two patients' progress imported."""
    manager = windows.manager()
    doc, pats = xu.workspace(manager, patients=("Pat", "Robin"))
    for p, item9 in zip(pats, (0, 1)):
        xu.fill(p, item9=item9)
        importer.import_bytes(doc, xu.exported(p, contacts.find(p.store, "Doc")).data)
        p.lock()
    doc.lock()
    win, ctx = windows.open(locale=locale, theme_name=theme_name)
    _select_profile(win, "Doc")
    unlock(qtbot, win, PASSWORD)
    ctx.set_appearance(theme_choice=theme_name)
    shell = win.shell
    for key, _label in shell.SECTIONS:
        shell.go(key)
        qtbot.waitUntil(lambda: not shell.pages["patients"].loading, timeout=20000)  # worked out in a worker
        if key == "outcomes":  # its figures are worked out in a worker when the section is chosen
            qtbot.waitUntil(lambda: shell.pages["outcomes"].summary is not None, timeout=20000)
        _settle(qtbot, 120)
        check(f"workspace-{key}", win)
    shell.go("patients")
    patients = shell.pages["patients"]
    qtbot.waitUntil(lambda: not patients.loading and bool(patients.rows), timeout=20000)
    patients.open_patient_at(0)
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    page = patients.patient
    qtbot.waitUntil(lambda: all(c.drawn for c in page.charts), timeout=60000)
    _settle(qtbot, 120)
    check("workspace-patient", win)


def _select_profile(win, name: str) -> None:
    page = win.unlock_page
    combo = page.profile
    for i in range(combo.count()):
        if name in combo.itemText(i):
            combo.setCurrentIndex(i)
            return
