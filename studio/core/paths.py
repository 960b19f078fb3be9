"""Where the app keeps its files: resources, user config, data and caches."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """The package's resources folder (models.toml, translations, icons).

    Shipped as package data inside ``studio``, so an installed wheel, an
    editable checkout and a PyInstaller bundle all find it the same way.
    """
    from importlib.resources import files

    return Path(str(files("studio") / "resources"))


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path("aigc-studio", appauthor=False)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("aigc-studio", appauthor=False)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def drafts_path() -> Path:
    return data_dir() / "drafts.json"


def recordings_dir() -> Path:
    """The user's microphone recordings (crash-safe WAVs, see core/audio/recorder.py)."""
    return data_dir() / "recordings"


def history_path() -> Path:
    return data_dir() / "history.db"


def outputs_dir() -> Path:
    """Images, audio and transcripts the app makes, in one folder per day."""
    return data_dir() / "outputs"


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path("aigc-studio", appauthor=False)


def cache_dir() -> Path:
    """Derived files (converted models, joined weights); safe to delete."""
    from platformdirs import user_cache_path

    return user_cache_path("aigc-studio", appauthor=False)
