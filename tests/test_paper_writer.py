"""Writing amendments as a LawMaker paper, checked by hand: the markup LawMaker would give each instruction
(type, target provision, target page) and every field read back."""

from __future__ import annotations

import pytest
from lxml import etree

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.markdown import read_markdown_amendment
from lawtrack.amendments.model import Amendment, Parsed, Person
from lawtrack.amendments.paper import read_paper
from lawtrack.amendments.paper_writer import write_paper

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
UKL = "{https://www.legislation.gov.uk/namespaces/UK-AKN}"


@pytest.mark.parametrize(("instruction", "provision", "page"), [
    ("Clause 2, page 3, line 15, leave out “x”", "sec_2", "p_3__ln_15"),
    ("Clause 12A, page 3, line 15, at end insert “x”", "sec_12A", "p_3__ln_15"),
    ("Schedule 1, page 20, line 6, leave out “x” and insert “y”", "sched_1", "p_20__ln_6"),
    ("Clause 2, page 3, leave out lines 5 to 7", "sec_2", "p_3__ln_5"),
    ("Clause 2, line 4, leave out “x”", "sec_2", "ln_4"),
    ("Clause 2, leave out “x”", "sec_2", ""),
    ("Leave out Clause 3", "sec_3", ""),
    ("Leave out Schedule 1", "sched_1", ""),
    ("Page 5, line 1, leave out “Part”", "", "p_5__ln_1"),
])
def test_the_markup_of_each_instruction(instruction: str, provision: str, page: str) -> None:
    parsed = parse_instruction(instruction)
    assert isinstance(parsed, Parsed)
    root = etree.fromstring(write_paper([Amendment(number="1", instruction=instruction)], bill_title="B"))
    body = root.find(f".//{AKN}amendmentBody")
    assert body is not None
    assert (body.get(f"{UKL}type"), body.get(f"{UKL}targetProvision"), body.get(f"{UKL}targetPage")) == (
        parsed.lawmaker_type, provision, page)


def test_an_unparsed_instruction_keeps_the_markup_it_came_with() -> None:
    a = Amendment(number="1", instruction="Clause 2, do something else", type="editorial", target_provision="sec_2",
                  target_page="p_1__ln_1")
    body = etree.fromstring(write_paper([a], bill_title="B")).find(f".//{AKN}amendmentBody")
    assert body is not None
    assert (body.get(f"{UKL}type"), body.get(f"{UKL}targetProvision"), body.get(f"{UKL}targetPage")) == (
        "editorial", "sec_2", "p_1__ln_1")


def test_every_field_is_read_back() -> None:
    drafted = read_markdown_amendment(
        "---\nnumber: NC36\ndnum: HoC1\nstar: ★\nproposer: {name: Sarah Champion, id: person-4267}\n"
        "supporters: [{name: Jess Phillips, id: person-4036}, Wera Hobhouse]\n"
        "explanatory_statement: This new clause would protect victims’ data.\n---\n"
        "To move the following Clause—\n\n#### Victims’ data\n\n- (1) A person must not share data.\n", "nc36.md")
    unnumbered = Amendment(number="", instruction="Clause 1, page 1, line 2, leave out “may”")
    paper = read_paper(write_paper([drafted, unnumbered], bill_title="Victims and Prisoners Bill", stage="Report stage",
                                   bill_version="As amended in Committee", bill_number="Bill 155",
                                   house="House of Commons", date="2024-04-16", title="victims_rm_rep_0416"))
    assert (paper.bill_title, paper.stage, paper.bill_version, paper.bill_number, paper.house, paper.date,
            paper.title) == ("Victims and Prisoners Bill", "Report stage", "As amended in Committee", "Bill 155",
                             "House of Commons", "2024-04-16", "victims_rm_rep_0416")
    a, b = paper.amendments
    assert (a.number, a.dnum, a.star, a.type, a.heading) == ("NC36", "HoC1", "★", "newClause", "Victims’ data")
    assert a.proposer == Person(name="Sarah Champion", id="person-4267")
    assert a.supporters == (Person(name="Jess Phillips", id="person-4036"), Person(name="Wera Hobhouse"))
    assert a.explanatory_statement == "This new clause would protect victims’ data."  # not its heading
    assert a.instruction == drafted.instruction
    assert [[p.text for p in s] for s in a.inserted] == [[p.text for p in s] for s in drafted.inserted]
    assert (b.number, b.dnum, b.star, b.proposer, b.supporters, b.explanatory_statement) == ("", None, None, None, (),
                                                                                             None)
    assert b.instruction == "Clause 1, page 1, line 2, leave out “may”"
    root = etree.fromstring(write_paper([drafted, unnumbered], bill_title="B"))
    assert [x.get("eId") for x in root.iter(f"{AKN}amendmentBody")] == ["amnd_NC36", "amnd_draft2"]


def test_an_empty_paper() -> None:
    paper = read_paper(write_paper([], bill_title="Victims and Prisoners Bill"))
    assert paper.amendments == () and paper.bill_title == "Victims and Prisoners Bill"
    assert (paper.stage, paper.house, paper.date, paper.bill_number) == (None, None, None, None)


def test_the_same_amendments_give_the_same_bytes() -> None:
    a = Amendment(number="3", instruction="Clause 1, page 1, line 2, leave out “may”")
    assert write_paper([a], bill_title="B") == write_paper([a], bill_title="B")
    assert write_paper([a], bill_title="B").startswith(b"<?xml")
