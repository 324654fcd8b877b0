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


@st.composite
def section(draw: st.DrawFn, number: int) -> tuple[str, int]:
    lines = [f"#### {draw(sentence)}", f"##### {number}"]
    subsections = draw(st.integers(0, 3))
    if subsections == 0:
        lines.append(draw(sentence))
    for s in range(1, subsections + 1):
        lines.append(f"- ({s}) {draw(sentence)}")
        for a in range(draw(st.integers(0, 3))):
            lines.append(f"- ({_alpha(a)}) {draw(sentence)}")
            for r in range(draw(st.integers(0, 2))):
                lines.append(f"- ({_roman(r)}) {draw(sentence)}")
        if draw(st.booleans()):
            lines.append("> (" + str(s) + "A) " + draw(sentence))
            lines.append(">   (a) " + draw(sentence))
    return "\n\n".join(lines), subsections


@st.composite
def bill_markdown(draw: st.DrawFn) -> tuple[str, int]:
    count = draw(st.integers(1, 4))
    parts = ["---", 'title: "Generated Bill"', "---", "# Generated Bill", "## Part 1 — " + draw(sentence)]
    for n in range(1, count + 1):
        text, _ = draw(section(n))
        parts.append(text)
    return "\n\n".join(parts) + "\n", count


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bill_markdown())
def test_generated_markdown_round_trips(case: tuple[str, int]) -> None:
    text, count = case
    bill = lawtrack.load_bill(text.encode())
    assert len(bill.clauses()) == count
    again = lawtrack.load_bill(bill.to_markdown().encode())
    assert again == bill
    for clause in again.clauses():
        for sub in clause.children:
            if sub.kind is Kind.SUBSECTION:
                assert all(c.kind in (Kind.PARAGRAPH, Kind.LEVEL) for c in sub.children)
