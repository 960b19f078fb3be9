"""Writing tab: streamed text generation, chat and completion, every sampling control.

Chat and completion keep their own state (ChatPanel, CompletionPanel); buttons act
on the visible mode, the draft keeps both.  The job lifecycle comes from TabBase,
what the history records and Use settings / Re-run from WritingHistory, copying, saving
and opening text files from WritingFiles.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.conversation import Conversation
from studio.core.engines import writing
from studio.core.jobs import Cancelled, Failed, Result, Token
from studio.ui.texts import core_text
from studio.ui.widgets.prompt_edit import TEXT_SUFFIXES, PromptEdit
from studio.ui.worker import BackgroundCalls

from ..base import TabBase
from .chat_panel import ChatPanel
from .completion_panel import CompletionPanel
from .files import WritingFiles
from .history import WritingHistory
from .mode_box import CHAT, COMPLETION, ModeBox
from .params import WritingParams


class WritingTab(WritingFiles, WritingHistory, TabBase):
    task = "writing"
    file_suffixes = TEXT_SUFFIXES

    def __init__(self, settings, drafts, host, parent=None):
        super().__init__(settings, drafts, host, parent)
        self.io = BackgroundCalls("writing-io", self)  # file reads/writes off the UI thread
        self.chat_capable: bool | None = None
        self.streams: list[str] = []  # the running job's texts as they arrive
        self.pending_user: str | None = None  # chat message being answered; None: regenerating
        self._job_mode, self._job_prompt = COMPLETION, ""  # what the running job asked for
        self._max_tokens = 0
        self._tokens_seen = 0
        self._t0 = 0.0
        self._dirty = False
        self.history_refs: dict = {CHAT: None, COMPLETION: None}  # each mode's latest record

        self.mode = ModeBox(self)
        self.system = QLineEdit(self)
        self.system.setPlaceholderText(self.tr("System prompt (optional): You are a helpful "
                                               "assistant."))
        self.chat = ChatPanel(self)
        self.completion = CompletionPanel(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.chat)
        self.stack.addWidget(self.completion)
        self.prompt = PromptEdit(self)
        self.prompt.setPlaceholderText(self.tr("Write a prompt, or drop a .txt/.md file here. "
                                               "Ctrl+Enter generates, Esc stops."))
        self.params = WritingParams(self)
        self.stats = QLabel(self)
        self.stats.setObjectName("writing-stats")

        self.run_button.setText(self.tr("Generate"))
        self.run_button.setToolTip(self.tr("Generate (Ctrl+Enter)"))
        self.stop_button.setToolTip(self.tr("Stop (Esc); the text so far is kept"))
        self.continue_button = self._button(self.tr("Continue"), self.continue_text, self.tr(
            "Append the output to the prompt and write more"))
        self.regenerate_button = self._button(self.tr("Regenerate"), self.regenerate, self.tr(
            "Write the last answer again; the old one is kept as an alternative"))
        self.copy_button = self._button(self.tr("Copy"), self.copy_output)
        self.save_button = self._button(self.tr("Save…"), self.save_output)
        self.clear_button = self._button(self.tr("Clear conversation"), self.clear_conversation)
        self._build_layout()
        self.run_button.clicked.connect(self.generate)
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.chat.choice_changed.connect(self._sync_buttons)
        self.prompt.file_dropped.connect(self.load_prompt_file)
        self.prompt.submit.connect(self.generate)
        self.prompt.escape.connect(self.stop)
        for keys, slot in (("Ctrl+Return", self.generate), ("Ctrl+Enter", self.generate),
                           (QKeySequence(Qt.Key.Key_Escape), self.stop)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.runner.busy_changed.connect(self._sync_buttons)
        self.io.done.connect(self._on_io_done)
        self.io.failed.connect(self._on_io_failed)
        self._refresh = QTimer(self)  # coalesce token repaints (100 tok/s would stall)
        self._refresh.setInterval(40)
        self._refresh.timeout.connect(self._repaint_stream)
        self._on_mode()
        self.refresh_model_info()

    def _button(self, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

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
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        lv.addWidget(split, 1)
        lv.addLayout(actions)
        lv.addWidget(self.message)
        buttons = self.button_row()  # the stats take the progress bar's place when idle
        buttons.addStretch(0)
        buttons.addWidget(self.stats)
        lv.addLayout(buttons)
        scroll = QScrollArea(self)
        scroll.setWidget(self.params)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(250)
        outer = QSplitter(self)
        outer.addWidget(left)
        outer.addWidget(scroll)
        outer.setStretchFactor(0, 1)
        QVBoxLayout(self).addWidget(outer)

    # -- state --------------------------------------------------------------------------------
    @property
    def conversation(self) -> Conversation:
        return self.chat.conversation

    def _on_mode(self, *_args) -> None:
        chat = self.mode.current() == CHAT
        self.stack.setCurrentWidget(self.chat if chat else self.completion)
        self.system.setVisible(chat)
        self.clear_button.setVisible(chat)
        self.continue_button.setVisible(not chat)
        self.params.set_chat(chat)
        self._sync_buttons()

    def _sync_buttons(self, *_args) -> None:
        busy = self.runner.busy
        chat = self.mode.current() == CHAT
        # While a chat reply streams, the last reply on screen is the new one: Copy and Save
        # wait for it instead of acting on the old one, now hidden.
        has_output = bool(self.output_text()) and not (busy and chat)
        self.continue_button.setEnabled(not busy and not chat and has_output)
        self.regenerate_button.setEnabled(not busy and (
            self.conversation.can_regenerate() if chat else bool(self.completion.prompt)))
        self.copy_button.setEnabled(has_output)
        self.save_button.setEnabled(has_output)
        self.clear_button.setEnabled(not busy and bool(self.conversation))
        self.mode.setEnabled(not busy)

    def output_text(self) -> str:
        """What Copy copies: the visible reply or the visible completion."""
        if self.mode.current() == CHAT:
            last = self.conversation.last_reply
            return last.text if last is not None else ""
        return self.completion.current_text()

    # -- model ----------------------------------------------------------------------------------
    def apply_settings(self, settings) -> None:
        changed = (settings.target_for("writing") != self.settings.target_for("writing")
                   or settings.writing_backend != self.settings.writing_backend)
        super().apply_settings(settings)
        if changed:
            self.refresh_model_info()

    def refresh_model_info(self) -> None:
        """Learn (off the UI thread, from metadata only) whether the model can chat."""
        self.chat_capable = None
        if self.settings.remote_for("writing") is not None:  # servers chat (their template)
            self.chat_capable = True
            self.mode.allow_chat(True)
            return
        self.io.call("info", writing.model_info, self.settings.model_for("writing"),
                     self.settings.writing_backend)

    # -- actions ----------------------------------------------------------------------------------
    def _request(self, prompt: str, mode: str, history: tuple = ()) -> writing.WriteRequest:
        s = self.settings
        params = self.params.values()
        if mode == CHAT:
            params["num_return_sequences"] = 1  # a conversation continues with one reply
        endpoint, model = s.target_for("writing")  # a server's model: endpoint is its name
        return writing.WriteRequest(
            prompt=prompt, model=model, endpoint=endpoint,
            backend="auto" if endpoint else s.writing_backend,
            device=s.device, dtype=s.dtype, mode=mode, system=self.system.text().strip(),
            history=history, **params)

    @Slot()
    def generate(self) -> None:
        self._generate()

    def _generate(self, parents: tuple = ()) -> None:
        if self.runner.busy:
            return
        text = self.prompt.toPlainText()
        if not text.strip():
            self.show_error(self.tr("Write a prompt first."))
            return
        if self.mode.current() == CHAT:
            self.pending_user = text
            self.prompt.clear()  # kept in pending_user; put back if no reply comes
            self.chat.set_pending(text, None)
            self._start(self._request(text, CHAT, self.conversation.history()),
                        (self.history_refs[CHAT],) if self.conversation else ())
        else:
            self._start(self._request(text, COMPLETION), parents)

    @Slot()
    def regenerate(self) -> None:
        """The last answer again, with the current parameters; the old one is kept."""
        if self.runner.busy:
            return
        if self.mode.current() == CHAT:
            if not self.conversation.can_regenerate():
                return
            history, user = self.conversation.regenerate_request()
            self.pending_user = None
            self._start(self._request(user, CHAT, history))
        elif self.completion.prompt:
            self._start(self._request(self.completion.prompt, COMPLETION))

    def _start(self, request: writing.WriteRequest, parents: tuple = ()) -> None:
        self._job_mode = request.mode
        self._job_prompt = request.prompt
        self.streams = [""] * request.num_return_sequences
        self._max_tokens = (request.max_new_tokens or 0) * len(self.streams)
        self._tokens_seen = 0
        self._t0 = time.perf_counter()
        self.stats.setText(self.tr("Starting…"))
        self.submit(request, parents)
        self._refresh.start()

    @Slot()
    def continue_text(self) -> None:
        text = self.output_text()
        if text and self.mode.current() == COMPLETION:
            self.prompt.replace_text(self.completion.prompt + text)  # Ctrl+Z undoes it
            self._generate((self.history_refs[COMPLETION],))  # made from the text it continues

    @Slot()
    def clear_conversation(self) -> None:
        self.conversation.clear()
        self.chat.render()
        self._sync_buttons()

    @Slot(str, object)
    def _on_io_done(self, kind: str, value: Any) -> None:
        if kind == "info" and self.settings.remote_for("writing") is None:
            self.chat_capable = value.chat
            self.mode.allow_chat(value.chat)
        elif kind == "loaded":
            self.prompt.replace_text(value)  # Ctrl+Z brings the typed text back
            self.message.clear_message()
        elif kind == "saved":
            self.show_info(self.tr("Saved to %1").replace("%1", str(value)))

    @Slot(str, object)
    def _on_io_failed(self, kind: str, message: str) -> None:
        if kind != "info":  # an unusable model is reported when a job tries it
            self.show_error(core_text(message))

    # -- job events (TabBase hooks) ------------------------------------------------------------
    def begin_output(self) -> None:
        if self._job_mode == COMPLETION:
            self.completion.set_texts(self.streams)

    def on_output(self, ev: Token) -> None:
        if ev.sequence < len(self.streams):
            self.streams[ev.sequence] += ev.text
            self._tokens_seen += 1
            self._dirty = True

    def _repaint_stream(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        if self._job_mode == CHAT:
            self.chat.set_pending(self.pending_user, self.streams[0])
        else:
            for i, text in enumerate(self.streams):
                self.completion.set_text(i, text)
        if self._max_tokens and self.runner.busy:
            self.set_progress(self._tokens_seen / self._max_tokens, self.tr("Writing…"))
        elapsed = time.perf_counter() - self._t0
        self.stats.setText(self.tr("%1 tokens · %2 tok/s").replace("%1", str(
            self._tokens_seen)).replace("%2", f"{self._tokens_seen / max(elapsed, 1e-9):.1f}"))

    def _finish(self, value: writing.WriteResult | None) -> None:
        """Commit what the job made (nothing, if it made nothing: the old result stays)."""
        self._refresh.stop()
        self._dirty = False
        if value is not None:
            self.streams = list(value.texts) or self.streams
        made = self.job_has_output and any(self.streams)
        if made:
            self.remember_record()
        if self._job_mode == CHAT:
            reply = self.streams[0] if made else ""
            if reply and self.pending_user is not None:
                self.conversation.add_exchange(self.pending_user, reply)
            elif reply:
                self.conversation.add_alternative(reply)
            elif self.pending_user:  # no reply: the message comes back, before anything new
                self.prompt.replace_text(_joined(self.pending_user, self.prompt.toPlainText()))
            self.pending_user = None
            self.chat.clear_pending()
        elif made:
            self.completion.set_texts(self.streams)
            self.completion.prompt = self._job_prompt
        if value is not None:
            text = self.tr("%1 tokens · %2 tok/s").replace(
                "%1", str(value.new_tokens)).replace("%2", f"{value.tokens_per_s:.1f}")
            if value.first_token_s is not None:
                text += self.tr(" · first token after %1 s").replace(
                    "%1", f"{value.first_token_s:.2f}")
            self.stats.setText(text)
        elif not made:
            self.stats.clear()
        self._sync_buttons()

    def on_result(self, ev: Result) -> None:
        self._finish(ev.value)

    def on_cancelled(self, ev: Cancelled) -> None:
        self._finish(ev.partial)

    def on_failed(self, ev: Failed) -> None:
        self._finish(None)  # what streamed before the failure is kept

    # -- persistence -------------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        return {
            "prompt": _joined(self.pending_user or "", self.prompt.toPlainText()),
            "system": self.system.text(),
            "mode": self.mode.current(),
            "chat": self.conversation.to_draft(),
            "completion": self.completion.to_draft(),
            "params": self.params.state(),
            "history": self.history_draft(),
        }

    def restore_draft(self, data: dict[str, Any]) -> None:
        if isinstance(data.get("prompt"), str):
            self.prompt.setPlainText(data["prompt"])
        if isinstance(data.get("system"), str):
            self.system.setText(data["system"])
        self.chat.conversation = Conversation.from_draft(data.get("chat", data.get("conversation")))
        self.chat.render()
        self.completion.restore(data.get("completion", data.get("outputs")))
        if isinstance(data.get("params"), dict):
            self.params.restore(data["params"])
        self.restore_history_draft(data.get("history"))
        self.mode.choose(data.get("mode"))
        self._on_mode()

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        ok = self.runner.shutdown(timeout_ms)  # delivers a final Result/Cancelled first
        return self.io.shutdown(500) and ok


def _joined(*texts: str) -> str:
    """Texts that must all be kept, one paragraph each (empty ones left out)."""
    return "\n\n".join(t for t in texts if t)
