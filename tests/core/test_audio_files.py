"""The audio file layer: decode (soundfile + PyAV), write, peaks — on files made at test time."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import struct
import subprocess
import sys
import tracemalloc
import zlib
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from studio.core.audio import decode, peaks, write
from studio.core.audio.decode import AudioFileError
from studio.core.jobs import JobCancelled, UserError
from tests.conftest import ROOT

SR = 44100
SECONDS = 0.8
FREQS = (440.0, 1000.0)   # left, right
LEVELS = (0.5, 0.3)


def signal(seconds: float = SECONDS, sr: int = SR) -> np.ndarray:
    t = np.arange(round(seconds * sr)) / sr
    return np.stack([a * np.sin(2 * np.pi * f * t) for f, a in zip(FREQS, LEVELS, strict=True)],
                    axis=1).astype(np.float32)


def sweep(seconds: float = 4.0, sr: int = SR) -> np.ndarray:
    """Different at every instant, so a misplaced slice cannot pass for the right one."""
    t = np.arange(round(seconds * sr)) / sr
    return np.stack([0.4 * np.sin(2 * np.pi * (200 + 300 * t) * t),
                     0.3 * np.sin(2 * np.pi * 700 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t))],
                    axis=1).astype(np.float32)


def encode(path: Path, x: np.ndarray, codec: str, rate: int = SR, video: str | None = None):
    """Encode with PyAV (aac, libopus), optionally beside a video stream."""
    import av
    import soxr

    src = soxr.resample(x, SR, rate).astype(np.float32) if rate != SR else x
    with av.open(str(path), "w") as out:
        if video:
            v = out.add_stream(video, rate=25)
            v.width, v.height, v.pix_fmt = 64, 48, "yuv420p"
        a = out.add_stream(codec, rate=rate, layout="stereo")
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(src.T), format="fltp",
                                           layout="stereo")
        frame.sample_rate = rate
        for packet in [*a.encode(frame), *a.encode(None)]:
            out.mux(packet)
        if video:
            for i in range(round(len(x) / SR * 25)):
                picture = np.full((48, 64, 3), i * 10 % 256, np.uint8)
                for packet in v.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                    out.mux(packet)
            for packet in v.encode(None):
                out.mux(packet)
    return path


def video_only(path: Path) -> Path:
    import av

    with av.open(str(path), "w") as out:
        v = out.add_stream("mpeg4", rate=25)
        v.width, v.height, v.pix_fmt = 64, 48, "yuv420p"
        for _ in range(5):
            for packet in v.encode(av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8),
                                                              format="rgb24")):
                out.mux(packet)
        for packet in v.encode(None):
            out.mux(packet)
    return path


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    pixels = zlib.compress(b"".join(b"\0" + bytes(24) for _ in range(8)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


# (codec, container) that info() reports, per file made by the fixture
LOSSY = {"ogg": ("vorbis", "ogg"), "mp3": ("mp3", "mp3"), "m4a": ("aac", "m4a"),
         "opus": ("opus", "ogg"), "webm": ("opus", "webm"), "mkv": ("aac", "matroska"),
         "mp4": ("aac", "mp4"), "mov": ("aac", "mov")}


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("media")
    x = signal()
    files = {}
    for ext in ("wav", "flac", "ogg", "mp3"):
        files[ext] = folder / f"tone.{ext}"
        sf.write(files[ext], x, SR)
    files["m4a"] = encode(folder / "tone.m4a", x, "aac")
    files["opus"] = encode(folder / "tone.opus", x, "libopus", 48000)
    files["webm"] = encode(folder / "tone.webm", x, "libopus", 48000)
    files["mkv"] = encode(folder / "tone.mkv", x, "aac")
    files["mp4"] = encode(folder / "tone.mp4", x, "aac", video="libx264")   # h264 + aac
    files["mov"] = encode(folder / "tone.mov", x, "aac", video="mpeg4")
    long = sweep()
    for ext in ("flac", "ogg", "mp3"):
        files[f"sweep.{ext}"] = folder / f"sweep.{ext}"
        sf.write(files[f"sweep.{ext}"], long, SR)
    files["sweep.m4a"] = encode(folder / "sweep.m4a", long, "aac")
    files["sweep.opus"] = encode(folder / "sweep.opus", long, "libopus", 48000)
    files["sweep.webm"] = encode(folder / "sweep.webm", long, "libopus", 48000)
    files["sweep.mkv"] = encode(folder / "sweep.mkv", long, "aac")
    return files


def dominant_hz(x: np.ndarray, sr: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / sr)[np.argmax(spectrum)])


def rms_db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(np.square(x, dtype=np.float64)))))


# -- decoding -----------------------------------------------------------------------------------

@pytest.mark.parametrize("ext", ["wav", "flac"])
def test_lossless_files_decode_to_the_same_samples(media, ext):
    x = signal()
    y, sr = decode.read(media[ext])
    assert sr == SR and y.dtype == np.float32 and y.shape == x.shape
    assert np.abs(y - x).max() <= 1 / 32768   # PCM_16 rounding
    meta = decode.info(media[ext])
    assert (meta.frames, meta.sample_rate, meta.channels, meta.exact) == (len(x), SR, 2, True)
    assert meta.duration_s == pytest.approx(SECONDS)
    assert (meta.codec, meta.container) == ({"wav": "pcm_16", "flac": "flac"}[ext], ext)
    assert np.array_equal(np.concatenate(list(decode.blocks(media[ext], block_s=0.1))), y)
    ints = sf.read(media[ext], dtype="int16")[0]
    assert np.array_equal(y, ints / np.float32(32768))   # exactly the stored samples


@pytest.mark.parametrize("ext", list(LOSSY))
def test_lossy_files_and_video_sound_tracks_decode_to_the_same_signal(media, ext):
    y, sr = decode.read(media[ext])
    assert y.dtype == np.float32 and y.ndim == 2 and y.shape[1] == 2
    assert np.abs(y).max() <= 1.0
    assert len(y) / sr == pytest.approx(SECONDS, abs=0.05)   # encoder delay and padding
    for channel, (freq, level) in enumerate(zip(FREQS, LEVELS, strict=True)):
        assert dominant_hz(y[:, channel], sr) == pytest.approx(freq, abs=3)
        middle = y[round(0.1 * sr):round(0.7 * sr), channel]
        assert rms_db(middle) == pytest.approx(20 * np.log10(level / np.sqrt(2)), abs=1.0)
    meta = decode.info(media[ext])
    assert (meta.codec, meta.container) == LOSSY[ext]
    assert (meta.sample_rate, meta.channels) == (sr, 2)
    assert meta.duration_s == pytest.approx(SECONDS, abs=0.05)
    # small blocks: decoder frames are joined and split across block boundaries
    parts = list(decode.blocks(media[ext], block_s=0.05))
    assert all(len(p) == round(0.05 * sr) for p in parts[:-1])
    assert np.array_equal(np.concatenate(parts), y)


@pytest.mark.parametrize("ext", ["wav", "m4a", "opus"])
def test_resampling_keeps_the_frequencies_and_blocks_join_seamlessly(media, ext):
    y, sr = decode.read(media[ext], sample_rate=16000)
    native, native_sr = decode.read(media[ext])
    assert sr == 16000
    assert len(y) == pytest.approx(len(native) * 16000 / native_sr, abs=2)
    for channel, freq in enumerate(FREQS):
        assert dominant_hz(y[:, channel], sr) == pytest.approx(freq, abs=3)
    joined = np.concatenate(list(decode.blocks(media[ext], block_s=0.07, sample_rate=16000)))
    assert joined.shape == y.shape
    assert np.abs(joined - y).max() < 1e-5   # one resampling stream, whatever the block size


def test_mono_is_the_mean_of_the_channels(media):
    stereo, _ = decode.read(media["flac"])
    mono, sr = decode.read(media["flac"], mono=True)
    assert mono.shape == (len(stereo),) and sr == SR
    np.testing.assert_allclose(mono, stereo.mean(axis=1), atol=1e-7)
    small, sr = decode.read(media["m4a"], mono=True, sample_rate=8000)
    assert small.ndim == 1 and sr == 8000
    assert all(b.ndim == 1 for b in decode.blocks(media["mp3"], mono=True, block_s=0.2))


@pytest.mark.parametrize("ext", ["flac", "ogg", "mp3", "m4a", "opus", "webm", "mkv"])
def test_a_slice_is_the_same_part_of_the_whole(media, ext):
    path = media[f"sweep.{ext}"]
    whole, sr = decode.read(path)
    part, _ = decode.read(path, start_s=2.5, duration_s=0.5)
    start = round(2.5 * sr)
    assert len(part) == round(0.5 * sr)
    if ext == "mkv":   # Matroska stamps packets in whole milliseconds: a seek lands within 1 ms
        lag = min(range(-50, 51), key=lambda k: np.abs(
            part[100:-100] - whole[start + k + 100:start + k + len(part) - 100]).max())
        assert abs(lag) <= sr // 1000
        assert np.abs(part[100:-100] - whole[start + lag + 100:start + lag + len(part) - 100]
                      ).max() < 1e-3
    else:   # the seek starts early enough for the decoder to settle: the same samples
        assert np.abs(part - whole[start:start + len(part)]).max() < 1e-4
    assert len(decode.read(path, start_s=60.0)[0]) == 0   # past the end: nothing, no error
    tail, _ = decode.read(path, start_s=3.9)
    assert len(tail) == pytest.approx(len(whole) - round(3.9 * sr),
                                      abs=sr // 1000 if ext == "mkv" else 0)


def test_long_files_decode_in_bounded_memory(tmp_path):
    """20 minutes of FLAC: blocks never hold more than a few blocks' worth of samples."""
    sr, minutes = 8000, 20
    path = tmp_path / "long.flac"
    minute = np.tile((0.25 * np.sin(2 * np.pi * 250 * np.arange(sr) / sr)).astype(np.float32), 60)
    with sf.SoundFile(path, "w", sr, 1, subtype="PCM_16") as out:
        for _ in range(minutes):
            out.write(minute)
    whole_bytes = minutes * 60 * sr * 4
    for kwargs in ({}, {"sample_rate": 16000, "mono": True}):
        tracemalloc.start()
        try:
            frames = 0
            for block in decode.blocks(path, block_s=30, **kwargs):   # resampled: about 30 s
                assert len(block) <= 30.1 * kwargs.get("sample_rate", sr)
                frames += len(block)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert frames == pytest.approx(minutes * 60 * kwargs.get("sample_rate", sr), abs=2)
        assert peak < whole_bytes / 5, (peak, whole_bytes)


