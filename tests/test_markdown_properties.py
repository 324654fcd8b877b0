"""Hypothesis: generated bills in the Markdown layout read back to an equal model after a write."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawtrack
from lawtrack import Kind

WORD_CHARS = string.ascii_letters + string.digits + "’“”—–£€éŵŷ✓😀" + "*_[]()<>&|\\`#-"
word = st.text(alphabet=WORD_CHARS, min_size=1, max_size=8)
sentence = st.lists(word, min_size=1, max_size=8).map(" ".join)


def _alpha(n: int) -> str:
    return "abcdefghjklmnopqrstuvwyz"[n]  # no roman-looking i, v, x: unambiguous by construction


def _roman(n: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi"][n]


Shape = list[list[int]]  # per subsection: the number of sub-paragraphs under each of its paragraphs


@st.composite
def section(draw: st.DrawFn, number: int) -> tuple[str, Shape]:
    lines = [f"#### {draw(sentence)}", f"##### {number}"]
    subsections = draw(st.integers(0, 3))
    shape: Shape = []
    if subsections == 0:
        lines.append(draw(sentence))
    for s in range(1, subsections + 1):
        lines.append(f"- ({s}) {draw(sentence)}")
        paragraphs: list[int] = []
        for a in range(draw(st.integers(0, 3))):
            lines.append(f"- ({_alpha(a)}) {draw(sentence)}")
            romans = draw(st.integers(0, 2))
            for r in range(romans):
                lines.append(f"- ({_roman(r)}) {draw(sentence)}")
            paragraphs.append(romans)
        shape.append(paragraphs)
        if draw(st.booleans()):
            lines.append("> (" + str(s) + "A) " + draw(sentence))
            lines.append(">   (a) " + draw(sentence))
    return "\n\n".join(lines), shape


@st.composite
def bill_markdown(draw: st.DrawFn) -> tuple[str, list[Shape]]:
    count = draw(st.integers(1, 4))
    parts = ["---", 'title: "Generated Bill"', "---", "# Generated Bill", "## Part 1 — " + draw(sentence)]
    shapes = []
    for n in range(1, count + 1):
        text, shape = draw(section(n))
        parts.append(text)
        shapes.append(shape)
    return "\n\n".join(parts) + "\n", shapes


def shape_of(clause: lawtrack.Provision) -> Shape:
    """The nesting lawtrack rebuilt: for each subsection, the sub-paragraph count of each paragraph."""
    return [[sum(1 for x in para.children if x.kind is Kind.SUBPARAGRAPH)
             for para in sub.children if para.kind is Kind.PARAGRAPH]
            for sub in clause.children if sub.kind is Kind.SUBSECTION]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bill_markdown())
def test_generated_markdown_round_trips(case: tuple[str, list[Shape]]) -> None:
    text, shapes = case
    bill = lawtrack.load_bill(text.encode())
    assert [shape_of(c) for c in bill.clauses()] == shapes, "nesting rebuilt from the flat labels"
    again = lawtrack.load_bill(bill.to_markdown().encode())
    assert again == bill
