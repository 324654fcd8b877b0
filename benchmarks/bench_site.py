"""Issues 6 and 12: generate + build time and peak memory of the demo site and of a bill with thousands of amendments,
the amendment pages written by lawtrack (the default) beside MkDocs building every page (the baseline)."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, shared
from lawtrack.amendments.synth import generate as generate_amendments


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def _root(tmp: Path) -> Path:
    root = tmp / "repo"
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("bills", "assets"))
    return root


#: Amendment pages measured; 30,000 (a whole session) is left to `SITE_SIZES=1000,5000,30000 make bench`.
SIZES = [int(x) for x in __import__("os").environ.get("SITE_SIZES", "1000,5000").split(",")]

#: One build in a fresh process: its time, its own peak memory and the builder's (MkDocs runs in a child process,
#: whose VmHWM is read while it runs: ru_maxrss would start from the size of the process that forked it).
_CHILD = """if True:
    import json, subprocess, sys, tempfile, time, types
    from pathlib import Path
    import lawtrack.site.build as site_build

    def hwm(pid):
        with open(f"/proc/{pid}/status") as f:
            return int([l.split()[1] for l in f if l.startswith("VmHWM")][0]) / 1024

    peak = [0.0]

    def run(cmd, **kw):
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, cwd=kw.get("cwd"), env=kw.get("env"))
            while proc.poll() is None:
                try:
                    peak[0] = max(peak[0], hwm(proc.pid))
                except (OSError, IndexError):
                    pass
                time.sleep(0.02)
            out.seek(0), err.seek(0)
            return subprocess.CompletedProcess(cmd, proc.returncode, out.read(), err.read())

    site_build.subprocess = types.SimpleNamespace(run=run)
    t0 = time.perf_counter()
    site_build.build(root=Path(sys.argv[1]), site_dir=Path(sys.argv[2]), amendment_pages=sys.argv[3])
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "lawtrack_mb": hwm("self"), "builder_mb": peak[0]}))
"""


def _build(root: Path, site: Path, mode: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(root), str(site), mode], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


#: Amendments one copy of the bill carries at most (its printed lines have words for ~14,500 at 3 a line); a
#: larger site is the bill under several names, as a session is many bills.
PER_BILL = 10_000


def _bill_root(tmp: Path, bill: Any, bill_path: Path, n: int) -> tuple[Path, int]:
    """A site of ``n`` amendments drafted in Markdown on DPDI Bill 314 (synthesised from its printed lines, at
    most 3 a line), split over as many copies of the bill, under different names, as ``PER_BILL`` needs; returns
    the folder and the number of bills."""
    import random

    big = _root(tmp / f"big{n}")
    (big / "bills").mkdir()
    copies = -(-n // PER_BILL)
    for copy in range(1, copies + 1):
        count = n // copies + (1 if copy <= n % copies else 0)
        slug = "dpdi" if copies == 1 else f"dpdi-{copy}"
        folder = big / "amendments" / slug
        folder.mkdir(parents=True)
        generated = generate_amendments(bill, count, random.Random(6 + copy), per_line=3)
        if len(generated) < count:
            sys.exit(f"DPDI Bill 314 has words for only {len(generated):,} amendments, not {count:,}")
        for i, g in enumerate(generated, start=1):
            (folder / f"{i:05d}.md").write_text(f'---\nnumber: "{i}"\nstage: Report stage\n---\n'
                                                f"{g.amendment.instruction}\n")
        (big / "bills" / f"{slug}.toml").write_text(
            f'[bill]\nslug = "{slug}"\ntitle = "Data Protection and Digital Information (No. 2) Bill"\n\n'
            f'[source]\nformat = "lawmaker"\npath = "{bill_path}"\n\n[site]\namendments = "amendments/{slug}"\n')
    return big, copies


def run() -> str:
    import lawtrack

    rows: list[tuple[str, int, str, dict[str, float], int, int]] = []
    # in the repository's build/ (where `make demo` builds): this machine's /tmp is 6× slower to create files in
    (ROOT / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "build", prefix="bench-site-") as tmp_name:
        tmp = Path(tmp_name)
        # the demo site, as make demo builds it
        root = _root(tmp / "demo")
        shutil.copytree(ROOT / "amendments", root / "amendments")
        shutil.copytree(ROOT / "bills", root / "bills")  # the manifests and the documents they name
        for mode in ("direct", "builder"):
            result = _build(root, tmp / "demo-site", mode)
            rows.append(("demo site (3 bills, 3 drafts, 3 papers, 2 comparisons, 1 Keeling schedule of an Act)", 0,
                         mode, result, *_size(tmp / "demo-site")))
            shutil.rmtree(tmp / "demo-site")
        bill_path = shared("lawmaker/data-protection-digital-information-bill/"
                           "commons_as-amended-in-committee_Bill-314.xml")
        bill = lawtrack.load_bill(bill_path)
        for n in SIZES:
            big, copies = _bill_root(tmp, bill, bill_path, n)
            # the baseline, MkDocs building every page, in the same run: at 1,000 only (5,000 take it ~80 s)
            for mode in ("direct", "builder") if n == min(SIZES) else ("direct",):
                result = _build(big, tmp / f"big{n}-site", mode)
                label = "DPDI Bill 314" + (f", as {copies} bills of {n // copies:,} amendments" if copies > 1 else "")
                rows.append((label, n, mode, result, *_size(tmp / f"big{n}-site")))
                shutil.rmtree(tmp / f"big{n}-site")
            shutil.rmtree(big)
    return _report(rows)


_MODE = {"direct": "amendment pages written by lawtrack (default)", "builder": "baseline: MkDocs builds every page"}


def _report(rows: list[tuple[str, int, str, dict[str, float], int, int]]) -> str:
    lines = ["## Campaign site: generate and build (issues 6 and 12)", "",
             "Generate the pages and build the site with MkDocs 1.6 + Material 9.8, each build in a fresh process. "
             "By default MkDocs builds the bill pages and one placeholder per folder of amendment pages, and "
             "lawtrack writes each amendment page into the page MkDocs made of the placeholder "
             "(`lawtrack/site/shell.py`); the baseline has MkDocs build every page (`--amendment-pages builder`). "
             "Zensical is not measured: it cannot be installed from this machine's package mirror. The sites are "
             "built in the repository's `build/` folder, as `make demo` builds (this machine's `/tmp` takes ~6× as "
             "long to create a file).", "",
             "| site | amendments | pages built | generate + build | files | bytes | peak memory: lawtrack / "
             "MkDocs |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for label, n, mode, r, files, size in rows:
        count = f"{n:,}" if n else "—"
        lines.append(f"| {label} | {count} | {_MODE[mode]} | {r['seconds']:.1f} s | {files:,} | {size / 1e6:.1f} MB "
                     f"| {r['lawtrack_mb']:.0f} MB / {r['builder_mb']:.0f} MB |")
    direct = [r for r in rows if r[2] == "direct" and r[1]]
    growth = [f"{b[1]:,}: {b[3]['seconds'] / a[3]['seconds']:.1f}× the time of {a[1]:,}"
              for a, b in itertools.pairwise(direct)]
    lines += ["", f"Growth: {'; '.join(growth) or '—'} (linear would be the ratio of the sizes).", ""]
    base = next((r for r in rows if r[2] == "builder" and r[1]), None)
    if base is not None:
        same = next(r for r in direct if r[1] == base[1])
        lines += [f"At {base[1]:,} amendments, lawtrack writing the amendment pages takes "
                  f"{same[3]['seconds']:.1f} s where MkDocs building them takes {base[3]['seconds']:.1f} s "
                  f"({base[3]['seconds'] / same[3]['seconds']:.1f}× faster).", ""]
    demo = next(r for r in rows if r[2] == "direct" and not r[1])
    goals = [f"demo ≤ 5 s — {_met(demo[3]['seconds'] <= 5)} ({demo[3]['seconds']:.1f} s)"]
    for n, limit in ((1000, 30), (5000, 45), (30000, 300)):
        r = next((r for r in direct if r[1] == n), None)
        goals.append(f"{n:,} amendments ≤ {limit} s — " + (f"{_met(r[3]['seconds'] <= limit)}" if r else
                                                          "not measured (`SITE_SIZES=1000,5000,30000 make bench`)"))
    peak = max(max(r[3]["lawtrack_mb"], r[3]["builder_mb"]) for r in direct)
    goals.append(f"peak memory ≤ 1.5 GB — {_met(peak <= 1536)} ({peak:.0f} MB)")
    lines += ["Goals: " + "; ".join(goals) + ".", "",
              "Peak memory is each process's VmHWM (MkDocs's read every 20 ms while it runs)."]
    return "\n".join(lines)


def _met(ok: bool) -> str:
    return "met" if ok else "not met"
