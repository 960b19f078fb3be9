"""The history: every finished result, its exact request, files and lineage, in SQLite.

    store = HistoryStore(paths.history_path(), paths.outputs_dir())
    if store.warning: ...                       # the old file was damaged and set aside
    out = store.new_output_path("painting", prompt, "png")   # outputs/2026-12-01/a-cat.png
    rid = store.record("writing", result.request, text=text, timings=result.timings)
    store.list(search="天气", task="writing", limit=50)        # newest first, paged
    request = request_from_entry(store.get(rid))              # run it again

One row per result (``Entry``): the task, when, "done" or "stopped" (cancelled
with partial output), the model, the resolved request that reproduces it, the
output text or the files made (under the outputs folder, readable unique names),
timings, the results it was made from, a favourite flag and tags.  Search is
full-text (FTS5 trigrams, LIKE for 1-2 character words such as 图书).  Any thread
or process may read and write at once (WAL, one connection per thread).  Qt-free;
the window runs slow calls off its UI thread, though a page of ``list`` takes
about a millisecond.
"""

from .db import HistoryError
from .entry import STATUSES, Entry, request_from_entry
from .schema import SCHEMA_VERSION
from .store import HistoryStore

__all__ = ["SCHEMA_VERSION", "STATUSES", "Entry", "HistoryError", "HistoryStore",
           "request_from_entry"]
