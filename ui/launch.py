"""GUI entry points: the app itself, the screenshot command and the self-test."""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from app import diagnostics


def _offscreen() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait_until(app, predicate, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if predicate():
            return True
        time.sleep(0.01)
    return False


def _new_context(data_dir: Path, *, weak_kdf=False, **kw):
    from app.crypto.keyfile import DEFAULT_KDF, TEST_KDF
    from app.profiles import ProfileManager
    from ui.context import AppContext

    # The window checks a cleanly closed profile's pages after it has opened (app/store/check.py).
    manager = ProfileManager(data_dir, TEST_KDF if weak_kdf else DEFAULT_KDF, check_later=True)
    ctx = AppContext(data_dir, manager, **kw)
    ctx.apply_device_settings()
    return ctx


def run_gui(data_dir: Path, *, demo: bool = False, demo_program: str = "low-mood",
            quit_after_first_paint: bool = False, forced_locale: str | None = None,
            start_hidden: bool = False) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from ui.qt_setup import make_app, no_display_message

    problem = no_display_message()
    if problem:
        sys.stderr.write(problem)
        return 1
    app = make_app()
    temp_dir = None
    demo_session = None
    if demo:
        from app import demo as demo_data
        from app.profiles import ProfileManager

        temp_dir = Path(tempfile.mkdtemp(prefix="hearth-demo-"))
        data_dir = temp_dir
        demo_session, _key = ProfileManager(data_dir).create(demo_data.DEMO_NAME, demo_data.DEMO_PASSWORD)
        demo_data.fill(demo_session.store, program=demo_program)

    from ui.main_window import MainWindow

    ctx = _new_context(data_dir, demo_password=demo_data.DEMO_PASSWORD if demo else None,
                       forced_locale=forced_locale)
    win = MainWindow(ctx)
    diagnostics.on_unhandled(lambda exc_type: _report_internal_error(win))
    if demo_session is not None:
        win._session_opened(demo_session)

    if quit_after_first_paint:
        class _FirstPaint(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    obj.removeEventFilter(self)
                    QTimer.singleShot(0, app.quit)
                return False

        painter_watch = _FirstPaint(win)
        win.installEventFilter(painter_watch)
    if not (start_hidden and win.reminders.in_tray):  # in the tray only where there is one
        win.show()
    try:
        return app.exec()
    finally:
        win.lock()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)


def _report_internal_error(win) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.i18n import _

    QMessageBox.warning(win, _("Something went wrong"),
                        _("Hearth ran into an unexpected problem. Everything you saved is safe, and what "
                          "you were typing is kept as a draft. If this keeps happening, restart Hearth."))


# --- screenshot ----------------------------------------------------------------

def screenshot(data_dir: Path | None, out: Path, theme_name: str, locale: str | None) -> int:
    """Render every page, with demo data, to PNG files in ``out``."""
    _offscreen()
    from app import demo as demo_data
    from ui.help_dialog import HelpDialog
    from ui.main_window import MainWindow
    from ui.pages.shell import SECTIONS
    from ui.qt_setup import make_app

    app = make_app()
    temp_dir = Path(tempfile.mkdtemp(prefix="hearth-shots-")) if data_dir is None else None
    base = data_dir or temp_dir
    out.mkdir(parents=True, exist_ok=True)
    try:
        ctx = _new_context(base, weak_kdf=True, forced_locale=locale)
        ctx.device.theme = theme_name
        ctx.set_appearance(theme_choice=theme_name)
        win = MainWindow(ctx)
        win.resize(1100, 740)
        win.show()
        shots = []

        def grab(name, widget=None):
            _wait_until(app, lambda: False, 0.05)
            path = out / f"{name}.png"
            (widget or win).grab().save(str(path))
            shots.append(path)

        if not ctx.manager.list():
            grab("01-welcome")
        win.show_page(win.create)
        grab("02-create-profile")
        session, key = ctx.manager.create(demo_data.DEMO_NAME if not ctx.manager.list() else "Demo 2",
                                          demo_data.DEMO_PASSWORD)
        demo_data.fill(session.store)
        session.store.query("SELECT 1")
        win.create.show_recovery_key(session, key)
        grab("03-recovery-key")
        win.create.stored.setChecked(True)
        win.create.finish.click()
        grab("03b-recovery-key-check")
        win.create.confirm.type_from_copy(key)
        win.create.confirm.done.click()
        _wait_until(app, lambda: win.stack.currentWidget() is win.shell)
        ctx.set_appearance(theme_choice=theme_name)
        for i, (section, _label) in enumerate(SECTIONS):
            win.shell.go(section)
            if section == "journal":
                win.shell.pages["journal"].journal.list.setCurrentRow(0)
            if section == "progress":
                _wait_until(app, lambda: win.shell.pages["progress"].all_drawn)
            grab(f"{10 + i:02d}-{section}")
            if section == "progress":
                grab("14b-progress-all-charts", win.shell.pages["progress"].body)
        program_page = win.shell.pages["program"]
        win.shell.go("program")
        program_page.modules.setCurrentRow(0)
        grab("17-lesson")
        program = program_page.program
        if program is not None:
            spec = program.modules[0].exercise("reflection")
            win.shell.open_exercise("reflection", spec, program.id, program.modules[0].id)
            win.shell.pages["journal"].stack.currentWidget().browser.list.setCurrentRow(0)
            grab("18-exercise-reflection")
            win.shell.open_exercise("quiz", program.modules[0].exercise("quiz"), program.id, program.modules[0].id)
            win.shell.pages["journal"].stack.currentWidget().browser.list.setCurrentRow(0)
            grab("19-exercise-quiz")
        from app.measures import engine as measure_engine
        from app.safety import plan as safety_plan
        from ui.exercises import registry as editor_registry

        measures_page = win.shell.pages["measures"]
        win.shell.go("measures")
        measures_page.start(measure_engine.shipped()["phq9"])
        for row, value in zip(measures_page.form.rows[:5], (1, 2, 1, 1, 0)):
            row.set_value(value)
        grab("40-questionnaire")
        for row in measures_page.form.rows[5:]:
            row.set_value(1 if row is not measures_page.form.rows[-1] else 0)
        measures_page.finish()
        grab("41-result")
        safety_plan.save(ctx.session.store, "warning_signs", "Not sleeping, cancelling plans, staying in bed.")
        safety_plan.save(ctx.session.store, "help_people", "Amira (sister) 0100 000 000")
        safety_plan.save(ctx.session.store, "reasons", "My sister, my cat, finishing my course.")
        after = HelpDialog(ctx, win, after_answer=True)
        after.show()
        grab("42-help-after-item-9", after)
        after.close()
        from datetime import datetime, timezone

        from app.measures import suitability
        from ui.suitability import SuitabilityDialog

        fit = SuitabilityDialog(suitability.Concern((suitability.SEVERE,), datetime.now(timezone.utc), 22.0), win)
        fit.show()
        grab("43-suitability", fit)
        fit.close()
        win.shell.go("measures")
        measures_page.show_overview()
        grab("13-measures")

        for n, kind in enumerate(editor_registry.tools()):
            win.shell.open_exercise(kind, None, None, None)
            grab(f"{30 + n:02d}-tool-{kind}")
        dlg = HelpDialog(ctx, win)
        dlg.show()
        grab("20-get-help", dlg)
        dlg.close()
        win.shell.open_safety_plan()
        grab("21-safety-plan")
        from ui import screenshots_exchange

        screenshots_exchange.shoot(app, ctx, win, grab, lambda p: _wait_until(app, p))
        win.lock()
        if len(ctx.manager.list()) < 2:
            extra, _k = ctx.manager.create("Sam", demo_data.DEMO_PASSWORD)
            extra.lock()
        win.show_start()
        grab("04-unlock")
        win.unlock_page.password.edit.setText("wrong password")
        win.unlock_page.unlock.click()
        _wait_until(app, lambda: win.unlock_page.error.isVisible())
        grab("05-unlock-wrong-password")
        win._forgot(win.unlock_page.current_profile())
        grab("06-recovery")
        for p in shots:
            print(p)
        return 0
    finally:
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)


