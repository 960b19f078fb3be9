from __future__ import annotations

import pytest

from studio.core.jobs import UserError
from studio.core.textfiles import read_text_file, write_text_file


def test_utf8_and_gb18030_text(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("\ufeff从前有座山", encoding="utf-8")
    assert read_text_file(a) == "从前有座山"
    b = tmp_path / "b.txt"
    b.write_bytes("山里有座庙".encode("gb18030"))
    assert read_text_file(b) == "山里有座庙"


def test_binary_missing_and_huge_files_are_refused(tmp_path):
    png = tmp_path / "x.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(UserError, match="binary"):
        read_text_file(png)
    with pytest.raises(UserError, match="does not exist"):
        read_text_file(tmp_path / "nope.md")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(UserError, match="too large"):
        read_text_file(big, limit=1024)


def test_write_is_atomic_and_names_the_real_problem(tmp_path):
    out = write_text_file(tmp_path / "out.md", "文本")
    assert out.read_text(encoding="utf-8") == "文本"
    assert not list(tmp_path.glob("*.part"))
    with pytest.raises(UserError, match=r"folder .* does not exist"):
        write_text_file(tmp_path / "missing" / "out.md", "x")


def test_pipes_and_devices_are_refused_not_read(tmp_path):
    """Issue 6.11: a FIFO given as a prompt file would block the reader forever."""
    import os

    fifo = tmp_path / "prompt.txt"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="a pipe or a device"):
        read_text_file(fifo)
    with pytest.raises(UserError, match="a pipe or a device"):
        read_text_file("/dev/zero")
    with pytest.raises(UserError, match="a pipe or a device"):
        read_text_file(tmp_path)
