"""Run every benchmark and write the numbers, with the machine and the baselines, to docs/benchmarks.md."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (
    bench_amendments,
    bench_bill,
    bench_diff,
    bench_keeling,
    bench_mutation,
    bench_site,
    bench_startup,
    bench_track,
)
from benchmarks.common import as_installed, machine
from lawtrack.fileio import write_atomic

SUITES = {
    "startup": bench_startup.run,
    "bill": bench_bill.run,
    "amendments": bench_amendments.run,
    "diff": bench_diff.run,
    "track": bench_track.run,
    "site": bench_site.run,
    "keeling": bench_keeling.run,
    "mutation": bench_mutation.run,
}


def _rerun_header(old: str, names: list[str], now: str, machine: str | None = None) -> tuple[str, str] | None:
    """The header after an ``--only`` run: the last full run's date and machine stay, and each suite re-run alone
    since is named with its own date — and its machine, when that is not the full run's (a partial run must not
    look like a whole one, nor its figures like the full run's machine's). Returns the two lines (measured,
    machine), or None when ``old`` has no header to keep."""
    line = re.search(r"^Measured by `make bench` on ([^.;]+)(.*)$", old, re.M)
    if not line:
        return None
    kept = re.search(r"^Machine: (.*)\.$", old, re.M)
    full_machine = kept.group(1) if kept else machine or "not recorded"
    since = {name: (when, on) for name, when, on in
             re.findall(r"(\w+) on (\d{4}-\d\d-\d\d \d\d:\d\d UTC)(?: on \[([^\]]*)\])?", line.group(2))}
    here = machine if machine is not None and machine != full_machine else ""
    since.update({name: (now, here) for name in names})
    listed = ", ".join(f"{name} on {when}" + (f" on [{on}]" if on else "") for name, (when, on) in since.items())
    return (f"Measured by `make bench` on {line.group(1)}; re-run alone (`--only`) since: {listed}.",
            f"Machine: {full_machine}.")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="docs/benchmarks.md")
    ap.add_argument("--only", choices=sorted(SUITES), action="append")
    args = ap.parse_args()
    as_installed()
    sections = []
    for name, fn in SUITES.items():
        if args.only and name not in args.only:
            continue
        print(f"running {name} …", file=sys.stderr)
        sections.append(fn())
    previous = Path(args.out).read_text(encoding="utf-8") if args.only and Path(args.out).exists() else None
    if previous is not None:
        # keep the other suites' sections from the last full run; replace the ones just measured
        old = previous.split("\n## ")
        fresh = {sec.split("\n", 1)[0].lstrip("# "): sec for sec in sections}
        kept = [("## " + part) if i else part for i, part in enumerate(old)]
        merged = []
        for part in kept[1:]:
            title = part.split("\n", 1)[0].lstrip("# ")
            merged.append(fresh.pop(title, part.rstrip("\n")))
        sections = merged + list(fresh.values())
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = f"Measured by `make bench` on {now}.", f"Machine: {machine()}."
    if previous is not None:
        header = _rerun_header(previous, args.only, now, machine()) or header
    text = "\n\n".join(
        [
            "# Benchmarks",
            f"{header[0]}  \n{header[1]}",
            "Each figure is the median of several runs, with the baseline measured in the same run. "
            "Benchmarks are never timed assertions in tests. The processes a benchmark starts (lawtrack's "
            "commands and the baselines alike) keep compiled bytecode as an installed interpreter does, so a "
            "whole-process figure does not include compiling every module again on each run "
            "(`PYTHONDONTWRITEBYTECODE` is cleared for them; the cache is `build/pycache`).",
            *sections,
        ]
    )
    write_atomic(args.out, text + "\n")
    print(text)


if __name__ == "__main__":
    main()
