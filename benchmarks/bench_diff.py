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


#: lawchecker's method without lawchecker (it is not on this machine's package index): a whole process that
#: parses both prints with lxml, takes each section's text and writes difflib's HtmlDiff table of the pairs.
HTMLDIFF = """
import difflib, sys
from lxml import etree
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
def sections(path):
    root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)).getroot()
    out = {}
    for el in root.iter(AKN + "section", AKN + "paragraph"):
        if el.get("eId"):
            out[el.get("eId")] = " ".join("".join(el.itertext()).split())
    return out
a, b = sections(sys.argv[1]), sections(sys.argv[2])
html = difflib.HtmlDiff(wrapcolumn=80)
parts = [html.make_table(a.get(k, "").split(". "), b.get(k, "").split(". ")) for k in dict.fromkeys([*a, *b])
         if a.get(k) != b.get(k)]
sys.stdout.write(str(sum(len(p) for p in parts)))
"""


def run() -> str:
    lines = ["## Diff: comparing real prints (issue 4)", "",
             "`lawtrack diff OLD NEW --format json` as a whole process (Python start-up, two loads, alignment, word "
             "diffs, JSON), and in-process `compare()` against difflib word diffs on the same aligned pairs.", "",
             "| pair | whole process | baseline: HtmlDiff whole process | ratio | compare() | difflib on the same "
             "pairs | draft() | peak RSS |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
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
        html_times = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", HTMLDIFF, str(pa), str(pb)], check=True, capture_output=True)
            html_times.append(time.perf_counter() - t0)
        whole, html_whole = sorted(times)[1], sorted(html_times)[1]
        old, new = lawtrack.load_bill(pa), lawtrack.load_bill(pb)
        from lawtrack.diff.compare import compare

        ours = timeit(lambda old=old, new=new: compare(old, new), repeat=5)
        base = timeit(lambda old=old, new=new: _difflib_words(old, new), repeat=5)
        from lawtrack.drafting import draft

        drafting = timeit(lambda old=old, new=new: draft(old, new, house="lords"), repeat=3)
        mem = peak_rss_mb(f"from lawtrack.diff.compare import compare\nimport lawtrack\n"
                          f"compare(lawtrack.load_bill({str(pa)!r}), lawtrack.load_bill({str(pb)!r}))")
        lines.append(f"| {label} | {ms(whole)} | {ms(html_whole)} | {html_whole / whole:.2f}× | "
                     f"{ms(ours['median'])} | {ms(base['median'])} | {ms(drafting['median'])} | {mem:.0f} MB |")
    lines += ["", "Goal: a full comparison with word-level output well under half a second per pair (the "
                  "in-process `compare()` column; the whole-process column includes interpreter start-up and "
                  "loading both prints).", "",
              "Issue 12 asks for `lawtrack diff` ≥ 3× faster than lawchecker's `compare_bills`. lawchecker cannot be "
              "installed here (not on the package index this machine reaches), so the baseline is its method: a "
              "process that parses both prints with lxml and writes difflib's HtmlDiff of each changed section "
              "(ratio = baseline time / lawtrack's; ≥ 3 would meet the goal)."]
    return "\n".join(lines)
