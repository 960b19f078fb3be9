"""What a job is told when the engine host process ends under it, in the user's words."""

from __future__ import annotations

import signal

from ..jobs import Cancelled, Event, Failed
from ..messages import Message, msg

_CRASH_SIGNALS = {getattr(signal, n) for n in ("SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT")
                  if hasattr(signal, n)}


def task_name(task: str) -> Message:
    """The engine's name as the failure messages use it."""
    names = {
        "writing": msg("task.writing", "writing"),
        "painting": msg("task.painting", "painting"),
        "voice": msg("task.voice", "voice"),
        "transcription": msg("task.transcription", "transcription"),
    }
    return names.get(task) or msg("task.other", "{task}", task=task)


def exit_reason(code: int) -> Message:
    """How the process ended, in words (a negative code is a signal on POSIX)."""
    if code < 0:
        number = -code
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = "?"
        if hasattr(signal, "SIGKILL") and number == signal.SIGKILL:
            return msg("host.killed", "killed by signal {signal}, probably out of memory",
                       signal=number)
        if number in _CRASH_SIGNALS:
            return msg("host.crashed", "it crashed with signal {signal}, {name}",
                       signal=number, name=name)
        return msg("host.signalled", "stopped by signal {signal}, {name}", signal=number,
                   name=name)
    return msg("host.exit_code", "exit code {code}", code=code)


def job_ending(task: str, phase: str, cancel_requested: bool, end_reason: str | None,
               start_error: Message | None, reason: Message, detail: str) -> Event:
    """The one terminal event a job gets when its host process ends under it.

    ``end_reason``: None (it died), "force" (Force stop), "unload" (restarted to free
    memory) or "stop" (the app is closing); ``phase``: how far the job had got.
    """
    if end_reason == "stop":
        return Cancelled()
    if end_reason == "force" and cancel_requested:
        return Cancelled(message=msg("host.force_stopped",
                                     "Force-stopped: the engine was restarted, so its "
                                     "loaded models were unloaded."))
    if end_reason == "unload":
        return Failed(msg("host.restarted_to_free_memory",
                          "The {engine} job was stopped because the engine was restarted to "
                          "free memory. Run it again.", engine=task_name(task)))
    if end_reason == "force":
        return Failed(msg("host.restarted_under_job",
                          "The {engine} job was stopped because the engine had to be "
                          "restarted (another job was force-stopped). Run it again.",
                          engine=task_name(task)))
    if start_error is not None:
        return Failed(start_error, detail)
    where = {
        "generating": msg("host.phase_generating", "while generating"),
        "loading": msg("host.phase_loading", "while loading the model"),
    }.get(phase, msg("host.phase_waiting", "before the job started"))
    return Failed(msg("host.died",
                      "The {engine} engine stopped unexpectedly ({reason}) {phase}; it has "
                      "been restarted. Your prompt and earlier results are kept.",
                      engine=task_name(task), reason=reason, phase=where), detail)
