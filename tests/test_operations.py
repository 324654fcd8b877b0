"""Every operation and instruction form, on a bill written by hand (tests/minibill.py), with expected texts
checked by eye — each with its mirror case (after/before, first/last, end/beginning, to/and, forward/back)."""

from __future__ import annotations

import pytest

import lawtrack
from lawtrack.amendments.markdown import read_markdown_amendment
from lawtrack.amendments.model import Amendment, Parsed
from tests import minibill


def am(number: str, instruction: str) -> Amendment:
    return Amendment(number=number, instruction=instruction)


def md(number: str, body: str) -> Amendment:
    return read_markdown_amendment(f"---\nnumber: \"{number}\"\n---\n{body}\n", f"<{number}>")


@pytest.fixture(scope="module")
def mini() -> lawtrack.Bill:
    return minibill.bill()


# (instruction, provision, its text afterwards)
WORDS = [
    ("Clause 1, page 1, line 2, leave out “may” and insert “must”", "clause 1(1)",
     "(1) The Secretary of State must publish a code of practice about the support of victims, and may revise the code at any time."),
    ("Clause 1, page 1, line 3, leave out “may” and insert “must”", "clause 1(1)",
     "(1) The Secretary of State may publish a code of practice about the support of victims, and must revise the code at any time."),
    ("Clause 1, leave out “may” in each place and insert “must”", "clause 1(1)",
     "(1) The Secretary of State must publish a code of practice about the support of victims, and must revise the code at any time."),
    ("Clause 1, page 1, line 2, leave out “the”", "clause 1(1)",
     "(1) The Secretary of State may publish a code of practice about support of victims, and may revise the code at any time."),
    ("Clause 1, page 1, line 3, leave out “at any time”", "clause 1(1)",
     "(1) The Secretary of State may publish a code of practice about the support of victims, and may revise the code."),
    ("Clause 2(1), leave out “report” where it first occurs and insert “statement”", "clause 2(1)",
     "(1) The Secretary of State must lay a statement on the café before Parliament in each year, and must publish the report."),
    ("Clause 2(1), leave out “report” where it last occurs and insert “statement”", "clause 2(1)",
     "(1) The Secretary of State must lay a report on the café before Parliament in each year, and must publish the statement."),
    ("Clause 2(1), leave out the second “must” and insert “shall”", "clause 2(1)",
     "(1) The Secretary of State must lay a report on the café before Parliament in each year, and shall publish the report."),
    ("Clause 2(1), leave out “must” in the first place and insert “shall”", "clause 2(1)",
     "(1) The Secretary of State shall lay a report on the café before Parliament in each year, and must publish the report."),
    ("Clause 1, page 1, line 6, after “complain” insert “free of charge”", "clause 1(2)(b)",
     "(b) say how victims may complain free of charge, and"),
    ("Clause 1, page 1, line 6, before “complain” insert “freely”", "clause 1(2)(b)",
     "(b) say how victims may freely complain, and"),
    ("Clause 1, page 1, line 5, at end insert “including support services,”", "clause 1(2)(a)",
     "(a) set out the services available to victims, including support services,"),
    ("Clause 1, page 1, line 5, at beginning insert “clearly”", "clause 1(2)(a)",
     "(a) clearly set out the services available to victims,"),
    ("Clause 1(2)(c), after “code” insert “of practice”", "clause 1(2)(c)",
     "(c) say how the code of practice is kept under review."),
    ("Schedule 1, page 2, line 6, leave out “Old” and insert “Older”", "schedule 1, paragraph 1",
     "1 In section 1 of the Older Act, for “may” substitute “must”."),
    ("Schedule 1, paragraph 2(2), leave out “2” and insert “3”", "schedule 1, paragraph 2(2)",
     "(2) Omit section 3."),
]

