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


_ROW = re.compile(r"^\| `(?P<module>[\w.]+)` \| (?P<killed>\d+) \| (?P<survived>\d+) \| (?P<equivalent>\d+) \| "
                  r"(?P<other>\d+) \| [^|]+ \|(?: (?P<when>[^|]+) \|)?$")


def _earlier(page: Path) -> tuple[dict[str, tuple[Counter[str], str]], dict[str, list[str]]]:
    """Rows and survivors of modules measured by an earlier run (kept when this run did not measure them: a full
    run takes hours, so runs are often of a few modules)."""
    rows: dict[str, tuple[Counter[str], str]] = {}
    survivors: dict[str, list[str]] = defaultdict(list)
    if not page.exists():
        return rows, survivors
    text = page.read_text(encoding="utf-8")
    stamp = re.search(r"^`make mutation` \(mutmut [^)]*\) on ([^;]+);", text, re.M)
    for line in text.splitlines():
        m = _ROW.match(line)
        if m:
            c: Counter[str] = Counter({k: int(m.group(k)) for k in ("killed", "survived", "equivalent", "other")})
            rows[m.group("module")] = (c, (m.group("when") or (stamp.group(1) if stamp else "")).strip())
        s = re.match(r"^- `([^`]+__mutmut_\d+)`$", line)
        if s:
            survivors[_module(s.group(1))].append(s.group(1))
    return rows, survivors


#: What issue 14 asks to be measured: these packages and modules.
GOAL = ("lawtrack.amendments", "lawtrack.diff", "lawtrack.drafting", "lawtrack.track.events", "lawtrack.track.store")


def _goal_modules() -> list[str]:
    """The modules of ``GOAL`` that hold code (not ``__init__`` files that only list names)."""
    root = Path(__file__).resolve().parent.parent
    out = []
    for path in sorted((root / "lawtrack").rglob("*.py")):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        if path.name == "__init__.py" or not any(name == g or name.startswith(g + ".") for g in GOAL):
            continue
        out.append(name)
    return out


def _module(name: str) -> str:
    module = name.split("__mutmut_")[0].rsplit(".", 1)[0] if "__mutmut_" in name else name
    return re.sub(r"\.x[ǁ_].*$", "", module)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="docs/mutation.md")
    args = ap.parse_args()
    out = Path(args.out)
    rows = _results()
    equivalent = _equivalent()
    earlier, earlier_survivors = _earlier(out)
    now = f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC}"
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, status in rows:
        by_module[_module(name)][("equivalent" if name in equivalent and status == "survived" else status)] += 1
    not_run = sorted(m for m, c in by_module.items() if set(c) <= {"not checked"})
    measured = sorted(set(by_module) - set(not_run))
    table: dict[str, tuple[Counter[str], str]] = {m: c for m, c in earlier.items() if m not in measured}
    checked: dict[str, dict[str, str]] = defaultdict(dict)
    for name, status in rows:
        if status != "not checked":
            checked[_module(name)][name] = status
    # a run of only an earlier run's survivors (`make mutation MUTANTS="name …"`, after tests were added) updates
    # that run's row: the code is the same, so its other mutants stand as they were judged
    rechecked = {m for m in measured if by_module[m]["not checked"] and m in earlier
                 and set(checked[m]) <= set(earlier_survivors.get(m, []))}
    for module in sorted(rechecked):
        before, when = earlier[module]
        statuses = checked[module]
        killed = sum(1 for s in statuses.values() if s == "killed")
        judged = sum(1 for n, s in statuses.items() if s == "survived" and n in equivalent)
        other = sum(1 for s in statuses.values() if s not in ("killed", "survived"))
        table[module] = (Counter({"killed": before["killed"] + killed, "equivalent": before["equivalent"] + judged,
                                  "survived": before["survived"] - killed - judged - other,
                                  "other": before["other"] + other}),
                         f"{when.split(';')[0]}; survivors re-checked {now}")
    for module in measured:
        if module in rechecked:
            continue
        c = by_module[module]
        other = sum(v for k, v in c.items() if k not in ("killed", "survived", "equivalent", "not checked"))
        table[module] = (Counter({"killed": c["killed"], "survived": c["survived"], "equivalent": c["equivalent"],
                                  "other": other}), now)
    lines = ["# Mutation testing", "",
             f"`make mutation` (mutmut 3.8.1) on {now}; {machine()}.", "",
             "Score = killed / (killed + survived), equivalent mutants (listed below with the reason) left out. "
             "Mutants whose line no test runs are not generated (`mutate_only_covered_lines`). A module this run "
             "did not measure keeps the row of the run that did (its date in the last column).", "",
             "| module | killed | survived | equivalent | timeout / other | score | measured |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    total: Counter[str] = Counter()
    for module in sorted(table):
        c, when = table[module]
        total.update(c)
        judged = c["killed"] + c["survived"]
        score = f"{100 * c['killed'] / judged:.1f}%" if judged else "—"
        lines.append(f"| `{module}` | {c['killed']} | {c['survived']} | {c['equivalent']} | {c['other']} | {score} "
                     f"| {when} |")
    judged = total["killed"] + total["survived"]
    score = f"{100 * total['killed'] / judged:.1f}%" if judged else "—"
    lines.append(f"| **all** | {total['killed']} | {total['survived']} | {total['equivalent']} | {total['other']} | "
                 f"**{score}** | |")
    unchecked = {m: by_module[m]["not checked"] for m in measured if by_module[m]["not checked"] and m not in rechecked}
    if unchecked:
        lines += ["", "Not checked in this run (it was stopped before them; they count in no column): "
                  + ", ".join(f"{n} of `{m}`" for m, n in sorted(unchecked.items())) + "."]
    never = sorted({m for m in not_run if m not in table} | {m for m in _goal_modules() if m not in table})
    if never:
        lines += ["", "Not measured yet (`make mutation` runs them; hours on 2 cores; `MUTANTS=...` a part): "
                  + ", ".join(f"`{m}`" for m in never) + "."]
    survivors = [n for n, s in rows if s == "survived" and n not in equivalent]
    survivors += [n for m, names in sorted(earlier_survivors.items())
                  if m not in measured or m in rechecked for n in names if n not in checked[m]]
    lines += ["", f"## Surviving mutants ({len(survivors)})", "", "`mutmut show NAME` prints each one.", ""]
    lines += [f"- `{n}`" for n in survivors] or ["None."]
    lines += ["", f"## Judged equivalent ({len(equivalent)})", ""]
    lines += [f"- `{n}` — {why}" for n, why in equivalent.items()] or ["None."]
    if out.exists() and "\n## History\n" in (old := out.read_text(encoding="utf-8")):
        lines += ["", "## History" + old.split("\n## History", 1)[1].split("\n## ", 1)[0].rstrip("\n")]
    write_atomic(out, "\n".join(lines) + "\n")
    print("\n".join(lines[:12 + len(table)]))


if __name__ == "__main__":
    main()
