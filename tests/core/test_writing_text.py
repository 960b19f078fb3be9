"""Text plumbing of the writing engine: stop strings, context fitting, UTF-8, GGUF headers."""

from __future__ import annotations

import numpy as np
import pytest

from studio.core.engines.writing import WriteRequest
from studio.core.engines.writing.llama import NoRepeatNGram
from studio.core.engines.writing.metadata import gguf_metadata
from studio.core.engines.writing.text import TextAssembler, fit_context, parse_stops
from studio.core.jobs import UserError
from tests.fixtures.tiny_gguf import build_tiny_gguf


def test_text_assembler_holds_back_possible_stop_prefixes():
    asm = TextAssembler(("END", "\n\n"))
    assert asm.feed("abc E") == "abc "
    assert asm.feed("N") == ""
    assert asm.feed("x") == "ENx"
    assert asm.feed("y\n") == "y"
    assert asm.feed("\nz") == ""
    assert asm.stopped and asm.text == "abc ENxy" and asm.feed("more") == ""
    tail = TextAssembler(("END",))
    assert tail.feed("the E") == "the " and tail.flush() == "E" and tail.text == "the E"


def test_fit_context_rules():
    b = fit_context(list(range(10)), WriteRequest("x", max_new_tokens=5), 100)
    assert (b.new_tokens, b.truncated, b.notices) == (5, False, ())
    b = fit_context(list(range(90)), WriteRequest("x", max_new_tokens=20), 100)
    assert b.ids == list(range(10, 90)) and b.truncated
    # more new tokens than the context holds: fewer new tokens, the prompt stays whole
    b = fit_context(list(range(10)), WriteRequest("x", max_new_tokens=500), 100)
    assert (b.new_tokens, b.ids, b.truncated) == (90, list(range(10)), False)
    assert b.notices == ("Generating at most 90 new tokens: the prompt uses 10 of the model's "
                         "100-token context.",)
    b = fit_context(list(range(70)), WriteRequest("x", max_new_tokens=50), 100)
    assert (b.new_tokens, len(b.ids), b.truncated) == (30, 70, False)  # room 30 >= 100 // 4
    b = fit_context(list(range(80)), WriteRequest("x", max_new_tokens=50), 100)
    assert (b.new_tokens, b.ids, b.truncated) == (25, list(range(5, 80)), True)  # room 20 < 25
    assert "Prompt truncated to the last 75 tokens" in b.notices[0]
    b = fit_context(list(range(10)), WriteRequest("x", max_new_tokens=None, max_length=900), 100)
    assert (b.new_tokens, len(b.ids), b.truncated) == (90, 10, False)
    b = fit_context(list(range(10)), WriteRequest("x", max_new_tokens=500, max_length=30), 100)
    assert (b.new_tokens, b.notices) == (20, ())  # the tighter limit wins


def test_no_repeat_ngram_processor_bans_like_transformers():
    proc = NoRepeatNGram(2)
    scores = np.zeros(10, dtype=np.float32)
    out = proc(np.array([1, 2, 3, 1], dtype=np.intc), scores.copy())
    assert np.isinf(out[2]) and np.isfinite(np.delete(out, 2)).all()  # "1 2" seen: ban 2 after 1
    out = proc(np.array([1, 2, 3, 1, 4, 3], dtype=np.intc), scores.copy())
    assert np.isinf(out[1]) and np.isfinite(np.delete(out, 1)).all()  # "3 1" seen


def test_gguf_metadata_reads_only_the_header(tmp_path):
    import gguf
    path = tmp_path / "t.gguf"
    w = gguf.GGUFWriter(str(path), "llama")
    w.add_context_length(777)
    w.add_chat_template("{{ messages }}")
    w.add_token_list(["a", "b", "c"])
    w.add_token_scores([0.0, 1.0, 2.0])
    w.add_name("tiny")
    w.add_tensor("w", np.zeros((2, 2), dtype=np.float32))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    meta = gguf_metadata(path)
    assert (meta.architecture, meta.context, meta.chat_template, meta.name) == (
        "llama", 777, "{{ messages }}", "tiny")
    (tmp_path / "bad.gguf").write_bytes(b"nope")
    with pytest.raises(UserError, match="not a GGUF"):
        gguf_metadata(tmp_path / "bad.gguf")


def test_cut_off_multibyte_character_is_dropped_not_replaced(tiny_gpt2):
    from transformers import AutoTokenizer

    from studio.core.engines.writing.hf import IncrementalDecoder

    tok = AutoTokenizer.from_pretrained(tiny_gpt2)
    ids = tok("a北")["input_ids"]  # byte-level: "a" and the three bytes of 北
    assert len(ids) == 4
    for cut in (2, 3):  # one or two of the three bytes generated
        dec = IncrementalDecoder(tok)
        text = "".join(dec.push(t) for t in ids[:cut]) + dec.flush()
        assert text == "a"
    dec = IncrementalDecoder(tok)
    assert "".join(dec.push(t) for t in ids) + dec.flush() == "a北"
    dec = IncrementalDecoder(tok)  # a U+FFFD inside the text is kept
    assert "".join(dec.push(t) for t in tok("x\ufffdy")["input_ids"]) + dec.flush() == "x\ufffdy"


def test_llama_utf8_stream_drops_a_cut_off_character():
    from studio.core.engines.writing.text import Utf8Stream

    data = "a北".encode()
    stream = Utf8Stream()
    assert "".join(stream.push(data[i:i + 1]) for i in range(len(data) - 1)) == "a"
    assert stream.finish() == ""
    stream = Utf8Stream()
    assert stream.push(b"x\xff") + stream.push("北".encode()) + stream.finish() == "x\ufffd北"


def test_gguf_metadata_counts_the_weights(tmp_path):
    assert gguf_metadata(build_tiny_gguf(tmp_path / "t.gguf")).parameters == 6



def test_stop_strings_are_parsed_one_way_for_window_and_cli():
    assert parse_stops(r"A|B\tC") == ("A", "B\tC")
    assert parse_stops(r" THE END | \n\n |") == ("THE END", "\n\n")
    assert parse_stops(r"a\|b|c\\d") == ("a|b", "c\\d")
    assert parse_stops(r"\t | x ") == ("\t", "x")  # escaped whitespace is kept
    assert parse_stops("") == () and parse_stops(" | ") == ()
    assert parse_stops("完|。") == ("完", "。")