# -- files that cannot be read -----------------------------------------------------------------

def _bad_file(kind: str, folder: Path, media: dict[str, Path]) -> Path:
    path = folder / {"missing": "gone.wav", "folder": "songs.wav", "empty": "empty.flac",
                     "header": "header.wav", "text": "notes.mp3", "png": "picture.wav",
                     "video": "silent.mp4", "fifo": "pipe.wav", "cut_m4a": "cut.m4a",
                     "cut_ogg": "cut.ogg"}[kind]
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.touch()
    elif kind == "header":
        sf.write(path, np.zeros((0, 2), np.float32), SR)   # a 44-byte WAV header, no frames
    elif kind == "text":
        path.write_text("These are my lyrics, not a song.\n" * 20)
    elif kind == "png":
        path.write_bytes(png_bytes())
    elif kind == "video":
        video_only(path)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind in ("cut_m4a", "cut_ogg"):   # the index (moov) / the codec set-up are lost
        data = media[kind[-3:]].read_bytes()
        path.write_bytes(data[:len(data) // 2] if kind == "cut_m4a" else data[:2000])
    return path


BAD = {"missing": "does not exist", "folder": "is a folder", "empty": "is empty (0 bytes)",
       "header": "contains no audio", "text": "is not an audio file",
       "png": "is not an audio file", "video": "video without a sound track",
       "fifo": "pipe or a device", "cut_m4a": "is damaged", "cut_ogg": "is damaged"}


@pytest.mark.parametrize("kind", list(BAD))
def test_every_unreadable_file_says_which_file_and_what_is_wrong(tmp_path, media, kind):
    path = _bad_file(kind, tmp_path, media)
    for call in (decode.info, decode.read, decode.blocks):   # blocks checks before the first next
        with pytest.raises(AudioFileError) as caught:
            call(path)
        text = str(caught.value)
        assert path.name in text and BAD[kind] in text, text
        assert caught.value.message.key.startswith("audio.file.")
        assert isinstance(caught.value, UserError)


def test_permission_denied_names_the_file(tmp_path, media, monkeypatch):
    """Tests run as root, who may read anything: the open call itself is made to refuse."""
    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(decode, "open", refuse, raising=False)
    with pytest.raises(AudioFileError, match=r"Cannot open tone\.flac: permission denied"):
        decode.read(media["flac"])


def test_an_unreadable_file_is_refused_for_real(tmp_path, media):
    """chmod 0 for real; as root (CI) the reader runs without the capabilities that let
    root ignore file modes (setpriv, from util-linux, which every Debian has)."""
    path = tmp_path / "private.wav"
    path.write_bytes(media["wav"].read_bytes())
    path.chmod(0)
    code = ("import sys; sys.path.insert(0, sys.argv[2]); from studio.core.audio import decode\n"
            "try:\n    decode.read(sys.argv[1])\nexcept decode.AudioFileError as e:\n"
            "    print(e.message)")
    drop = "-dac_override,-dac_read_search"
    prefix = (["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"]
              if os.geteuid() == 0 else [])
    done = subprocess.run([*prefix, sys.executable, "-c", code, str(path), str(ROOT)], cwd="/",
                          capture_output=True, text=True, timeout=60)
    assert "Cannot open private.wav: permission denied" in done.stdout, done.stderr


def test_truncated_files_give_what_could_be_decoded_with_a_warning(tmp_path, media, caplog):
    """The documented choice: decodable audio is returned, the damage is logged as a warning."""
    whole = decode.read(media["flac"])[0]
    for ext in ("flac", "mp3", "webm"):
        data = media[ext].read_bytes()
        cut = tmp_path / f"cut.{ext}"
        cut.write_bytes(data[:len(data) // 2])
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="studio.core.audio.decode"):
            y, _ = decode.read(cut)
        full = decode.read(media[ext])[0]
        assert 0.2 * len(full) < len(y) < 0.8 * len(full)
        if ext == "flac":   # lossless: the decoded part is the start of the song, sample for sample
            assert np.array_equal(y, whole[:len(y)])
        else:
            assert np.abs(y[:len(y) // 2] - full[:len(y) // 2]).max() < 1e-4
        [record] = caplog.records
        assert f"cut.{ext} is damaged or cut short" in record.getMessage()
        assert record.msg.key == "audio.file.partly_damaged"


def test_damage_inside_a_flac_keeps_the_rest_in_time(tmp_path, media, caplog):
    """libsndfile stops at a broken frame; FFmpeg resyncs, lost frames become silence."""
    data = bytearray(media["flac"].read_bytes())
    data[10000:12000] = bytes(2000)
    broken = tmp_path / "broken.flac"
    broken.write_bytes(data)
    whole = decode.read(media["flac"])[0]
    with caplog.at_level(logging.WARNING, logger="studio.core.audio.decode"):
        y, _ = decode.read(broken)
    assert len(y) == len(whole)
    assert np.array_equal(y[-8192:], whole[-8192:])   # the end is still where it was
    assert np.array_equal(y[:4096], whole[:4096])
    assert "broken.flac is damaged or cut short" in caplog.text


def test_importing_the_audio_package_loads_no_decoder():
    code = ("import sys, studio.core.audio, studio.core.audio.decode, studio.core.audio.peaks, "
            "studio.core.audio.write; "
            "print([m for m in ('av', 'soundfile', 'soxr') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"


# -- writing -----------------------------------------------------------------------------------

@pytest.mark.parametrize("ext", ["wav", "flac", "ogg", "mp3"])
def test_each_format_round_trips(tmp_path, ext):
    x = signal()
    target = write.write(tmp_path / f"out.{ext}", x, SR)
    assert target == tmp_path / f"out.{ext}"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"out.{ext}"]   # no temp file left
    assert sf.info(target).format == {"wav": "WAV", "flac": "FLAC", "ogg": "OGG",
                                      "mp3": "MP3"}[ext]
    y, sr = decode.read(target)
    assert sr == SR and y.shape[1] == 2
    if ext in ("wav", "flac"):
        assert y.shape == x.shape and np.abs(y - x).max() <= 1 / 32768
    else:
        for channel, freq in enumerate(FREQS):
            assert dominant_hz(y[:, channel], sr) == pytest.approx(freq, abs=3)
    mono = write.write(tmp_path / f"mono.{ext}", x[:, 0].astype(np.float64), SR)
    assert decode.info(mono).channels == 1
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~write._UMASK)


def test_int16_is_written_as_is_and_floats_are_clipped(tmp_path):
    ints = (np.arange(-1000, 1000, dtype=np.int16) * 16).reshape(-1, 2)
    write.write(tmp_path / "ints.wav", ints, 16000)
    assert np.array_equal(sf.read(tmp_path / "ints.wav", dtype="int16")[0], ints)
    loud = np.array([0.0, 1.5, -3.0, np.nan, 0.25], np.float32)
    write.write(tmp_path / "loud.flac", loud, 16000)
    back = sf.read(tmp_path / "loud.flac", dtype="int16")[0]
    assert back.tolist() == [0, 32767, -32768, 0, 8192]


def test_replacing_a_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "take.wav"
    write.write(target, signal(0.1), SR)
    target.chmod(0o600)
    write.write(target, signal(0.2), SR)
    assert target.stat().st_mode & 0o777 == 0o600
    assert sf.info(target).frames == round(0.2 * SR)


def test_a_libsndfile_without_mp3_gets_a_clear_message(tmp_path, monkeypatch):
    formats = {k: v for k, v in sf.available_formats().items() if k != "MP3"}
    monkeypatch.setattr(sf, "available_formats", lambda: formats)
    assert write.writable_formats() == ("WAV", "FLAC", "OGG")
    with pytest.raises(UserError) as caught:
        write.write(tmp_path / "song.mp3", signal(), SR)
    assert str(caught.value) == ("Cannot save song.mp3: this system's libsndfile cannot write "
                                 "MP3; choose one of WAV, FLAC, OGG.")
    with pytest.raises(UserError, match="cannot write MP3"):
        write.check_writable(tmp_path / "song.mp3")
    assert list(tmp_path.iterdir()) == []
    write.write(tmp_path / "song.ogg", signal(), SR)   # the others still work


@pytest.mark.parametrize(("name", "samples", "rate", "text"), [
    ("song.aiff", signal(0.1), SR, "choose a file ending in .wav, .flac, .ogg or .mp3"),
    ("song.wav", np.zeros((0, 2), np.float32), SR, "there is no audio to save"),
    ("song.mp3", np.zeros((100, 3), np.float32), SR, "3 channels at 44100 Hz"),
    ("song.mp3", np.zeros(100, np.float32), 44000, "1 channels at 44000 Hz"),
    ("nowhere/song.wav", signal(0.1), SR, "the folder"),
])
def test_what_cannot_be_saved_is_refused_with_a_reason(tmp_path, name, samples, rate, text):
    with pytest.raises(UserError) as caught:
        write.write(tmp_path / name, samples, rate)
    assert Path(name).name in str(caught.value) and text in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("ext", ["wav", "flac", "ogg", "mp3"])
def test_a_full_disk_leaves_no_file(tmp_path, monkeypatch, ext):
    """The write(2) under libsndfile fails after 4 KB with ENOSPC, as on a full disk."""
    written = [0]
    real = os.write

    def write_until_full(fd, data):
        if written[0] + len(data) > 4096:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written[0] += len(data)
        return real(fd, data)

    monkeypatch.setattr(write, "_os_write", write_until_full)
    with pytest.raises(UserError, match=rf"Cannot save big\.{ext}: the disk is full\."):
        write.write(tmp_path / f"big.{ext}", np.tile(signal(), (4, 1)), SR)
    assert list(tmp_path.iterdir()) == []


@contextlib.contextmanager
def tmpfs(folder: Path, options: str):
    folder.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                       check=True, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a tmpfs here (needs root in a container that allows it)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False, capture_output=True, timeout=10)


def test_a_really_full_disk_keeps_the_old_file(tmp_path):
    with tmpfs(tmp_path / "small", "size=64k") as disk:
        target = disk / "take.wav"
        write.write(target, signal(0.1), SR)   # 17 KB: fits
        with pytest.raises(UserError, match=r"Cannot save take\.wav: the disk is full\."):
            write.write(target, signal(1.0), SR)   # 176 KB: does not
        assert [p.name for p in disk.iterdir()] == ["take.wav"]
        assert sf.info(target).frames == round(0.1 * SR)


def test_a_read_only_folder_is_refused(tmp_path):
    with (tmpfs(tmp_path / "ro", "size=64k,ro") as disk,
          pytest.raises(UserError, match=r"Cannot save take\.wav: the folder is read-only")):
        write.write(disk / "take.wav", signal(0.1), SR)


# -- peaks -------------------------------------------------------------------------------------

def test_peaks_are_the_min_and_max_of_each_bucket():
    x = np.arange(10, dtype=np.float32) - 5   # -5 .. 4
    assert peaks.peaks(x, 5).tolist() == [[-5, -4], [-3, -2], [-1, 0], [1, 2], [3, 4]]
    assert peaks.peaks(x, 3).tolist() == [[-5, -3], [-2, 0], [1, 4]]   # 3, 3 and 4 frames
    stereo = np.stack([x, -x], axis=1)        # all channels count
    assert peaks.peaks(stereo, 2).tolist() == [[-5, 5], [-4, 4]]
    assert peaks.peaks(x[:3], 6).tolist() == [[-5, -5], [-5, -5], [-4, -4], [-4, -4],
                                             [-3, -3], [-3, -3]]   # fewer frames than buckets
    assert peaks.peaks(np.zeros(0, np.float32), 4).tolist() == [[0, 0]] * 4
    big = np.random.default_rng(0).uniform(-1, 1, (100_003, 2)).astype(np.float32)
    p = peaks.peaks(big, 640)
    assert p.shape == (640, 2) and p.dtype == np.float32
    assert p[17, 0] == big[(17 * 100_003) // 640:(18 * 100_003) // 640].min()


@pytest.mark.parametrize("buckets", [1, 37, 800, 50_000])
def test_file_peaks_equal_the_peaks_of_the_whole_file(media, monkeypatch, buckets):
    monkeypatch.setattr(peaks, "PEAK_BLOCK_S", 0.013)   # many blocks, bucket edges inside them
    for ext in ("wav", "flac", "ogg"):
        got, duration = peaks.file_peaks(media[ext], buckets)
        y, sr = decode.read(media[ext])
        assert duration == len(y) / sr
        assert np.array_equal(got, peaks.peaks(y, buckets)), ext


@pytest.mark.parametrize("ext", ["m4a", "mp3", "webm"])
def test_file_peaks_of_estimated_lengths_are_close(media, ext):
    got, duration = peaks.file_peaks(media[ext], 200)
    y, sr = decode.read(media[ext])
    assert duration == len(y) / sr
    want = peaks.peaks(y, 200)
    assert got.shape == (200, 2)
    # bucket edges shift by up to a quarter bucket: equal where the sound is steady
    assert np.abs(got - want)[10:-10].max() < 0.05


def test_file_peaks_of_a_damaged_flac_cover_what_there_is(tmp_path, media):
    data = media["flac"].read_bytes()
    cut = tmp_path / "cut.flac"
    cut.write_bytes(data[:len(data) // 2])
    got, duration = peaks.file_peaks(cut, 100)
    assert duration == pytest.approx(len(decode.read(cut)[0]) / SR)
    assert np.isfinite(got).all() and got[:, 1].min() > 0.4   # stretched, no empty columns


def test_cancel_stops_file_peaks_early(media, monkeypatch):
    monkeypatch.setattr(peaks, "PEAK_BLOCK_S", 0.01)

    class CancelAfter:
        def __init__(self, blocks: int) -> None:
            self.checks, self.blocks = 0, blocks

        @property
        def cancelled(self) -> bool:
            self.checks += 1
            return self.checks > self.blocks

    cancel = CancelAfter(3)
    with pytest.raises(JobCancelled):
        peaks.file_peaks(media["flac"], 100, cancel=cancel)
    assert cancel.checks == 4   # of the 80 blocks, three were read
    never = CancelAfter(10**9)
    assert peaks.file_peaks(media["flac"], 100, cancel=never)[0].shape == (100, 2)
