"""apply(): resolution against the original print, every operation, outcomes, conflicts, purity."""

from __future__ import annotations

import pytest

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.markdown import read_markdown_amendment
from lawtrack.amendments.model import Amendment
from lawtrack.amendments.paper import read_paper
from lawtrack.amendments.paper_writer import write_paper
from tests.conftest import shared_file


def am(number: str, instruction: str) -> Amendment:
    return Amendment(number=number, instruction=instruction)


def md(number: str, body: str) -> Amendment:
    return read_markdown_amendment(f"---\nnumber: \"{number}\"\n---\n{body}\n", f"<{number}>")


def test_word_edits_on_real_print_lines(hl54: lawtrack.Bill) -> None:
    before = hl54.to_xml()
    result = apply(hl54, [
        am("1", "Clause 3, page 2, line 20, leave out “collection” and insert “gathering”"),
        am("2", "Clause 3, page 2, line 22, after “regulator,” insert “or any other person”"),
        am("3", "Clause 3, page 2, line 22, leave out “or a person”"),
        am("4", "Clause 3, page 2, line 23, at end insert “, promptly”"),
    ])
    assert [o.status for o in result.outcomes] == ["applied"] * 4
    text = result.bill.provision("clause 3(2)").text
    assert text.startswith("(2) In section 107 (gathering)—")
    # amendment 3 still found "or a person" on the original line 22 although amendment 2 came first
    assert "“(1) The regulator, or any other person authorised under subsection (4A), may for a purpose " \
           "connected with the regulator’s functions, promptly require" in text
    assert hl54.to_xml() == before, "apply() never changes its input"
    assert hl54.provision("clause 3(2)").text.startswith("(2) In section 107 (collection)—")


def test_ranges_lines_and_provisions(hl54: lawtrack.Bill) -> None:
    c3 = hl54.provision("clause 3")
    assert c3.line_text(2, 24) == "require a person to provide documents or information which"
    result = apply(hl54, [
        am("10", "Clause 3, page 2, line 24, leave out from “require” to end of line 25 and insert “demand it”"),
        am("11", "Clause 3, page 2, line 27, leave out paragraph (b)"),
    ])
    assert [o.status for o in result.outcomes] == ["applied", "applied"]
    new = result.bill.provision("clause 3")
    assert "functions require demand it reason to believe" in new.text  # “require” kept, the rest left out
    sub2 = result.bill.provision("clause 3(2)")
    assert [c.label for c in sub2.children][:3] == ["a", "c", "d"]


def test_leave_out_lines_removes_whole_provisions(hl54: lawtrack.Bill) -> None:
    sub = hl54.provision("clause 3(2)(b)")
    assert sub.first_line == sub.last_line == (2, 27)
    result = apply(hl54, [am("5", "Clause 3, page 2, leave out line 27")])
    assert result.outcomes[0].status == "applied"
    assert result.bill.find("clause 3(2)(b)") is None


def test_not_found_and_ambiguous_say_what_is_there(hl54: lawtrack.Bill) -> None:
    result = apply(hl54, [
        am("6", "Clause 3, page 2, line 21, leave out “the”"),
        am("7", "Clause 3, page 2, line 25, leave out “the”"),
        am("8", "Clause 3, page 9, line 1, leave out “the”"),
        am("9", "Clause 300, page 2, line 25, leave out “or”"),
    ])
    o6, o7, o8, o9 = result.outcomes
    assert o6.status == "not-found" and "“the” is not there; the text reads: “(a) for subsection (1)" in o6.detail
    assert o7.status == "ambiguous" and "appears 2 times" in o7.detail
    assert o8.status == "not-found" and "no words on page 9, line 1" in o8.detail
    assert o9.status == "not-found" and "no Clause 300" in o9.detail
    assert not result.all_applied


def test_each_place_and_occurrence(hl54: lawtrack.Bill) -> None:
    result = apply(hl54, [am("1", "Clause 3, page 2, line 25, leave out “or” in each place and insert “and”")])
    assert result.outcomes[0].status == "applied"
    assert "the regulator and person authorised (as the case may be) has" in result.bill.provision("clause 3").text
    result = apply(hl54, [am("1", "Clause 3, page 2, line 25, leave out “the” where it first occurs")])
    assert result.outcomes[0].status == "applied"
    assert "which regulator or person authorised (as the case may be)" in result.bill.provision("clause 3").text


def test_inserted_structure_is_placed_after_the_provision_on_the_line(hl54: lawtrack.Bill) -> None:
    a = md("20", "Clause 1, page 1, line 6, at end insert—\n\n- (ba) in paragraph (d), omit “and”;")
    result = apply(hl54, [a])
    assert result.outcomes[0].status == "applied", result.outcomes[0].detail
    clause = result.bill.provision("clause 1")
    assert [c.label for c in clause.children] == ["a", "b", "ba", "c"]
    new = result.bill.provision("clause 1(ba)")
    assert new.guid and new.guid not in {p.guid for p in hl54.walk()}
    assert new.eid == "sec_1__para_ba"


def test_insertions_at_one_place_keep_marshalled_order(hl54: lawtrack.Bill) -> None:
    first = md("21", "Clause 1, page 1, line 6, at end insert—\n\n- (ba) the first inserted paragraph;")
    second = md("22", "Clause 1, page 1, line 6, at end insert—\n\n- (bb) the second inserted paragraph;")
    result = apply(hl54, [first, second])
    assert [o.status for o in result.outcomes] == ["applied", "applied"]
    assert [c.label for c in result.bill.provision("clause 1").children] == ["a", "b", "ba", "bb", "c"]


