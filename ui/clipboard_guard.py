"""What Hearth puts on the clipboard does not outlive the session, and a copied secret does not linger.

- At lock, the clipboard is cleared if it still holds the last thing copied from Hearth (a journal line,
  a safety-plan step): the next person at a shared laptop cannot paste it.
- A secret (a recovery-key group, or anything copied from a widget marked ``secret``) is cleared 30 s
  after it was copied, if the clipboard still holds it, and is marked for clipboard managers as a
  password (``x-kde-passwordManagerHint: secret``) so those that honour it keep no history of it.
Hearth never clears what another program put on the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtWidgets import QApplication

SECRET_SECONDS = 30
SECRET_PROPERTY = "secret"  # widgets whose text is secret set this Qt property to True
_HINT = "x-kde-passwordManagerHint"


def mark_secret(widget) -> None:
    widget.setProperty(SECRET_PROPERTY, True)


def _digest(text: str) -> bytes:
    import hashlib  # here, not at start-up (OpenSSL's hashlib takes a few milliseconds to load)

    return hashlib.sha256(text.encode("utf-8")).digest()  # the secret itself is not kept here


class ClipboardGuard(QObject):
    def __init__(self, owner, seconds: int = SECRET_SECONDS):
        super().__init__(owner)
        self._clipboard = QApplication.clipboard()
        self._secret: bytes | None = None
        self._ours: bytes | None = None
        self._rewriting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(seconds * 1000)
        self._timer.timeout.connect(self.clear_secret)
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        if self._rewriting:
            return
        text = self._clipboard.text()
        focus = QApplication.focusWidget()
        if focus is None or not text:
            return  # copied in another program (Hearth has no focus): not ours to clear
        # QClipboard.ownsClipboard() cannot tell (always false on some platforms): what was copied
        # while a Hearth widget had focus is remembered by its digest and cleared only if unchanged.
        self._ours = _digest(text)
        if not focus.property(SECRET_PROPERTY):
            return
        self._secret = self._ours
        self._timer.start()
        data = QMimeData()
        data.setText(text)
        data.setData(_HINT, b"secret")
        self._rewriting = True
        try:
            self._clipboard.setMimeData(data)
        finally:
            self._rewriting = False

    def _holds(self, digest: bytes | None) -> bool:
        return digest is not None and _digest(self._clipboard.text()) == digest

    def clear_secret(self) -> None:
        """Clear the clipboard if it still holds the secret copied last."""
        if self._holds(self._secret):
            self._clipboard.clear()
        self._secret = None

    def session_ended(self) -> None:
        """At lock: clear what was copied from Hearth if the clipboard still holds it."""
        self._timer.stop()
        if self._holds(self._ours) or self._holds(self._secret):
            self._clipboard.clear()
        self._secret = self._ours = None
