"""What a history row shows of its files: an image's thumbnail, an audio file's duration.

Reading a picture or an audio header can take long (a big PNG, a slow or network disk),
so both happen in a background thread; a row shows nothing until the answer comes
(``ready`` names the file).  Files are told apart by their suffix; anything else, and
a file that is gone or unreadable, shows nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap

from studio.core.jobs import UserError
from studio.ui.worker import BackgroundCalls

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")
AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".mp3", ".opus", ".m4a", ".aac", ".webm")
THUMB = 56  # pixels: the row's height less its margins


def kind_of(path: str) -> str:
    name = path.lower()
    return "image" if name.endswith(IMAGE_SUFFIXES) else (
        "audio" if name.endswith(AUDIO_SUFFIXES) else "")


def _thumbnail(path: str, size: int = THUMB) -> QImage:  # in the background: never QPixmap
    image = QImage(path)
    if image.isNull():
        raise UserError(f"not a readable image: {path}")  # shown as no thumbnail, not logged
    return image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def _duration(path: str) -> float:
    from studio.core.audio import decode  # numpy and the decoders: only when audio is shown

    return decode.info(path).duration_s


class Media(QObject):
    ready = Signal(str)  # a file's thumbnail or duration is known now

    def __init__(self, parent: QObject | None = None, size: int = THUMB) -> None:
        super().__init__(parent)
        self.size = size  # thumbnails fit a square of this many pixels
        self._known: dict[str, QPixmap | float | None] = {}
        self._calls = BackgroundCalls("history-media", self)
        self._calls.done.connect(self._on_done)
        self._calls.failed.connect(self._on_failed)

    def preview(self, path: str) -> QPixmap | float | None:
        """The thumbnail (images) or duration in seconds (audio) of ``path``, if known yet."""
        if path in self._known:
            return self._known[path]
        self._known[path] = None  # asked once; the answer replaces it
        kind = kind_of(path)
        if kind == "image":
            self._calls.call(path, _thumbnail, path, self.size)
        elif kind == "audio":
            self._calls.call(path, _duration, path)
        return None

    def forget(self, paths) -> None:
        """Look again next time (a file came back, or a new one took its name)."""
        for path in paths:
            self._known.pop(path, None)

    @Slot(str, object)
    def _on_done(self, path: str, value: object) -> None:
        self._known[path] = QPixmap.fromImage(value) if isinstance(value, QImage) else value
        self.ready.emit(path)

    @Slot(str, object)
    def _on_failed(self, path: str, _message: object) -> None:
        self._known[path] = None  # gone or unreadable: the row shows it has no preview

    def shutdown(self) -> None:
        self._calls.shutdown()
