from __future__ import annotations

import gc
import subprocess
import sys

from studio.core.preload import paused_gc


def test_paused_gc_disables_then_freezes_and_restores():
    assert gc.isenabled()
    before = gc.get_freeze_count()
    keep = [[] for _ in range(100)]
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(keep)
    gc.unfreeze()  # leave the collector as other tests expect it


def test_preload_loads_the_native_library_without_importing_the_package():
    code = (
        "import sys\n"
        "from studio.core.preload import preload\n"
        "preload('no_such_package_here')  # not installed: ignored\n"
        "preload('llama_cpp')\n"
        "maps = open('/proc/self/maps').read()\n"
        "print('libllama.so' in maps, 'llama_cpp' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.stdout.split() == ["True", "False"], proc.stderr
