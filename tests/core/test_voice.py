"""The voice engine: sentence splitting and cleaning, and synthesis on tiny random VITS and
SpeechT5 models through the transformers backend (the bundled Piper voice is in tests/real)."""

from __future__ import annotations

import dataclasses
import itertools
import threading
import time

import numpy as np
import pytest

from studio.core.cache import ModelCache
from studio.core.engines.voice import SpeakRequest, SpeechResult, run
from studio.core.engines.voice.text import (
    MAX_SENTENCE_CHARS,
    clean,
    foreign_scripts,
    scripts,
    split_sentences,
)
from studio.core.jobs import AudioChunk, Cancelled, CancelToken, Failed, Notice, Progress, Result
from tests.fixtures.tiny_speecht5 import EMBEDDING_DIM, build_tiny_speecht5
from tests.fixtures.tiny_vits import build_tiny_vits

TEXT = "Hello there. This is a test! Is it working? Yes."


def texts(text: str, **kw) -> list[str]:
    return [s.text for s in split_sentences(text, **kw)]


# ---- sentences -----------------------------------------------------------------------------

def test_english_sentences_keep_abbreviations_initials_and_numbers():
    assert texts("Dr. Smith met J. K. Rowling at 3.14 p.m. on the pier. Then... they left! "
                 "Why? e.g. this") == [
        "Dr. Smith met J. K. Rowling at 3.14 p.m. on the pier.", "Then... they left!",
        "Why?", "e.g. this"]


def test_chinese_sentences_split_at_cjk_marks_without_spaces():
    assert texts("你好。今天天气很好！你呢？我很好；谢谢……「再见。」最后一句") == [
        "你好。", "今天天气很好！", "你呢？", "我很好；", "谢谢……", "「再见。」", "最后一句"]
    # ASCII ! ? ; end a Chinese sentence too
    assert texts("好的!走吧?") == ["好的!", "走吧?"]


def test_mixed_text_and_lines_without_punctuation():
    assert texts("Hello 你好, world. 我们走吧。OK\nline two\r\n\n  line three  ") == [
        "Hello 你好, world.", "我们走吧。", "OK", "line two", "line three"]


def test_sentences_point_back_into_the_text_in_order():
    text = "  First one.  Second one!\n\nThird 第三。第四"
    found = split_sentences(text)
    assert [text[s.start:s.end] for s in found] == [
        "First one.", "Second one!", "Third 第三。", "第四"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_100_kb_line_without_punctuation_is_cut_at_spaces_in_linear_time():
    words = [f"word{i}" for i in range(12_000)]
    line = " ".join(words)
    assert len(line) > 100_000
    start = time.perf_counter()
    found = split_sentences(line)
    assert time.perf_counter() - start < 1.0
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in found)
    assert " ".join(s.text for s in found).split() == words  # nothing lost, no word cut
    # commas are preferred cut points
    commas = ", ".join(["some words here"] * 100)
    assert all(s.text.endswith(",") for s in split_sentences(commas)[:-1])


def test_a_100_kb_chinese_line_is_cut_hard_at_the_limit():
    line = "汉字" * 50_000
    found = split_sentences(line)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in found)
    assert "".join(s.text for s in found) == line


def test_cleaning_drops_emoji_invisible_characters_and_markdown():
    assert clean("Hi 😀👍🏽 there\u200b!\x07") == "Hi there!"
    assert texts("# Title\n* item **bold** `code`\n> quote\n---\n🎉🎉") == [
        "Title", "item bold code", "quote"]
    assert clean("It costs $5, 50% off at 25°C") == "It costs $5, 50% off at 25°C"


def test_scripts_and_foreign_ones_for_a_voice():
    assert scripts("Hello 你好 かな 한국") == {"latin": 5, "ja": 4, "ko": 2}
    assert foreign_scripts("Hello 你好", "en-US") == ["zh"]
    assert foreign_scripts("你好 AI 助手", "zh-CN") == []  # a few Latin letters read fine
    assert foreign_scripts("你好, this is a long English sentence", "zh_CN") == ["latin"]
    assert foreign_scripts("plain English", "en") == []


@pytest.mark.parametrize("text, needle", [
    ("", "There is no text to speak"),
    ("   \n\t ", "There is no text to speak"),
    ("😀😀 👍🏽🎉", "only emoji"),
    ("$$$ %%% !!! ---", "only symbols and punctuation ($$$%%%!!!---)"),
    ("—— …… ？！", "only symbols and punctuation"),
])
def test_text_a_voice_cannot_say_is_a_clear_user_error(tiny_vits, cache, text, needle):
    last = list(run(SpeakRequest(text, model=tiny_vits), CancelToken(), cache))[-1]
    assert isinstance(last, Failed) and last.user_error, last
    assert needle in last.message


# ---- the engine on a tiny VITS ------------------------------------------------------------

@pytest.fixture(scope="module")
def tiny_vits(tmp_path_factory) -> str:
    return str(build_tiny_vits(tmp_path_factory.mktemp("tiny-vits")))


