"""Settings → Endpoints: the inference servers the tabs can run on.

A list on the left (add, remove), the selected endpoint's fields on the right, Save
and Test under them.  Test lists the server's ``/v1/models`` with the round trip
time, or says why it failed; it runs off the UI thread, as saving (the key goes to
the keyring there) does.  Before a key may travel over plain HTTP to another
computer the user confirms it (``confirm(title, text) -> bool``, a question box
unless a caller gives another); the confirmation is saved as ``allow_plain_http``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.endpoints import Endpoint, Probe, needs_confirmation, problem
from studio.ui.texts import core_text

from .form import EndpointForm
from .service import EndpointService

Confirm = Callable[[str, str], bool]


class EndpointsDialog(QDialog):
    def __init__(self, service: EndpointService, offline: Callable[[], bool], parent=None,
                 confirm: Confirm | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Endpoints"))
        self.setObjectName("endpoints-dialog")
        self.service = service
        self.offline = offline
        self.confirm = confirm or self._ask
        self._confirmed: Endpoint | None = None  # plain HTTP confirmed for this, not saved yet
        self._select_after = ""  # the name to select once the list has it
        self.list = QListWidget(self)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.form = EndpointForm(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.test_button = QPushButton(self.tr("Test"), self)
        self.test_button.setToolTip(self.tr("List the server's models and time its answer"))
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.models = QListWidget(self)
        self.warning = QLabel(self)  # endpoints.json had to be corrected
        self.warning.setWordWrap(True)
        self.warning.hide()
        self._build()
        self.list.currentItemChanged.connect(self._on_selected)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test)
        self.form.forget_key.clicked.connect(self._forget_key)
        self.form.edited.connect(self.update_notes)
        self.form.url.textEdited.connect(self._forget_test)
        service.changed.connect(self._fill)
        service.saved.connect(self._on_saved)
        service.tested.connect(self._on_tested)
        service.failed.connect(self._on_failed)
        self.resize(760, 460)
        self._fill()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.add()

    def _build(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(self.form)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.test_button)
        actions.addStretch(1)
        right.addLayout(actions)
        right.addWidget(self.result)
        right.addWidget(self.models, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        column = QVBoxLayout(self)
        column.addWidget(self.warning)
        column.addLayout(body, 1)
        column.addWidget(close)
        QWidget.setTabOrder(self.form.verify, self.save_button)

    def hideEvent(self, event) -> None:
        self.form.key.clear()  # a key typed and not saved is not kept in a hidden window
        super().hideEvent(event)

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- the list -------------------------------------------------------------------------------
    @Slot()
    def _fill(self) -> None:
        reload = bool(self._select_after)
        wanted = self._select_after or self.current_name()
        self.list.blockSignals(True)
        self.list.clear()
        for e in self.service.endpoints:
            item = QListWidgetItem(f"{e.name}\n{e.base_url}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, e.name)
            item.setToolTip(e.base_url)
        self.list.blockSignals(False)
        warning = self.service.warning
        self.warning.setText(core_text(warning) if warning else "")
        self.warning.setVisible(bool(warning))
        names = self.service.names()
        if wanted in names:
            self._select_after = ""
            shown = self.form.loaded
            quiet = not reload and shown is not None and shown == self.service.get(wanted)
            self.list.blockSignals(quiet)  # the same endpoint: what is typed stays
            self.list.setCurrentRow(names.index(wanted))  # else this loads the form
            self.list.blockSignals(False)
        elif self.form.loaded is not None and self.form.loaded.name not in names:
            self.list.setCurrentRow(0 if names else -1)
            if not names:
                self.add()
        self.remove_button.setEnabled(self.list.currentItem() is not None)
        self.update_notes()

    def current_name(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    @Slot(object, object)
    def _on_selected(self, item, _previous) -> None:
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        endpoint = self.service.get(name)
        self.form.set_endpoint(endpoint, self.service.key_where(name) if endpoint else None)
        self.remove_button.setEnabled(endpoint is not None)
        self._confirmed = None
        self.result.clear()
        self.models.clear()
        self.update_notes()

    @Slot()
    def add(self) -> None:
        self.list.setCurrentRow(-1)
        self.form.set_endpoint(None)
        self.remove_button.setEnabled(False)
        self.form.name.setFocus()

    @Slot()
    def remove(self) -> None:
        name = self.current_name()
        if name and self.confirm(self.tr("Remove endpoint"), self.tr(
                "Remove %1 and its stored API key? Tabs that run on it go back to a model on "
                "this computer.").replace("%1", name)):
            self.service.remove(name)

    # -- save, test -----------------------------------------------------------------------------
    def _checked(self, named: bool) -> Endpoint | None:
        endpoint = self.form.endpoint()
        found = problem(endpoint, named)
        if found is not None:
            self.form.show_note(core_text(found))
            return None
        return endpoint

    def _confirm_plain_http(self, endpoint: Endpoint, has_key: bool) -> Endpoint | None:
        """``endpoint``, with ``allow_plain_http`` if its key may travel unencrypted (asked
        once per URL); None when the user says no."""
        if not needs_confirmation(endpoint, has_key):
            return endpoint
        if self._confirmed is not None and self._confirmed.base_url == endpoint.base_url:
            return replace(endpoint, allow_plain_http=True)
        if not self.confirm(self.tr("Send the API key unencrypted?"), self.tr(
                "%1 uses plain HTTP to another computer (%2): the API key would travel "
                "unencrypted, readable by anyone on the network between. Use https if the "
                "server offers it.\n\nSend the key over plain HTTP to this server anyway?")
                .replace("%1", endpoint.name or endpoint.base_url).replace("%2", endpoint.host)):
            self.form.show_note(self.tr("Not confirmed: the key is not sent over plain HTTP. "
                                        "Use an https:// address, or no key."))
            return None
        self._confirmed = endpoint
        return replace(endpoint, allow_plain_http=True)

    @Slot()
    def save(self) -> None:
        endpoint = self._checked(named=True)
        if endpoint is None:
            return
        old = self.form.loaded.name if self.form.loaded is not None else ""
        has_key = self.form.typed_key() is not None or self.service.key_where(old).stored
        endpoint = self._confirm_plain_http(endpoint, has_key)
        if endpoint is None:
            return
        if endpoint.name != old and endpoint.name in self.service.names():
            self.form.show_note(self.tr("There is already an endpoint named %1.")
                                .replace("%1", endpoint.name))
            return
        self._select_after = endpoint.name
        self.form.show_key(self.service.key_where(old), saving=True)
        self.save_button.setEnabled(False)
        self.service.save(endpoint, self.form.take_key(), old)

    @Slot()
    def test(self) -> None:
        endpoint = self._checked(named=False)
        if endpoint is None:
            return
        key = self.form.typed_key()
        old = self.form.loaded.name if self.form.loaded is not None else ""
        stored = self.service.key_where(old).stored and endpoint.name == old
        endpoint = self._confirm_plain_http(endpoint, key is not None or stored)
        if endpoint is None:
            return
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Asking %1 for its models…").replace("%1", endpoint.api_root))
        self.models.clear()
        self.service.test(endpoint, key if key is not None or stored else "")

    @Slot()
    def _forget_test(self, *_args) -> None:
        """Another address: the last Test's answer was about the old one."""
        self.result.clear()
        self.models.clear()

    @Slot(object)
    def _on_tested(self, found: Probe) -> None:
        self.test_button.setEnabled(True)
        self.models.clear()
        if found.error is not None:
            self.result.setStyleSheet("color: #b91c1c")
            self.result.setText(core_text(found.error))
            return
        self.result.setStyleSheet("")
        self.result.setText(self.tr("%1 model(s) · answered in %2 ms").replace(
            "%1", str(len(found.models))).replace("%2", f"{1000 * (found.latency_s or 0):.0f}"))
        tasks = {"writing": self.tr("Writing"), "painting": self.tr("Painting"),
                 "voice": self.tr("Voice"), "transcription": self.tr("Transcription")}
        unused = self.tr("not used here")  # embeddings, rerankers
        for m in found.models:
            self.models.addItem(f"{m.id}  —  {tasks.get(m.task, unused)}")

    @Slot(str, object)
    def _on_saved(self, name: str, status) -> None:
        self.save_button.setEnabled(True)
        self._confirmed = None
        if name == self.current_name():
            self.form.set_endpoint(self.service.get(name), status)
        self.form.show_note("")
        self.update_notes()

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        self.save_button.setEnabled(True)
        self._select_after = ""
        text = core_text(message)
        if kind == "save":
            text = self.tr("Not saved: %1").replace("%1", text)
            self.form.show_key(self.service.key_where(self.current_name()))
        self.form.show_note(text)

    @Slot()
    def _forget_key(self) -> None:
        name = self.current_name()
        if name:
            self.form.show_key(self.service.key_where(name), saving=True)
            self.service.forget_key(name)

    @Slot()
    def update_notes(self) -> None:
        """What the address means for the key and for the offline switch."""
        self.form.show_notes(self.offline())
