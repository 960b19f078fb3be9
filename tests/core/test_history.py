"""The history store: record, search, filters, files, lineage, migrations, damage, concurrency."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from studio.core.engines import writing
from studio.core.engines.writing import WriteRequest
from studio.core.history import (
    SCHEMA_VERSION,
    Entry,
    HistoryError,
    HistoryStore,
    request_from_entry,
)
from studio.core.history.names import MAX_SLUG, slug
from studio.core.jobs import CancelToken, Result, UserError


@pytest.fixture
def store(tmp_path) -> HistoryStore:
    with HistoryStore(tmp_path / "history.db", tmp_path / "outputs") as opened:
        yield opened


def ids(entries: list[Entry]) -> list[int]:
    return [e.id for e in entries]


# --- recording and reading ------------------------------------------------------------------

def test_record_get_and_list_newest_first(store):
    req = WriteRequest("Tell me a story\nabout the sea", seed=7)
    first = store.record("writing", req, text="Once upon a time", timings={"total_s": 1.5})
    second = store.record("painting", {"prompt": "a cat", "model": "sd-turbo"})
    third = store.record("writing", {"prompt": "third"}, model="gpt2", title="Custom")
    assert ids(store.list()) == [third, second, first]
    entry = store.get(first)
    assert entry.task == "writing" and entry.status == "done" and not entry.favourite
    assert entry.model == req.model and entry.prompt == req.prompt  # from the request
    assert entry.title == "Tell me a story"  # the prompt's first line
    assert entry.text == "Once upon a time" and entry.timings == {"total_s": 1.5}
    assert entry.request["seed"] == 7 and entry.request["history"] == []
    assert entry.request_type == "studio.core.engines.writing.request:WriteRequest"
    assert store.get(second).request_type == "" and store.get(second).model == "sd-turbo"
    assert store.get(third).title == "Custom" and store.get(third).model == "gpt2"
    assert store.get(9999) is None
    assert store.count() == 3 and store.count(task="writing") == 2


def test_long_titles_are_cut_and_odd_text_is_stored(store):
    rid = store.record("writing", {}, prompt="x" * 500, text="bad \ud800 surrogate")
    entry = store.get(rid)
    assert len(entry.title) == 80 and entry.title.endswith("…")
    assert entry.text == "bad ? surrogate"
    assert store.get(store.record("painting", {}, files=["/a/b/cat.png"])).title == "cat.png"
    with pytest.raises(ValueError, match="status"):
        store.record("writing", {}, status="failed")


def test_stopped_results_keep_their_partial_output(store):
    done = store.record("writing", {"prompt": "a"}, text="full text")
    stopped = store.record("writing", {"prompt": "b"}, text="half a sen", status="stopped")
    assert store.get(stopped).status == "stopped" and store.get(stopped).text == "half a sen"
    assert ids(store.list(status="stopped")) == [stopped]
    assert ids(store.list(status="done")) == [done]


def test_reads_and_writes_from_other_threads_use_their_own_connection(store):
    errors, made = [], []

    def work(n: int) -> None:
        try:
            for i in range(20):
                made.append(store.record("writing", {"prompt": f"thread {n} row {i}"}))
                store.list(limit=5)
        except Exception as exc:  # reported below: an assert here would be swallowed
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and store.count() == 80 == len(set(made))


# --- search -------------------------------------------------------------------------------

@pytest.fixture
def texts(store) -> dict[str, int]:
    rows = {
        "lighthouse": ("Write about a lighthouse", "The keeper climbed the steps."),
        "library": ("图书馆在哪里？", "图书馆在学校的东边，今天天气很好。"),
        "weather": ("What's the WEATHER like?", "天气预报说明天下雨。"),
        "ai": ("Explain AI in one line", "人工智能让机器学会思考。 100% sure_thing"),
    }
    return {key: store.record("writing", {"prompt": p}, text=t) for key, (p, t) in rows.items()}


@pytest.mark.parametrize(("query", "expected"), [
    ("lighthouse", ["lighthouse"]),  # English word, in the prompt
    ("STEPS", ["lighthouse"]),  # in the output, any case
    ("air", []),
    ("keeper lighthouse", ["lighthouse"]),  # every word must match
    ("keeper weather", []),
    ('"the keeper"', ["lighthouse"]),  # a quoted phrase
    ('"keeper the"', []),
    ("天气", ["weather", "library"]),  # Chinese, 2 characters: newest first
    ("图书", ["library"]),
    ("雨", ["weather"]),  # 1 character
    ("人工智能", ["ai"]),  # 4 characters
    ("天气预报", ["weather"]),
    ("AI", ["ai"]),  # a short English word (LIKE, not trigrams)
    ("ai 智能", ["ai"]),
    ("100%", ["ai"]),  # LIKE's wildcards are plain characters in a search
    ("0%", ["ai"]),
    ("e_t", ["ai"]),
    ("%", ["ai"]),
    ("   ", ["ai", "weather", "library", "lighthouse"]),  # no words: no filter
    ('""', ["ai", "weather", "library", "lighthouse"]),
    ('"', []),  # a lone quote is a character to find
])
def test_search(store, texts, query, expected):
    assert ids(store.list(search=query)) == [texts[key] for key in expected]
    assert store.count(search=query) == len(expected)


@pytest.mark.parametrize("query", ['abc\x00def', "a\ud800bc", "NEAR(a b)", "a OR b AND NOT c",
                                   "col:abc", "^abc", "abc*", "(((", "\\", "'", "-abc", "{a}"])
def test_any_search_text_is_only_text(store, texts, query):
    store.list(search=query)  # never an FTS syntax error or an encoding error
    store.count(search=query)
    odd = store.record("writing", {"prompt": query.replace("\x00", " ")})
    if "\x00" not in query and "\ud800" not in query:
        assert ids(store.list(search=query))[0] == odd  # found as plain text


def test_edited_text_is_searched_as_it_is_now(store, texts):
    store.set_tags(texts["ai"], ["science"])  # touches no searched column
    with store._db.transaction(write=True) as conn:  # what a future "rename" would do
        conn.execute("UPDATE results SET text = 'rewritten entirely' WHERE id = ?",
                     (texts["ai"],))
    assert store.list(search="人工智能") == []
    assert ids(store.list(search="rewritten")) == [texts["ai"]]
    store.delete(texts["ai"])
    assert store.list(search="rewritten") == []


# --- filters and paging --------------------------------------------------------------------

def test_filters_task_model_dates_favourites_tags_and_paging(store):
    day = dt.datetime(2026, 3, 10, 12, 0)
    made = {}
    for n in range(6):
        task = "writing" if n % 2 else "painting"
        made[n] = store.record(task, {"prompt": f"row {n}"}, model=f"m{n % 3}",
                               created=(day + dt.timedelta(days=n)).timestamp())
    assert ids(store.list(task="painting")) == [made[4], made[2], made[0]]
    assert ids(store.list(model="m1")) == [made[4], made[1]]
    assert ids(store.list(since=day + dt.timedelta(days=2), until=day + dt.timedelta(days=4))
               ) == [made[3], made[2]]
    assert ids(store.list(since=(day + dt.timedelta(days=5)).timestamp())) == [made[5]]
    assert store.set_favourite(made[1]) and store.set_favourite(made[2], True)
    assert store.set_favourite(made[2], False) and not store.set_favourite(12345)
    assert ids(store.list(favourite=True)) == [made[1]] and store.get(made[1]).favourite
    assert len(store.list(favourite=False)) == 5
    assert store.set_tags(made[3], ["draft", " keep ", "draft", ""])
    assert store.get(made[3]).tags == ("draft", "keep")
    assert ids(store.list(tag="keep")) == [made[3]] and not store.set_tags(999, ["x"])
    assert store.set_tags(made[3], []) and store.get(made[3]).tags == ()
    assert ids(store.list(task="writing", model="m2")) == [made[5]]
    assert ids(store.list(limit=2)) == [made[5], made[4]]
    assert ids(store.list(limit=2, offset=4)) == [made[1], made[0]]
    assert store.count(task="writing", since=day + dt.timedelta(days=2)) == 2


# --- files --------------------------------------------------------------------------------

def test_output_names_are_readable_unique_and_safe(store, tmp_path):
    when = dt.datetime(2026, 12, 1, 9, 30)
    first = store.new_output_path("painting", "A cat on the moon!", ".png", when=when)
    second = store.new_output_path("painting", "A cat on the moon!", "png", when=when)
    assert first == tmp_path / "outputs" / "2026-12-01" / "a-cat-on-the-moon.png"
    assert second.name == "a-cat-on-the-moon-2.png" and first.exists() and second.exists()
    assert store.new_output_path("voice", "月亮上的猫 / 第一章", "wav", when=when).name == \
        "月亮上的猫-第一章.wav"
    assert store.new_output_path("voice", "", ".wav", when=when).name == "voice.wav"
    evil = store.new_output_path("writing", "../../etc/passwd\x00\n.bashrc", "../txt", when=when)
    assert evil.parent == first.parent and evil.name == "etc-passwd-bashrc.txt"
    assert store.new_output_path("transcription", "x", "tar.gz", when=when).name == "x.tar.gz"
    assert len(slug("word " * 100)) <= MAX_SLUG and len(slug("长" * 500)) == MAX_SLUG
    assert slug("...") == "output" and slug("Ünïcode Ça") == "ünïcode-ça"


def test_output_names_are_unique_across_threads(store):
    found: list[Path] = []
    threads = [threading.Thread(target=lambda: found.extend(
        store.new_output_path("painting", "same", "png") for _ in range(25)))
        for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(found) == 100 == len(set(found))


def test_missing_files_show_as_missing(store, tmp_path):
    image = store.new_output_path("painting", "cat", "png")
    image.write_bytes(b"png")
    outside = tmp_path / "elsewhere.wav"
    outside.write_bytes(b"wav")
    rid = store.record("painting", {"prompt": "cat"}, files=[image, outside])
    entry = store.get(rid)
    assert entry.files == (str(image), str(outside)) and entry.missing_files() == ()
    image.unlink()
    outside.rename(tmp_path / "moved.wav")
    assert store.list()[0].missing_files() == (str(image), str(outside))  # no error
    assert store.get(rid).to_dict()["missing_files"] == [str(image), str(outside)]


def test_outputs_are_stored_relative_so_the_data_folder_can_move(tmp_path):
    with HistoryStore(tmp_path / "a" / "history.db", tmp_path / "a" / "outputs") as store:
        image = store.new_output_path("painting", "cat", "png")
        rid = store.record("painting", {}, files=[image])
    (tmp_path / "a").rename(tmp_path / "b")
    with HistoryStore(tmp_path / "b" / "history.db", tmp_path / "b" / "outputs") as store:
        (path,) = store.get(rid).files
        assert path == str(tmp_path / "b" / "outputs" / image.relative_to(tmp_path / "a"
                                                                           / "outputs"))
        assert store.get(rid).missing_files() == ()


def test_delete_with_and_without_files(store, tmp_path):
    files = []
    for name in ("one", "two", "shared"):
        path = store.new_output_path("painting", name, "png")
        path.write_bytes(name.encode())
        files.append(path)
    one, two, shared = files
    keep_files = store.record("painting", {}, files=[one])
    with_files = store.record("painting", {}, files=[two, shared, tmp_path / "gone.png"])
    other = store.record("painting", {}, files=[shared])
    assert store.delete(keep_files) == [] and one.exists() and store.get(keep_files) is None
    # the shared file stays: another result still shows it; a file already gone is no error
    assert store.delete(with_files, delete_files=True) == [two]
    assert not two.exists() and shared.exists()
    assert store.delete(with_files) == [] and store.delete(424242, delete_files=True) == []
    assert store.delete(other, delete_files=True) == [shared] and not shared.exists()
    assert store.count() == 0


def test_clear_keeps_favourites(store):
    rows = [store.record("writing", {"prompt": f"p{i}"}) for i in range(5)]
    store.set_favourite(rows[1])
    store.set_tags(rows[3], ["x"])
    assert store.clear() == 4
    assert ids(store.list()) == [rows[1]]
    assert store.list(tag="x") == []
    assert store.clear(keep_favourites=False) == 1 and store.count() == 0


def test_lineage_both_ways_and_ids_are_never_reused(store):
    recording = store.record("transcription", {}, text="spoken words")
    text = store.record("writing", {}, text="continued", parents=[recording])
    image = store.record("painting", {}, parents=[text, recording])
    assert store.get(image).parents == (recording, text)
    assert ids(store.children(recording)) == [image, text]
    assert ids(store.children(text)) == [image] and store.children(image) == []
    store.delete(image)
    store.delete(recording)
    assert store.get(text).parents == (recording,)  # its lineage outlives the parent
    newer = store.record("writing", {})
    assert newer > image  # a deleted id is never handed out again


# --- requests -------------------------------------------------------------------------------

def test_request_round_trip_and_refusals(store):
    req = WriteRequest("Hi", history=(("user", "a"), ("assistant", "b")), stop=("\n", "END"),
                       seed=5, max_length=40, temperature=float("inf"))
    entry = store.get(store.record("writing", req))
    assert request_from_entry(entry) == dataclasses.replace(req, temperature=None)
    old = dataclasses.replace(entry, request={**entry.request, "gone_field": 1})
    assert request_from_entry(old) == request_from_entry(entry)  # unknown fields dropped
    partial = dataclasses.replace(entry, request={"prompt": "only this"})
    assert request_from_entry(partial) == WriteRequest("only this")
    for foreign in ("os:system", "subprocess:Popen", "studio.core.jobs:Result",
                    "studio.core.engines.writing.request:validate",
                    "studio.core.engines.nothing:X", "studio.core.engines.writing:os.system",
                    "studio.core.engines.writing.request:WriteRequest.__init__", ""):
        with pytest.raises(UserError, match="cannot be run again"):
            request_from_entry(dataclasses.replace(entry, request_type=foreign))
    with pytest.raises(UserError, match="does not fit"):
        request_from_entry(dataclasses.replace(entry, request={"seed": 1}))  # no prompt


def test_rerun_from_the_history_gives_the_same_text(store, tiny_gpt2):
    def generate(req: WriteRequest) -> Result:
        events = list(writing.run(req, CancelToken()))
        assert isinstance(events[-1], Result), events[-1]
        return events[-1]

    req = WriteRequest("Hello", model=str(tiny_gpt2), backend="transformers", seed=None,
                       max_new_tokens=12, temperature=1.0)
    first = generate(req)
    again = generate(dataclasses.replace(req, seed=first.request.seed))
    assert again.value.texts == first.value.texts  # the resolved seed reproduces it
    rid = store.record("writing", first.request, text=first.value.texts[0],
                       timings=first.timings)
    rebuilt = request_from_entry(store.get(rid))
    assert rebuilt == first.request and rebuilt.revision.startswith("sha256:")
    assert generate(rebuilt).value.texts == first.value.texts


# --- schema, damage, versions ----------------------------------------------------------------

SCHEMA_1 = """
CREATE TABLE results (
    id INTEGER PRIMARY KEY AUTOINCREMENT, task TEXT NOT NULL, created REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'done', model TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '', prompt TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '', request TEXT NOT NULL DEFAULT '{}',
    request_type TEXT NOT NULL DEFAULT '', timings TEXT NOT NULL DEFAULT '{}',
    favourite INTEGER NOT NULL DEFAULT 0);
