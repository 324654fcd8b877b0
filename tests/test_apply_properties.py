"""Hypothesis: House-style amendments generated from real lines of DPDI Bill 314 parse and apply exactly."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Parsed
from lawtrack.amendments.synth import Expected, Pool, candidate_pool, generate
from tests.conftest import bill_path

_CACHE: list[tuple[lawtrack.Bill, Pool]] = []


def dpdi_and_pool() -> tuple[lawtrack.Bill, Pool]:
    if not _CACHE:
        bill = lawtrack.load_bill(bill_path("dpdi314"))
        _CACHE.append((bill, candidate_pool(bill)))
    return _CACHE[0]


_PUNCT = re.compile(r"\s+([,.;:)”’—])")


def _norm(text: str) -> str:
    """Whitespace collapsed, and no space before closing punctuation — written here, independently of apply's
    own space rule, so that the comparison is about the words (the space rule has hand-checked cases in
    tests/test_operations.py)."""
    return _PUNCT.sub(r"\1", " ".join(text.split()))


def _once_on_line(word: str, line: str) -> bool:
    """The word occurs exactly once on the printed line, as a whole word (by a regular expression, not by the
    library's own finder)."""
    return len(re.findall(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", line)) == 1


def _expected(before: str, edits: list[Expected]) -> str:
    """The clause text after the edits, made by plain slicing from the back."""
    text = before
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        words = {"after": " " + e.words, "before": e.words + " "}.get(e.kind, e.words)
        text = text[: e.start] + words + text[e.end :]
    return _norm(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 6))
@example(seed=0, count=6)
@example(seed=20261202, count=1)
def test_generated_amendments_round_trip(seed: int, count: int) -> None:
    bill, pool = dpdi_and_pool()
    generated = generate(bill, count, random.Random(seed), per_line=2, pool=pool)
    for g in generated:
        assert isinstance(parse_instruction(g.amendment.instruction), Parsed), g.amendment.instruction
        clause = bill.provision(f"clause {g.expected.clause}")
        page, line = (int(x) for x in re.findall(r"page (\d+), line (\d+)", g.amendment.instruction)[0])
        word = re.findall(r"“([^”]+)”", g.amendment.instruction)[0]
        printed = " ".join(clause.text[s.start:s.end] for s in clause.lines if (s.page, s.line) == (page, line))
        assume(_once_on_line(word, printed))
    result = apply(bill, [g.amendment for g in generated])
    assert [o.status for o in result.outcomes] == ["applied"] * len(generated), result.outcomes
    by_clause: dict[str, list[Expected]] = {}
    for g in generated:
        by_clause.setdefault(g.expected.clause, []).append(g.expected)
    for label, edits in by_clause.items():
        before = bill.provision(f"clause {label}").text
        after = result.bill.provision(f"clause {label}").text
        assert _norm(after) == _expected(before, edits)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 30))
def test_incremental_rebuild_equals_a_full_read(seed: int, count: int) -> None:
    """apply() re-reads only what changed; the model must equal a read of the whole amended document."""
    from lawtrack.formats.lawmaker import bill_from_tree

    bill, pool = dpdi_and_pool()
    generated = generate(bill, count, random.Random(seed), per_line=3, pool=pool)
    result = apply(bill, [g.amendment for g in generated])
    full = bill_from_tree(result.bill.tree(), "full")
    assert full.provisions == result.bill.provisions
