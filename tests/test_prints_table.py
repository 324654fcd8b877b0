"""Whether an amendment was tabled against the print it is applied to, checked by hand: the exact reason given for
each mismatch, and its mirror (the same fields agreeing, in any case or spacing)."""

from __future__ import annotations

import pytest

import lawtrack
from lawtrack.amendments.model import Amendment
from lawtrack.amendments.prints import other_bill, print_mismatch
from tests import minibill

MINI = minibill.bill()  # LawMaker: "Mini Bill", "As introduced", "Bill 1"
ACT = lawtrack.load_bill("bills/victims-and-prisoners/ukpga-2024-21.md")  # Markdown: no print, no number


def am(**fields: str) -> Amendment:
    return Amendment(number="1", instruction="Clause 1, leave out “x”", **fields)


@pytest.mark.parametrize(("fields", "reason"), [
    ({}, None),
    ({"bill_title": "Mini Bill"}, None),
    ({"bill_title": "  mini   BILL "}, None),  # case and spacing do not count
    ({"bill_title": "Mini Bill [HL]"}, None),  # nor the Lords' mark
    ({"bill_title": "Other Bill"}, "tabled to the Other Bill, not the Mini Bill"),
])
def test_other_bill(fields: dict[str, str], reason: str | None) -> None:
    assert other_bill(MINI, am(**fields)) == reason


def test_a_title_is_not_compared_with_a_bill_read_from_markdown() -> None:
    # an Act or bill read from Markdown has no LawMaker title to compare: the amendment may say anything
    assert other_bill(ACT, am(bill_title="Victims and Prisoners Bill")) is None


@pytest.mark.parametrize(("fields", "reason"), [
    ({"bill_version": "As introduced", "bill_number": "Bill 1"}, None),
    ({"bill_version": "as  INTRODUCED", "bill_number": "bill 1"}, None),
    ({"bill_version": "As amended in Committee"},
     "tabled against the print “As amended in Committee”, but this bill is “As introduced” (Bill 1): its pages and "
     "lines differ"),
    ({"bill_version": "As amended in Committee", "bill_number": "Bill 77"},
     "tabled against the print “As amended in Committee” (Bill 77), but this bill is “As introduced” (Bill 1): its "
     "pages and lines differ"),
    ({"bill_number": "Bill 77"}, "tabled against Bill 77, but this bill is Bill 1"),
    ({"bill_title": "Other Bill", "bill_version": "As introduced"}, "tabled to the Other Bill, not the Mini Bill"),
])
def test_print_mismatch(fields: dict[str, str], reason: str | None) -> None:
    assert print_mismatch(MINI, am(**fields)) == reason


def test_the_same_bill_under_another_title() -> None:
    # forced (or renamed): the title is not held against it, the print still is
    assert print_mismatch(MINI, am(bill_title="Other Bill"), same_bill=True) is None
    assert print_mismatch(MINI, am(bill_title="Other Bill", bill_number="Bill 77"), same_bill=True) == (
        "tabled against Bill 77, but this bill is Bill 1")


@pytest.mark.parametrize(("fields", "tabled"), [
    ({"bill_version": "As brought from the Commons", "bill_number": "HL Bill 40"},
     "HL Bill 40 “As brought from the Commons”"),
    ({"bill_version": "As brought from the Commons"}, "“As brought from the Commons”"),
    ({"bill_number": "HL Bill 40"}, "HL Bill 40"),
])
def test_a_print_lawtrack_does_not_have(fields: dict[str, str], tabled: str) -> None:
    assert print_mismatch(ACT, am(**fields)) == (
        f"tabled against {tabled}, which lawtrack does not have as LawMaker XML: it has this bill's text only as "
        "Victims and Prisoners Act 2024 (Markdown, with no printed pages or lines), so the page and line references "
        "cannot be found")
    assert print_mismatch(ACT, am()) is None  # an amendment that names no print
