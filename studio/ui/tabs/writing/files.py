"""The Writing tab's text files: copy or save what is shown, load a prompt from a file.

Reading and writing run off the UI thread (the tab's ``io`` BackgroundCalls); their
answers come back to the tab's ``_on_io_done`` / ``_on_io_failed``.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from studio.core.textfiles import read_text_file, write_text_file

from .mode_box import CHAT


class WritingFiles:
    """File and clipboard actions of the Writing tab (mixed in before ``TabBase``)."""

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
        """Save what is visible: the whole conversation, or the current completion."""
        if self.mode.current() == CHAT:
            text = self.conversation.to_markdown(self.chat.view.labels)
        else:
            text = self.completion.current_text()
        self.io.call("saved", write_text_file, path, text)

    def open_file(self, path: str) -> None:
        self.load_prompt_file(path)

    @Slot(str)
    def load_prompt_file(self, path: str) -> None:
        self.io.call("loaded", read_text_file, path)
