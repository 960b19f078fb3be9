"""The window's endpoints: the stored list, where each key is kept, and each server's models.

Everything that touches a file, the keyring or the network runs off the UI thread
(``BackgroundCalls``): the list and the key statuses in one queue, the probes that
fill the model pickers in another (a slow server never holds up a save), the editor's
Test in a third.  ``changed`` says the list, a key status or a probe changed;
``sections(task, offline)`` is what a task's model picker offers from the latest probes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from studio.core import endpoints
from studio.core.credentials import TokenStatus
from studio.core.endpoints import Endpoint, EndpointStore, Probe

from ..worker import BackgroundCalls


@dataclass(frozen=True)
class Section:
    """One endpoint's part of a task's model picker."""

    endpoint: str
    url: str
    models: tuple[str, ...]  # the server's model ids this task can use
    error: str = ""  # the last probe's message (a core Message), "" when it answered
    blocked: bool = False  # the offline switch is on and the server is not on this machine
    probed: bool = True  # False: not asked yet


def _load(store: EndpointStore):
    items = store.load()
    return items, store.warning, {e.name: endpoints.key_status(e.name) for e in items}


def _save(store: EndpointStore, items: list[Endpoint], endpoint: Endpoint, key: str | None,
          old_name: str) -> tuple[list[Endpoint], str, TokenStatus, str]:
    """Save the list with ``endpoint`` in place of ``old_name``; then its key (a rename
    takes the old key along)."""
    others = [e for e in items if e.name not in (old_name, endpoint.name)]
    position = next((i for i, e in enumerate(items) if e.name in (old_name, endpoint.name)),
                    len(others))
    new = others[:position] + [endpoint] + others[position:]
    store.save(new)
    renamed = bool(old_name) and old_name != endpoint.name
    if not key and renamed:
        key = endpoints.load_key(old_name)
    status = endpoints.save_key(endpoint.name, key) if key else None
    if renamed:
        endpoints.delete_key(old_name)
    return new, endpoint.name, status or endpoints.key_status(endpoint.name), old_name


def _remove(store: EndpointStore, items: list[Endpoint], name: str) -> list[Endpoint]:
    new = [e for e in items if e.name != name]
    store.save(new)
    endpoints.delete_key(name)
    return new


def _forget(name: str) -> tuple[str, TokenStatus]:
    endpoints.delete_key(name)
    return name, endpoints.key_status(name)


class EndpointService(QObject):
    changed = Signal()  # the list, a key status or a probe changed
    saved = Signal(str, object)  # an endpoint was saved: its name and where its key is kept
    removed = Signal(str)
    renamed = Signal(str, str)  # old name, new name (before ``changed`` says the old is gone)
    tested = Signal(object)  # the editor's Test: a Probe
    failed = Signal(str, object)  # what failed ("save", "remove", "load", "key") and why

    def __init__(self, store: EndpointStore | None = None, parent: QObject | None = None,
                 probe_on_load: bool = True) -> None:
        super().__init__(parent)
        self.store = store or EndpointStore()
        self.endpoints: list[Endpoint] = []
        self.keys: dict[str, TokenStatus] = {}
        self.probes: dict[str, Probe] = {}
        self.warning = None
        self.loaded = False
        self.probe_on_load = probe_on_load
        self._io = BackgroundCalls("endpoints", self)
        self._probes = BackgroundCalls("endpoint-probes", self)
        self._tests = BackgroundCalls("endpoint-test", self)
        for calls in (self._io, self._probes, self._tests):
            calls.done.connect(self._on_done)
            calls.failed.connect(self._on_failed)

    # -- asking ---------------------------------------------------------------------------------
    def load(self) -> None:
        self._io.call("load", _load, self.store)

    def refresh(self, names: list[str] | None = None) -> None:
        """Ask the servers (all, or ``names``) for their models again."""
        for name in names if names is not None else [e.name for e in self.endpoints]:
            self._probes.call(f"probe:{name}", endpoints.probe, name, None, self.store)

    def test(self, endpoint: Endpoint, key: str | None) -> None:
        """The editor's Test: ``endpoint`` as typed (maybe unsaved), with the typed key or,
        when None, the stored one."""
        self._tests.call("test", endpoints.probe, endpoint, key)

    def save(self, endpoint: Endpoint, key: str | None, old_name: str = "") -> None:
        self._io.call("save", _save, self.store, list(self.endpoints), endpoint, key, old_name)

    def remove(self, name: str) -> None:
        self._io.call(f"remove:{name}", _remove, self.store, list(self.endpoints), name)

    def forget_key(self, name: str) -> None:
        self._io.call("key", _forget, name)

    # -- what the window shows ------------------------------------------------------------------
    def get(self, name: str) -> Endpoint | None:
        return next((e for e in self.endpoints if e.name == name), None)

    def names(self) -> list[str]:
        return [e.name for e in self.endpoints]

    def sections(self, task: str, offline: bool) -> list[Section]:
        out = []
        for e in self.endpoints:
            found = self.probes.get(e.name)
            models = tuple(m.id for m in found.models if m.task == task) if found else ()
            error = str(found.error) if found is not None and found.error else ""
            out.append(Section(e.name, e.base_url, models, error, offline and not e.loopback,
                               found is not None))
        return out

    # -- answers (GUI thread) -------------------------------------------------------------------
    @Slot(str, object)
    def _on_done(self, kind: str, value) -> None:
        if kind == "load":
            self.endpoints, self.warning, self.keys = value
            self.loaded = True
            self.probes = {n: p for n, p in self.probes.items() if n in self.names()}
            self.changed.emit()
            if self.probe_on_load:
                self.refresh()
        elif kind == "save":
            self.endpoints, name, status, old = value
            if old and old != name:
                self.renamed.emit(old, name)
            self.keys = {n: s for n, s in self.keys.items() if n in self.names()}
            self.keys[name] = status
            self.probes = {n: p for n, p in self.probes.items() if n in self.names()}
            self.probes.pop(name, None)  # its definition changed: what it lists is asked again
            self.changed.emit()
            self.saved.emit(name, status)
            self.refresh([name])
        elif kind.startswith("remove:"):
            name = kind.split(":", 1)[1]
            self.endpoints = value
            self.keys.pop(name, None)
            self.probes.pop(name, None)
            self.changed.emit()
            self.removed.emit(name)
        elif kind == "key":
            name, status = value
            self.keys[name] = status
            self.changed.emit()
        elif kind == "test":
            self.tested.emit(value)
        elif kind.startswith("probe:"):
            name = kind.split(":", 1)[1]
            if self.get(name) is not None:
                self.probes[name] = value
                self.changed.emit()

    @Slot(str, object)
    def _on_failed(self, kind: str, message) -> None:
        if kind == "test":  # probe() answers failures itself; this is a bug's message
            self.tested.emit(Probe("", (), None, message))
            return
        self.failed.emit(kind.split(":", 1)[0], message)

    def key_where(self, name: str) -> TokenStatus:
        return self.keys.get(name) or TokenStatus(False, "")

    def shutdown(self) -> None:
        for calls in (self._io, self._probes, self._tests):
            calls.shutdown()