RANGES = [
    # "from “x” to “y”": the words between x and y are left out; x and y stay
    ("Clause 1, page 1, line 2, leave out from “State” to “about” and insert “must adopt a code”", "clause 1(1)",
     "(1) The Secretary of State must adopt a code about the support of victims, and may revise the code at any time."),
    ("Clause 1, page 1, line 2, leave out from “State” to “about”", "clause 1(1)",
     "(1) The Secretary of State about the support of victims, and may revise the code at any time."),
    ("Clause 1, page 1, line 2, leave out from beginning to “publish” and insert “Ministers must”", "clause 1(1)",
     "(1) Ministers must publish a code of practice about the support of victims, and may revise the code at any time."),
    ("Clause 1, page 1, line 2, leave out from beginning to end of line 3 and insert “The code is published.”",
     "clause 1(1)", "(1) The code is published."),
    ("Clause 1, page 1, line 3, leave out from “revise” to end of line and insert “it.”", "clause 1(1)",
     "(1) The Secretary of State may publish a code of practice about the support of victims, and may revise it."),
    ("Clause 1, page 1, line 2, leave out from beginning of line 3 to end of line 3 and insert “victims.”",
     "clause 1(1)", "(1) The Secretary of State may publish a code of practice about the victims."),
    ("Clause 1, page 1, line 2, leave out from “code” to the end of subsection (1) and insert “for victims.”",
     "clause 1(1)", "(1) The Secretary of State may publish a code for victims."),
    ("Clause 1, page 1, line 2, leave out from first “the” to “of” and insert “rules”", "clause 1(1)",
     "(1) The Secretary of State may publish a code of practice about the rules of victims, and may revise the code at any time."),
    # "to end of line 1" after line 10: the range runs onto the next page
    ("Clause 2, page 1, line 10, leave out from “before” to end of line 1 and insert “Parliament each year.”",
     "clause 2(1)", "(1) The Secretary of State must lay a report on the café before Parliament each year."),
    ("Clause 2, page 1, line 10, leave out from “report” to “and” in line 1 on page 2 and insert “every year,”",
     "clause 2(1)", "(1) The Secretary of State must lay a report every year, and must publish the report."),
    ("Clause 2, page 1, line 10, leave out from “report” to “and” in line 1 and insert “every year,”",
     "clause 2(1)", "(1) The Secretary of State must lay a report every year, and must publish the report."),
]


@pytest.mark.parametrize(("instruction", "ref", "expected"), WORDS + RANGES, ids=[w[0][:60] for w in WORDS + RANGES])
def test_word_and_range_operations(mini: lawtrack.Bill, instruction: str, ref: str, expected: str) -> None:
    result = lawtrack.apply(mini, [am("1", instruction)])
    assert result.outcomes[0].status == "applied", result.outcomes[0].detail
    assert result.bill.provision(ref).text == expected
    # and nothing else changed
    others = [p.text for p in result.bill.clauses() + result.bill.schedules()
              if not ref.startswith(f"{'clause' if p.kind is lawtrack.Kind.CLAUSE else 'schedule'} {p.label}")]
    before = [p.text for p in mini.clauses() + mini.schedules()
              if not ref.startswith(f"{'clause' if p.kind is lawtrack.Kind.CLAUSE else 'schedule'} {p.label}")]
    assert others == before


def _labels(bill: lawtrack.Bill, ref: str) -> list[str | None]:
    return [c.label for c in bill.provision(ref).children]


@pytest.mark.parametrize(("instruction", "ref", "labels"), [
    ("Clause 1, page 1, line 5, leave out paragraphs (a) to (c)", "clause 1(2)", []),
    ("Clause 1, page 1, line 5, leave out paragraphs (a) and (c)", "clause 1(2)", ["b"]),
    ("Clause 1, page 1, line 6, leave out paragraph (b)", "clause 1(2)", ["a", "c"]),
    ("Clause 1, page 1, line 8, leave out subsection (3)", "clause 1", ["1", "2"]),
    ("Clause 1, leave out subsections (1) and (3)", "clause 1", ["2"]),
    ("Clause 1, page 1, leave out lines 5 and 6", "clause 1(2)", ["c"]),
    ("Clause 1, page 1, leave out lines 5 to 7", "clause 1(2)", []),
    ("Clause 2, page 1, leave out lines 10 to 1", "clause 2", ["2"]),  # runs onto page 2
    ("Schedule 1, page 2, line 8, leave out sub-paragraph (2)", "schedule 1, paragraph 2", ["1"]),
])
def test_provisions_and_lines_left_out(mini: lawtrack.Bill, instruction: str, ref: str, labels: list[str]) -> None:
    result = lawtrack.apply(mini, [am("1", instruction)])
    assert result.outcomes[0].status == "applied", result.outcomes[0].detail
    assert _labels(result.bill, ref) == labels


