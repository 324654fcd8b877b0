"""How an address finds its place, checked by hand against tests/groupbill.py (Parts, Chapters, cross-headings, a
Schedule in Parts) and tests/minibill.py: each row gives the instruction, the outcome and exactly what changes,
with its mirror case (the same words where they are not, or an address that names nothing)."""

from __future__ import annotations

import pytest

import lawtrack
from lawtrack.amendments.model import Amendment
from lawtrack.model.provision import Kind, Provision
from tests import groupbill, minibill

GROUPED = groupbill.bill()
UNLINED = groupbill.bill(lines=False)
MINI = minibill.bill()


def apply_one(bill: lawtrack.Bill, instruction: str) -> tuple[lawtrack.Outcome, lawtrack.Bill]:
    result = lawtrack.apply(bill, [Amendment(number="1", instruction=instruction)])
    return result.outcomes[0], result.bill


def headings(bill: lawtrack.Bill) -> list[tuple[str, str | None]]:
    return [(p.kind.value, p.heading) for p in bill.walk() if p.kind in (
        Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING, Kind.SCHEDULE)]


def changed(before: lawtrack.Bill, after: lawtrack.Bill) -> list[tuple[str, str, str]]:
    """(kind, old text, new text) of each provision whose own words changed."""
    def own(p: Provision) -> str:
        return (p.own_text if p.children else p.text).rstrip("\n")

    return [(a.kind.value, own(a), own(b)) for a, b in zip(before.walk(), after.walk(), strict=True)
            if own(a) != own(b)]


# -- cross-headings ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("instruction", "old", "new"), [
    ("Cross-heading before Clause 1, leave out “of the code” and insert “and revision”",
     "Publication of the code", "Publication and revision"),
    ("Cross-heading before Clause 4, leave out “Release” and insert “Licences”",
     "Release of prisoners", "Licences of prisoners"),
    ("Schedule 1, cross-heading before paragraph 1, leave out “Publication” and insert “Issue”",
     "Publication", "Issue"),
])
def test_a_cross_heading_named_by_the_clause_after_it(instruction: str, old: str, new: str) -> None:
    for bill in (GROUPED, UNLINED):
        outcome, after = apply_one(bill, instruction)
        assert outcome.status == "applied", outcome
        assert changed(bill, after) == [("crossheading", old, new)]


@pytest.mark.parametrize(("instruction", "status", "detail"), [
    # Clause 2 follows Clause 1 under the same cross-heading: none stands immediately before it
    ("Cross-heading before Clause 2, leave out “code”", "not-found",
     "no cross-heading stands immediately before Clause 2"),
    # Clause 3 opens Chapter 2, which has no cross-heading (the one before Clause 1 is not carried over)
    ("Cross-heading before Clause 3, leave out “code”", "not-found",
     "no cross-heading stands immediately before Clause 3"),
    ("Cross-heading before Clause 9, leave out “code”", "not-found", "the bill has no Clause 9"),
    ("Schedule 1, cross-heading before paragraph 2, leave out “Publication”", "not-found",
     "no cross-heading stands immediately before paragraph 2"),
    ("Schedule 1, cross-heading before paragraph 3, leave out “Publication”", "not-found",
     "no cross-heading stands immediately before paragraph 3"),
    ("Schedule 1, cross-heading before paragraph 9, leave out “Publication”", "not-found",
     "the bill has no paragraph 9 in Schedule 1"),
    # the body's cross-headings are not the Schedule's, nor the Schedule's the body's
    ("Schedule 1, cross-heading before paragraph 1, leave out “Release”", "not-found", "“Release”"),
    ("Cross-heading before Clause 1, leave out “Publication” and insert “Issue”", "applied", ""),
    ("Cross-heading before Clause 4, leave out “Publication”", "not-found", "“Publication”"),
])
def test_no_cross_heading_where_the_address_points(instruction: str, status: str, detail: str) -> None:
    outcome, _ = apply_one(GROUPED, instruction)
    assert outcome.status == status, outcome
    assert detail in outcome.detail


