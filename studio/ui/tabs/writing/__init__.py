"""The Writing tab: the tab itself, its chat and completion views, its parameters."""

from .tab import CHAT, COMPLETION, WritingTab

__all__ = ["CHAT", "COMPLETION", "WritingTab"]
