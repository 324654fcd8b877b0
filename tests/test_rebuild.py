"""apply() re-reads only the provisions an amendment changed and puts the rest of the model together from the
parts it already had. The model must be exactly what a read of the whole amended document gives — checked here
for every printed line of the two hand-written bills, left out whole (the edge where a line's anchor is left with
no words after it, or a number with no words after it), and for every single word."""

from __future__ import annotations

import random

import pytest

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.model import Amendment
from lawtrack.amendments.synth import candidate_pool, generate
from lawtrack.formats.lawmaker import bill_from_tree
from lawtrack.model.provision import Kind
from tests import groupbill, minibill
from tests.conftest import shared_file


def _cases(bill: lawtrack.Bill, form: str) -> list[str]:
    """One amendment per printed line ("line": its words left out; "lines": the line left out by number) or
    per word ("word": left out; "replace": another word put in its place)."""
    out = []
    # a number ("(1)", "SCHEDULE 1") is not words of the text: quoted alone, it is not found
    numbers = {t for p in bill.walk() if p.num for t in [p.num, *p.num.split()]}
    for top in [*bill.clauses(), *bill.schedules()]:
        where = f"Clause {top.label}" if top.kind is Kind.CLAUSE else f"Schedule {top.label}"
        for span in top.lines:
            if form == "lines":
                out.append(f"{where}, page {span.page}, leave out line {span.line}")
                continue
            printed = top.text[span.start:span.end]
            pieces = [printed] if form == "line" else printed.split()
            for words in pieces:
                if (words and words not in numbers and top.text.count(words) == 1 and "“" not in words
                        and "”" not in words):
                    out.append(f"{where}, page {span.page}, line {span.line}, leave out “{words}”"
                               + (" and insert “altered”" if form == "replace" else ""))
    if form in ("word", "replace"):  # the words of Part, Chapter and cross-headings, by page and line alone
        for p in bill.walk():
            if p.kind in (Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING):
                span = p.lines[0]
                for words in p.text[span.start:min(span.end, p.own_end)].split():
                    if words not in numbers and p.text[:p.own_end].count(words) == 1:
                        out.append(f"Page {span.page}, line {span.line}, leave out “{words}”"
                                   + (" and insert “altered”" if form == "replace" else ""))
    return out


@pytest.mark.parametrize("form", ["line", "lines", "word", "replace"])
@pytest.mark.parametrize("make", [minibill.bill, groupbill.bill], ids=["mini", "grouped"])
def test_every_line_and_every_word(make: object, form: str) -> None:
    bill = make()  # type: ignore[operator]
    cases = _cases(bill, form)
    assert len(cases) >= (50 if form in ("word", "replace") else 10)
    for instruction in cases:
        result = apply(bill, [Amendment(number="1", instruction=instruction)])
        assert result.outcomes[0].status == "applied", result.outcomes
        full = bill_from_tree(result.bill.tree(), "full")
        assert full.provisions == result.bill.provisions, instruction


def test_a_thousand_amendments_to_bill_314() -> None:
    """The draw that found a line anchor left with no words after it (seed 35)."""
    bill = lawtrack.load_bill(shared_file(
        "lawmaker/data-protection-digital-information-bill/commons_as-amended-in-committee_Bill-314.xml"))
    generated = generate(bill, 1000, random.Random(35), per_line=3, pool=candidate_pool(bill))
    result = apply(bill, [g.amendment for g in generated])
    assert sum(o.status == "applied" for o in result.outcomes) == 1000
    assert bill_from_tree(result.bill.tree(), "full").provisions == result.bill.provisions
