"""The fields of one endpoint: name, base URL, API key, timeout, verify TLS.

The key field is a password field that is emptied as soon as the key is taken
(saved); a stored key is never read back into it, only where it is kept is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from studio.core.credentials import TokenStatus
from studio.core.endpoints import Endpoint, problem
from studio.core.endpoints.store import DEFAULT_TIMEOUT_S, MAX_TIMEOUT_S
from studio.ui.texts import core_text

URL_EXAMPLE = "http://127.0.0.1:8000/v1"


class EndpointForm(QWidget):
    edited = Signal()  # a field changed (the notes follow)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.loaded: Endpoint | None = None  # the stored endpoint being edited (None: new)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("gpu-box")
        self.name.setToolTip(self.tr("A short name: letters, digits, dots, dashes or "
                                     "underscores"))
        self.url = QLineEdit(self)
        self.url.setPlaceholderText(URL_EXAMPLE)
        self.url.setToolTip(self.tr("The server's OpenAI-compatible address; /v1 is added "
                                    "unless it ends with it"))
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setToolTip(self.tr("Kept in the system keyring, never in the settings "
                                    "files, never shown again"))
        self.forget_key = QToolButton(self)
        self.forget_key.setText(self.tr("Forget key"))
        self.forget_key.setEnabled(False)
        self.timeout = QDoubleSpinBox(self, minimum=1.0, maximum=MAX_TIMEOUT_S, singleStep=10.0)
        self.timeout.setDecimals(0)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setToolTip(self.tr("How long to wait for the server to connect, and "
                                        "between two pieces of its answer"))
        self.verify = QCheckBox(self.tr("Verify the TLS certificate"), self)
        self.verify.setToolTip(self.tr("Turn off only for a self-signed certificate on a "
                                       "network you trust"))
        self.key_label = QLabel(self)
        self.key_label.setWordWrap(True)
        self.note = QLabel(self)  # plain HTTP, the offline switch, what was not valid
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b45309")
        self.note.hide()

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Base URL"), self.url)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.forget_key)
        form.addRow(self.tr("API key"), key_row)
        form.addRow(self.key_label)
        form.addRow(self.tr("Timeout"), self.timeout)
        form.addRow(self.verify)
        form.addRow(self.note)
        for field in (self.name, self.url, self.key):
            field.textEdited.connect(self.edited)
        self.verify.toggled.connect(self.edited)
        self.set_endpoint(None)

    def set_endpoint(self, endpoint: Endpoint | None, key: TokenStatus | None = None) -> None:
        """Show ``endpoint`` (None: a new one) and where its key is kept."""
        self.loaded = endpoint
        self.name.setText(endpoint.name if endpoint else "")
        self.url.setText(endpoint.base_url if endpoint else "")
        self.timeout.setValue(endpoint.timeout_s if endpoint else DEFAULT_TIMEOUT_S)
        self.verify.setChecked(endpoint.verify_tls if endpoint else True)
        self.key.clear()
        self.show_key(key or TokenStatus(False, ""))

    def show_key(self, status: TokenStatus, saving: bool = False) -> None:
        self.forget_key.setEnabled(status.stored and not saving)
        self.key_label.setStyleSheet("color: #b45309" if status.warning else "")
        if saving:
            text = self.tr("Saving…")
        elif status.warning:
            text = core_text(status.warning)
        elif status.where == "keyring":
            text = self.tr("The API key is stored in the system keyring.")
        elif status.stored:
            text = self.tr("The API key is stored.")
        else:
            text = self.tr("No API key stored (a server on this computer often needs none).")
        self.key_label.setText(text)
        self.key.setPlaceholderText(self.tr("stored; type a new one to replace it")
                                    if status.stored else self.tr("optional"))

    def endpoint(self) -> Endpoint:
        """The endpoint the fields describe (not checked: see ``store.problem``).  A plain
        HTTP confirmation given before stays only while the URL's host is the same."""
        allowed = False
        if self.loaded is not None and self.loaded.allow_plain_http:
            now = Endpoint("", self.url.text().strip())
            allowed = now.host == self.loaded.host and now.plain_http
        return Endpoint(self.name.text().strip(), self.url.text().strip(),
                        float(self.timeout.value()), self.verify.isChecked(), allowed)

    def typed_key(self) -> str | None:
        return self.key.text().strip() or None

    def take_key(self) -> str | None:
        """The typed key, emptied from the field (it is never kept in a widget once used)."""
        key = self.typed_key()
        self.key.clear()
        return key

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def show_notes(self, offline: bool) -> None:
        """What the address means for the key and (``offline``) for the offline switch."""
        endpoint = self.endpoint()
        if not endpoint.base_url or problem(endpoint, named=False) is not None:
            self.show_note("")
            return
        notes = []
        if offline and not endpoint.loopback:
            notes.append(self.tr("The offline switch is on: %1 is not on this computer, so "
                                 "it cannot be used until the switch is turned off.")
                         .replace("%1", endpoint.host))
        if endpoint.plain_http and not endpoint.loopback:
            notes.append(self.tr("Plain HTTP to another computer: an API key would travel "
                                 "unencrypted (you will be asked before it is sent)."))
        self.show_note("\n".join(notes))
