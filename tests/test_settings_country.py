"""Settings → Crisis lines for: the country whose crisis lines Get help now shows, chosen once for this
computer (also offered in Get help now itself, and set by a clinic's clinic.json until someone chooses)."""

from __future__ import annotations

from app import settings
from tests.test_exchange_ui import open_profile  # noqa: F401 - helper
from tests.test_ui import make_window  # noqa: F401 - fixture
from ui.help_dialog import HelpDialog


def test_the_country_chosen_in_settings_is_the_one_get_help_now_shows(qtbot, make_window):  # noqa: F811
    win, ctx, _key = make_window(with_profile=True)
    open_profile(win, ctx, "Alex")
    win.shell.go("settings")
    page = win.shell.pages["settings"]
    combo = page.country
    assert combo.itemData(0) == "" and combo.count() > 5 and page.country_label.buddy() is combo
    combo.setCurrentIndex(combo.findData("IE"))
    combo.activated.emit(combo.currentIndex())
    assert ctx.country() == "IE" and settings.load(ctx.data_dir).country == "IE"
    dialog = HelpDialog(ctx, win)
    qtbot.addWidget(dialog)
    assert dialog.country.currentData() == "IE"
    dialog.country.setCurrentIndex(dialog.country.findData("GB"))
    win.shell.go("home")
    win.shell.go("settings")
    assert page.country.currentData() == "GB"  # one choice for the computer, wherever it was made
