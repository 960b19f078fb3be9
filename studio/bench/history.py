"""History store speed: fill a temporary database with realistic rows, time what the UI asks.

Rows mix the four tasks, English and Chinese prompts and outputs of a few hundred
characters to a few thousand, files, lineage and favourites.  Each query is
timed as the History panel would run it (first page of 100, newest first) over
several runs; the median is reported, in milliseconds, against a 50 ms target.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

TARGET_MS = 50.0
PAGE = 100
_EN_TEXT = ("the old lighthouse keeper watched the storm roll in across the grey harbour while "
            "a small boat fought the waves and the radio crackled with a voice nobody expected "
            "she opened the letter slowly and read it twice before folding it into her pocket "
            "the market was loud with traders calling prices and children running between stalls "
            "a quiet garden behind the library where the roses grew over the broken wall "
            "machine learning models learn patterns from data and generalise to new examples "
            "write a short poem about autumn leaves falling on a river at dusk")
_EN = tuple(_EN_TEXT.split())
_ZH = ("今天天气很好，我们去公园散步吧。", "图书馆里很安静，大家都在认真看书。",
       "春天来了，山上的花都开了。", "他在海边的灯塔里住了很多年。",
       "这个模型可以把语音转换成文字。", "请用简单的语言解释人工智能是什么。",
       "窗外下着小雨，街上的行人撑着伞。", "她把信读了两遍，然后放进口袋里。",
       "市场上人来人往，非常热闹。", "写一首关于秋天落叶的短诗。")
_RARE_ZH = "鲸鱼"  # in a handful of rows: a 2-character search that must scan for its matches
TASKS = ("writing",) * 6 + ("painting",) * 2 + ("transcription", "voice")


def _english(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(_EN))
    return " ".join(_EN[(start + i) % len(_EN)] if rng.random() < 0.7 else rng.choice(_EN)
                    for i in range(words)).capitalize() + "."


def _chinese(rng: random.Random, sentences: int) -> str:
    return "".join(rng.choice(_ZH) for _ in range(sentences))


def _row(rng: random.Random, i: int, now: float) -> dict:
    task = rng.choice(TASKS)
    chinese = rng.random() < 0.3
    prompt = _chinese(rng, rng.randint(1, 3)) if chinese else _english(rng, rng.randint(6, 30))
    if task in ("writing", "transcription"):
        text = _chinese(rng, rng.randint(5, 60)) if chinese else _english(rng, rng.randint(50, 500))
    else:
        text = ""
    if i % 997 == 0:
        text += _RARE_ZH
    files = [f"/data/outputs/2026-11-{1 + i % 28:02d}/result-{i}.png"] if task == "painting" else []
    request = {"prompt": prompt, "model": f"model-{task}", "seed": rng.randrange(2**31),
               "temperature": 0.7, "max_new_tokens": 256}
    return {"task": task, "request": request, "text": text, "files": files,
            "timings": {"total_s": round(rng.uniform(0.5, 30), 3)},
            "parents": [rng.randint(1, i - 1)] if i > 1 and rng.random() < 0.1 else [],
            "created": now - (10_000 - i) * 600}


def _median_ms(fn, runs: int) -> float:
    fn()  # warm the page cache, as the panel's second query is
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 3)


def run(quick: bool = False, rows: int | None = None, runs: int | None = None) -> dict:
    from studio.core.history import HistoryStore

    rows = rows or (2_000 if quick else 10_000)
    runs = runs or (5 if quick else 15)
    rng = random.Random(12)
    now = time.time()
    with tempfile.TemporaryDirectory(prefix="aigc-bench-history-") as tmp:
        path = Path(tmp) / "history.db"
        store = HistoryStore(path, Path(tmp) / "outputs")
        record_ms = []
        for i in range(1, rows + 1):
            row = _row(rng, i, now)
            start = time.perf_counter()
            rid = store.record(row.pop("task"), row.pop("request"), **row)
            record_ms.append((time.perf_counter() - start) * 1000)
            if i % 50 == 0:
                store.set_favourite(rid, True)
        store.close()
        start = time.perf_counter()
        store = HistoryStore(path, Path(tmp) / "outputs")  # includes the integrity check
        open_ms = (time.perf_counter() - start) * 1000
        searches = {"english word 'lighthouse'": "lighthouse",
                    "english phrase 'broken wall'": '"broken wall"',
                    "chinese 2 chars '天气'": "天气",
                    f"chinese 2 chars, rare '{_RARE_ZH}'": _RARE_ZH,
                    "chinese 4 chars '人工智能'": "人工智能",
                    "no match 'zzzqqq'": "zzzqqq"}
        report = {
            "rows": rows,
            "database_mb": round(sum(p.stat().st_size for p in Path(tmp).glob("history.db*"))
                                 / 2**20, 1),
            "record_ms_median": round(statistics.median(record_ms), 3),
            "open_ms": round(open_ms, 2),
            "list_ms": {
                "first page": _median_ms(lambda: store.list(limit=PAGE), runs),
                "page 50": _median_ms(lambda: store.list(limit=PAGE, offset=49 * PAGE), runs),
                "task filter": _median_ms(lambda: store.list(task="painting", limit=PAGE), runs),
                "favourites": _median_ms(lambda: store.list(favourite=True, limit=PAGE), runs),
            },
            "search_ms": {name: _median_ms(lambda q=q: store.list(search=q, limit=PAGE), runs)
                          for name, q in searches.items()},
            "count_ms": {name: _median_ms(lambda q=q: store.count(search=q), runs)
                         for name, q in list(searches.items())[:3]},
            "matches": {name: store.count(search=q) for name, q in searches.items()},
        }
        store.close()
    report["target_ms"] = TARGET_MS
    report["all_under_target"] = all(
        v < TARGET_MS for key in ("list_ms", "search_ms", "count_ms")
        for v in report[key].values())
    return report


if __name__ == "__main__":
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv[1:]), indent=2, ensure_ascii=False))
