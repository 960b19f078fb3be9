from __future__ import annotations

import gc

from studio.core.preload import paused_gc, preload


def test_paused_gc_disables_then_freezes_and_restores():
    assert gc.isenabled()
    before = gc.get_freeze_count()
    keep = [[] for _ in range(100)]
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(keep)
    gc.unfreeze()  # leave the collector as other tests expect it


def test_preload_is_harmless_for_loaded_or_unknown_packages():
    preload("json")  # already imported: nothing to do
    preload("no_such_package_here")  # not installed: ignored
