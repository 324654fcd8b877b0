"""Generate House-style word amendments from a bill's real printed lines (for property tests and benchmarks).

Pure and deterministic for a given ``random.Random``: pick a clause, a printed line, a word that occurs once on
that line, and write an instruction a clerk would accept. Each generated amendment comes with the edit it
should make, in the clause's original text coordinates, so tests can compute the expected result.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from lawtrack.amendments.locate import find_words, fold
from lawtrack.amendments.model import Amendment
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Provision

_WORD = re.compile(r"[A-Za-z][a-z]{2,}")
FILLERS = ("relevant", "appropriate", "reasonable", "specified", "prescribed", "written", "further", "public")


@dataclass(frozen=True)
class Expected:
    clause: str
    start: int  # in the clause's original text
    end: int
    words: str  # what replaces text[start:end]
    kind: str = "replace"  # "replace", or "after"/"before" for inserted words (a space separates them)


@dataclass(frozen=True)
class Generated:
    amendment: Amendment
    expected: Expected


def candidates(clause: Provision) -> list[tuple[int, int, int, int, str]]:
    """(page, line, start, end, word) for words that occur exactly once on their printed line (never a
    provision's own number or label, which House style does not quote)."""
    out = []
    folded = fold(clause.text)
    printed: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for span in clause.lines:  # one printed line can be several spans (table columns)
        printed.setdefault((span.page, span.line), []).append((span.start, span.end))
    for (page, line), spans in printed.items():
        for lo, hi in spans:
            for m in _WORD.finditer(clause.text, lo, hi):
                word = m.group(0)
                hits = [h for a, b in spans for h in find_words(clause.text, word, a, b, folded)]
                labelled = clause.text[m.start() - 1 : m.start()] == "(" and clause.text[m.end() : m.end() + 1] == ")"
                if labelled or m.start() == 0:  # a provision's own number ("(iii)", "12") is never quoted
                    continue
                if len(hits) == 1:
                    out.append((page, line, hits[0][0], hits[0][1], word))
    return list(dict.fromkeys(out))  # a line printed in several spans yields each word once


Pool = list[tuple[Provision, tuple[int, int, int, int, str]]]


def candidate_pool(bill: Bill) -> Pool:
    """Every (clause, candidate word) of the bill; compute once and pass to :func:`generate` repeatedly."""
    return [(clause, cand) for clause in bill.clauses() if clause.lines for cand in candidates(clause)]


def generate(bill: Bill, count: int, rng: random.Random, *, per_line: int = 1, pool: Pool | None = None
             ) -> list[Generated]:
    """``count`` amendments on distinct printed lines (at most ``per_line`` per line), in bill order."""
    pool = list(pool if pool is not None else candidate_pool(bill))
    rng.shuffle(pool)
    used: dict[tuple[str, int, int], int] = {}
    chosen: list[tuple[Provision, tuple[int, int, int, int, str]]] = []
    for clause, cand in pool:
        key = (clause.label or "", cand[0], cand[1])
        if used.get(key, 0) >= per_line:
            continue
        used[key] = used.get(key, 0) + 1
        chosen.append((clause, cand))
        if len(chosen) == count:
            break
    order = {c.label: i for i, c in enumerate(bill.clauses())}
    chosen.sort(key=lambda item: (order[item[0].label], item[1][2]))
    out = []
    for n, (clause, (page, line, start, end, word)) in enumerate(chosen, start=1):
        form = rng.randrange(5)
        new = rng.choice(FILLERS)
        where = f"Clause {clause.label}, page {page}, line {line}, "
        if form == 0:
            text, exp = f"leave out “{word}”", Expected(clause.label or "", start, end, "")
        elif form == 1:
            text, exp = f"leave out “{word}” and insert “{new}”", Expected(clause.label or "", start, end, new)
        elif form == 2:
            text, exp = f"after “{word}” insert “{new}”", Expected(clause.label or "", end, end, new, "after")
        elif form == 3:
            text, exp = f"before “{word}” insert “{new}”", Expected(clause.label or "", start, start, new, "before")
        else:
            text, exp = (f"leave out “{word}” and insert “{word.upper()}”",
                         Expected(clause.label or "", start, end, word.upper()))
        out.append(Generated(Amendment(number=str(n), instruction=where + text), exp))
    return out
