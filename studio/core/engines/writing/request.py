"""What a writing job asks for and what it returns, with validation. No library imports."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...devices import DEVICES, DTYPES
from ...jobs import UserError
from ...messages import msg

LLAMA = "llama.cpp"
HF = "transformers"
BACKENDS = ("auto", LLAMA, HF)
MODES = ("auto", "chat", "completion")
ROLES = ("user", "assistant")
MAX_SEQUENCES = 32
MAX_BEAMS = 64
DEFAULT_MODEL = "smollm2-135m-instruct"
DEFAULT_MAX_NEW_TOKENS = 256  # the window, the CLI and a bare WriteRequest all start here
# llama.cpp allocates the whole KV cache up front: cap the context we ask for.
LLAMA_MAX_CTX = 4096


@dataclass(frozen=True)
class WriteRequest:
    prompt: str
    model: str = DEFAULT_MODEL  # catalogue id, local folder/.gguf path, or hub id
    backend: str = "auto"  # "auto" | "llama.cpp" | "transformers"
    device: str = "auto"
    dtype: str = "auto"
    mode: str = "auto"  # "auto" (chat if the model has a chat template) | "chat" | "completion"
    system: str = ""  # system prompt (chat mode)
    history: tuple[tuple[str, str], ...] = ()  # earlier turns: ("user"|"assistant", text)
    max_new_tokens: int | None = DEFAULT_MAX_NEW_TOKENS
    max_length: int | None = None  # prompt + new tokens, like transformers
    num_return_sequences: int = 1
    no_repeat_ngram_size: int = 0
    do_sample: bool = True
    temperature: float = 0.7
    top_k: int = 50
    top_p: float = 0.95
    repetition_penalty: float = 1.0
    num_beams: int = 1
    early_stopping: bool = False
    seed: int | None = None  # None -> a random seed chosen and reported in the result
    stop: tuple[str, ...] = ()
    n_threads: int | None = None  # llama.cpp threads; None = physical cores
    # The model's identity ("sha256:…" of its files, or "git:…" of a hub snapshot).  Filled in
    # by the engine in Result.request; a re-run that names one is warned if the files changed.
    revision: str = ""
    # An OpenAI-compatible server to run on instead of this machine: a stored endpoint's name
    # or a base URL ("" = local).  ``model`` is then the server's model id (studio.core.endpoints).
    endpoint: str = ""

    @property
    def greedy(self) -> bool:
        """Temperature 0 means greedy too (as in llama.cpp and most UIs)."""
        return not self.do_sample or self.temperature == 0

    @property
    def needs_beams(self) -> bool:
        """Beam search: asked for, or several greedy sequences (identical otherwise)."""
        return self.num_beams > 1 or (self.greedy and self.num_return_sequences > 1)


@dataclass(frozen=True)
class WriteResult:
    texts: tuple[str, ...]
    model: str
    backend: str
    seed: int
    chat: bool
    prompt_tokens: int
    new_tokens: int  # over all sequences
    seconds: float  # generation time (model load excluded; see Result.timings)
    tokens_per_s: float
    first_token_s: float | None  # from generation start to the first streamed text
    truncated: bool
    # generated ids per sequence (stop strings cut only the text); for tests and tooling
    token_ids: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class ModelInfo:
    ref: str
    backend: str
    chat: bool  # has a chat template
    context: int  # tokens of context the chosen backend will use
    gguf: bool
    path: str


@dataclass
class Outcome:
    """What a backend's generation loop hands back to the engine."""

    texts: list[str]
    token_ids: list[tuple[int, ...]]
    first_token_s: float | None
    cancelled: bool


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_num(value) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def validate(req: WriteRequest) -> None:
    """Raise UserError with a readable message for the first bad value."""

    def need(ok: bool, message) -> None:
        if not ok:
            raise UserError(message)

    need(isinstance(req.prompt, str) and req.prompt.strip() != "",
         msg("writing.prompt_empty",
             "The prompt is empty: type something for the model to continue or answer."))
    for name, allowed in (("backend", BACKENDS), ("mode", MODES), ("device", DEVICES),
                          ("dtype", DTYPES)):
        value = getattr(req, name)
        need(value in allowed, msg("request.unknown_choice",
                                   "Unknown {name} {value}; choose one of {allowed}.",
                                   name=name, value=repr(value), allowed=", ".join(allowed)))
    need(isinstance(req.system, str), msg("writing.system_text", "The system prompt must be text."))
    for turn in req.history:
        need(isinstance(turn, tuple | list) and len(turn) == 2 and turn[0] in ROLES
             and isinstance(turn[1], str),
             msg("writing.bad_turn",
                 'Each history turn must be ("user" or "assistant", text); got {turn}.',
                 turn=repr(turn)))

    def in_range(name: str, ok: bool, rule) -> None:
        need(ok, msg("request.out_of_range", "{name} {rule} (got {value}).",
                     name=name, rule=rule, value=repr(getattr(req, name))))

    for name in ("max_new_tokens", "max_length"):
        value = getattr(req, name)
        in_range(name, value is None or (_is_int(value) and value >= 1),
                 msg("rule.at_least_1", "must be a whole number of at least 1"))
    need(req.max_new_tokens is not None or req.max_length is not None,
         msg("writing.no_limit",
             "Set max_new_tokens or max_length: the model needs to know when to stop."))
    in_range("num_return_sequences",
             _is_int(req.num_return_sequences) and 1 <= req.num_return_sequences <= MAX_SEQUENCES,
             msg("rule.between", "must be between {low} and {high}", low=1, high=MAX_SEQUENCES))
    in_range("no_repeat_ngram_size",
             _is_int(req.no_repeat_ngram_size) and req.no_repeat_ngram_size >= 0,
             msg("rule.zero_or_more", "must be 0 (off) or more"))
    need(isinstance(req.do_sample, bool),
         msg("writing.do_sample", "do_sample must be true or false."))
    in_range("temperature", _is_num(req.temperature) and 0 <= req.temperature <= 100,
             msg("rule.temperature", "must be between 0 (greedy) and 100"))
    in_range("top_k", _is_int(req.top_k) and req.top_k >= 0,
             msg("rule.zero_or_more", "must be 0 (off) or more"))
    in_range("top_p", _is_num(req.top_p) and 0 < req.top_p <= 1,
             msg("rule.top_p", "must be more than 0 and at most 1"))
    in_range("repetition_penalty", _is_num(req.repetition_penalty) and req.repetition_penalty > 0,
             msg("rule.penalty", "must be more than 0; 1 means off"))
    in_range("num_beams", _is_int(req.num_beams) and 1 <= req.num_beams <= MAX_BEAMS,
             msg("rule.between", "must be between {low} and {high}", low=1, high=MAX_BEAMS))
    need(isinstance(req.early_stopping, bool),
         msg("writing.early_stopping", "early_stopping must be true or false."))
    in_range("seed", req.seed is None or (_is_int(req.seed) and 0 <= req.seed < 2**32),
             msg("rule.between", "must be between {low} and {high}", low=0, high=2**32 - 1))
    need(isinstance(req.stop, tuple | list) and all(isinstance(s, str) and s for s in req.stop),
         msg("writing.stop_strings", "Stop strings must be non-empty text."))
    in_range("n_threads", req.n_threads is None or (_is_int(req.n_threads) and req.n_threads >= 1),
             msg("rule.at_least_1", "must be a whole number of at least 1"))
    need(isinstance(req.revision, str), msg("writing.revision", "revision must be text."))
    need(isinstance(req.endpoint, str), msg("request.endpoint_text",
                                            "endpoint must be text (a name or a URL)."))


def derive_seed(seed: int, index: int) -> int:
    """Seed of output sequence ``index``: the request seed for the first, then a fixed mix."""
    return seed if index == 0 else (seed + index * 0x9E3779B9) % 2**32


def chat_messages(req: WriteRequest) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": req.system}] if req.system.strip() else []
    messages += [{"role": role, "content": text} for role, text in req.history]
    messages.append({"role": "user", "content": req.prompt})
    return messages


def use_chat(req: WriteRequest, has_template: bool, name: str) -> bool:
    if req.mode == "completion":
        return False
    if req.mode == "chat" and not has_template:
        raise UserError(msg("writing.no_template",
                            "The model {name} has no chat template; use completion mode.",
                            name=repr(name)))
    return has_template
