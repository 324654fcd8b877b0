"""Issue 4: `lawtrack diff` as a whole process on two real version pairs, against difflib on the same pairs."""

from __future__ import annotations

import difflib
import subprocess
import sys
import time

import lawtrack
from benchmarks.common import ROOT, ms, peak_rss_mb, shared, timeit
from lawtrack.diff.compare import align, body, units

SHRB = "lawmaker/social-housing-regulation-bill/"
HL54 = SHRB + "1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
HL60 = SHRB + "2_lords-report_as-amended-on-report_HL-Bill-60.xml"
B177 = SHRB + "3_commons_as-brought-from-the-lords_Bill-177.xml"
PAIRS = [("HL Bill 54 → HL Bill 60", HL54, HL60), ("HL Bill 60 → Bill 177", HL60, B177)]


def _difflib_words(old: lawtrack.Bill, new: lawtrack.Bill) -> None:
    for p, q in align(units(old), units(new)):
        if p is not None and q is not None and body(p) != body(q):
            list(difflib.SequenceMatcher(None, p.text.split(), q.text.split()).get_opcodes())


def run() -> str:
    lines = ["## Diff: comparing real prints (issue 4)", "",
             "`lawtrack diff OLD NEW --format json` as a whole process (Python start-up, two loads, alignment, word "
             "diffs, JSON), and in-process `compare()` against difflib word diffs on the same aligned pairs.", "",
             "| pair | whole process | compare() | difflib on the same pairs | draft() | peak RSS |",
             "| --- | --- | --- | --- | --- | --- |"]
    exe = str(ROOT / ".venv" / "bin" / "lawtrack") if (ROOT / ".venv" / "bin" / "lawtrack").exists() else None
    for label, a, b in PAIRS:
        pa, pb = shared(a), shared(b)
        cmd = [exe, "diff", str(pa), str(pb), "--format", "json"] if exe else \
            [sys.executable, "-m", "lawtrack.cli", "diff", str(pa), str(pb), "--format", "json"]
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
        old, new = lawtrack.load_bill(pa), lawtrack.load_bill(pb)
        from lawtrack.diff.compare import compare

        ours = timeit(lambda old=old, new=new: compare(old, new), repeat=5)
        base = timeit(lambda old=old, new=new: _difflib_words(old, new), repeat=5)
        from lawtrack.drafting import draft

        drafting = timeit(lambda old=old, new=new: draft(old, new, house="lords"), repeat=3)
        mem = peak_rss_mb(f"from lawtrack.diff.compare import compare\nimport lawtrack\n"
                          f"compare(lawtrack.load_bill({str(pa)!r}), lawtrack.load_bill({str(pb)!r}))")
        lines.append(f"| {label} | {ms(sorted(times)[1])} | {ms(ours['median'])} | {ms(base['median'])} | "
                     f"{ms(drafting['median'])} | {mem:.0f} MB |")
    lines += ["", "Goal: a full comparison with word-level output well under half a second per pair (the "
                  "in-process `compare()` column; the whole-process column includes interpreter start-up and "
                  "loading both prints)."]
    return "\n".join(lines)
