"""Per-model opt-ins for the two unsafe things a model can ask for; never implicit.

- Pickled weights (``pytorch_model.bin``, ``.pt``, ``.ckpt``) can run any code
  when loaded.  Downloads refuse repos that have nothing else, and engines load
  only safetensors/GGUF/CTranslate2, unless the model is in the settings'
  ``allow_pickle_models``.
- ``trust_remote_code`` runs Python files shipped with a model.  A model whose
  ``config.json`` (or ``tokenizer_config.json``) has an ``auto_map`` and whose
  architecture transformers does not know is refused with that reason, unless
  it is in ``trust_remote_code_models``; then the flag reaches ``from_pretrained``.

A model is named in those lists by its catalogue id, hub repo id or local path.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import hub
from .hub import HubConfig
from .jobs import UserError
from .messages import msg
from .models import LocalModel


def names(local: LocalModel) -> set[str]:
    """Every name the user may have used for this model in an opt-in list."""
    out = {local.ref, str(local.path), str(local.main_path)}
    if local.entry is not None:
        out |= {local.entry.id, local.entry.repo}
    for part in local.path.parts:
        if part.startswith("models--") and part.count("--") >= 2:
            out.add(part[len("models--"):].replace("--", "/", 1))
    return {n for n in out if n}


def _listed(local: LocalModel, listed: tuple[str, ...]) -> bool:
    wanted = names(local)
    for item in listed:
        item = item.strip()
        if item in wanted or str(Path(item).expanduser()) in wanted:
            return True
    return False


def allows_pickle(local: LocalModel, config: HubConfig | None = None) -> bool:
    return _listed(local, (config or hub.current()).allow_pickle)


def trusts_remote_code(local: LocalModel, config: HubConfig | None = None) -> bool:
    return _listed(local, (config or hub.current()).trust_remote_code)


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def auto_map(folder: Path) -> dict:
    """The model's ``auto_map`` (classes it wants loaded from its own files), or {}."""
    found: dict = {}
    for name in ("config.json", "tokenizer_config.json"):
        value = _read(folder / name).get("auto_map")
        if isinstance(value, dict):
            found.update(value)
    return found


def known_model_type(folder: Path) -> bool:
    """transformers has its own code for this architecture (imports transformers)."""
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

    return _read(folder / "config.json").get("model_type") in CONFIG_MAPPING_NAMES


def remote_code(local: LocalModel, folder: Path, config: HubConfig | None = None) -> bool:
    """The ``trust_remote_code`` value to load ``folder`` with, or UserError saying why not.

    True only for a model the user listed; a listed model that ships no code loads
    with transformers' own classes anyway.
    """
    if not auto_map(folder):
        return False
    if trusts_remote_code(local, config):
        return True
    if known_model_type(folder):
        return False  # transformers' own classes: the shipped code is not needed
    raise UserError(msg(
        "model.remote_code", "{name} needs to run Python code that comes with the model "
        "(trust_remote_code), which could do anything your user account can. AIGC Studio never "
        "does this on its own. If you trust its authors, allow remote code for {name} in the "
        "settings (trust_remote_code_models), then download it again so its code is fetched.",
        name=local.ref))
