"""Pickled weights and remote code only for the models the user named, never implicitly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from studio.core import hub, security
from studio.core.hub import HubConfig
from studio.core.jobs import UserError
from studio.core.models import LocalModel

CUSTOM_CODE = '''
from transformers import GPT2Config, GPT2LMHeadModel


class CustomConfig(GPT2Config):
    model_type = "custom-gpt2"


class CustomModel(GPT2LMHeadModel):
    config_class = CustomConfig

    def __init__(self, config):
        super().__init__(config)
        self.ran_custom_code = True
'''


@pytest.fixture
def restore_hub():
    before = hub.current()
    yield
    hub.configure(before)


@pytest.fixture
def remote_code_model(tiny_gpt2, tmp_path) -> Path:
    """The tiny GPT-2 as a model that exists only as code shipped beside its weights."""
    folder = tmp_path / "custom-gpt2"
    shutil.copytree(tiny_gpt2, folder)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config.update(model_type="custom-gpt2", architectures=["CustomModel"],
                  auto_map={"AutoConfig": "custom_gpt2.CustomConfig",
                            "AutoModelForCausalLM": "custom_gpt2.CustomModel"})
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    (folder / "custom_gpt2.py").write_text(CUSTOM_CODE, encoding="utf-8")
    return folder


def _load(folder: Path):
    import torch

    from studio.core.engines.writing import hf

    return hf._load_folder(folder, "cpu", torch.float32, LocalModel(str(folder), folder))


def test_remote_code_is_refused_with_the_reason_unless_the_model_is_listed(remote_code_model,
                                                                           restore_hub):
    hub.configure(HubConfig())
    with pytest.raises(UserError, match=r"needs to run Python code.*trust_remote_code_models"):
        _load(remote_code_model)
    hub.configure(HubConfig(trust_remote_code=(str(remote_code_model),)))
    session = _load(remote_code_model)
    assert type(session.model).__name__ == "CustomModel"
    assert session.model.ran_custom_code  # the opt-in really reached from_pretrained


def test_the_writing_engine_reports_the_refusal_as_a_job_failure(remote_code_model,
                                                                  restore_hub):
    from studio.core.cache import ModelCache
    from studio.core.engines.writing import WriteRequest, run
    from studio.core.jobs import CancelToken, Failed

    hub.configure(HubConfig(trust_remote_code=("someone/else",)))
    events = list(run(WriteRequest("hi", model=str(remote_code_model), backend="transformers",
                                   max_new_tokens=2), CancelToken(), ModelCache()))
    assert isinstance(events[-1], Failed) and "trust_remote_code" in events[-1].message


def test_a_known_architecture_with_an_auto_map_loads_with_transformers_own_code(tiny_gpt2,
                                                                                 tmp_path):
    folder = tmp_path / "gpt2-with-map"
    shutil.copytree(tiny_gpt2, folder)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config["auto_map"] = {"AutoModelForCausalLM": "modeling.Anything"}
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    local = LocalModel("gpt2-with-map", folder)
    assert security.remote_code(local, folder, HubConfig()) is False  # nothing run, no refusal
    assert security.remote_code(local, folder, HubConfig(trust_remote_code=("gpt2-with-map",)))


def test_pickled_weights_load_only_for_a_listed_model(tiny_gpt2, tmp_path, restore_hub):
    import torch
    from transformers import GPT2LMHeadModel

    folder = tmp_path / "pickled-gpt2"
    shutil.copytree(tiny_gpt2, folder)
    model = GPT2LMHeadModel.from_pretrained(tiny_gpt2)
    (folder / "model.safetensors").unlink()
    torch.save(model.state_dict(), folder / "pytorch_model.bin")
    hub.configure(HubConfig())
    with pytest.raises(UserError, match=r"has no \.safetensors weights"):
        _load(folder)
    hub.configure(HubConfig(allow_pickle=(str(folder),)))
    assert _load(folder).model.config.n_layer == 2


def test_opt_ins_match_catalogue_ids_repo_ids_and_paths(tmp_path):
    from studio.core import catalog

    snapshot = tmp_path / "hub" / "models--Qwen--Qwen2.5-0.5B-Instruct" / "snapshots" / "abc"
    snapshot.mkdir(parents=True)
    local = LocalModel("qwen2.5-0.5b-instruct", snapshot, catalog.find("qwen2.5-0.5b-instruct"))
    for name in ("qwen2.5-0.5b-instruct", "Qwen/Qwen2.5-0.5B-Instruct", str(snapshot)):
        assert security.allows_pickle(local, HubConfig(allow_pickle=(name,))), name
    assert not security.allows_pickle(local, HubConfig(allow_pickle=("Qwen/other",)))
    assert not security.trusts_remote_code(local, HubConfig(allow_pickle=(str(snapshot),)))