CREATE INDEX results_task ON results(task);
CREATE INDEX results_model ON results(model);
CREATE INDEX results_created ON results(created);
CREATE INDEX results_favourite ON results(favourite) WHERE favourite;
CREATE TABLE files (result_id INTEGER NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL,
    PRIMARY KEY (result_id, position)) WITHOUT ROWID;
CREATE INDEX files_path ON files(path);
CREATE TABLE parents (result_id INTEGER NOT NULL, parent INTEGER NOT NULL,
    PRIMARY KEY (result_id, parent)) WITHOUT ROWID;
CREATE INDEX parents_parent ON parents(parent);
INSERT INTO results (task, created, title, prompt, text, favourite)
    VALUES ('writing', 1700000000, 'Old one', 'old prompt about 天气', 'an old lighthouse', 1);
INSERT INTO results (task, created, title, prompt, text)
    VALUES ('painting', 1700000100, 'Old two', 'a red kite', '');
INSERT INTO files VALUES (2, 0, '2023-11-14/a-red-kite.png');
INSERT INTO parents VALUES (2, 1);
PRAGMA user_version = 1;
"""


def test_a_version_1_database_is_upgraded_with_its_rows_searchable(tmp_path):
    path = tmp_path / "history.db"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_1)
    conn.close()
    with HistoryStore(path, tmp_path / "outputs") as store:
        assert store.warning is None and not store.read_only
        assert ids(store.list()) == [2, 1]
        assert ids(store.list(search="lighthouse")) == [1]
        assert ids(store.list(search="天气")) == [1] and ids(store.list(search="red kite")) == [2]
        old = store.get(2)
        assert old.parents == (1,) and old.files == (str(tmp_path / "outputs" / "2023-11-14"
                                                         / "a-red-kite.png"),)
        assert store.get(1).favourite and store.set_tags(1, ["kept"])  # version 3's table
        assert store.record("writing", {"prompt": "new"}) == 3
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    conn.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty-header", "page-zeroed"])
def test_a_damaged_database_is_set_aside_with_a_warning(tmp_path, damage):
    path = tmp_path / "history.db"
    with HistoryStore(path, tmp_path / "outputs") as store:
        for i in range(120):
            store.record("writing", {"prompt": f"row {i}"}, text="lorem ipsum " * 100)
    data = path.read_bytes()
    page = 4096
    damaged = {
        "garbage": b"\x89PNG not a database at all " * 50,
        "truncated": data[:len(data) // 2],
        "empty-header": b"SQLite format 3\x00" + b"\x00" * (len(data) - 16),
        "page-zeroed": data[:page * 3] + b"\xff" * page + data[page * 4:],
    }[damage]
    path.write_bytes(damaged)
    with HistoryStore(path, tmp_path / "outputs") as store:
        assert store.warning is not None and store.warning.key == "history.reset_kept"
        assert "history.db.bad" in store.warning and store.count() == 0
        assert store.record("writing", {"prompt": "fresh"}) == 1
    assert (tmp_path / "history.db.bad").read_bytes() == damaged  # the user's bytes, kept
    # damaged again: the earlier copy is never overwritten
    path.write_bytes(b"more garbage" * 100)
    with HistoryStore(path, tmp_path / "outputs") as store:
        assert "history.db.bad.1" in store.warning and store.count() == 0
    assert (tmp_path / "history.db.bad").read_bytes() == damaged
    assert (tmp_path / "history.db.bad.1").read_bytes() == b"more garbage" * 100


def test_a_database_from_a_newer_version_is_read_only_and_untouched(tmp_path):
    path = tmp_path / "history.db"
    with HistoryStore(path, tmp_path / "outputs") as store:
        rid = store.record("writing", {"prompt": "from the future"})
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with HistoryStore(path, tmp_path / "outputs") as store:
        assert store.read_only and store.warning.key == "history.newer"
        assert "newer version" in store.warning and "schema 99" in store.warning
        assert ids(store.list(search="future")) == [rid]  # still shown
        with pytest.raises(HistoryError, match="read-only"):
            store.record("writing", {"prompt": "new"})
        with pytest.raises(HistoryError, match="read-only"):
            store.delete(rid)
    assert path.read_bytes() == before
    assert not (tmp_path / "history.db.bad").exists()


def test_a_folder_in_place_of_the_database_is_a_clear_error(tmp_path):
    (tmp_path / "history.db").mkdir()
    with pytest.raises(HistoryError, match="could not be opened"):
        HistoryStore(tmp_path / "history.db", tmp_path / "outputs")
    assert (tmp_path / "history.db").is_dir()


def test_a_full_disk_keeps_the_earlier_rows(store):
    for i in range(5):
        store.record("writing", {"prompt": f"kept {i}"}, text="short")
    conn = store._db.conn()  # this thread's connection: cap the file at its size now + 2 pages
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(HistoryError) as caught:
        for _ in range(50):
            store.record("writing", {"prompt": "too big"}, text="x" * 20_000,
                         files=[f"/f/{i}.png" for i in range(50)], parents=range(100))
    assert caught.value.message.key == "history.disk_full"
    assert "the disk is full" in str(caught.value) and "Earlier results are kept" in str(
        caught.value)
    assert [e.prompt for e in store.list()] == [f"kept {i}" for i in reversed(range(5))]
    assert store.list(search="too big") == []  # nothing half-written, no file or parent rows
    conn.execute(f"PRAGMA max_page_count = {2**30}")
    assert store.record("writing", {"prompt": "room again"}) > 0


# --- several processes at once ----------------------------------------------------------------

def _writer(path: str, outputs: str, worker: int, rows: int, barrier) -> None:
    barrier.wait()  # all start together, on a database none of them has created yet
    with HistoryStore(Path(path), Path(outputs)) as store:
        for i in range(rows):
            rid = store.record("writing", {"prompt": f"worker {worker} row {i}"},
                               text=f"text {i} 天气")
            if i % 25 == 0:
                store.list(search="天气", limit=10)
                store.set_favourite(rid)


def test_concurrent_writers_in_several_processes(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    workers, rows = 3, 200
    barrier = ctx.Barrier(workers)
    procs = [ctx.Process(target=_writer, args=(str(tmp_path / "history.db"),
                                                 str(tmp_path / "outputs"), n, rows, barrier))
             for n in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * workers  # a "database is locked" would be 1
    with HistoryStore(tmp_path / "history.db", tmp_path / "outputs") as store:
        assert store.count() == workers * rows
        prompts = {e.prompt for e in store.list(limit=workers * rows)}
        assert prompts == {f"worker {n} row {i}" for n in range(workers) for i in range(rows)}
        assert store.count(favourite=True) == workers * (rows // 25)
        assert store.count(search="天气") == workers * rows


# --- the benchmark's shape --------------------------------------------------------------------

def test_history_bench_reports_its_figures():
    from studio.bench import history

    report = history.run(rows=60, runs=2)
    assert report["rows"] == 60 and report["target_ms"] == 50.0
    assert set(report["list_ms"]) == {"first page", "page 50", "task filter", "favourites"}
    assert len(report["search_ms"]) == 6 and len(report["count_ms"]) == 3
    for group in ("list_ms", "search_ms", "count_ms"):
        assert all(isinstance(v, float) and v >= 0 for v in report[group].values())
    assert report["matches"]["no match 'zzzqqq'"] == 0
    assert isinstance(report["all_under_target"], bool) and report["record_ms_median"] > 0


def test_delete_with_files_never_removes_the_users_own_files(store, tmp_path):
    """A transcript lists the user's audio; deleting it with its files keeps that audio."""
    audio = tmp_path / "interview.m4a"
    audio.write_bytes(b"the user's recording")
    srt = store.new_output_path("transcription", "interview", "srt")
    srt.write_text("1\n00:00:00,000 --> 00:00:01,000\nhello\n")
    rid = store.record("transcription", {}, files=[audio, srt], text="hello")
    entry = store.get(rid)
    assert entry.files == (str(audio), str(srt)) and entry.made_files == (str(srt),)
    assert store.delete(rid, delete_files=True) == [srt]
    assert audio.exists() and not srt.exists()


def test_a_result_made_from_a_file_of_ours_names_its_maker(store, tmp_path):
    """"Transcribed from voice take 1": the input file tells which result it came from."""
    take = store.new_output_path("voice", "hello", "flac")
    take.write_bytes(b"audio")
    spoken = store.record("voice", {}, files=[take])
    own = tmp_path / "mine.wav"  # the user's file: no result made it
    own.write_bytes(b"audio")
    heard = store.record("transcription", {}, files=[take], made_from_files=[take])
    mine = store.record("transcription", {}, files=[own], made_from_files=[own])
    again = store.record("transcription", {}, files=[take], made_from_files=[take],
                         parents=[heard])
    assert store.get(heard).parents == (spoken,)
    assert store.get(mine).parents == ()
    # the earlier transcript also lists the take, as its input: it is not taken for the maker
    assert store.get(again).parents == tuple(sorted({spoken, heard}))
    third = store.record("transcription", {}, files=[take], made_from_files=[take])
    assert store.get(third).parents == (spoken,)
