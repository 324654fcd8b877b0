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
from benchmarks.common import machine
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


def _rerun_header(old: str, names: list[str], now: str) -> str | None:
    """The header after an ``--only`` run: the last full run's date stays, and each suite re-run alone since is
    named with its own date (a partial run must not look like a whole one)."""
    line = re.search(r"^Measured by `make bench` on ([^.;]+)(.*)$", old, re.M)
    if not line:
        return None
    since = dict(re.findall(r"(\w+) on (\d{4}-\d\d-\d\d \d\d:\d\d UTC)", line.group(2)))
    since.update({name: now for name in names})
    listed = ", ".join(f"{name} on {when}" for name, when in since.items())
    return f"Measured by `make bench` on {line.group(1)}; re-run alone (`--only`) since: {listed}."


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="docs/benchmarks.md")
    ap.add_argument("--only", choices=sorted(SUITES), action="append")
    args = ap.parse_args()
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
    measured = f"Measured by `make bench` on {now}."
    if previous is not None:
        measured = _rerun_header(previous, args.only, now) or measured
    text = "\n\n".join(
        [
            "# Benchmarks",
            f"{measured}  \nMachine: {machine()}.",
            "Each figure is the median of several runs, with the baseline measured in the same run. "
            "Benchmarks are never timed assertions in tests.",
            *sections,
        ]
    )
    write_atomic(args.out, text + "\n")
    print(text)


if __name__ == "__main__":
    main()
