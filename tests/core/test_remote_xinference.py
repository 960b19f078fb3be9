"""Writing, Transcription and Painting through their remote backends on a real distributed
inference engine: an Xinference cluster on loopback (one supervisor, two workers), serving
the bundled SmolLM2 (two replicas, one per worker), Whisper base rebuilt as a transformers
folder, and the tests' tiny random Stable Diffusion pipeline.  Then a worker is killed
mid-run: the request it was serving is reported clearly and the next one succeeds on the
surviving replica.

About 2 minutes and 5.5 GB of memory; the cluster runs in its own venv (.venv-xinference,
made by scripts/setup.sh) and is started and stopped (by pid) by the module's fixture.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from studio.core.engines import painting, transcription, writing
from studio.core.engines.painting import PaintRequest
from studio.core.engines.transcription import TranscribeRequest
from studio.core.engines.writing import WriteRequest
from studio.core.jobs import Cancelled, CancelToken, Failed, Result, Segment, Token
from tests.fixtures.llama_server import bundled_gguf
from tests.fixtures.xinference_cluster import VENV, Cluster

pytestmark = [pytest.mark.real, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not (VENV / "bin" / "xinference-supervisor").exists():
        if os.environ.get("CI"):
            pytest.fail("scripts/setup.sh did not make .venv-xinference")
        pytest.skip("no .venv-xinference (scripts/setup.sh makes it)")
    from studio.core.models import resolve
    from tests.fixtures.tiny_sd import build_tiny_sd
    from tests.fixtures.whisper_ct2_to_hf import convert

    root = tmp_path_factory.mktemp("xinference")
    before = set(Path("/tmp").glob("xinf-*"))
    whisper = convert(resolve("whisper-base", "transcription").path, root / "whisper-base-hf")
    sd = build_tiny_sd(root / "tiny-sd")
    c = Cluster(root / "cluster")
    try:
        c.start()
        c.serve_smollm2(bundled_gguf())
        c.serve_whisper(whisper)
        c.serve_image(sd)
        yield c
    finally:
        c.stop()
        for folder in set(Path("/tmp").glob("xinf-*")) - before:
            shutil.rmtree(folder, ignore_errors=True)


def run(engine, req) -> list:
    return list(engine.run(req, CancelToken()))


def test_writing(cluster):
    evs = run(writing, WriteRequest("Say hello.", model="smol", endpoint=cluster.url, seed=2,
                                    max_new_tokens=16))
    assert isinstance(evs[-1], Result), evs[-1]
    assert sum(isinstance(e, Token) for e in evs) > 2
    assert evs[-1].value.texts[0].strip() and evs[-1].request.backend == "remote"


def test_transcription(cluster, tmp_path):
    clip = tmp_path / "speech.wav"
    subprocess.run(["espeak-ng", "-w", str(clip), "The library will close at the end of the "
                    "month for repairs."], check=True)
    evs = run(transcription, TranscribeRequest(str(clip), model="whisper", endpoint=cluster.url,
                                               word_timestamps=True))
    assert isinstance(evs[-1], Result), evs[-1]
    res = evs[-1].value
    assert "library" in res.text.lower() and res.language == "en"
    assert res.segments == tuple(e for e in evs if isinstance(e, Segment))
    assert res.segments[0].words and res.segments[-1].end <= res.duration_s + 0.5


def test_painting(cluster):
    evs = run(painting, PaintRequest("a red fox", model="tiny-sd", endpoint=cluster.url,
                                     width=64, height=64, steps=2, seed=5, batch_size=2))
    assert isinstance(evs[-1], Result), evs[-1]
    res = evs[-1].value
    assert len(res.images) == 2 and res.images[0].shape == (64, 64, 3)
    assert res.seeds == (5, 6) and evs[-1].request.revision == "remote:tiny-sd"


def test_worker_killed_mid_run(cluster):
    """Two long answers at once (one per replica); a worker dies: its request ends with a
    clear message (the text that arrived kept), the other finishes, the next one succeeds."""
    out: dict[int, list] = {}
    streaming = threading.Barrier(3)

    def go(seed: int) -> None:
        evs, waited = [], False
        for ev in writing.run(WriteRequest("Write a long story about a dragon.", model="smol",
                                           endpoint=cluster.url, seed=seed,
                                           max_new_tokens=400), CancelToken()):
            evs.append(ev)
            if isinstance(ev, Token) and not waited:
                waited = True
                streaming.wait(60)
        out[seed] = evs

    threads = [threading.Thread(target=go, args=(s,)) for s in (1, 2)]
    for t in threads:
        t.start()
    streaming.wait(60)
    cluster.kill_worker("worker0")
    for t in threads:
        t.join(300)
    ends = [out[s][-1] for s in (1, 2)]
    lost = [e for e in ends if not isinstance(e, Result)]
    assert len(lost) == 1, ends
    if isinstance(lost[0], Cancelled):
        assert lost[0].message.key == "remote.dropped" and lost[0].partial.texts[0]
    else:
        assert isinstance(lost[0], Failed) and lost[0].message.key.startswith("remote.")
    # the supervisor drops the lost worker after some seconds; then the survivor serves
    cluster.wait(lambda: cluster.worker_count() == 1, 120, "the supervisor to drop the worker")
    after = run(writing, WriteRequest("Say hi.", model="smol", endpoint=cluster.url,
                                      max_new_tokens=8))
    assert isinstance(after[-1], Result), after[-1]
