"""Leaving out printed lines and whole provisions, with and without words in their place: hand-checked tables
on Clause 2 of HL Bill 54 (in bills/), whose printed lines 11 to 17 are on both page 1 and page 2:

    1-22  (4) The regulator must appoint the following persons to the Panel—
    2-1   (a) persons appearing to the regulator to represent the interests
    2-2   of—
    ...
    2-10  (5) The regulator may appoint such other persons to the Panel as it thinks
    2-11  fit to appoint.
    2-12  (6) The regulator may make payments to persons who are members of
    2-13  the Panel in respect of any expenses they incur in connection with
    2-14  their appointment to the Panel.
    2-15  (7) The regulator must make arrangements requiring any person who is
"""

from __future__ import annotations

import re

import pytest

import lawtrack
from lawtrack.amendments.model import Amendment
from tests.conftest import ROOT

HL54 = ROOT / "bills" / "social-housing-regulation" / "1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"

S5 = "(5) The regulator may appoint such other persons to the Panel as it thinks fit to appoint."
S6 = ("(6) The regulator may make payments to persons who are members of the Panel in respect of any expenses they "
      "incur in connection with their appointment to the Panel.")
S7 = ("(7) The regulator must make arrangements requiring any person who is a member of the Panel to declare any "
      "financial or other personal interest relevant to the regulator’s functions.”")
NEW6 = "(6) The regulator may pay the Panel’s expenses."


@pytest.fixture(scope="module")
def hl54() -> lawtrack.Bill:
    return lawtrack.load_bill(HL54)


D = "(d) the Secretary of State."


def _tail(bill: lawtrack.Bill) -> str:
    """Clause 2 after the last words of its subsection (4)."""
    text = bill.provision("clause 2").text
    return text[text.index(D) + len(D):]


# (instruction, the outcome's detail, Clause 2 from (5) on afterwards)
CASES = [
    ("Clause 2, page 2, leave out lines 12 to 14",  # page 2's lines, not page 1's lines 12 to 14
     "Left out lines 12 to 14: “(6) The regulator may make payments to persons who are members of the Panel in …” "
     "in Clause 2", f"\n{S5}\n{S7}"),
    ("Clause 2, page 2, leave out line 11",
     "Left out line 11: “fit to appoint.” in Clause 2",
     f"\n(5) The regulator may appoint such other persons to the Panel as it thinks\n{S6}\n{S7}"),
    ("Clause 2, page 2, leave out lines 10 and 11",
     "Left out lines 10 and 11: “(5) The regulator may appoint such other persons to the Panel as it thinks fit …” "
     "in Clause 2", f"\n{S6}\n{S7}"),
    (f"Clause 2, page 2, leave out lines 12 to 14 and insert “{NEW6}”",  # whole provisions: the words stay
     "Left out lines 12 to 14: “(6) The regulator may make payments to persons who are members of the Panel in …” "
     f"and inserted “{NEW6}” in Clause 2", f"\n{S5} {NEW6}\n{S7}"),
    (f"Clause 2, page 2, leave out subsection (6) and insert “{NEW6}”",
     f"Left out subsection (6) and inserted “{NEW6}” in Clause 2", f"\n{S5} {NEW6}\n{S7}"),
    ("Clause 2, page 2, leave out subsection (5) and insert “(5) The regulator may appoint others.”",  # after (4)'s
     "Left out subsection (5) and inserted “(5) The regulator may appoint others.” in Clause 2",  # last words
     f" (5) The regulator may appoint others.\n{S6}\n{S7}"),
    ("Clause 2, page 2, leave out subsections (6) and (7)",
     "Left out subsections (6) and (7) in Clause 2", f"\n{S5}”"),
    ("Clause 2, page 2, leave out subsections (5) to (7)",
     "Left out subsections (5), (6) and (7) in Clause 2", "”"),  # the closing quotation mark stays
    ("Clause 2, page 2, leave out subsection (6)", "Left out subsection (6) in Clause 2", f"\n{S5}\n{S7}"),
]


@pytest.mark.parametrize(("instruction", "detail", "after"), CASES)
def test_lines_and_provisions_left_out(hl54: lawtrack.Bill, instruction: str, detail: str, after: str) -> None:
    result = lawtrack.apply(hl54, [Amendment(number="1", instruction=instruction)])
    assert [(o.status, o.detail) for o in result.outcomes] == [("applied", detail)]
    assert _tail(result.bill) == after
    before, text = hl54.provision("clause 2").text, result.bill.provision("clause 2").text
    kept = before.index(D) + len(D)
    assert text[:kept] == before[:kept]  # the rest is as it was


def test_lines_running_onto_the_next_page(hl54: lawtrack.Bill) -> None:
    result = lawtrack.apply(hl54, [Amendment(number="1", instruction="Clause 2, page 1, leave out lines 22 to 2")])
    (outcome,) = result.outcomes
    assert (outcome.status, outcome.detail) == (
        "applied", "Left out lines 22 to 2: “(4) The regulator must appoint the following persons to the Panel— "
                   "(a) persons …” in Clause 2")
    text = result.bill.provision("clause 2").text
    assert "(4) The regulator must appoint" not in text and "persons appearing to the regulator" not in text
    # page 2 from line 3 on is kept: the sub-paragraphs, now under no words, follow subsection (3)
    assert re.search(r"the provision of social housing\.\s\(i\) registered providers;\n\(ii\) secured", text)


def test_subsection_substituted_by_words_keeps_them_in_the_amended_model_and_its_xml(hl54: lawtrack.Bill) -> None:
    result = lawtrack.apply(hl54, [Amendment(number="1", instruction=f"Clause 2, page 2, leave out subsection (6) "
                                                                     f"and insert “{NEW6}”")])
    assert NEW6 in result.bill.provision("clause 2").text
    assert lawtrack.load_bill(result.bill.to_xml()).provision("clause 2").text == result.bill.provision(
        "clause 2").text  # the same text when the amended XML is read again
