"""Issue 12: start-up of the ``lawtrack`` command, whole process, beside a bare interpreter in the same run."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from benchmarks.common import ROOT, ms, wall

LAWTRACK = str(Path(sys.executable).with_name("lawtrack"))

COMMANDS: list[tuple[str, list[str]]] = [
    ("baseline: `python -c pass`", [sys.executable, "-c", "pass"]),
    ("baseline: `python -c 'import lxml.etree'`", [sys.executable, "-c", "import lxml.etree"]),
    ("`lawtrack --help`", [LAWTRACK, "--help"]),
    ("`lawtrack --version`", [LAWTRACK, "--version"]),
    ("`lawtrack diff --help` (builds the command group)", [LAWTRACK, "diff", "--help"]),
    ("`lawtrack track --help`", [LAWTRACK, "track", "--help"]),
]


def _median(cmd: list[str], runs: int = 11) -> tuple[float, float]:
    wall(cmd, ROOT)  # warm the page and bytecode caches
    times = [wall(cmd, ROOT) for _ in range(runs)]
    return statistics.median(times), min(times)


def run() -> str:
    rows = [(label, *_median(cmd)) for label, cmd in COMMANDS]
    helps = next(r for r in rows if r[0] == "`lawtrack --help`")
    lines = ["## Start-up (issue 12)", "",
             "Whole process, median of 11 runs after a warm-up, each command beside a bare interpreter measured "
             "in the same run. `--help` and `--version` are answered from the command table without importing "
             "click; any other command imports only its own module (a test checks what `--help` and "
             "`import lawtrack` load).", "",
             "| command | median | min |", "| --- | --- | --- |"]
    lines += [f"| {label} | {ms(median)} | {ms(best)} |" for label, median, best in rows]
    lines += ["", f"Goal: `lawtrack --help` ≤ 0.1 s — {'met' if helps[1] <= 0.1 else 'not met'} ({ms(helps[1])})."]
    return "\n".join(lines)
