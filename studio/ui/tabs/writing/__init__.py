"""The Writing tab: the tab itself, its chat and completion views, its parameters."""

from .mode_box import CHAT, COMPLETION
from .tab import WritingTab

__all__ = ["CHAT", "COMPLETION", "WritingTab"]