# -- Parts and Chapters --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("instruction", "kind", "old", "new"), [
    ("Part 2, leave out “Prisoners” and insert “Offenders”", "part", "PART 2 Prisoners", "PART 2 Offenders"),
    ("Part 1, Chapter 2, leave out “Reports” and insert “Returns”", "chapter", "CHAPTER 2 Reports",
     "CHAPTER 2 Returns"),
    # Chapter 1 of Part 2, not the first Chapter 1 of the bill
    ("Part 2, Chapter 1, leave out “Parole” and insert “Licences”", "chapter", "CHAPTER 1 Parole",
     "CHAPTER 1 Licences"),
    # a Chapter alone: the first of that number
    ("Chapter 1, leave out “The code” and insert “The victims’ code”", "chapter", "CHAPTER 1 The code",
     "CHAPTER 1 The victims’ code"),
    ("Schedule 1, Part 2, leave out “New” and insert “Other”", "part", "PART 2 Amendments of the New Act",
     "PART 2 Amendments of the Other Act"),
])
def test_a_part_or_chapter_named_by_its_number(instruction: str, kind: str, old: str, new: str) -> None:
    for bill in (GROUPED, UNLINED):
        outcome, after = apply_one(bill, instruction)
        assert outcome.status == "applied", outcome
        assert changed(bill, after) == [(kind, old, new)]


@pytest.mark.parametrize(("instruction", "detail"), [
    ("Part 3, leave out “Victims”", "the bill has no Part 3"),
    ("Part 2, Chapter 2, leave out “Reports”", "the bill has no Chapter 2"),  # Chapter 2 is in Part 1
    ("Chapter 5, leave out “Reports”", "the bill has no Chapter 5"),
    ("Schedule 1, Part 3, leave out “Old”", "the bill has no Part 3 of Schedule 1"),
    # a Part's own words are its number and heading, not the clauses under it
    ("Part 2, leave out “prisoner”", "“prisoner”"),
    # the body's Part 1 is not the Schedule's
    ("Part 1, leave out “Old Act”", "“Old Act”"),
])
def test_no_part_or_chapter_of_that_number(instruction: str, detail: str) -> None:
    outcome, _ = apply_one(GROUPED, instruction)
    assert outcome.status == "not-found", outcome
    assert detail in outcome.detail


def test_a_part_heading_on_its_printed_line() -> None:
    outcome, after = apply_one(GROUPED, "Part 2, page 2, line 3, leave out “Prisoners” and insert “Offenders”")
    assert outcome.status == "applied", outcome
    assert changed(GROUPED, after) == [("part", "PART 2 Prisoners", "PART 2 Offenders")]
    # the line is checked: Part 2's heading is not printed on line 4 (its Chapter's is)
    outcome, _ = apply_one(GROUPED, "Part 2, page 2, line 4, leave out “Prisoners”")
    assert outcome.status == "not-found", outcome


def test_a_part_heading_where_the_print_has_no_lines() -> None:
    outcome, after = apply_one(UNLINED, "Part 2, page 2, line 3, leave out “Prisoners” and insert “Offenders”")
    assert outcome.status == "applied", outcome
    assert outcome.detail.endswith("(the print has no line markers, so page 2, line 3 could not be checked)")
    assert changed(UNLINED, after) == [("part", "PART 2 Prisoners", "PART 2 Offenders")]
    outcome, _ = apply_one(UNLINED, "Part 2, leave out “Prisoners” and insert “Offenders”")
    assert "could not be checked" not in outcome.detail


# -- a page and line alone: the heading printed there ---------------------------------------------------------------

@pytest.mark.parametrize(("instruction", "kind", "old", "new"), [
    ("Page 1, line 1, leave out “Victims” and insert “Victims of crime”", "part", "PART 1 Victims",
     "PART 1 Victims of crime"),
    ("Page 1, line 2, leave out “code” and insert “victims’ code”", "chapter", "CHAPTER 1 The code",
     "CHAPTER 1 The victims’ code"),
    ("Page 1, line 3, leave out “Publication” and insert “Issue”", "crossheading", "Publication of the code",
     "Issue of the code"),
    ("Page 2, line 5, leave out “Release” and insert “Licences”", "crossheading", "Release of prisoners",
     "Licences of prisoners"),
    ("Page 3, line 1, leave out “Amendments” and insert “Changes”", "schedule", "SCHEDULE 1 Amendments",
     "SCHEDULE 1 Changes"),
])
def test_a_heading_named_by_its_page_and_line(instruction: str, kind: str, old: str, new: str) -> None:
    outcome, after = apply_one(GROUPED, instruction)
    assert outcome.status == "applied", outcome
    assert changed(GROUPED, after) == [(kind, old, new)]


