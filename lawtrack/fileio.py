"""File output for the shell: every file is written atomically (temporary file, fsync, rename), with the mode a
user expects: an existing file keeps its mode, a new one gets ``0o666 & ~umask`` (as ``open()`` would give it)."""

from __future__ import annotations

import contextlib
import os
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
