"""Issue 6: generate + build time of the demo site, and of a generated bill with 1,000 amendments."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, shared
from lawtrack.amendments.synth import generate as generate_amendments
from lawtrack.site.build import build


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


def run() -> str:
    import random

    import lawtrack

    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # the demo site, as make demo builds it
        root = _root(tmp / "demo")
        shutil.copytree(ROOT / "amendments", root / "amendments")
        shutil.copytree(ROOT / "bills", root / "bills")  # the manifests and the documents they name
        t0 = time.perf_counter()
        site = build(root=root, site_dir=tmp / "demo-site")
        rows.append(("demo site (3 bills, 3 drafts, 3 papers, 2 comparisons, 1 Keeling schedule of an Act)",
                     time.perf_counter() - t0, *_size(site)))
        # a bill with 1,000 and 5,000 amendments drafted in Markdown
        bill_path = shared("lawmaker/data-protection-digital-information-bill/"
                           "commons_as-amended-in-committee_Bill-314.xml")
        bill = lawtrack.load_bill(bill_path)
        for n in SIZES:
            big = _root(tmp / f"big{n}")
            folder = big / "amendments" / "dpdi"
            folder.mkdir(parents=True)
            for i, g in enumerate(generate_amendments(bill, n, random.Random(6), per_line=3), start=1):
                (folder / f"{i:05d}.md").write_text(f'---\nnumber: "{i}"\nstage: Report stage\n---\n'
                                                    f"{g.amendment.instruction}\n")
            (big / "bills").mkdir()
            (big / "bills" / "dpdi.toml").write_text(
                '[bill]\nslug = "dpdi"\ntitle = "Data Protection and Digital Information (No. 2) Bill"\n\n'
                f'[source]\nformat = "lawmaker"\npath = "{bill_path}"\n\n[site]\namendments = "amendments/dpdi"\n')
            t0 = time.perf_counter()
            site = build(root=big, site_dir=tmp / f"big{n}-site")
            rows.append((f"DPDI Bill 314 with {n:,} amendments", time.perf_counter() - t0, *_size(site)))
            shutil.rmtree(tmp / f"big{n}-site")
            shutil.rmtree(big)
    lines = ["## Campaign site: generate and build (issue 6)", "",
             "Generate the Markdown pages and build them with MkDocs 1.6 + Material 9.8 (one process per build). "
             "Zensical is not measured: it cannot be installed from this machine's package mirror.", "",
             "| site | generate + build | files | bytes |", "| --- | --- | --- | --- |"]
    for label, seconds, files, size in rows:
        lines.append(f"| {label} | {seconds:.1f} s | {files:,} | {size / 1e6:.1f} MB |")
    big_rows = rows[1:]
    growth = [f"{b[0].split(' with ')[1]}: {b[1] / a[1]:.1f}× the time of {a[0].split(' with ')[1]}"
              for a, b in __import__("itertools").pairwise(big_rows)]
    lines += ["", f"Growth: {'; '.join(growth) or '—'} (linear would be the ratio of the sizes).",
              "", f"Goals: demo ≤ 5 s — {'met' if rows[0][1] <= 5 else 'not met'}; 1,000 amendments ≤ 30 s — "
                  f"{'met' if rows[1][1] <= 30 else 'not met'}"
              + (f"; 5,000 ≤ 45 s (issue 12) — {'met' if rows[2][1] <= 45 else 'not met'}" if len(rows) > 2 else "")
              + "."]
    return "\n".join(lines)