def test_a_page_and_line_with_no_heading_on_it() -> None:
    # page 1, line 1 holds Part 1's heading only: its words are not looked for in the Chapter below
    outcome, _ = apply_one(GROUPED, "Page 1, line 1, leave out “code”")
    assert outcome.status == "not-found", outcome
    # page 1, line 5 holds no heading: the address names the clause printed there
    outcome, after = apply_one(GROUPED, "Page 1, line 5, leave out “code” and insert “guidance”")
    assert (outcome.status, outcome.detail) == (
        "applied", "Left out “code” and inserted “guidance” in Clause 1 (page 1, line 5)")
    assert changed(GROUPED, after) == [("subsection", "(2) The code must—", "(2) The guidance must—")]


# -- the long title -------------------------------------------------------------------------------------------------

def test_the_long_title() -> None:
    outcome, after = apply_one(GROUPED, "Title, line 1, leave out “victims” and insert “victims of crime”")
    assert outcome.status == "applied", outcome
    assert outcome.detail.endswith("(the long title has no line markers, so line 1 could not be checked)")
    title = after.metadata.long_title
    assert title == "A Bill to make provision about victims of crime."
    outcome, _ = apply_one(GROUPED, "Title, leave out “victims” and insert “victims of crime”")
    assert outcome.status == "applied" and "could not be checked" not in outcome.detail


def test_a_long_title_with_printed_lines() -> None:
    lined = lawtrack.load_bill(groupbill.xml(title="<p><?L 1-1?>A Bill to make provision about <?L 1-2?>victims "
                                                    "and prisoners.</p>"))
    outcome, after = apply_one(lined, "Title, line 2, leave out “victims” and insert “witnesses”")
    assert outcome.status == "applied", outcome
    assert "could not be checked" not in outcome.detail
    assert after.metadata.long_title == "A Bill to make provision about witnesses and prisoners."
    # line 1 does not hold the word
    outcome, _ = apply_one(lined, "Title, line 1, leave out “victims”")
    assert outcome.status == "not-found", outcome


def test_a_bill_without_a_long_title() -> None:
    untitled = lawtrack.load_bill(groupbill.xml().replace(
        b"<preface><longTitle><p>A Bill to make provision about victims.</p></longTitle></preface>", b""))
    outcome, _ = apply_one(untitled, "Title, line 1, leave out “victims”")
    assert (outcome.status, outcome.detail) == ("not-found", "the bill has no long title")


# -- provisions by label --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("instruction", "left"), [
    # the (a) of subsection (2), on its printed line; subsection (3) has an (a) too, which stays
    ("Clause 1, page 1, line 6, leave out paragraph (a)", ["2:b", "2:c", "3:a", "3:b"]),
    ("Clause 1(2), leave out paragraph (a)", ["2:b", "2:c", "3:a", "3:b"]),
    ("Clause 1(3), leave out paragraph (a)", ["2:a", "2:b", "2:c", "3:b"]),
    ("Clause 1, page 1, line 6, leave out paragraphs (a) and (b)", ["2:c", "3:a", "3:b"]),
    ("Clause 1, page 1, line 6, leave out paragraphs (a) to (c)", ["3:a", "3:b"]),
    ("Clause 1, page 1, line 6, leave out paragraphs (a) and (c)", ["2:b", "3:a", "3:b"]),
    # (b) of subsection (3) starts on line 9; (b) of subsection (2) is printed on line 6
    ("Clause 1, page 1, line 9, leave out paragraph (b)", ["2:a", "2:b", "2:c", "3:a"]),
])
def test_paragraphs_left_out_by_label(instruction: str, left: list[str]) -> None:
    outcome, after = apply_one(GROUPED, instruction)
    assert outcome.status == "applied", outcome
    clause = after.provision("clause 1")
    # every paragraph left in the clause, as subsection:paragraph (subsection (1) has none)
    assert [f"{s.label}:{p.label}" for s in clause.children for p in s.children] == left