def test_new_clauses_are_numbered_in_house_style(hl54: lawtrack.Bill) -> None:
    after = md("30", "After Clause 26, insert the following new Clause—\n\n#### A new duty\n\n- (1) The regulator "
                     "must do things.\n\n- (2) The regulator must report.")
    anywhere = md("NC1", "To move the following Clause—\n\n#### Another duty\n\n- (1) Something else.")
    result = apply(hl54, [after, anywhere])
    o1, o2 = result.outcomes
    assert o1.status == o2.status == "applied"
    assert not o1.placed_by_lawtrack and o2.placed_by_lawtrack
    labels = [c.label for c in result.bill.clauses()]
    assert labels[labels.index("26") + 1] == "26A"
    assert labels[-1] == f"{hl54.clauses()[-1].label}A"
    assert result.bill.provision("clause 26A").heading == "A new duty"
    assert result.bill.provision("clause 26A(2)").text == "(2) The regulator must report."
    assert len(result.bill.clauses()) == len(hl54.clauses()) + 2


def test_leave_out_clause_and_subsection_with_insert(hl54: lawtrack.Bill) -> None:
    c13 = hl54.provision("clause 13")
    assert c13.first_line is not None
    page, line = c13.first_line
    sub = md("41", "Clause 3, page 2, line 19, leave out subsection (1) and insert—\n\n- (1) The 2008 Act is "
                   "amended as set out here.")
    result = apply(hl54, [am("40", f"Page {page}, line {line}, leave out Clause 13"), sub])
    assert [o.status for o in result.outcomes] == ["applied", "applied"]
    assert result.bill.find("clause 13") is None
    assert result.bill.provision("clause 3(1)").text == "(1) The 2008 Act is amended as set out here."


def test_conflicts_in_a_crafted_paper(hl54: lawtrack.Bill) -> None:
    c1 = hl54.provision("clause 1")
    assert c1.line_text(1, 3) == "In section 92K of the Housing and Regeneration Act 2008 (fundamental"
    drafts = [
        am("1", "Clause 1, page 1, line 3, leave out “Housing and Regeneration”"),
        am("2", "Clause 1, page 1, line 3, leave out “Regeneration Act” and insert “Renewal Act”"),  # overlaps 1
        am("3", "Clause 1, page 1, line 3, after “Housing and” insert “Urban”"),  # inside text 1 leaves out
        am("4", "Clause 1, page 1, line 3, after “section 92K” insert “(as amended)”"),  # fine
        am("5", "Page 1, line 2, leave out Clause 1"),  # others amend clause 1
        md("6", "To move the following Clause—\n\n#### Duty to publish\n\n- (1) The regulator must publish."),
        md("7", "To move the following Clause—\n\n#### Duty to publish\n\n- (1) The regulator must print."),
    ]
    paper = read_paper(write_paper(drafts, bill_title="Social Housing (Regulation) Bill [HL]"))
    result = apply(hl54, list(paper.amendments))
    status = {o.number: (o.status, o.conflicts_with) for o in result.outcomes}
    assert status["1"] == ("applied", ())
    assert status["2"] == ("conflict", ("1",))
    assert status["3"] == ("conflict", ("1",))
    assert status["4"] == ("applied", ())
    assert status["5"][0] == "conflict" and set(status["5"][1]) == {"1", "4"}
    assert status["6"] == ("applied", ())
    assert status["7"] == ("conflict", ("6",))


def test_wrong_print_is_detected_from_paper_metadata(hl54: lawtrack.Bill) -> None:
    paper = read_paper(shared_file("lawmaker/victims-and-prisoners-bill/victims_prisoners_rm_rep_0906.xml")
                       .read_bytes())
    result = apply(hl54, list(paper.amendments))
    statuses = {o.number: o for o in result.outcomes}
    assert statuses["1"].status == "wrong-print"
    assert "Victims and Prisoners Bill" in statuses["1"].detail


def test_other_print_of_the_same_bill(hl54: lawtrack.Bill) -> None:
    a = Amendment(number="9", instruction="Clause 3, page 2, line 20, leave out “collection”",
                  bill_title="Social Housing (Regulation) Bill [HL]", bill_version="As amended on Report",
                  bill_number="HL Bill 60")
    o = apply(hl54, [a]).outcomes[0]
    assert o.status == "wrong-print"
    assert "“As amended on Report” (HL Bill 60)" in o.detail and "“As amended in Committee” (HL Bill 54)" in o.detail


def test_unparsed_is_an_outcome(hl54: lawtrack.Bill) -> None:
    o = apply(hl54, [am("99", "Clause 3, page 2, line 20, remove “collection”")]).outcomes[0]
    assert o.status == "unparsed" and "character" in o.detail


@pytest.mark.parametrize("paper", ["datapro_rm_rep_0721.xml", "datapro_rm_rep_0825.xml"])
def test_real_report_papers_apply_to_the_print_they_were_tabled_against(dpdi: lawtrack.Bill, paper: str) -> None:
    found = read_paper(shared_file(f"lawmaker/data-protection-digital-information-bill/{paper}").read_bytes())
    result = apply(dpdi, list(found.amendments))
    assert [o.status for o in result.outcomes] == ["applied", "applied"]
    headings = {a.heading for a in found.amendments}
    new = [c for c in result.bill.clauses() if c.heading in headings]
    assert len(new) == 2 and all(c.label and c.label.endswith(("A", "B")) for c in new)
