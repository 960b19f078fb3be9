"""Transcription tab: speech-to-text from a file or the microphone."""

from .tab import AUDIO_SUFFIXES, TranscriptionTab

__all__ = ["AUDIO_SUFFIXES", "TranscriptionTab"]
