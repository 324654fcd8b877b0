"""Drafting amendments from an edited version: House-style instructions that parse back and apply."""

from __future__ import annotations

import re

import pytest

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Parsed
from lawtrack.diff.compare import compare
from lawtrack.drafting import draft, draft_with_notes
from tests.conftest import bill_path

_LABEL = re.compile(r"(^|\n|“)(\(\w+\)|\d+[A-Z]*) ")


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def unlabelled(text: str) -> str:
    """Text without provision numbers (an amended bill keeps its numbering, a reprint renumbers), with quote
    styles folded as ``lawtrack diff`` folds them by default (a reprint may change straight quotes to curly)."""
    return " ".join(_LABEL.sub(r"\1", text).translate(_QUOTES).split())


def text_differences(result: lawtrack.Bill, new: lawtrack.Bill) -> list[str]:
    problems = []
    for p in compare(result, new).provisions:
        if p.change in ("added", "removed"):
            problems.append(f"{p.change}: {p.old_ref or p.new_ref}")
        elif p.change == "changed":
            a = result.by_eid(p.old_eid or "")
            b = new.by_eid(p.new_eid or "")
            if a is None or b is None or unlabelled(a.text) != unlabelled(b.text):
                problems.append(f"text differs: {p.new_ref}")
    return problems


@pytest.mark.parametrize("house", ["commons", "lords"])
def test_hl60_to_bill177_round_trips(house: str) -> None:
    old, new = lawtrack.load_bill(bill_path("hl60")), lawtrack.load_bill(bill_path("b177"))
    drafted = draft(old, new, house=house)  # type: ignore[arg-type]
    assert drafted, "Bill 177 differs from HL Bill 60 (the privilege amendment)"
    result = apply(old, drafted)
    assert [o.status for o in result.outcomes] == ["applied"] * len(drafted)
    assert text_differences(result.bill, new) == []


def test_hl54_to_hl60_drafts_parse_back_and_apply() -> None:
    old, new = lawtrack.load_bill(bill_path("hl54")), lawtrack.load_bill(bill_path("hl60"))
    out = draft_with_notes(old, new, house="lords")
    assert len(out.amendments) > 50 and out.notes == []
    for a in out.amendments:
        parsed = parse_instruction(a.instruction, a.inserted)
        assert isinstance(parsed, Parsed) and parsed.lawmaker_type == a.type
    new_clauses = [a for a in out.amendments if a.type == "newClause"]
    assert new_clauses and all(a.instruction.startswith("After Clause ") for a in new_clauses)
    result = apply(old, out.amendments)
    assert [o.status for o in result.outcomes] == ["applied"] * len(out.amendments)
    assert len(result.bill.clauses()) == len(new.clauses())


@pytest.mark.parametrize("house", ["commons", "lords"])
def test_hl54_to_hl60_round_trips(house: str) -> None:
    old, new = lawtrack.load_bill(bill_path("hl54")), lawtrack.load_bill(bill_path("hl60"))
    result = apply(old, draft(old, new, house=house))  # type: ignore[arg-type]
    assert text_differences(result.bill, new) == []


def test_word_level_drafts_in_house_style() -> None:
    old = lawtrack.load_bill(bill_path("hl54"))
    root = old.copy_tree()
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    p = root.xpath("//a:section[@eId='sec_3']//a:subsection[@eId='sec_3__subsec_2']/a:intro/a:p", namespaces=ns)[0]
    p.text = p.text.replace("collection", "gathering of information")
    from lxml import etree

    new = lawtrack.load_bill(etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True))
    drafted = draft(old, new)
    assert [a.instruction for a in drafted] == [
        "Clause 3, page 2, line 20, leave out “collection” and insert “gathering of information”"]
    assert text_differences(apply(old, drafted).bill, new) == []
