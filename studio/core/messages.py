"""User-visible messages from Qt-free code, with stable ids so the UI can translate them.

Core code cannot call Qt's ``tr()``.  It builds a ``Message`` instead: a ``str``
holding the English text (what the CLI prints and logs show), which also
carries a stable id, its English template and the template's arguments.  The
UI looks the template up in its translations (context ``core``) and formats
it with the same arguments, so a Chinese window shows Chinese engine errors.

    raise UserError(msg("model.not_found", "Model not found: {ref}.", ref=ref))

Templates use ``str.format`` fields.  ``scripts/update_translations.py`` finds
every ``msg(...)`` call in ``studio/core`` and adds its template to the .ts file;
a test checks that ids are unique and that each has a Chinese translation.
"""

from __future__ import annotations

from typing import Any


def _rebuild(key: str, template: str, args: dict[str, Any]) -> Message:
    return Message(key, template, args)


class Message(str):
    """English text (the ``str`` value) plus what is needed to translate it."""

    key: str
    template: str
    args: dict[str, Any]

    def __new__(cls, key: str, template: str, args: dict[str, Any] | None = None) -> Message:
        args = dict(args or {})
        obj = super().__new__(cls, template.format(**args))
        obj.key, obj.template, obj.args = key, template, args
        return obj

    def __reduce__(self):  # crosses the engine-process pipe with its id and arguments
        return _rebuild, (self.key, self.template, self.args)

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {str(self)!r})"


def msg(key: str, template: str, /, **args: Any) -> Message:
    """A translatable message; ``key`` is stable, ``template`` is the English source text."""
    return Message(key, template, args)


def render(text: str, translate) -> str:
    """``text`` in the UI language: ``translate(template) -> template`` does the lookup.

    Arguments that are messages themselves are rendered first; a translation
    whose fields do not match its arguments falls back to the English text.
    """
    if not isinstance(text, Message):
        return str(text)
    args = {k: render(v, translate) if isinstance(v, Message) else v
            for k, v in text.args.items()}
    try:
        return translate(text.template).format(**args)
    except (KeyError, IndexError, ValueError):
        return text.template.format(**args)
