"""Hypothesis: House-style amendments generated from real lines of DPDI Bill 314 parse and apply exactly."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Parsed
from lawtrack.amendments.synth import Pool, candidate_pool, expected_text, generate
from tests.conftest import bill_path

_CACHE: list[tuple[lawtrack.Bill, Pool]] = []


def dpdi_and_pool() -> tuple[lawtrack.Bill, Pool]:
    if not _CACHE:
        bill = lawtrack.load_bill(bill_path("dpdi314"))
        _CACHE.append((bill, candidate_pool(bill)))
    return _CACHE[0]


def _norm(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 6))
def test_generated_amendments_round_trip(seed: int, count: int) -> None:
    bill, pool = dpdi_and_pool()
    generated = generate(bill, count, random.Random(seed), per_line=2, pool=pool)
    for g in generated:
        assert isinstance(parse_instruction(g.amendment.instruction), Parsed), g.amendment.instruction
    result = apply(bill, [g.amendment for g in generated])
    assert [o.status for o in result.outcomes] == ["applied"] * len(generated), result.outcomes
    by_clause: dict[str, list] = {}
    for g in generated:
        by_clause.setdefault(g.expected.clause, []).append(g.expected)
    for label, edits in by_clause.items():
        before = bill.provision(f"clause {label}").text
        after = result.bill.provision(f"clause {label}").text
        assert _norm(after) == expected_text(before, edits)


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
