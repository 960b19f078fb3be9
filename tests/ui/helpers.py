"""Driving the Writing tab as a user would, shared by the UI tests."""

from __future__ import annotations

from studio.ui.tabs.writing import COMPLETION


def completion(tab, prompt: str, **params) -> None:
    """Completion mode, ``prompt`` typed, parameters set in their boxes."""
    tab.mode.setCurrentIndex(tab.mode.findData(COMPLETION))
    tab.prompt.setPlainText(prompt)
    for name, value in params.items():
        getattr(tab.params, name).setValue(value)


def window_writing_with(make_window, model, **kw) -> tuple:
    """A whole main window whose Writing tab uses ``model``, chosen in the settings panel."""
    w = make_window(**kw)
    w.panel.set_model("writing", str(model))
    w.panel.backend.setCurrentIndex(w.panel.backend.findData("transformers"))
    assert w.pages["writing"].settings.model_for("writing") == str(model)
    return w, w.pages["writing"]
