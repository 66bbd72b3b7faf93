"""Light and dark palettes, text size, and the application style sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

LIGHT = {
    "window": "#f7f4ef", "base": "#ffffff", "alt": "#f0ebe3", "text": "#1f2328", "muted": "#5b6270",
    "accent": "#1f6f68", "accent_text": "#ffffff", "border": "#d8d2c8", "sidebar": "#ece6dc",
    "help": "#a8322a", "help_text": "#ffffff", "error": "#a8322a", "ok": "#2e6b34",
}
DARK = {
    "window": "#1d2024", "base": "#25292e", "alt": "#2c3137", "text": "#e8e6e3", "muted": "#a3aab5",
    "accent": "#5fb3aa", "accent_text": "#0f1a19", "border": "#3a4048", "sidebar": "#181b1f",
    "help": "#e0746b", "help_text": "#1a0f0e", "error": "#f08a80", "ok": "#8cc892",
}

_base_point_size: float | None = None
_applied: tuple | None = None  # (application, theme, text scale) last applied by apply()
_style: tuple | None = None  # (application, its HearthStyle): see apply()


def system_prefers_dark() -> bool:
    try:
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return False


def resolve(theme: str) -> str:
    if theme in ("light", "dark"):
        return theme
    return "dark" if system_prefers_dark() else "light"


def colors(theme: str) -> dict:
    return DARK if resolve(theme) == "dark" else LIGHT


def apply(app: QApplication, theme: str = "system", text_scale: int = 100) -> str:
    """Apply palette, font size and style sheet; returns "light" or "dark".

    Applying what is already applied does nothing: setting a style sheet re-polishes every widget (unlocking
    a profile whose appearance is the device's paid about 30 ms for it)."""
    global _base_point_size, _applied, _style
    name = resolve(theme)
    c = DARK if name == "dark" else LIGHT
    key = (id(app), name, text_scale)
    if key == _applied:
        return name
    from ui.style import HearthStyle

    if _style is None or _style[0] is not app:
        # One style object for the application's life, its colours changed in place: setting a new one made Qt
        # delete the old while widgets and style-sheet proxies could still point at it (app.style() is the
        # style sheet's proxy, never a HearthStyle, so a new one was made at every call).
        _style = (app, HearthStyle(c))
        app.setStyle(_style[1])
    else:
        _style[1].colors = c
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"], QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"], QPalette.ColorRole.AlternateBase: c["alt"],
        QPalette.ColorRole.Text: c["text"], QPalette.ColorRole.Button: c["alt"],
        QPalette.ColorRole.ButtonText: c["text"], QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["accent_text"], QPalette.ColorRole.ToolTipBase: c["base"],
        QPalette.ColorRole.ToolTipText: c["text"], QPalette.ColorRole.PlaceholderText: c["muted"],
        QPalette.ColorRole.Link: c["accent"], QPalette.ColorRole.Mid: c["border"],
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c["muted"]))
    app.setPalette(pal)

    if _base_point_size is None:
        _base_point_size = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
    base = _base_point_size * text_scale / 100.0
    font = app.font()
    font.setPointSizeF(base)
    app.setFont(font)
    app.setStyleSheet(style_sheet(c, base))
    _applied = key
    return name


def style_sheet(c: dict, base: float) -> str:
    return f"""
    QLabel[role="heading"] {{ font-size: {base * 1.7:.1f}pt; font-weight: 600; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    QLabel[role="subheading"] {{ font-size: {base * 1.2:.1f}pt; font-weight: 600; }}
    QLabel[role="muted"] {{ color: {c['muted']}; }}
    QLabel[role="error"] {{ color: {c['error']}; font-weight: 600; }}
    QLabel[role="ok"] {{ color: {c['ok']}; }}
    QLabel[role="recovery"] {{ font-family: monospace; font-size: {base * 1.5:.1f}pt;
        background: {c['base']}; border: 1px solid {c['border']}; border-radius: 6px; padding: 12px; }}
    QFrame[role="card"] {{ background: {c['base']}; border: 1px solid {c['border']}; border-radius: 8px; }}
    QListWidget#journalList::item {{ padding: 6px 8px; border-bottom: 1px solid {c['border']}; }}
    QListWidget#homeworkList::item {{ padding: 4px 6px; }}
    QListWidget#journalList::item:selected {{ background: {c['accent']}; color: {c['accent_text']}; }}
    QListWidget#sidebar {{ background: {c['sidebar']}; border: none; padding: 8px 4px; outline: 0; }}
    QListWidget#sidebar::item {{ padding: 9px 12px; border-radius: 6px; margin: 1px 4px; }}
    QListWidget#sidebar::item:selected {{ background: {c['accent']}; color: {c['accent_text']}; }}
    QPushButton {{ padding: 6px 14px; border-radius: 6px; border: 1px solid {c['border']}; background: {c['alt']}; }}
    QPushButton:focus {{ border: 2px solid {c['accent']}; }}
    QPushButton:checked {{ background: {c['accent']}; color: {c['accent_text']}; border: 1px solid {c['accent']}; }}
    QPushButton:checked:focus {{ border: 3px double {c['text']}; }}
    QPushButton:checked:disabled {{ background: {c['border']}; color: {c['muted']}; border-color: {c['border']}; }}
    QPushButton[role="primary"] {{ background: {c['accent']}; color: {c['accent_text']}; border: 1px solid {c['accent']}; }}
    QPushButton[role="primary"]:focus {{ border: 3px double {c['text']}; }}
    QPushButton[role="primary"]:disabled {{ background: {c['border']}; color: {c['muted']}; border-color: {c['border']}; }}
    QToolButton:focus {{ border: 2px solid {c['accent']}; border-radius: 5px; }}
    QCheckBox:focus, QRadioButton:focus {{ border-bottom: 2px solid {c['accent']}; }}
    QLabel[role="recovery"]:focus {{ border: 2px solid {c['accent']}; }}
    /* the timer of the timed exercises: large, not bold (bold and large reads as a heading, and it is not one) */
    QLabel[role="clock"] {{ font-size: {base * 2.2:.1f}pt; font-weight: 400; padding: 2px 10px;
        border: 2px solid transparent; border-radius: 6px; }}
    QLabel[role="clock"]:focus {{ border: 2px solid {c['accent']}; }}
    QFrame[role="card"]:focus {{ border: 2px solid {c['accent']}; }}
    QTextBrowser:focus, QTableView:focus, QListWidget:focus, QTreeView:focus {{ border: 2px solid {c['accent']}; }}
    QListWidget#sidebar:focus {{ border: none; }}
    QListWidget#sidebar::item:selected:focus {{ border: 2px solid {c['text']}; }}
    QToolButton#helpButton {{ background: {c['help']}; color: {c['help_text']}; font-weight: 600;
        padding: 6px 14px; border-radius: 6px; }}
    QToolButton#helpButton:focus {{ border: 2px solid {c['text']}; }}
    QToolBar {{ border: none; spacing: 8px; padding: 4px 8px; background: {c['window']}; }}
    QLineEdit, QPlainTextEdit {{ padding: 5px; border: 1px solid {c['border']};
        border-radius: 5px; background: {c['base']}; }}
    QLineEdit:focus, QPlainTextEdit:focus {{ border: 2px solid {c['accent']}; }}
    """