def test_leave_out_paragraph_and_insert_a_replacement(mini: lawtrack.Bill) -> None:
    result = lawtrack.apply(mini, [md("1", "Clause 1, page 1, line 6, leave out paragraph (b) and insert—\n\n"
                                          "- (b) say how victims may appeal, and")])
    assert result.outcomes[0].status == "applied", result.outcomes[0].detail
    assert [c.text for c in result.bill.provision("clause 1(2)").children] == [
        "(a) set out the services available to victims,", "(b) say how victims may appeal, and",
        "(c) say how the code is kept under review."]


def test_inserted_subsection_goes_after_the_one_on_the_line(mini: lawtrack.Bill) -> None:
    result = lawtrack.apply(mini, [md("1", "Clause 1, page 1, line 3, at end insert—\n\n"
                                          "- (1A) The code must be published in Welsh.")])
    assert result.outcomes[0].status == "applied", result.outcomes[0].detail
    assert _labels(result.bill, "clause 1") == ["1", "1A", "2", "3"]
    new = result.bill.provision("clause 1(1A)")
    assert new.text == "(1A) The code must be published in Welsh." and new.guid and new.guid not in {
        p.guid for p in mini.walk()}
    assert new.eid == "sec_1__subsec_1A"


@pytest.mark.parametrize(("instruction", "clauses", "schedules"), [
    ("Page 2, line 3, leave out Clause 3", ["1", "2"], ["1"]),
    ("Leave out Clause 2", ["1", "3"], ["1"]),
    ("Leave out Schedule 1", ["1", "2", "3"], []),
])
def test_whole_clauses_and_schedules_left_out(mini: lawtrack.Bill, instruction: str, clauses: list[str],
                                              schedules: list[str]) -> None:
    result = lawtrack.apply(mini, [am("1", instruction)])
    assert result.outcomes[0].status == "applied", result.outcomes[0].detail
    assert [c.label for c in result.bill.clauses()] == clauses
    assert [s.label for s in result.bill.schedules()] == schedules


NEW = "#### Guidance\n\n- (1) The Secretary of State may issue guidance.\n"


@pytest.mark.parametrize(("instruction", "clauses"), [
    ("To move the following Clause—", ["1", "2", "3", "3A"]),
    ("After Clause 1, insert the following new Clause—", ["1", "1A", "2", "3"]),
    ("Before Clause 2, insert the following new Clause—", ["1", "1A", "2", "3"]),
    ("Before Clause 1, insert the following new Clause—", ["new", "1", "2", "3"]),
])
def test_new_clauses_are_placed_and_numbered(mini: lawtrack.Bill, instruction: str, clauses: list[str]) -> None:
    result = lawtrack.apply(mini, [md("NC1", f"{instruction}\n\n{NEW}")])
    outcome = result.outcomes[0]
    assert outcome.status == "applied", outcome.detail
    got = [c.label for c in result.bill.clauses()]
    if clauses[0] == "new":  # before Clause 1 there is no number to follow: lawtrack gives it one and says so
        assert got[1:] == clauses[1:] and got[0] not in clauses
    else:
        assert got == clauses
    assert outcome.placed_by_lawtrack is instruction.startswith("To move")
    new = next(c for c in result.bill.clauses() if c.heading == "Guidance")
    assert new.text.endswith("(1) The Secretary of State may issue guidance.")


def test_two_new_clauses_after_one_clause_keep_their_order(mini: lawtrack.Bill) -> None:
    result = lawtrack.apply(mini, [
        md("NC1", f"After Clause 1, insert the following new Clause—\n\n{NEW}"),
        md("NC2", "After Clause 1, insert the following new Clause—\n\n#### Codes in Welsh\n\n- (1) The code "
                  "must be published in Welsh.\n"),
    ])
    assert [o.status for o in result.outcomes] == ["applied", "applied"]
    assert [(c.label, c.heading) for c in result.bill.clauses()][:3] == [
        ("1", "Duties"), ("1A", "Guidance"), ("1B", "Codes in Welsh")]


