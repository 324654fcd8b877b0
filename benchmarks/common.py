"""Helpers shared by the benchmarks: timing, peak memory in a fresh process, machine description."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT.parent / "shared" / "data").resolve()


def shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        sys.exit(f"benchmark needs {path} (../shared beside the repository)")
    return path


def as_installed() -> None:
    """Let the processes the benchmarks start write and reuse bytecode, as an installed interpreter does.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on CI machines), a source checkout's modules would be compiled
    again in every process, which a user's ``lawtrack`` (or lawchecker) never pays after its first run. The
    cache goes to ``build/pycache`` so the source tree stays clean; each benchmark warms it up before timing.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(ROOT / "build" / "pycache")


def wall(cmd: list[str], cwd: str | Path) -> float:
    """Wall time (seconds) of one whole process running ``cmd`` in ``cwd``; it must succeed."""
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - t0


def timeit(fn: Callable[[], Any], *, repeat: int = 7, warmup: int = 1) -> dict[str, float]:
    """Median and min wall time of ``fn`` in seconds over ``repeat`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {"median": statistics.median(times), "min": min(times), "runs": repeat}


def peak_rss_mb(code: str) -> float:
    """Peak resident memory (MB) of a fresh Python process running ``code``, minus the same process idle."""
    def run(snippet: str) -> float:
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across fork and exec.
        probe = snippet + (
            "\nprint([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
        )
        out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=ROOT)
        return int(out.stdout.strip().splitlines()[-1]) / 1024

    setup = "import lawtrack, lxml.etree\n"
    return run(setup + code) - run(setup)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()} on {platform.system()}"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def dump(obj: Any) -> str:
    return json.dumps(obj, indent=2)
