"""Hypothesis: random edits of real prints round-trip exactly through draft → parse → apply.

The edits (``tests/bill_edits.py``) are the ones successive prints make: words in clauses, in quoted law text, in
headings, cross-headings, definitions, Schedule paragraphs and the long title; repeated words; sub-provisions,
clauses and Schedule paragraphs added or left out; new clauses numbered as a clerk numbers them or printed with a
duplicate number. The bills are real: DPDI Bill 314 (large, quoted structures, Schedules in Parts), the Scottish
Bankruptcy and Diligence Bill, HL Bill 54 — each also with its page/line markers stripped, as some LawMaker output
comes. Judged by :func:`lawtrack.diff.exact.exact_diff`: nothing differs but what a reprint renumbers.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Parsed
from lawtrack.drafting import draft_with_notes
from tests import bill_edits
from tests.conftest import bill_path
from tests.test_draft import text_differences

_CACHE: dict[tuple[str, bool], tuple[etree._Element, lawtrack.Bill]] = {}
KINDS = sorted(bill_edits.EDITS)


def print_of(key: str, lines: bool) -> lawtrack.Bill:
    if (key, lines) not in _CACHE:
        root = etree.fromstring(bill_path(key).read_bytes(), etree.XMLParser(resolve_entities=False,
                                                                            no_network=True))
        if not lines:
            bill_edits.strip_lines(root)
        _CACHE[(key, lines)] = (root, lawtrack.load_bill(bill_edits.to_bytes(root)))
    return _CACHE[(key, lines)][1]


def round_trip(old: lawtrack.Bill, seed: int, kinds: list[str], house: str) -> None:
    rng = random.Random(seed)
    root = old.copy_tree()
    done = [what for kind in kinds if (what := bill_edits.EDITS[kind](root, rng))]
    new = lawtrack.load_bill(bill_edits.to_bytes(root))
    out = draft_with_notes(old, new, house=house)  # type: ignore[arg-type]
    assert not [n for n in out.notes if n.startswith("not emitted")], (done, out.notes)
    for a in out.amendments:
        parsed = parse_instruction(a.instruction, a.inserted)
        assert isinstance(parsed, Parsed) and parsed.lawmaker_type == a.type, a.instruction
    result = apply(old, out.amendments)
    assert [o.status for o in result.outcomes] == ["applied"] * len(out.amendments), [
        (o.number, o.status, o.detail) for o in result.outcomes if o.status != "applied"]
    assert text_differences(result.bill, new) == [], (done, [a.instruction for a in out.amendments])


@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bill=st.sampled_from(["dpdi314", "scot", "hl54"]), lines=st.booleans(),
       seed=st.integers(0, 2**32 - 1), kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=5),
       house=st.sampled_from(["commons", "lords"]))
def test_random_edits_round_trip(bill: str, lines: bool, seed: int, kinds: list[str], house: str) -> None:
    round_trip(print_of(bill, lines), seed, kinds, house)