# --- selftest ------------------------------------------------------------------

def _selftest_program(app, win, check) -> None:
    """Enrol in the first shipped program, read its first lesson, open every exercise kind."""
    from app.programs import loader, progress
    from ui.exercises import registry as editor_registry

    good, bad = loader.load_all()
    check(bool(good) and not bad, "programs load and validate")
    if not good:
        return
    progress.enrol(win.ctx.session.store, good[0].id)
    win.shell.go("program")
    page = win.shell.pages["program"]
    page.load()
    check(page.pages.currentIndex() == 1 and len(page.lesson.toPlainText()) > 200, "first lesson renders")
    kinds = editor_registry.editors()
    check(len(kinds) >= 9 and not editor_registry.failures, f"{len(kinds)} exercise kinds load")
    for kind in sorted(kinds):
        win.shell.open_exercise(kind, good[0].modules[0].exercise(kind), good[0].id, good[0].modules[0].id)
        app.processEvents()
        host = win.shell.pages["journal"].stack.currentWidget()
        check(getattr(host, "kind", None) == kind, f"exercise {kind} opens")



def _selftest_chart(check, data_dir: Path) -> None:
    """numpy, matplotlib and Pillow load and a chart becomes a PNG (a bundle once shipped where they did not)."""
    from app import trends
    from ui import theme
    from ui.charts import draw, mpl

    try:
        mpl.load(data_dir)
        style = draw.Style(colors=theme.colors("light"), dark=False, rtl=False)
        with mpl.drawing():
            png = mpl.to_bytes(draw.activities_chart([trends.ActivityMood("Walk", 3, 6.0)], 6.0, style))
        ok = png.startswith(b"\x89PNG")
    except Exception as exc:  # noqa: BLE001 - reported as a failed step
        print(diagnostics.redacted_report(type(exc), exc, exc.__traceback__))
        ok = False
    check(ok, "a chart is drawn")


