"""Fuzzing Markdown drafts: any text is an amendment or one LawtrackError — and an amendment that reads also
applies (an outcome, never an exception) and writes as a paper; one whose instruction parses writes as Markdown
and reads back.

``make test`` runs a few hundred drafts; ``make test-slow`` (marker ``slow``) runs 20,000.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawtrack
from lawtrack import LawtrackError
from lawtrack.amendments.markdown import read_markdown_amendment, write_markdown_amendment
from lawtrack.amendments.paper import read_paper
from lawtrack.amendments.paper_writer import write_paper
from tests import minibill

_MINI = minibill.bill()

KEYS = ["bill", "stage", "number", "dnum", "house", "proposer", "supporters", "sponsors", "explanatory_statement",
        "star", "paper_date", "bill_version", "bill_number", "notes", "foo", "", "- x", "? y", "a: b"]
VALUES = ["Mini Bill", "96", "NC36", "[1, 2]", "{name: X, id: person-1}", "[{name: A}, B]", "Jess Phillips",
          "2024-02-30", "2024-04-30", "!!timestamp 2024-13-45", "!!float x", "9" * 50, "&a x", "*a", "null", "~",
          "yes", "''", '"\\u0000"', "|\n  block", ">-\n  folded", "[", "{", "- a", "“curly”", "</title>", "#x", "é",
          "\t", " ", "!!binary aGVsbG8=", "!!python/name:os.system", "2024-05-24T10:00:00Z", "0x1F", "1e400"]
INSTRUCTIONS = [
    "Clause 1, page 1, line 2, leave out “may” and insert “must”", "To move the following Clause—",
    "After Clause 1, insert the following new Clause—", "Clause 1(2)(b), after “complain” insert “freely”",
    "Leave out Clause 2", "Clause 1, page 1, line 5, leave out paragraphs (a) to (c)",
    "Clause 1, page 1, line 3, at end insert—", "To move the following Schedule—", "Line 2, at end insert “x”",
    "Schedule 1, page 2, line 6, leave out “Old”", "Title, line 1, leave out “test”", "frobnicate “", "”", "“",
]
BODY = ["#### Heading", "#### ", "## Schedule — Transitional", "## Part 1", "##### 1", "##### ", "- (1) Text.",
        "- (a) text", "- (i) text", "- (1A) inserted", "- “term” means text;", "> quoted", ">   (a) nested",
        "| a | b |", "|---|---|", "[^n]: note", "- ", "-", "* (2) star item", "1. ordered", "```", "<b>html</b>",
        "[link](javascript:alert(1))", "\u200b", "—", "- (99999999999) big", "- (zz) z", "text *emph* `code`"]

line = st.one_of(st.sampled_from(BODY), st.sampled_from(INSTRUCTIONS), st.text(max_size=30))


@st.composite
def drafts(draw: st.DrawFn) -> str:
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append("---")
        for _ in range(draw(st.integers(0, 6))):
            parts.append(f"{draw(st.sampled_from(KEYS))}: {draw(st.sampled_from(VALUES))}")
        if draw(st.integers(0, 9)):
            parts.append("---")
    parts.append(draw(st.sampled_from(INSTRUCTIONS)) if draw(st.integers(0, 4)) else draw(st.text(max_size=40)))
    for _ in range(draw(st.integers(0, 8))):
        parts += ["", draw(line)] if draw(st.booleans()) else [draw(line)]
    separator = draw(st.sampled_from(["\n", "\r\n", "\n\n"]))
    return separator.join(parts) + draw(st.sampled_from(["", "\n", "\x00", "\ufeff"]))


def check(text: str) -> None:
    try:
        amendment = read_markdown_amendment(text, "fuzz.md")
    except LawtrackError as exc:
        assert exc.source == "fuzz.md" and exc.message
        return
    outcome = lawtrack.apply(_MINI, [amendment]).outcomes[0]
    assert outcome.status in ("applied", "not-found", "ambiguous", "unparsed", "skipped", "wrong-print"), outcome
    paper = read_paper(write_paper([amendment], bill_title=amendment.bill_title or "Mini Bill"))
    assert paper.amendments[0].instruction.replace("\ufffc", "").split() == \
        amendment.instruction.replace("\ufffc", "").split()
    if amendment.type is None:
        return  # an instruction lawtrack could not read: nothing it would write back as a draft
    again = read_markdown_amendment(write_markdown_amendment(amendment), "again.md")
    assert again.number == amendment.number and again.proposer == amendment.proposer
    assert again.supporters == amendment.supporters


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_drafts_never_crash(text: str) -> None:
    check(text)


@pytest.mark.slow
@settings(max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(drafts(), st.text(max_size=400)))
def test_drafts_never_crash_slow(text: str) -> None:
    check(text)
