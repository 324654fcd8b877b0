"""File output for the shell: every file is written atomically (temporary file, fsync, rename), with the mode a
user expects: an existing file keeps its mode, a new one gets ``0o666 & ~umask`` (as ``open()`` would give it)."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

from lawtrack.errors import LawtrackError


def _umask() -> int:
    """The process umask, read without changing it where the system allows (``os.umask`` sets it, briefly)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode ``open(path, "w")`` gives a new file under the current umask."""
    return 0o666 & ~_umask()


def write_atomic(path: str | Path, data: bytes | str, *, sync: bool = True) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half of one.

    ``sync=False`` skips the fsync (for the many pages of a site built aside and then renamed into place as a
    whole). Errors (a full disk, a read-only folder) are a :class:`LawtrackError` naming the file; the old file is
    then untouched and no temporary file is left behind.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = new_file_mode()
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise LawtrackError(f"cannot write file: {exc.strerror or exc}", source=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise LawtrackError(f"cannot write file: {exc.strerror or exc}", source=str(target)) from None
        raise
    return target


def write_aside(path: str | Path, data: bytes | str) -> Path:
    """Write a file of a folder being built aside, which is put in place whole (``replace_dir``): a plain write,
    neither atomic nor synced on its own (no reader sees the folder before it is complete). The file gets the
    mode ``open`` gives; errors are a :class:`LawtrackError` naming the file."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    except OSError as exc:
        raise LawtrackError(f"cannot write file: {exc.strerror or exc}", source=str(target)) from None
    return target


def read_limited(path: str | Path, limit: int, *, expected: str) -> bytes:
    """The bytes of a file, refusing more than ``limit`` of them — whatever ``stat`` says (a device such as
    /dev/zero, or a pipe, has no size), and refusing folders. Errors name the file and what was expected."""
    target = Path(path)
    if target.is_dir():
        raise LawtrackError("this is a folder, not a file", source=str(target), expected=expected)
    try:
        with open(target, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise LawtrackError(f"cannot read file: {exc.strerror or exc}", source=str(target)) from None
    if len(data) > limit:
        raise LawtrackError(f"file is larger than the {limit:,}-byte limit", source=str(target),
                            expected=f"{expected} of at most that size")
    return data


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where the system cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def replace_dir(new: str | Path, target: str | Path) -> None:
    """Put the folder ``new`` where ``target`` is, so that ``target`` is at every moment the old folder or the
    new one, whole (an atomic exchange where the system has one; else two renames, with the old folder kept
    aside until the new one is in place). ``new`` is gone afterwards."""
    new_path, target_path = Path(new), Path(target)
    try:
        if not target_path.exists():
            os.replace(new_path, target_path)
            return
        if _exchange(new_path, target_path):
            shutil.rmtree(new_path, ignore_errors=True)  # it holds the old folder now
            return
        aside = target_path.with_name(f".{target_path.name}.old-{os.getpid()}")
        os.replace(target_path, aside)
        os.replace(new_path, target_path)
        shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        raise LawtrackError(f"cannot put the new folder in place: {exc.strerror or exc}",
                            source=str(target_path)) from None
