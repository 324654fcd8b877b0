"""Atomic writes keep the mode a user expects, and fail cleanly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from lawtrack import LawtrackError
from lawtrack.fileio import new_file_mode, write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_0666_less_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        assert new_file_mode() == 0o666 & ~umask
        write_atomic(tmp_path / "new.txt", "text")
        with open(tmp_path / "plain.txt", "w") as fh:  # what open() would have given
            fh.write("text")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.txt") == _mode(tmp_path / "plain.txt") == 0o666 & ~umask


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    for mode in (0o644, 0o600, 0o664, 0o755):
        target = tmp_path / f"kept-{mode:o}.txt"
        target.write_text("old")
        target.chmod(mode)
        write_atomic(target, b"new")
        assert target.read_bytes() == b"new"
        assert _mode(target) == mode


def test_no_temporary_file_is_left_and_errors_name_the_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a" / "b" / "c.txt", "deep")
    assert (tmp_path / "a" / "b" / "c.txt").read_text() == "deep"
    assert [p.name for p in (tmp_path / "a" / "b").iterdir()] == ["c.txt"]


def test_a_full_disk_keeps_the_old_file_and_names_the_new_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("lawtrack.fileio.os.fsync", full)
    with pytest.raises(LawtrackError) as info:
        write_atomic(target, "new report")
    assert str(target) in str(info.value) and "No space left on device" in str(info.value)
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"], "the temporary file is gone"


def test_a_directory_in_the_way_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out.md").mkdir()
    with pytest.raises(LawtrackError) as info:
        write_atomic(tmp_path / "out.md", "x")
    assert "out.md" in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