def test_a_new_schedule_goes_after_the_last(mini: lawtrack.Bill) -> None:
    result = lawtrack.apply(mini, [md("NS1", "To move the following Schedule—\n\n## Schedule — Transitional "
                                             "provision\n\n##### 1\n\nThis Schedule applies to codes already "
                                             "published.\n")])
    assert result.outcomes[0].status == "applied", result.outcomes[0].detail
    assert [(s.eid, s.num) for s in result.bill.schedules()] == [("sched_1", "SCHEDULE 1"), ("sched_2", "SCHEDULE 2")]
    new = result.bill.provision("schedule 2")
    assert new.heading == "Transitional provision"
    assert result.bill.provision("schedule 2, paragraph 1").text == "1 This Schedule applies to codes already published."


def test_an_amendment_to_an_amendment_is_skipped_and_says_so(mini: lawtrack.Bill) -> None:
    outcome = lawtrack.apply(mini, [am("1", "Line 2, at end insert “promptly”")]).outcomes[0]
    assert outcome.status == "skipped" and "amends amendment" in outcome.detail


@pytest.mark.parametrize(("instruction", "amended", "address"), [
    ("As an amendment to Amendment 96, line 3, leave out “may” and insert “must”", "96",
     "As an amendment to Amendment 96, line 3"),
    ("As an amendment to Amendment NC36: at end insert “promptly”", "NC36", "As an amendment to Amendment NC36"),
    ("As an amendment to Amendment 96A, leave out subsection (2)", "96A", "As an amendment to Amendment 96A"),
])
def test_the_lords_form_of_an_amendment_to_an_amendment_names_it_and_is_skipped(
        mini: lawtrack.Bill, instruction: str, amended: str, address: str) -> None:
    parsed = lawtrack.parse_instruction(instruction)
    assert isinstance(parsed, Parsed), parsed
    assert (parsed.address.amendment, str(parsed.address)) == (amended, address)
    outcome = lawtrack.apply(mini, [am("1", instruction)]).outcomes[0]
    assert (outcome.status, outcome.detail) == ("skipped", f"amends Amendment {amended}, not the bill itself")


# -- conflicts, both ways round ----------------------------------------------------------------------------------

CONFLICTING = [
    ("Clause 1, page 1, line 2, leave out “may publish”", "Clause 1, page 1, line 2, leave out “may” and insert “must”"),
    ("Clause 1, page 1, line 2, leave out from “State” to “practice”",
     "Clause 1, page 1, line 2, after “publish” insert “and update”"),
    ("Clause 1, page 1, line 6, leave out paragraph (b)", "Clause 1, page 1, line 6, after “complain” insert “freely”"),
    ("Leave out Clause 1", "Clause 1, page 1, line 5, at end insert “in full”"),
]


@pytest.mark.parametrize(("first", "second"), CONFLICTING + [(b, a) for a, b in CONFLICTING])
def test_conflicts_are_found_in_either_order(mini: lawtrack.Bill, first: str, second: str) -> None:
    result = lawtrack.apply(mini, [am("1", first), am("2", second)])
    assert [o.status for o in result.outcomes] == ["applied", "conflict"], [o.detail for o in result.outcomes]
    assert result.outcomes[1].conflicts_with == ("1",)


def test_amendments_side_by_side_do_not_conflict(mini: lawtrack.Bill) -> None:
    result = lawtrack.apply(mini, [am("1", "Clause 1, page 1, line 2, leave out “may” and insert “must”"),
                                   am("2", "Clause 1, page 1, line 2, after “publish” insert “and update”")])
    assert [o.status for o in result.outcomes] == ["applied", "applied"]
    assert result.bill.provision("clause 1(1)").text.startswith(
        "(1) The Secretary of State must publish and update a code of practice")


def test_duplicate_new_clause_headings_conflict(mini: lawtrack.Bill) -> None:
    result = lawtrack.apply(mini, [md("NC1", f"To move the following Clause—\n\n{NEW}"),
                                   md("NC2", f"To move the following Clause—\n\n{NEW}")])
    assert [o.status for o in result.outcomes] == ["applied", "conflict"]