@pytest.fixture(scope="module")
def cache() -> ModelCache:
    return ModelCache()


def speak(cache, cancel=None, **kw) -> list:
    kw.setdefault("text", TEXT)
    return list(run(SpeakRequest(**kw), cancel or CancelToken(), cache))


def test_one_chunk_per_sentence_timings_progress_and_the_resolved_request(tiny_vits, cache):
    evs = speak(cache, model=tiny_vits, seed=7, sentence_pause_s=0.1)
    assert isinstance(evs[-1], Result), evs[-1]
    res: SpeechResult = evs[-1].value
    chunks = [e for e in evs if isinstance(e, AudioChunk)]
    assert len(chunks) == len(res.sentences) == 4 and res.sample_rate == 16_000
    assert all(c.sample_rate == 16_000 and c.samples.dtype == np.float32 for c in chunks)
    assert np.array_equal(np.concatenate([c.samples for c in chunks]), res.samples)
    assert [s.text for s in res.sentences] == ["Hello there.", "This is a test!",
                                               "Is it working?", "Yes."]
    # timings: the first starts at 0, each next one after the pause, the last ends the audio
    assert res.sentences[0].start == 0
    for a, b in itertools.pairwise(res.sentences):
        assert b.start == pytest.approx(a.end + 0.1, abs=1e-3)
    assert res.sentences[-1].end == pytest.approx(res.duration_s, abs=1e-3)
    fractions = [e.fraction for e in evs if isinstance(e, Progress) and e.fraction is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    # every chunk is followed by its sentence's progress
    for i, ev in enumerate(evs):
        if isinstance(ev, AudioChunk):
            assert isinstance(evs[i + 1], Progress) and evs[i + 1].fraction is not None
    assert res.rtf > 0 and res.first_audio_s is not None and res.seconds > 0
    resolved = evs[-1].request
    assert resolved.seed == 7 and resolved.backend == "transformers" == res.backend
    assert resolved.revision.startswith("sha256:")
    assert dataclasses.replace(resolved, backend="auto", revision="") == SpeakRequest(
        TEXT, model=tiny_vits, seed=7, sentence_pause_s=0.1)
    assert {"load_s", "synthesis_s", "total_s", "rtf", "audio_s"} <= set(evs[-1].timings)


def test_same_seed_same_audio_and_a_random_seed_is_reported(tiny_vits, cache):
    a = speak(cache, model=tiny_vits, seed=3)[-1].value
    b = speak(cache, model=tiny_vits, seed=3)[-1].value
    c = speak(cache, model=tiny_vits, seed=4)[-1].value
    assert np.array_equal(a.samples, b.samples)
    assert not np.array_equal(a.samples[:len(c.samples)], c.samples[:len(a.samples)])
    free = speak(cache, model=tiny_vits)[-1]
    assert isinstance(free.value.seed, int) and free.request.seed == free.value.seed
    again = speak(cache, model=tiny_vits, seed=free.value.seed)[-1].value
    assert np.array_equal(again.samples, free.value.samples)


def test_controls_speed_volume_and_noise(tiny_vits, cache):
    base = speak(cache, model=tiny_vits, seed=1, noise_scale=0.0, noise_w_scale=0.0)[-1].value
    slow = speak(cache, model=tiny_vits, seed=1, noise_scale=0.0, noise_w_scale=0.0,
                 length_scale=2.0)[-1].value
    quiet = speak(cache, model=tiny_vits, seed=1, noise_scale=0.0, noise_w_scale=0.0,
                  volume=0.5)[-1].value
    assert slow.duration_s > 1.5 * base.duration_s
    assert np.allclose(quiet.samples, np.clip(base.samples, -1, 1) * 0.5, atol=1e-6)
    silent = speak(cache, model=tiny_vits, seed=1, volume=0.0)[-1].value
    assert not silent.samples.any()


def test_cancel_after_two_sentences_keeps_exactly_them(tiny_vits, cache):
    full = speak(cache, model=tiny_vits, seed=5)[-1].value
    cancel = CancelToken()
    evs, chunks = [], 0
    for ev in run(SpeakRequest(TEXT, model=tiny_vits, seed=5), cancel, cache):
        evs.append(ev)
        if isinstance(ev, AudioChunk):
            chunks += 1
            if chunks == 2:
                cancel.cancel()
    last = evs[-1]
    assert isinstance(last, Cancelled) and isinstance(last.partial, SpeechResult)
    part = last.partial
    assert len(part.sentences) == 2 == len([e for e in evs if isinstance(e, AudioChunk)])
    assert part.sentences == full.sentences[:2]
    assert np.array_equal(part.samples, full.samples[:len(part.samples)])  # the same start


def test_cancel_inside_a_sentence_stops_the_forward_pass(tiny_vits, cache):
    """Stop while the model runs: the per-layer hook ends it and earlier sentences stand."""
    from studio.core.engines.voice import hf

    cancel = CancelToken()
    real = hf.HFVoice._speak
    calls = []

    def speak_and_stop(self, text, *args):
        calls.append(text)
        if len(calls) == 2:  # cancelled as the second sentence starts, from another thread
            stopper = threading.Thread(target=cancel.cancel)
            stopper.start()
            stopper.join()
        return real(self, text, *args)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(hf.HFVoice, "_speak", speak_and_stop)
        evs = list(run(SpeakRequest(TEXT, model=tiny_vits, seed=1), cancel, cache))
    assert isinstance(evs[-1], Cancelled)
    assert [s.text for s in evs[-1].partial.sentences] == ["Hello there."]
    assert len(calls) == 2


def test_mixed_language_never_crashes_and_suggests_a_voice(tiny_vits, cache):
    evs = speak(cache, model=tiny_vits, seed=1, text="Hello there. 你好。 Good bye.")
    assert isinstance(evs[-1], Result), evs[-1]
    notes = [e.message for e in evs if isinstance(e, Notice)]
    assert any("Chinese" in n and "piper-zh-cn-huayan" in n for n in notes), notes
    assert any("1 sentence(s) had nothing this voice could say" in n for n in notes), notes
    assert [s.text for s in evs[-1].value.sentences] == ["Hello there.", "Good bye."]
    # only characters this voice has no sounds for: a clear message, not a crash
    last = speak(cache, model=tiny_vits, text="你好。世界。")[-1]
    assert isinstance(last, Failed) and last.user_error
    assert "could say none of the text" in last.message


@pytest.mark.parametrize("field, value, needle", [
    ("length_scale", 0.0, "length_scale must be between 0.1 and 10"),
    ("volume", -1.0, "volume must be between 0 and 10"),
    ("sentence_pause_s", float("nan"), "sentence_pause_s must be between 0 and 10"),
    ("noise_scale", 5.0, "noise_scale must be between 0 and 2"),
    ("backend", "espeak", "Unknown backend 'espeak'"),
    ("backend", "piper", "The Piper backend needs a Piper voice"),
    ("speaker", "3", "This voice has one speaker"),
])
def test_bad_requests_are_user_errors(tiny_vits, cache, field, value, needle):
    last = speak(cache, model=tiny_vits, **{field: value})[-1]
    assert isinstance(last, Failed) and last.user_error, last
    assert needle in last.message


# ---- SpeechT5: acoustic model + HiFi-GAN vocoder --------------------------------------------

@pytest.fixture(scope="module")
def tiny_speecht5(tmp_path_factory) -> tuple[str, str]:
    model, vocoder = build_tiny_speecht5(tmp_path_factory.mktemp("tiny-speecht5"))
    return str(model), str(vocoder)


def test_speecht5_speaks_through_its_vocoder_with_a_speaker_embedding(tiny_speecht5, cache,
                                                                      tmp_path):
    model, vocoder = tiny_speecht5
    evs = speak(cache, model=model, vocoder=vocoder, seed=2, text="Hello world. A test!")
    assert isinstance(evs[-1], Result), evs[-1]
    res = evs[-1].value
    assert res.sample_rate == 16_000 and len(res.sentences) == 2 and len(res.samples)
    assert any("neutral (all-zero) speaker embedding" in e.message
               for e in evs if isinstance(e, Notice))
    again = speak(cache, model=model, vocoder=vocoder, seed=2, text="Hello world. A test!")
    assert np.array_equal(again[-1].value.samples, res.samples)  # dropout is seeded
    xvector = tmp_path / "speaker.npy"
    np.save(xvector, np.linspace(-1, 1, EMBEDDING_DIM, dtype=np.float32))
    other = speak(cache, model=model, vocoder=vocoder, seed=2, text="Hello world. A test!",
                  speaker_embedding=str(xvector))
    assert isinstance(other[-1], Result)
    assert not any("neutral" in e.message for e in other if isinstance(e, Notice))
    assert not np.array_equal(other[-1].value.samples[:100], res.samples[:100])
    np.save(xvector, np.zeros(3, dtype=np.float32))
    bad = speak(cache, model=model, vocoder=vocoder, text="Hi.", speaker_embedding=str(xvector))
    assert isinstance(bad[-1], Failed) and bad[-1].user_error
    assert f"must hold {EMBEDDING_DIM} finite numbers" in bad[-1].message


def test_through_the_engine_host_chunks_arrive_as_arrays(tiny_vits, cache, engine_host):
    """As the Voice tab runs it: the engine process sends each sentence's samples (out of
    band) and the same result as in-process."""
    req = SpeakRequest(TEXT, model=tiny_vits, seed=9)
    evs = list(engine_host.run("voice", req, CancelToken()))
    assert isinstance(evs[-1], Result), evs[-1]
    chunks = [e for e in evs if isinstance(e, AudioChunk)]
    assert len(chunks) == 4 and all(isinstance(c.samples, np.ndarray) for c in chunks)
    local = speak(cache, model=tiny_vits, seed=9)[-1].value
    assert np.array_equal(evs[-1].value.samples, local.samples)
    assert evs[-1].value.sentences == local.sentences
