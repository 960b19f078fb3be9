"""The settings panel's Downloads group: hub endpoint (mirror), offline switch, cache folder,
access token.

The endpoint and the cache folder apply when their field is left (Return or focus
out) and only when valid; the offline switch at once.  The window reconfigures
itself, the engine process and the downloads from the settings it is sent.  The
access token never enters the settings: it goes to the OS keyring (or a private
file) through ``credentials`` on a background thread, the field is cleared at
once and the token is never shown again, only where it is kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
)

from studio.core import credentials
from studio.core.hub import HubConfig
from studio.core.settings import Settings

from .texts import core_text
from .worker import BackgroundCalls

MIRROR_EXAMPLE = "https://hf-mirror.com"
_URL = re.compile(r"https?://[^\s]+")


def _default_cache() -> str:
    return str(HubConfig().cache_path)


def _forget_token():
    credentials.delete_token()
    return credentials.token_status()


class HubSettingsBox(QGroupBox):
    changed = Signal()  # endpoint, offline or cache folder changed (see values())

    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(self.tr("Downloads"), parent)
        self._values = {"hf_endpoint": settings.hf_endpoint, "offline": settings.offline,
                        "hf_cache_dir": settings.hf_cache_dir}
        self.endpoint = QLineEdit(settings.hf_endpoint, self)
        self.endpoint.setPlaceholderText("https://huggingface.co")
        self.endpoint.setClearButtonEnabled(True)
        self.endpoint.setToolTip(self.tr(
            "Where models are downloaded from: empty for huggingface.co, or a mirror such as "
            "%1 where the main hub is blocked or slow").replace("%1", MIRROR_EXAMPLE))
        self.offline = QCheckBox(self.tr("Offline: never use the network"), self)
        self.offline.setChecked(settings.offline)
        self.offline.setToolTip(self.tr("Downloads are refused; only models already on this "
                                        "computer are used"))
        self.cache = QLineEdit(settings.hf_cache_dir, self)
        self.cache.setClearButtonEnabled(True)
        self.cache.setToolTip(self.tr("Where downloaded models are kept; empty for the standard "
                                      "Hugging Face cache, so models you already have are "
                                      "found"))
        self.cache_button = QToolButton(self)
        self.cache_button.setText("…")
        self.cache_button.setToolTip(self.tr("Choose the folder for downloaded models"))
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("hf_… (for gated models)"))
        self.token.setToolTip(self.tr("A Hugging Face access token, for models whose licence "
                                      "you accepted on the hub. It is kept in the system "
                                      "keyring, never in the settings file."))
        self.save_token_button = QToolButton(self)
        self.save_token_button.setText(self.tr("Save"))
        self.forget_token_button = QToolButton(self)
        self.forget_token_button.setText(self.tr("Forget"))
        self.forget_token_button.setToolTip(self.tr("Remove the stored access token"))
        self.forget_token_button.setEnabled(False)
        self.token_label = QLabel(self)
        self.token_label.setWordWrap(True)
        self.problem = QLabel(self)  # an endpoint or folder that was not taken
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c")
        self.problem.hide()

        form = QFormLayout(self)
        form.addRow(self.tr("Hub"), self.endpoint)
        form.addRow(self.offline)
        cache_row = QHBoxLayout()
        cache_row.addWidget(self.cache, 1)
        cache_row.addWidget(self.cache_button)
        form.addRow(self.tr("Cache folder"), cache_row)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.save_token_button)
        token_row.addWidget(self.forget_token_button)
        form.addRow(self.tr("Access token"), token_row)
        form.addRow(self.token_label)
        form.addRow(self.problem)

        self.io = BackgroundCalls("hub-settings", self)
        self.io.done.connect(self._on_done)
        self.io.failed.connect(self._on_failed)
        self.io.call("cache", _default_cache)
        self.io.call("token", credentials.token_status)
        self.endpoint.editingFinished.connect(self._take_endpoint)
        self.cache.editingFinished.connect(self._take_cache)
        self.offline.toggled.connect(self._take_offline)
        self.cache_button.clicked.connect(self._browse_cache)
        self.token.returnPressed.connect(self.save_token)
        self.save_token_button.clicked.connect(self.save_token)
        self.forget_token_button.clicked.connect(self.forget_token)

    def values(self) -> dict:
        """The settings fields this group edits, as last accepted."""
        return dict(self._values)

    def focus_field(self, name: str) -> None:
        """Put the focus on "token", "endpoint" or "offline" (the Models dialog's fixes)."""
        field = {"token": self.token, "endpoint": self.endpoint, "offline": self.offline}.get(name)
        if field is not None:
            field.setFocus()
            if field is self.endpoint and not field.text():
                field.setText(MIRROR_EXAMPLE)  # a suggestion: applied when the field is left
                field.selectAll()

    # -- endpoint, offline, cache ---------------------------------------------------------------
    def _set(self, name: str, value) -> None:
        self.problem.hide()
        if self._values[name] != value:
            self._values[name] = value
            self.changed.emit()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    @Slot()
    def _take_endpoint(self) -> None:
        text = self.endpoint.text().strip()
        if text and not _URL.fullmatch(text):
            self._refuse(self.tr("The hub address must start with https:// (or http://), "
                                 "e.g. %1").replace("%1", MIRROR_EXAMPLE))
            return
        self._set("hf_endpoint", text.rstrip("/"))

    @Slot(bool)
    def _take_offline(self, on: bool) -> None:
        self._set("offline", on)

    @Slot()
    def _take_cache(self) -> None:
        text = self.cache.text().strip()
        if text.startswith("~"):
            text = str(Path(text).expanduser())
        if text and not text.startswith("/") and not re.match(r"^[A-Za-z]:[\\/]", text):
            self._refuse(self.tr("The cache folder must be a full path, e.g. %1")
                         .replace("%1", self.cache.placeholderText() or "/home/me/models"))
            return
        self._set("hf_cache_dir", text)

    @Slot()
    def _browse_cache(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for downloaded models"),
            self.cache.text() or self.cache.placeholderText())
        if folder:
            self.cache.setText(folder)
            self._take_cache()

    # -- token ----------------------------------------------------------------------------------
    @Slot()
    def save_token(self) -> None:
        text = self.token.text()
        self.token.clear()  # never kept in the widget once taken
        if not text.strip():
            return
        self.token_label.setText(self.tr("Saving the access token…"))
        self.io.call("save-token", credentials.save_token, text)

    @Slot()
    def forget_token(self) -> None:
        self.io.call("token", _forget_token)

    def _show_token(self, status: credentials.TokenStatus) -> None:
        self.forget_token_button.setEnabled(status.stored)
        if not status.stored:
            self.token.setPlaceholderText(self.tr("hf_… (for gated models)"))
            self.token_label.setText(self.tr("No access token: gated models cannot be "
                                             "downloaded."))
            return
        self.token.setPlaceholderText(self.tr("stored; type a new one to replace it"))
        where = (self.tr("The access token is stored in the system keyring.")
                 if status.where == "keyring" else self.tr("The access token is stored."))
        if status.warning:
            where = core_text(status.warning)
        self.token_label.setText(where)

    @Slot(str, object)
    def _on_done(self, kind: str, value) -> None:
        if kind == "cache":
            self.cache.setPlaceholderText(value)
        elif kind in ("token", "save-token"):
            self._show_token(value)

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        if kind == "save-token":
            self.token_label.setText(self.tr("The access token was not saved: %1")
                                     .replace("%1", core_text(message)))
        elif kind == "token":
            self.token_label.setText(core_text(message))

    def shutdown(self) -> None:
        self.io.shutdown()
