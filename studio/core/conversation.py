"""A chat transcript whose replies can have alternatives, as chat apps keep them.

Regenerate adds a new alternative to the last reply instead of replacing it,
so the old answer survives a stopped or failed regeneration and the user can
switch between the answers.  The model always sees the chosen alternative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

USER, ASSISTANT = "user", "assistant"


@dataclass
class Turn:
    role: str
    texts: list[str]  # alternatives; a user turn has one
    chosen: int = 0

    @property
    def text(self) -> str:
        return self.texts[self.chosen]


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.turns)

    def messages(self) -> list[tuple[str, str]]:
        """(role, text) as shown and as the model sees it (chosen alternatives)."""
        return [(t.role, t.text) for t in self.turns]

    def history(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.messages())

    def add_exchange(self, user: str, reply: str) -> None:
        self.turns += [Turn(USER, [user]), Turn(ASSISTANT, [reply])]

    @property
    def last_reply(self) -> Turn | None:
        return self.turns[-1] if self.turns and self.turns[-1].role == ASSISTANT else None

    def can_regenerate(self) -> bool:
        return len(self.turns) >= 2 and self.last_reply is not None

    def regenerate_request(self) -> tuple[tuple[tuple[str, str], ...], str]:
        """(history before the last exchange, the last user message) to answer again."""
        if not self.can_regenerate():
            raise ValueError("nothing to regenerate")
        return tuple(self.messages()[:-2]), self.turns[-2].text

    def add_alternative(self, reply: str) -> None:
        turn = self.last_reply
        if turn is None:
            raise ValueError("no reply to add an alternative to")
        turn.texts.append(reply)
        turn.chosen = len(turn.texts) - 1

    def choose(self, step: int) -> None:
        """Show the previous (-1) or next (+1) alternative of the last reply."""
        turn = self.last_reply
        if turn is not None:
            turn.chosen = max(0, min(len(turn.texts) - 1, turn.chosen + step))

    def clear(self) -> None:
        self.turns = []

    def to_markdown(self, labels: dict[str, str]) -> str:
        return "\n\n".join(f"**{labels.get(t.role, t.role)}**\n\n{t.text}" for t in self.turns)

    # -- drafts ---------------------------------------------------------------------------
    def to_draft(self) -> list[dict[str, Any]]:
        return [{"role": t.role, "texts": list(t.texts), "chosen": t.chosen} for t in self.turns]

    @classmethod
    def from_draft(cls, data: Any) -> Conversation:
        """Tolerates anything: unreadable turns are skipped.

        Accepts the older ``[[role, text], ...]`` form too.
        """
        turns: list[Turn] = []
        for item in data if isinstance(data, list) else []:
            if isinstance(item, list | tuple) and len(item) == 2:
                item = {"role": item[0], "texts": [item[1]]}
            if not isinstance(item, dict) or item.get("role") not in (USER, ASSISTANT):
                continue
            texts = [t for t in item.get("texts", []) if isinstance(t, str)] if isinstance(
                item.get("texts"), list) else []
            if not texts:
                continue
            chosen = item.get("chosen", 0)
            chosen = chosen if isinstance(chosen, int) and 0 <= chosen < len(texts) else 0
            turns.append(Turn(item["role"], texts, chosen))
        return cls(turns)