# Words whose order by code point differs from their order in the language: Qt sorts them with ICU's collation,
# so a bundle whose ICU data lost what a language needs would give the code-point order (build/icu_data.py).
_COLLATION = {"en": ["cherry", "Banana", "apple"], "de": ["Zebra", "Äpfel", "Apfel"], "fr": ["zèbre", "élan", "abricot"],
              "es": ["oso", "ñu", "nube"], "uk": ["єнот", "дім", "ґанок", "гора"], "fa": ["ت", "پ", "ب"]}


def _selftest_icu(check, locale: str | None) -> None:
    """Qt's ICU (collation, case mapping) works for the language being tested and for English."""
    from PySide6.QtCore import QCollator, QLocale

    for code in sorted({"en", (locale or "en").split("_")[0]}):
        words = _COLLATION.get(code)
        if words:
            collator = QCollator(QLocale(code))
            ordered = sorted(words, key=collator.sortKey)
            check(ordered == list(reversed(words)), f"{code}: words sort in the language's order ({', '.join(ordered)})")
    check(QLocale("de").toUpper("straße") == "STRASSE", "case mapping")


def selftest(data_dir: Path | None, locale: str | None = None) -> int:
    """Create, unlock, visit every page, lock, unlock again; exit 0 when all is well."""
    _offscreen()
    from ui.main_window import MainWindow
    from ui.pages.shell import SECTIONS
    from ui.qt_setup import make_app

    app = make_app()
    temp_dir = Path(tempfile.mkdtemp(prefix="hearth-selftest-"))
    base = (data_dir or temp_dir) / "selftest"
    failures = []

    def check(ok: bool, what: str) -> None:
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    try:
        ctx = _new_context(base, forced_locale=locale)
        if locale:
            from app import i18n

            own = i18n.PSEUDO_FORMATS.get(locale, locale)
            check(i18n.current_language() == locale and i18n.babel_locale() == own
                  and bool(i18n.format_date(datetime.date.today())), f"{locale}: its catalog, its own dates and numbers")
        win = MainWindow(ctx)
        win.show()
        check(win.stack.currentWidget() is win.welcome, "welcome page on first run")
        win.welcome.start.click()
        c = win.create
        c.name.setText("Selftest")
        c.password.edit.setText("selftest-password")
        c.password2.edit.setText("selftest-password")
        c.create.click()
        check(_wait_until(app, lambda: c.steps.currentIndex() == 1), "profile created, recovery key shown")
        key = c.key.text()
        c.stored.setChecked(True)
        c.finish.click()
        check(c.steps.currentIndex() == 2, "asked to type back two groups of the key")
        c.confirm.fields[0].setText("000000")
        c.confirm.done.click()
        check(c.steps.currentIndex() == 2 and c.confirm.error.isVisible(), "a wrong group is refused")
        c.confirm.type_from_copy(key)
        c.confirm.done.click()
        check(win.stack.currentWidget() is win.shell, "main window opened")
        for section, _label in SECTIONS:
            win.shell.go(section)
            app.processEvents()
            check(win.shell.current_key() == section, f"page {section}")
        _selftest_program(app, win, check)
        _selftest_chart(check, base)
        _selftest_icu(check, locale)
        win.lock()
        check(win.stack.currentWidget() is win.unlock_page and not ctx.unlocked, "locked")
        u = win.unlock_page
        u.password.edit.setText("not the password")
        u.unlock.click()
        check(_wait_until(app, lambda: u.error.isVisible()), "wrong password refused")
        u.password.edit.setText("selftest-password")
        u.unlock.click()
        check(_wait_until(app, lambda: ctx.unlocked), "unlocked with password")
        win.lock()
        win._forgot(u.current_profile())
        r = win.recover
        r.key.setText(key)
        r.password.edit.setText("another-password")
        r.password2.edit.setText("another-password")
        r.go.click()
        check(_wait_until(app, lambda: ctx.unlocked), "unlocked with recovery key")
        win.lock()
        check(not ctx.unlocked, "locked again")
        win.close()
    except Exception as exc:  # noqa: BLE001
        failures.append(diagnostics.redacted_report(type(exc), exc, exc.__traceback__))
        print("FAIL " + failures[-1])
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)
        if data_dir is not None:
            shutil.rmtree(base, ignore_errors=True)
    print("selftest: " + ("passed" if not failures else f"{len(failures)} problem(s)"))
    sys.stdout.flush()
    return 0 if not failures else 1
