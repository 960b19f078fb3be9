"""Writing tab: streamed text generation, chat and completion, every sampling control."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.engines import writing
from studio.core.jobs import Cancelled, Failed, Notice, Result, Token
from studio.core.textfiles import read_text_file, write_text_file
from studio.ui.widgets.chat_view import ChatView
from studio.ui.widgets.prompt_edit import TEXT_SUFFIXES, PromptEdit
from studio.ui.worker import JobRunner

from .base import TabBase
from .writing_params import WritingParams

CHAT, COMPLETION = "chat", "completion"


class WritingTab(TabBase):
    task = "writing"
    file_suffixes = TEXT_SUFFIXES

    def __init__(self, settings, drafts, parent=None):
        super().__init__(settings, drafts, parent)
        self.io = JobRunner("writing-io", self)  # file reads/writes off the UI thread
        self.conversation: list[tuple[str, str]] = []
        self.streams: list[str] = []
        self._previous: list[str] = []
        self.pending_user = ""  # the chat message being answered (restored on failure)
        self.last_request: writing.WriteRequest | None = None
        self.chat_capable: bool | None = None
        self._job: int | None = None
        self._job_mode = COMPLETION
        self._tokens_seen = 0
        self._t0 = 0.0
        self._dirty = False

        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("Chat"), CHAT)
        self.mode.addItem(self.tr("Completion"), COMPLETION)
        self.mode.setToolTip(self.tr("Chat uses the model's chat template; completion continues "
                                     "your text"))
        self.system = QLineEdit(self)
        self.system.setPlaceholderText(self.tr("System prompt (optional): You are a helpful "
                                               "assistant."))
        self.chat_view = ChatView(self)
        self.outputs = QTabWidget(self)
        self.outputs.setDocumentMode(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.chat_view)
        self.stack.addWidget(self.outputs)
        self.prompt = PromptEdit(self)
        self.prompt.setPlaceholderText(self.tr("Write a prompt, or drop a .txt/.md file here. "
                                               "Ctrl+Enter generates, Esc stops."))
        self.params = WritingParams(self)
        self.stats = QLabel(self)
        self.stats.setObjectName("writing-stats")

        self.run_button.setText(self.tr("Generate"))
        self.run_button.setToolTip(self.tr("Generate (Ctrl+Enter)"))
        self.stop_button.setToolTip(self.tr("Stop (Esc); the text so far is kept"))
        self.continue_button = QPushButton(self.tr("Continue"), self)
        self.continue_button.setToolTip(self.tr("Append the output to the prompt and write more"))
        self.regenerate_button = QPushButton(self.tr("Regenerate"), self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.save_button = QPushButton(self.tr("Save…"), self)
        self.clear_button = QPushButton(self.tr("Clear conversation"), self)

        self._build_layout()
        self.run_button.clicked.connect(self.generate)
        self.continue_button.clicked.connect(self.continue_text)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.copy_button.clicked.connect(self.copy_output)
        self.save_button.clicked.connect(self.save_output)
        self.clear_button.clicked.connect(self.clear_conversation)
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.prompt.file_dropped.connect(self.load_prompt_file)
        self.prompt.submit.connect(self.generate)
        self.prompt.escape.connect(self.stop)
        for keys, slot in (("Ctrl+Return", self.generate), ("Ctrl+Enter", self.generate),
                           (QKeySequence(Qt.Key.Key_Escape), self.stop)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.runner.token.connect(self._on_token)
        self.runner.notice.connect(self._on_notice)
        self.runner.result.connect(self._on_result)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_job_failed)
        self.runner.busy_changed.connect(self._sync_buttons)
        self.io.result.connect(self._on_io_result)
        self.io.failed.connect(self._on_failed)
        self._refresh = QTimer(self)  # coalesce token repaints (100 tok/s would stall)
        self._refresh.setInterval(40)
        self._refresh.timeout.connect(self._repaint_stream)
        self._on_mode()
        self._sync_buttons(False)
        self.refresh_model_info()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Mode"), self))
        top.addWidget(self.mode)
        top.addWidget(self.system, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.stack)
        split.addWidget(self.prompt)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        actions = QHBoxLayout()
        for b in (self.continue_button, self.regenerate_button, self.copy_button,
                  self.save_button, self.clear_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.stats)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        lv.addWidget(split, 1)
        lv.addLayout(actions)
        lv.addWidget(self.message)
        lv.addLayout(self.button_row())
        scroll = QScrollArea(self)
        scroll.setWidget(self.params)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(250)
        outer = QSplitter(self)
        outer.addWidget(left)
        outer.addWidget(scroll)
        outer.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(outer)

    # -- state helpers -------------------------------------------------------------
    def current_mode(self) -> str:
        return self.mode.currentData()

    def _on_mode(self, *_args) -> None:
        chat = self.current_mode() == CHAT
        self.stack.setCurrentWidget(self.chat_view if chat else self.outputs)
        self.system.setVisible(chat)
        self.clear_button.setVisible(chat)
        self.continue_button.setVisible(not chat)
        self.params.sequences.setEnabled(not chat)
        self.params.sequences.setToolTip(
            self.tr("A conversation continues with one reply") if chat else
            self.tr("How many alternative texts to write"))
        if chat:
            self.chat_view.render(self.conversation)

    def _sync_buttons(self, busy: bool) -> None:
        has_output = any(self.streams) or bool(self.conversation)
        self.continue_button.setEnabled(not busy and any(self.streams))
        self.regenerate_button.setEnabled(not busy and self.last_request is not None)
        self.copy_button.setEnabled(has_output)
        self.save_button.setEnabled(has_output)
        self.clear_button.setEnabled(not busy and bool(self.conversation))
        self.mode.setEnabled(not busy)

    def output_text(self, index: int | None = None) -> str:
        if self.current_mode() == CHAT:
            return "\n\n".join(f"{role}: {text}" for role, text in self.conversation)
        i = self.outputs.currentIndex() if index is None else index
        return self.streams[i] if 0 <= i < len(self.streams) else ""

    # -- actions -------------------------------------------------------------------------
    def apply_settings(self, settings) -> None:
        changed = (settings.model_for("writing") != self.settings.model_for("writing")
                   or settings.writing_backend != self.settings.writing_backend)
        super().apply_settings(settings)
        if changed:
            self.refresh_model_info()

    def refresh_model_info(self) -> None:
        """Learn (off the UI thread, from metadata only) whether the model can chat."""
        self.chat_capable = None
        ref, backend = self.settings.model_for("writing"), self.settings.writing_backend
        self.io.submit(lambda cancel: iter([Result(("info", writing.model_info(ref, backend)))]))

    def _on_model_info(self, info: writing.ModelInfo) -> None:
        self.chat_capable = info.chat
        item = self.mode.model().item(self.mode.findData(CHAT))
        item.setEnabled(info.chat)
        item.setToolTip("" if info.chat else self.tr("This model has no chat template"))
        if not info.chat and self.current_mode() == CHAT:
            self.mode.setCurrentIndex(self.mode.findData(COMPLETION))

    def _request(self, prompt: str, mode: str, history: tuple = ()) -> writing.WriteRequest:
        s = self.settings
        params = self.params.values()
        if mode == CHAT:
            params["num_return_sequences"] = 1  # a conversation continues with one reply
        return writing.WriteRequest(
            prompt=prompt, model=s.model_for("writing"), backend=s.writing_backend,
            device=s.device, dtype=s.dtype, mode=mode, system=self.system.text().strip(),
            history=history, **params)

    @Slot()
    def generate(self) -> None:
        if self.runner.busy:
            return
        text = self.prompt.toPlainText()
        if not text.strip():
            self.show_error(self.tr("Write a prompt first."))
            return
        if self.current_mode() == CHAT:
            self.pending_user = text
            self.prompt.clear()  # kept in pending_user; put back if the job fails
            self._start(self._request(text, CHAT, tuple(self.conversation)))
        else:
            self._start(self._request(text, COMPLETION))

    def _show_outputs(self, texts: list[str]) -> None:
        """One read-only tab per sequence (completion mode)."""
        while self.outputs.count():
            w = self.outputs.widget(0)
            self.outputs.removeTab(0)
            w.deleteLater()
        for i, text in enumerate(texts):
            view = QPlainTextEdit(self.outputs)
            view.setReadOnly(True)
            view.setPlainText(text)
            self.outputs.addTab(view, self.tr("Text %1").replace("%1", str(i + 1)))

    def _start(self, request: writing.WriteRequest) -> None:
        self.message.clear_message()
        self.last_request = request
        self._job_mode = request.mode
        self._previous = list(self.streams)  # put back if this run fails: nothing is lost
        self.streams = [""] * request.num_return_sequences
        if request.mode == COMPLETION:
            self._show_outputs(self.streams)
        else:
            self.chat_view.render([*self.conversation, ("user", self.pending_user)], "")
        self._tokens_seen = 0
        self._t0 = time.perf_counter()
        self.stats.setText(self.tr("Starting…"))
        self._job = self.runner.submit(lambda cancel, r=request: writing.run(r, cancel))
        self._refresh.start()

    @Slot()
    def continue_text(self) -> None:
        text = self.output_text()
        if not text:
            return
        self.prompt.setPlainText(self.prompt.toPlainText() + text)
        self.generate()

    @Slot()
    def regenerate(self) -> None:
        """The last prompt (and conversation) again, with the current parameters."""
        req = self.last_request
        if req is None or self.runner.busy:
            return
        if req.mode == CHAT:
            self.conversation = list(req.history)
            self.pending_user = req.prompt
            self._start(self._request(req.prompt, CHAT, req.history))
        else:
            self._start(self._request(req.prompt, COMPLETION))

    @Slot()
    def copy_output(self) -> None:
        QGuiApplication.clipboard().setText(self.output_text())

    @Slot()
    def save_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save text"), "output.md",
                                              self.tr("Markdown (*.md);;Text (*.txt)"))
        if path:
            self.save_output_to(path)

    def save_output_to(self, path: str) -> None:
        text = self.output_text()
        self.io.submit(lambda cancel: iter([Result(("saved", str(write_text_file(path, text))))]))

    @Slot()
    def clear_conversation(self) -> None:
        self.conversation = []
        self.streams = []
        self.chat_view.render([])
        self._sync_buttons(self.runner.busy)

    def open_file(self, path: str) -> None:
        self.load_prompt_file(path)

    @Slot(str)
    def load_prompt_file(self, path: str) -> None:
        self.io.submit(lambda cancel: iter([Result(("loaded", read_text_file(path)))]))

    # -- job events ------------------------------------------------------------------------
    @Slot(int, object)
    def _on_io_result(self, _job: int, ev: Result) -> None:
        kind, value = ev.value
        if kind == "info":
            self._on_model_info(value)
        elif kind == "loaded":
            self.prompt.setPlainText(value)
            self.message.clear_message()
        else:
            self.show_info(self.tr("Saved to %1").replace("%1", value))

    @Slot(int, object)
    def _on_token(self, job: int, ev: Token) -> None:
        if job != self._job or ev.sequence >= len(self.streams):
            return
        self.streams[ev.sequence] += ev.text
        self._tokens_seen += 1
        self._dirty = True

    def _repaint_stream(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        if self._job_mode == CHAT:
            self.chat_view.render(self.conversation + [("user", self.pending_user)],
                                  self.streams[0] if self.streams else "")
        else:
            for i, text in enumerate(self.streams):
                view = self.outputs.widget(i)
                if view is not None and view.toPlainText() != text:
                    view.setPlainText(text)
        if self.runner.busy and self.last_request is not None:
            budget = (self.last_request.max_new_tokens or 0) * len(self.streams)
            if budget:
                self.progress.setRange(0, budget)
                self.progress.setValue(min(self._tokens_seen, budget))
                self.progress.setFormat(self.tr("Writing…"))
        elapsed = time.perf_counter() - self._t0
        if elapsed > 0:
            self.stats.setText(self.tr("%1 tokens · %2 tok/s").replace("%1", str(
                self._tokens_seen)).replace("%2", f"{self._tokens_seen / elapsed:.1f}"))

    def _finish(self, value: Any, stopped: bool) -> None:
        self._refresh.stop()
        if value is not None and getattr(value, "texts", None) is not None:
            self.streams = list(value.texts) or self.streams
        self._dirty = True
        if self._job_mode == CHAT:
            reply = self.streams[0] if self.streams else ""
            if reply:
                self.conversation += [("user", self.pending_user), ("assistant", reply)]
            elif not self.prompt.toPlainText():
                self.prompt.setPlainText(self.pending_user)  # stopped before any reply
            self.pending_user = ""
            self._dirty = False
            self.chat_view.render(self.conversation)
        self._repaint_stream()
        if value is not None and hasattr(value, "tokens_per_s"):
            first = f" · {self.tr('first token')} {value.first_token_s:.2f}s" if (
                value.first_token_s is not None) else ""
            self.stats.setText(self.tr("%1 tokens · %2 tok/s").replace(
                "%1", str(value.new_tokens)).replace("%2", f"{value.tokens_per_s:.1f}") + first)
        if stopped:
            self.show_info(self.tr("Stopped; the text so far is kept."))
        self._sync_buttons(self.runner.busy)

    @Slot(int, object)
    def _on_result(self, job: int, ev: Result) -> None:
        if job == self._job:
            self._finish(ev.value, stopped=False)

    @Slot(int, object)
    def _on_cancelled(self, job: int, ev: Cancelled) -> None:
        if job == self._job:
            self._finish(ev.partial, stopped=True)

    @Slot(int, object)
    def _on_job_failed(self, job: int, _ev: Failed) -> None:
        if job != self._job:
            return
        self._refresh.stop()
        self.streams = self._previous  # the last good outputs come back
        if self._job_mode == CHAT:
            if not self.prompt.toPlainText():
                self.prompt.setPlainText(self.pending_user)  # nothing the user typed is lost
            self.pending_user = ""
            self.chat_view.render(self.conversation)
        else:
            self._show_outputs(self.streams)
        self.stats.clear()
        self._sync_buttons(self.runner.busy)

    @Slot(int, object)
    def _on_notice(self, _job: int, ev: Notice) -> None:
        self.message.show_message(ev.message, "warning")

    # -- persistence -------------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        return {
            "prompt": self.prompt.toPlainText() or self.pending_user,
            "system": self.system.text(),
            "mode": self.current_mode(),
            "conversation": [list(m) for m in self.conversation],
            "outputs": list(self.streams) if self._job_mode == COMPLETION else [],
            "params": self.params.state(),
        }

    def restore_draft(self, data: dict[str, Any]) -> None:
        if isinstance(data.get("prompt"), str):
            self.prompt.setPlainText(data["prompt"])
        if isinstance(data.get("system"), str):
            self.system.setText(data["system"])
        conv = data.get("conversation")
        if isinstance(conv, list):
            self.conversation = [(str(m[0]), str(m[1])) for m in conv
                                 if isinstance(m, list | tuple) and len(m) == 2]
        outputs = data.get("outputs")
        if isinstance(outputs, list) and outputs:
            self.streams = [str(t) for t in outputs]
            self._show_outputs(self.streams)
        if isinstance(data.get("params"), dict):
            self.params.restore(data["params"])
        index = self.mode.findData(data.get("mode"))
        if index >= 0:
            self.mode.setCurrentIndex(index)
        self._on_mode()
        self._sync_buttons(False)

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        ok = self.runner.shutdown(timeout_ms)  # delivers a final Result/Cancelled first
        return self.io.shutdown(500) and ok
