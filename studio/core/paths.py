"""Where the app keeps its files: resources, user config, data and caches."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The repo's resources/ folder (or the PyInstaller bundle's copy)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path("aigc-studio", appauthor=False)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("aigc-studio", appauthor=False)


def cache_dir() -> Path:
    """Derived files (converted models, joined weights); safe to delete."""
    from platformdirs import user_cache_path

    return user_cache_path("aigc-studio", appauthor=False)
