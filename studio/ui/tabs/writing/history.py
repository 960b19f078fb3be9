"""The Writing tab and the history: what a text's record holds, and bringing a request back.

A mixin of ``WritingTab`` (the TabBase hooks ``history_record``, ``load_request``,
``rerun``), kept apart so the tab stays readable.  Chat and completion keep their
own latest record (``history_refs``): Continue is made from the completion it
continues, a chat message from the reply before it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from studio.core.conversation import Conversation, Turn
from studio.core.engines import writing
from studio.core.jobs import Cancelled, Result

from .mode_box import CHAT, COMPLETION


def joined_texts(texts: list[str]) -> str:
    """Several sequences in one record, as ``aigc-studio write`` records them."""
    if len(texts) == 1:
        return texts[0]
    return "\n\n".join(f"--- text {i} ---\n{t}" for i, t in enumerate(texts, 1))


def format_stops(stops: tuple[str, ...]) -> str:
    """The Stop field's text for ``stops`` (the inverse of ``parse_stops``)."""
    def escape(stop: str) -> str:
        for raw, typed in (("\\", "\\\\"), ("|", "\\|"), ("\n", "\\n"), ("\t", "\\t")):
            stop = stop.replace(raw, typed)
        return stop
    return " | ".join(escape(s) for s in stops)


class WritingHistory:
    """History hooks of the Writing tab (mixed into ``WritingTab``, before ``TabBase``)."""

    loads_requests = True

    def history_record(self, ev: Result | Cancelled) -> dict[str, Any] | None:
        if isinstance(ev, Result):
            value, request, timings = ev.value, ev.request, dict(ev.timings)
        else:  # stopped: the partial result says which seed and backend it really used
            value, request = ev.partial, self.job_request
            timings = {}
            if value is not None:
                request = dataclasses.replace(request, seed=value.seed, backend=value.backend)
                timings = {"generate_s": value.seconds, "tokens_per_s": value.tokens_per_s}
        texts = list(value.texts) if value is not None and any(value.texts) else self.streams
        if not any(texts):  # the tab keeps the previous result: nothing new to record
            return None
        return {"request": request, "text": joined_texts(texts), "timings": timings,
                "model": value.model if value is not None else request.model}

    def remember_record(self) -> None:
        """The job's text is now on screen: later jobs of its mode are made from it."""
        self.history_refs[CHAT if self._job_mode == CHAT else COMPLETION] = self.job_ref

    def history_draft(self) -> dict[str, int]:
        refs = {mode: self.history.resolve(ref) if self.history is not None else None
                for mode, ref in self.history_refs.items()}
        return {mode: rid for mode, rid in refs.items() if isinstance(rid, int)}

    def restore_history_draft(self, data: Any) -> None:
        for mode in (CHAT, COMPLETION):
            rid = data.get(mode) if isinstance(data, dict) else None
            if isinstance(rid, int) and not isinstance(rid, bool):
                self.history_refs[mode] = rid

    def load_request(self, request: Any) -> None:
        """Use settings: prompt, system prompt, mode, every parameter and seed, and in chat
        mode the conversation the message was sent in (the model is the settings panel's)."""
        if not isinstance(request, writing.WriteRequest):
            self.show_error(self.tr("These settings are not for the Writing tab."))
            return
        self.mode.choose(request.mode)  # "auto" leaves the mode as it is
        if request.mode == CHAT or request.history:
            self.chat.conversation = Conversation(
                [Turn(role, [text]) for role, text in request.history])
            self.chat.render()
            self.history_refs[CHAT] = None  # which records these turns were is not known here
        self.system.setText(request.system)
        self.prompt.replace_text(request.prompt)  # Ctrl+Z brings back what was typed
        fields = dataclasses.asdict(request)
        fields.update(seed=-1 if request.seed is None else request.seed,
                      max_length=request.max_length or 0, stop=format_stops(request.stop))
        self.params.restore(fields)
        self._on_mode()

    def rerun(self, request: Any, parents: tuple[int, ...] = ()) -> None:
        """The recorded request again, exactly (its model, backend and seed), shown here."""
        if self.runner.busy:
            self.show_error(self.tr("Wait for the current text to finish, or stop it, "
                                    "before running another."))
            return
        self.load_request(request)
        if not isinstance(request, writing.WriteRequest):
            return
        if request.mode == CHAT:
            self.pending_user = request.prompt
            self.prompt.clear()  # kept in pending_user, as Generate does
            self.chat.set_pending(request.prompt, None)
        else:  # completion, or "auto" from the command line: shown as a completion
            self.mode.choose(COMPLETION)
        self._start(request, parents)
