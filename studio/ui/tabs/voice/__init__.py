"""The Voice tab (text to speech): see ``tab``."""

from .tab import VoiceTab

__all__ = ["VoiceTab"]
