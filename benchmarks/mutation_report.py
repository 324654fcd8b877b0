"""Write the score of the last `mutmut run` (`make mutation`) to docs/mutation.md: killed / survived / other per
module, the surviving mutants, and the ones judged equivalent (listed in benchmarks/equivalent_mutants.txt, one
mutant name and the reason per line)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, machine
from lawtrack.fileio import write_atomic

EQUIVALENT = ROOT / "benchmarks" / "equivalent_mutants.txt"


def _results() -> list[tuple[str, str]]:
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], capture_output=True,
                         text=True, cwd=ROOT, check=False).stdout
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^\s+(\S+): (.+)$", out, re.M)]


def _equivalent() -> dict[str, str]:
    if not EQUIVALENT.exists():
        return {}
    out = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, why = line.partition(" ")
            out[name] = why.strip()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="docs/mutation.md")
    args = ap.parse_args()
    rows = _results()
    equivalent = _equivalent()
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, status in rows:
        module = name.split("__mutmut_")[0].rsplit(".", 1)[0] if "__mutmut_" in name else name
        module = re.sub(r"\.x[ǁ_].*$", "", module)
        by_module[module][("equivalent" if name in equivalent and status == "survived" else status)] += 1
    lines = ["# Mutation testing", "",
             f"`make mutation` (mutmut 3.8.1) on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC}; {machine()}.", "",
             "Score = killed / (killed + survived), equivalent mutants (listed below with the reason) left out. "
             "Mutants whose line no test runs are not generated (`mutate_only_covered_lines`).", "",
             "| module | killed | survived | equivalent | timeout / other | score |",
             "| --- | --- | --- | --- | --- | --- |"]
    total: Counter[str] = Counter()
    not_run = sorted(m for m, c in by_module.items() if set(c) <= {"not checked"})
    for module in sorted(set(by_module) - set(not_run)):
        c = by_module[module]
        total.update(c)
        other = sum(v for k, v in c.items() if k not in ("killed", "survived", "equivalent"))
        judged = c["killed"] + c["survived"]
        score = f"{100 * c['killed'] / judged:.1f}%" if judged else "—"
        lines.append(f"| `{module}` | {c['killed']} | {c['survived']} | {c['equivalent']} | {other} | {score} |")
    judged = total["killed"] + total["survived"]
    other = sum(v for k, v in total.items() if k not in ("killed", "survived", "equivalent"))
    score = f"{100 * total['killed'] / judged:.1f}%" if judged else "—"
    lines.append(f"| **all** | {total['killed']} | {total['survived']} | {total['equivalent']} | {other} | "
                 f"**{score}** |")
    if not_run:
        lines += ["", "Not run in this measurement (`make mutation` runs them; hours on 2 cores): "
                  + ", ".join(f"`{m}`" for m in not_run) + "."]
    survivors = [n for n, s in rows if s == "survived" and n not in equivalent]
    lines += ["", f"## Surviving mutants ({len(survivors)})", "", "`mutmut show NAME` prints each one.", ""]
    lines += [f"- `{n}`" for n in survivors] or ["None."]
    lines += ["", f"## Judged equivalent ({len(equivalent)})", ""]
    lines += [f"- `{n}` — {why}" for n, why in equivalent.items()] or ["None."]
    write_atomic(args.out, "\n".join(lines) + "\n")
    print("\n".join(lines[:12 + len(by_module)]))


if __name__ == "__main__":
    main()