# -- wholly or not at all ----------------------------------------------------------------------------------------


def test_an_amendment_that_fails_part_way_changes_nothing() -> None:
    bill = minibill.bill_with_decomposed_cafe()
    result = lawtrack.apply(bill, [am("1", "Clause 2, leave out “café” in each place and insert “canteen”"),
                                   am("2", "Clause 3, page 2, line 4, leave out “Mini” and insert “Small”")])
    assert [o.status for o in result.outcomes] == ["not-found", "applied"]
    assert "NFC" in result.outcomes[0].detail
    assert result.bill.provision("clause 2").text == bill.provision("clause 2").text  # the first café is still there
    assert "café" in result.bill.provision("clause 2(1)").text
    assert result.bill.provision("clause 3").text.endswith("the Small Act 2026.")


def test_a_failed_amendment_takes_back_only_its_own_edits_from_text_another_changed() -> None:
    """The rolled-back amendment edited the same piece of text (clause 2(1)) as an earlier, applied one."""
    bill = minibill.bill_with_decomposed_cafe()
    result = lawtrack.apply(bill, [am("1", "Clause 2, page 1, line 10, leave out “must lay” and insert “shall lay”"),
                                   am("2", "Clause 2, leave out “café” in each place")])
    assert [o.status for o in result.outcomes] == ["applied", "not-found"]
    assert result.bill.provision("clause 2(1)").text == (
        "(1) The Secretary of State shall lay a report on the café before Parliament in each year, and must publish "
        "the report.")


def test_an_unreadable_inserted_structure_is_an_outcome_not_an_exception(mini: lawtrack.Bill) -> None:
    broken = Amendment(number="NC9", instruction="To move the following Clause—\ufffc", inserted=((),),
                       inserted_xml=(b"<quotedStructure><section><num>1</num>",))
    fine = am("2", "Clause 3, page 2, line 4, leave out “Mini” and insert “Small”")
    result = lawtrack.apply(mini, [broken, fine])
    assert [o.status for o in result.outcomes] == ["unparsed", "applied"]
    assert "cannot be read" in result.outcomes[0].detail
    assert [c.label for c in result.bill.clauses()] == ["1", "2", "3"]


@pytest.mark.parametrize("instruction", ["Clause 1, page 1, line 3, at end insert—",
                                         "Clause 1, page 1, line 3, at end insert—\ufffc",
                                         "Clause 1, page 1, line 3, leave out “victims” and insert—\ufffc"])
def test_an_insertion_whose_text_is_missing_is_not_applied(mini: lawtrack.Bill, instruction: str) -> None:
    result = lawtrack.apply(mini, [am("1", instruction)])
    assert [(o.status, o.detail) for o in result.outcomes] == [
        ("unparsed", "the amendment inserts text that it does not give (the quoted text after “insert—” is missing)")]
    assert result.bill.to_xml() == mini.to_xml()
    # the mirror: with its text, it is applied
    words = lawtrack.apply(mini, [am("1", instruction.replace("—\ufffc", " “x”").replace("—", " “x”"))])
    assert [o.status for o in words.outcomes] == ["applied"]


def test_a_failed_new_clause_leaves_its_number_free(mini: lawtrack.Bill) -> None:
    result = lawtrack.apply(mini, [
        md("NC1", f"After Clause 1, insert the following new Clause—\n\n{NEW}"),
        md("NC2", f"After Clause 1, insert the following new Clause—\n\n{NEW}"),  # same heading: conflict
        md("NC3", "After Clause 1, insert the following new Clause—\n\n#### Welsh\n\n- (1) In Welsh too.\n"),
    ])
    assert [o.status for o in result.outcomes] == ["applied", "conflict", "applied"]
    assert [c.label for c in result.bill.clauses()][:3] == ["1", "1A", "1B"], "NC2's number was given back"


def test_apply_does_not_change_its_input(mini: lawtrack.Bill) -> None:
    before = lawtrack.to_xml(mini)
    lawtrack.apply(mini, [am("1", instruction) for instruction, _, _ in WORDS[:3]])
    assert lawtrack.to_xml(mini) == before
    assert mini == minibill.bill(), "the model is unchanged too"
