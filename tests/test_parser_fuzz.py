"""Fuzzing the instruction parser: any text gives Parsed or Unparsed, never an exception.

``make test`` runs a few hundred examples; ``make test-slow`` (marker ``slow``) runs over 100,000.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.load import load_paper
from lawtrack.amendments.model import OBJECT, Parsed, Unparsed
from tests.conftest import LAWMAKER, shared_file


@functools.cache
def real_instructions() -> list[str]:
    shared_file("lawmaker")
    return [a.instruction for p in sorted(LAWMAKER.glob("*/*_rm_*.xml")) for a in load_paper(p).amendments]


ALPHABET = st.sampled_from(list("Clause page line leave out insert from to end of at after before “”\"‘’,.;—–-()0123"
                                "456789 abcdxyzSchedule" + OBJECT + "\n\t\u00a0\x00é😀"))
random_text = st.lists(ALPHABET, max_size=120).map("".join)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(real_instructions()))
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        i = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "swap", "truncate"]))
        if action == "delete":
            j = draw(st.integers(i, min(len(text), i + 12)))
            text = text[:i] + text[j:]
        elif action == "insert":
            text = text[:i] + draw(random_text) + text[i:]
        elif action == "swap":
            text = text[:i] + draw(st.sampled_from(["“", "”", OBJECT, "(", ")", ",", "line", "and"])) + text[i:]
        else:
            text = text[:i]
    return text


def check(text: str) -> None:
    result = parse_instruction(text)
    assert isinstance(result, (Parsed, Unparsed))
    if isinstance(result, Unparsed):
        assert 0 <= result.position <= len(text)
        assert result.reason


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(random_text, mutated()))
def test_parser_never_raises(text: str) -> None:
    check(text)


@pytest.mark.slow
@settings(max_examples=110_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.one_of(random_text, mutated(), st.text(max_size=200)))
def test_parser_never_raises_slow(text: str) -> None:
    check(text)