@pytest.mark.parametrize(("instruction", "status", "detail"), [
    # both subsections have an (a) and the address does not say which
    ("Clause 1, leave out paragraph (a)", "ambiguous",
     "Clause 1 has 2 paragraphs (a) at that place; give the page and line"),
    # neither (b) is printed on line 7, so the line does not tell them apart
    ("Clause 1, page 1, line 7, leave out paragraph (b)", "ambiguous",
     "Clause 1 has 2 paragraphs (b) at that place; give the page and line"),
    ("Clause 1, page 1, line 2, leave out paragraph (a)", "not-found",
     "Clause 1 has no words on page 1, line 2; it is printed from page 1 line 4 to page 1 line 9"),
    ("Clause 1(2), leave out paragraph (d)", "not-found", "no paragraph (d) at that place in Clause 1"),
    ("Clause 1(2), leave out paragraphs (a) and (d)", "not-found", "no paragraph (d) beside (a) in Clause 1"),
    ("Clause 1(2), leave out paragraphs (c) to (a)", "not-found", "(a) comes before (c) in Clause 1"),
    ("Clause 2, leave out subsection (1)", "not-found", "no subsection (1) at that place in Clause 2"),
])
def test_paragraphs_that_are_not_there(instruction: str, status: str, detail: str) -> None:
    outcome, after = apply_one(GROUPED, instruction)
    assert outcome.status == status, outcome
    assert detail in outcome.detail
    assert after.to_xml() == GROUPED.to_xml()  # nothing changed


@pytest.mark.parametrize(("instruction", "left"), [
    ("Schedule 1, page 3, line 6, leave out sub-paragraph (2)", ["1"]),
    ("Schedule 1, paragraph 2, leave out sub-paragraph (1)", ["2"]),
    ("Schedule 1, page 3, line 5, leave out sub-paragraphs (1) and (2)", []),
])
def test_sub_paragraphs_of_a_schedule(instruction: str, left: list[str]) -> None:
    outcome, after = apply_one(GROUPED, instruction)
    assert outcome.status == "applied", outcome
    para = after.provision("schedule 1, paragraph 2")
    assert [p.label for p in para.children] == left


def test_a_subsection_is_not_a_paragraph() -> None:
    # "paragraph (2)" names no subsection (2), and "subsection (a)" no paragraph (a)
    outcome, _ = apply_one(GROUPED, "Clause 1, page 1, line 5, leave out paragraph (2)")
    assert outcome.status == "not-found", outcome
    outcome, _ = apply_one(GROUPED, "Clause 1, page 1, line 6, leave out subsection (a)")
    assert outcome.status == "not-found", outcome
    outcome, after = apply_one(GROUPED, "Clause 1, page 1, line 5, leave out subsection (2)")
    assert outcome.status == "applied", outcome
    assert [s.label for s in after.provision("clause 1").children] == ["1", "3"]


def test_a_minibill_subsection_on_a_line_it_only_continues() -> None:
    # clause 2(1) runs onto page 2, line 1; "page 2, line 1, leave out subsection (1)" still names it
    outcome, after = apply_one(MINI, "Clause 2, page 2, line 1, leave out subsection (1)")
    assert outcome.status == "applied", outcome
    assert [s.label for s in after.provision("clause 2").children] == ["2"]


@pytest.mark.parametrize(("instruction", "detail"), [
    # the one (c) is on line 7: it is taken, and the outcome says the line given does not hold it
    ("Clause 1, page 1, line 8, leave out paragraph (c)",
     "Left out paragraph (c) in Clause 1 (page 1, line 8) — note: paragraph (c) is not printed on page 1, line 8; "
     "it starts on page 1, line 7"),
    ("Clause 1, line 8, leave out paragraph (c)",
     "Left out paragraph (c) in Clause 1 (line 8) — note: paragraph (c) is not printed on line 8; it starts on "
     "page 1, line 7"),
    # on its own line: no note; (a) of subsection (3) is printed on line 8, where that subsection starts
    ("Clause 1, page 1, line 7, leave out paragraph (c)", "Left out paragraph (c) in Clause 1 (page 1, line 7)"),
    ("Clause 1, page 1, line 8, leave out paragraph (a)", "Left out paragraph (a) in Clause 1 (page 1, line 8)"),
])
def test_a_provision_on_another_line_than_the_address_gives(instruction: str, detail: str) -> None:
    outcome, _ = apply_one(GROUPED, instruction)
    assert (outcome.status, outcome.detail) == ("applied", detail)
