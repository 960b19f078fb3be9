"""Transcript files: timestamps, cues that players accept (FFmpeg reads them back), JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pytest

from studio.core import formats
from studio.core.jobs import Segment


@dataclass
class Spoken:  # Voice's sentences have start, end and text, no words
    start: float
    end: float
    text: str


@dataclass
class FwWord:  # faster-whisper's words: "word", numpy floats
    start: float
    end: float
    word: str
    probability: float


@pytest.mark.parametrize("seconds, srt", [
    (0, "00:00:00,000"), (1.0004, "00:00:01,000"), (1.0005, "00:00:01,001"),
    (59.9996, "00:01:00,000"), (3599.9995, "01:00:00,000"), (3723.5, "01:02:03,500"),
    (100 * 3600 + 0.25, "100:00:00,250"), (-3, "00:00:00,000"), (float("nan"), "00:00:00,000"),
    (np.float64(2.5), "00:00:02,500"),
])
def test_timestamps_round_to_the_millisecond_and_carry(seconds, srt):
    assert formats.timestamp(seconds) == srt
    assert formats.timestamp(seconds, ".") == srt.replace(",", ".")


SEGMENTS = [
    Segment(0.0, 1.2, "Hello there."),
    Segment(1.2, 2.0, "   "),  # nothing said: no cue, and no gap in the numbering
    Segment(2.0, 3.5, "图书馆这个月底要关门维修。"),
    Segment(4.0, 5.25, "first line\n\n  second line  "),  # a blank line would end the cue
    Segment(6.0, 7.0, "A --> B & <i>C</i>"),
    Segment(9.0, 8.0, "ends before it starts"),
]


def cues(path):
    """(start_ms, end_ms, text) of each cue as FFmpeg's subtitle demuxer reads the file."""
    import av

    out = []
    with av.open(str(path)) as container:
        stream = container.streams.subtitles[0]
        for packet in container.demux(stream):
            if packet.size:
                for sub in packet.decode():
                    out.append((packet.pts, packet.pts + packet.duration,
                                sub.dialogue.decode()))
    return out


def test_srt_numbers_cues_without_gaps_and_ffmpeg_reads_them(tmp_path):
    text = formats.srt(SEGMENTS)
    assert text.startswith("1\n00:00:00,000 --> 00:00:01,200\nHello there.\n\n2\n")
    assert "first line\nsecond line\n" in text and "A -> B" in text
    blocks = text.strip("\n").split("\n\n")
    assert [b.split("\n")[0] for b in blocks] == ["1", "2", "3", "4", "5"]
    path = formats.write_transcript(tmp_path / "talk.srt", SEGMENTS)
    assert path.read_bytes()[:3] != b"\xef\xbb\xbf"  # no byte-order mark
    got = cues(path)
    assert [(s, e) for s, e, _ in got] == [(0, 1200), (2000, 3500), (4000, 5250), (6000, 7000),
                                           (9000, 9000)]
    assert got[1][2] == "图书馆这个月底要关门维修。"
    assert got[2][2].replace("\\N", "\n") == "first line\nsecond line"


def test_vtt_escapes_markup_and_ffmpeg_reads_it(tmp_path):
    text = formats.vtt(SEGMENTS)
    assert text.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:01.200\nHello there.\n")
    assert "A --&gt; B &amp; &lt;i&gt;C&lt;/i&gt;" in text
    assert text.count(" --> ") == 5  # only the timing lines
    got = cues(formats.write_transcript(tmp_path / "talk.vtt", SEGMENTS))
    assert [(s, e) for s, e, _ in got] == [(0, 1200), (2000, 3500), (4000, 5250), (6000, 7000),
                                           (9000, 9000)]
    assert got[3][2] == "A --> B & <i>C</i>"  # unescaped again by the reader


def test_txt_is_one_line_per_segment_and_any_timed_object_works():
    assert formats.txt(SEGMENTS).splitlines()[:3] == [
        "Hello there.", "图书馆这个月底要关门维修。", "first line second line"]
    spoken = [Spoken(0.0, 1.5, "One."), Spoken(1.5, 3.0, "Two.")]
    assert formats.txt(spoken) == "One.\nTwo.\n"
    assert formats.srt(spoken).count("-->") == 2 and formats.vtt(spoken).count("-->") == 2


def test_json_has_the_issue_shape_with_words_as_plain_numbers():
    words = (FwWord(np.float64(0.0), np.float64(0.42), " Hello", np.float64(0.93)),
             FwWord(np.float64(0.42), np.float64(0.9), " there.", np.float64(0.71)))
    from studio.core.engines.transcription import TranscriptResult

    result = TranscriptResult(
        segments=(Segment(0.0, 0.9, "Hello there.", words), Segment(1.0, 2.0, "  ")),
        text="Hello there.", language="en", language_probability=0.97, duration_s=2.0,
        model="whisper-base", backend="faster-whisper", seconds=0.5, rtf=0.25,
        options={"task": "transcribe"})
    data = json.loads(json.dumps(formats.transcript_json(result)))
    assert {k: data[k] for k in ("text", "language", "language_probability", "model", "seconds",
                                 "rtf")} == {
        "text": "Hello there.", "language": "en", "language_probability": 0.97,
        "model": "whisper-base", "seconds": 0.5, "rtf": 0.25}
    assert data["segments"] == [{"start": 0.0, "end": 0.9, "text": "Hello there.", "words": [
        {"start": 0.0, "end": 0.42, "word": "Hello", "probability": 0.93},
        {"start": 0.42, "end": 0.9, "word": "there.", "probability": 0.71}]}]
    plain = json.loads(formats.render([Segment(0.0, 1.0, "Hi")], "json"))
    assert plain == {"text": "Hi", "segments": [{"start": 0.0, "end": 1.0, "text": "Hi"}]}


def test_write_transcript_is_atomic_and_checks_the_format(tmp_path, monkeypatch):
    path = tmp_path / "out" / "talk.txt"
    formats.write_transcript(path, SEGMENTS)
    before = path.read_text(encoding="utf-8")

    def broken(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken)
    with pytest.raises(OSError):
        formats.write_transcript(path, [Segment(0, 1, "new")])
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["talk.txt"]  # no temporary left
    with pytest.raises(ValueError, match="unknown transcript format"):
        formats.write_transcript(tmp_path / "talk.docx", SEGMENTS)
