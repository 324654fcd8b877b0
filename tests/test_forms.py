"""Instruction forms found on real papers beyond the commonest, and prints that lack what the forms assume:
ordinals without "the", ranges from the beginning of a line or to the end of a provision, the sole Schedule, the
long title, unbalanced quotation marks, and prints without page/line markers."""

from __future__ import annotations

import re

import pytest

import lawtrack
from lawtrack.amendments.explain import describe
from lawtrack.amendments.locate import find_words_loosely
from lawtrack.amendments.model import Amendment, Parsed
from tests import minibill


def am(instruction: str, number: str = "1") -> Amendment:
    return Amendment(number=number, instruction=instruction)


@pytest.mark.parametrize(("instruction", "fields"), [
    ("Clause 4, page 3, line 2, leave out first “the”", {"op": "leave-out-words", "words": "the", "occurrence": 1}),
    ("Clause 4, page 3, line 2, leave out second “the”", {"op": "leave-out-words", "words": "the", "occurrence": 2}),
    ("Clause 4, page 3, line 2, leave out from second “of” to “Act”",
     {"op": "leave-out-range", "start": {"kind": "words", "words": "of", "occurrence": 2}}),
    ("Clause 30, page 356, line 31, leave out from beginning of line 31 to end of line 11 on page 357",
     {"op": "leave-out-range", "start": {"kind": "beginning", "line": 31},
      "end": {"kind": "end-of-line", "line": 11, "page": 357}}),
    ("Clause 9, page 7, line 1, leave out from “must” to the end of subsection (1)",
     {"op": "leave-out-range", "end": {"kind": "end-of-provision", "provision": "subsection", "labels": ["1"]}}),
    ("Clause 9, page 7, line 1, leave out from “must” to end of line",
     {"op": "leave-out-range", "end": {"kind": "end-of-line", "line": None}}),
    ("Clause 9, page 7, line 1, leave out from “must” to end of clause",
     {"op": "leave-out-range", "end": {"kind": "end-of-provision", "provision": "clause", "labels": []}}),
    ("Clause 9, page 7, line 1, leave out from “must” to the end of the Clause and insert “may”",
     {"op": "leave-out-range", "end": {"kind": "end-of-provision", "provision": "clause"}, "insert": {"words": "may"}}),
    ("Clause 4, page 3, line 2, leave out from “may” to “the” where it second occurs",
     {"op": "leave-out-range", "end": {"kind": "words", "words": "the", "occurrence": 2}}),
    ("Clause 4, page 3, line 2, leave out “the” in the second place where it occurs",
     {"op": "leave-out-words", "words": "the", "occurrence": 2}),
    ("Clause 4, page 3, line 2, leave out “the” in the first place it occurs and insert “a”",
     {"op": "leave-out-words", "words": "the", "occurrence": 1, "insert": {"words": "a"}}),
    ("Schedule, page 12, line 21, leave out “and”", {"op": "leave-out-words", "words": "and"}),
    ("Title, line 9, at end insert “; and to make provision about tenancies”", {"op": "insert", "where": "at-end"}),
    # unbalanced quotation marks, read as the clerk's text reads
    ("Clause 65, page 60, line 7, after “decision”” insert “or notice”", {"op": "insert", "anchor": "decision”"}),
    ("Schedule 3, page 90, line 3, leave out “(the electricity code”) and insert “(the code”)",
     {"op": "leave-out-words", "words": "(the electricity code”)"}),
    ("Clause 2, page 3, line 5, leave out ”must” and insert “may”", {"op": "leave-out-words", "words": "must"}),
    ("Clause 2, page 3, line 5, leave out “must and insert “may”",
     {"op": "leave-out-words", "words": "must", "insert": {"words": "may"}}),
])
def test_forms_parse(instruction: str, fields: dict[str, object]) -> None:
    parsed = lawtrack.parse_instruction(instruction)
    assert isinstance(parsed, Parsed), parsed
    dump = parsed.operation.model_dump(mode="json")

    def contains(big: object, small: object) -> bool:
        if isinstance(small, dict):
            return isinstance(big, dict) and all(contains(big.get(k), v) for k, v in small.items())
        return big == small

    assert contains(dump, fields), dump
    if "“" in instruction and instruction.count("“") != instruction.count("”"):
        assert parsed.notes, "an unbalanced quotation is read with a note"
    assert str(parsed.address).split(",")[0] in instruction


def test_the_long_title_is_amended_and_the_metadata_follows() -> None:
    bill = minibill.bill()
    result = lawtrack.apply(bill, [am("Title, line 1, leave out “test” and insert “exercise”"),
                                   am("Title, line 1, after “lawtrack” insert “and its users”", "2")])
    assert [o.status for o in result.outcomes] == ["applied", "applied"], result.outcomes
    assert result.bill.metadata.long_title == "A Bill to exercise lawtrack and its users."
    assert "line markers" in result.outcomes[0].detail  # the title's lines could not be checked, and it says so
    assert bill.metadata.long_title == "A Bill to test lawtrack."


def test_a_quotation_with_a_stray_closing_mark_is_found_in_the_text() -> None:
    result = lawtrack.apply(minibill.bill(), [am("Clause 1, page 1, line 8, leave out “victim”” and insert "
                                                 "“claimant””")])
    outcome = result.outcomes[0]
    assert outcome.status == "applied" and "do not balance" in outcome.detail, outcome.detail
    assert result.bill.provision("clause 1(3)").text == "(3) In this section “claimant” means a person who has " \
                                                        "suffered harm."


def test_quoted_words_are_found_ignoring_unbalanced_marks() -> None:
    text = "in section 3 (“the electricity code”) and in section 4"
    [(s, e)] = find_words_loosely(text, "(the electricity code”)")
    assert text[s:e] == "(“the electricity code”)"
    assert find_words_loosely(text, "“the gas code") == []


def _without_line_markers() -> lawtrack.Bill:
    xml = re.sub(rb"<\?L [0-9-]+\?>", b"", minibill.xml())
    return lawtrack.load_bill(xml, name="<mini bill without line markers>")


def test_a_print_without_line_markers_is_addressed_by_clause_and_says_so() -> None:
    bill = _without_line_markers()
    assert not any(p.lines for p in bill.walk())
    result = lawtrack.apply(bill, [
        am("Clause 1, page 1, line 6, after “complain” insert “freely”"),
        am("Clause 1, page 1, line 3, leave out “may”", "2"),  # three of them in the clause: ambiguous
        am("Clause 1(1), page 1, line 3, leave out “may” where it last occurs and insert “must”", "3"),
        am("Clause 1, page 1, line 5, leave out paragraph (a)", "4"),
        am("Clause 1, page 1, leave out lines 5 and 6", "5"),
    ])
    statuses = [o.status for o in result.outcomes]
    assert statuses == ["applied", "ambiguous", "applied", "applied", "not-found"], result.outcomes
    assert "could not be checked" in result.outcomes[0].detail
    assert "no printed page/line numbers" in result.outcomes[4].detail
    assert result.bill.provision("clause 1(2)(b)").text == "(b) say how victims may complain freely, and"
    assert result.bill.provision("clause 1(1)").text.endswith("and must revise the code at any time.")


def test_provisions_inside_quoted_text_are_found_when_the_print_has_no_lines() -> None:
    quoted = ('<p><mod>In the Old Act, for section 2 substitute—<quotedStructure startQuote="“" endQuote="”">'
              '<section eId="q_s2"><num>2</num><heading>Victims</heading><subsection eId="q_s2_6"><num>(6)</num>'
              '<content><p>A victim is a person harmed.</p></content></subsection><subsection eId="q_s2_7">'
              "<num>(7)</num><content><p>Harm includes loss.</p></content></subsection></section>"
              "</quotedStructure></mod></p>")
    xml = re.sub(rb"<\?L [0-9-]+\?>", b"", minibill.xml(edit=(
        "<p>In this section “victim” means a\n  person who has suffered harm.</p>", quoted)))
    bill = lawtrack.load_bill(xml)
    result = lawtrack.apply(bill, [am("Clause 1, page 1, line 9, leave out subsection (7)"),
                                   am("Clause 1, page 1, line 2, leave out subsection (2)", "2")])
    assert [o.status for o in result.outcomes] == ["applied", "applied"], result.outcomes
    # (7) is only in the text inserted into the Old Act; (2) is the clause's own, which wins over any quoted (2)
    assert "Harm includes loss." not in result.bill.provision("clause 1").text
    assert [c.label for c in result.bill.provision("clause 1").children] == ["1", "3"]


# -- addresses of headings, and whole provisions put in place ---------------------------------------------------

@pytest.mark.parametrize(("instruction", "address"), [
    ("Cross-heading before Clause 5, leave out “Duties” and insert “Obligations”", {"heading_before": "5"}),
    ("Italic heading before Clause 12, leave out “x”", {"heading_before": "12"}),
    ("Schedule 2, cross-heading before paragraph 3, leave out “x”", {"schedule": "2", "heading_before": "3"}),
    ("Part 2, leave out “x”", {"part": "2"}),
    ("Part 2, Chapter 1, leave out “x”", {"part": "2", "chapter": "1"}),
    ("Page 5, line 1, leave out “x”", {"page": 5, "line": 1, "clause": None}),
])
def test_heading_addresses_parse(instruction: str, address: dict[str, object]) -> None:
    parsed = lawtrack.parse_instruction(instruction)
    assert isinstance(parsed, Parsed), parsed
    assert {k: getattr(parsed.address, k) for k in address} == address


def test_schedule_paragraphs_are_left_out_by_their_bare_numbers() -> None:
    mini = minibill.bill()
    parsed = lawtrack.parse_instruction("Schedule 1, page 2, line 6, leave out paragraphs 1 and 2")
    assert isinstance(parsed, Parsed) and parsed.operation.model_dump()["labels"] == ("1", "2")
    assert describe(parsed) == "Schedule 1, page 2, line 6: leave out paragraphs 1 and 2"  # as the House writes it
    result = lawtrack.apply(mini, [am("Schedule 1, page 2, line 6, leave out paragraph 1")])
    assert result.all_applied, result.outcomes
    assert [c.label for c in result.bill.provision("schedule 1").children] == ["2"]
    assert result.outcomes[0].detail.startswith("Left out paragraph 1 in "), result.outcomes[0].detail
    missing = lawtrack.apply(mini, [am("Schedule 1, page 2, line 6, leave out paragraph 7")]).outcomes[0]
    assert missing.status == "not-found" and missing.detail == "no paragraph 7 at that place in SCHEDULE 1", missing


def test_a_range_ends_at_the_end_of_a_schedule_paragraph_cited_by_its_bare_number() -> None:
    mini = minibill.bill()
    result = lawtrack.apply(mini, [am("Schedule 1, page 2, line 6, leave out from “Act,” to end of paragraph 1 and "
                                      "insert “omit section 3.”")])
    assert result.all_applied, result.outcomes
    assert result.bill.provision("schedule 1").children[0].text == "1 In section 1 of the Old Act, omit section 3."


def test_a_range_to_the_end_of_the_clause_takes_the_subsections_after_it() -> None:
    result = lawtrack.apply(minibill.bill(), [am("Clause 2, page 1, line 10, leave out from “report” to end of "
                                                 "clause and insert “to Parliament.”")])
    assert result.all_applied, result.outcomes
    clause = result.bill.provision("clause 2")
    assert clause.text == "2 Reports\n(1) The Secretary of State must lay a report to Parliament."
    assert [c.label for c in clause.children] == ["1"]  # subsection (2) went with the words


def test_a_range_to_the_end_of_the_clause_in_a_schedule_says_so() -> None:
    outcome = lawtrack.apply(minibill.bill(), [am("Schedule 1, page 2, line 6, leave out from “Act,” to end of "
                                                  "clause")]).outcomes[0]
    assert outcome.status == "not-found", outcome
    assert outcome.detail == "the range ends at the end of the clause, but it is in SCHEDULE 1", outcome


@pytest.mark.parametrize(("instruction", "missing"), [
    ("Schedule 1, page 2, line 6, leave out from “Act,” to end of paragraph 3A", "no paragraph 3A in "),
    ("Clause 1, page 1, line 2, leave out from “may” to end of subsection (7)", "no subsection (7) in "),
])
def test_a_range_that_ends_at_a_provision_not_there_says_which(instruction: str, missing: str) -> None:
    outcome = lawtrack.apply(minibill.bill(), [am(instruction)]).outcomes[0]
    assert outcome.status == "not-found" and missing in outcome.detail, outcome
    assert outcome.detail.endswith("for the range to end at")


def test_in_each_place_it_occurs() -> None:
    mini = minibill.bill()
    result = lawtrack.apply(mini, [am("Clause 1, leave out “may” in each place it occurs and "
                                      "insert “must”")])
    assert result.all_applied, result.outcomes
    assert result.bill.provision("clause 1(1)").text == (
        "(1) The Secretary of State must publish a code of practice about the support of victims, and must revise "
        "the code at any time.")
    assert result.bill.provision("clause 1(2)(b)").text == "(b) say how victims must complain, and"


@pytest.mark.parametrize("which", ["where it second occurs", "where it occurs for the second time",
                                   "where it last occurs"])
def test_words_are_inserted_after_the_occurrence_named(which: str) -> None:
    mini = minibill.bill()  # clause 2(1): "The Secretary of State must lay a report … and must publish the report."
    result = lawtrack.apply(mini, [am(f"Clause 2, after “must” {which} insert “also”")])
    assert result.all_applied, result.outcomes
    assert result.bill.provision("clause 2(1)").text.endswith("in each year, and must also publish the report.")


def test_words_are_inserted_after_the_first_of_several() -> None:
    result = lawtrack.apply(minibill.bill(), [am("Clause 2, before the first “must” insert “now”")])
    assert result.all_applied, result.outcomes
    assert result.bill.provision("clause 2(1)").text.startswith("(1) The Secretary of State now must lay")


def test_an_insertion_after_words_that_occur_twice_says_which() -> None:
    outcome = lawtrack.apply(minibill.bill(), [am("Clause 2, after “must” insert “also”")]).outcomes[0]
    assert outcome.status == "ambiguous" and "appears 2 times" in outcome.detail, outcome
    gone = lawtrack.apply(minibill.bill(), [am("Clause 2, after “must” where it third occurs insert “x”")]).outcomes[0]
    assert gone.status == "not-found" and "occurs 2 time(s) there, not 3" in gone.detail, gone


def test_a_clause_is_left_out_and_another_put_in_its_place() -> None:
    from tests.test_operations import md

    mini = minibill.bill()
    result = lawtrack.apply(mini, [md("1", "Leave out Clause 2 and insert the following new Clause—\n\n"
                                          "#### Annual report\n\n- (1) The Secretary of State must report.\n")])
    assert result.all_applied, result.outcomes
    assert [(c.label, c.heading) for c in result.bill.clauses()] == [
        ("1", "Duties"), ("2", "Annual report"), ("3", "Short title")]
    assert "in its place" in result.outcomes[0].detail


@pytest.fixture(scope="module")
def hl54_print() -> lawtrack.Bill:
    from tests.conftest import bill_path

    return lawtrack.load_bill(bill_path("hl54"))


def _cross_heading_and_next_clause(bill: lawtrack.Bill, heading: str) -> tuple[lawtrack.Provision, str]:
    walk = [p for p in bill.walk() if not p.quoted]
    at = next(i for i, p in enumerate(walk) if p.kind is lawtrack.Kind.CROSSHEADING and p.heading == heading)
    after = next(p for p in walk[at:] if p.kind is lawtrack.Kind.CLAUSE)
    return walk[at], after.label or ""


@pytest.mark.parametrize("form", ["page-line", "no-lines"])
def test_a_cross_heading_is_amended(hl54_print: lawtrack.Bill, form: str) -> None:
    heading, clause = _cross_heading_and_next_clause(hl54_print, "Duties of registered providers")
    line = heading.lines[0]
    where = (f"Page {line.page}, line {line.line}, " if form == "page-line"  # the House's form: page and line only
             else f"Cross-heading before Clause {clause}, ")  # lawtrack's, for a print without lines
    result = lawtrack.apply(hl54_print, [am(where + "leave out “registered” and insert “relevant”")])
    assert result.all_applied, result.outcomes
    changed = [p.heading for p in result.bill.walk() if p.kind is lawtrack.Kind.CROSSHEADING]
    before = [p.heading for p in hl54_print.walk() if p.kind is lawtrack.Kind.CROSSHEADING]
    assert changed == [h.replace("Duties of registered", "Duties of relevant") for h in before]  # type: ignore[union-attr]
    # nothing else: every clause reads as before
    assert [c.text for c in result.bill.clauses()] == [c.text for c in hl54_print.clauses()]


def test_a_part_heading_is_amended_by_its_number(hl54_print: lawtrack.Bill) -> None:
    result = lawtrack.apply(hl54_print, [am("Schedule 1, Part 1, leave out “Amendments” and insert “Changes”")])
    assert result.all_applied, result.outcomes
    part = next(p for p in result.bill.walk() if p.kind is lawtrack.Kind.PART and p.label == "1")
    assert part.heading == "Changes of the Housing and Planning Act 2016"


from lawtrack.formats.lawmaker import bill_from_tree  # noqa: E402

_NEW_SCHEDULE = "## Schedule — Repeals\n\n##### 1\n\nSection 2 of the Old Act is repealed.\n"
_NEW_CLAUSE = "#### Annual report\n\n- (1) The Secretary of State must report.\n"


def test_a_schedule_is_left_out_and_another_put_in_its_place_numbered_and_identified_as_it_was() -> None:
    from tests.test_operations import md

    mini = minibill.bill()
    result = lawtrack.apply(mini, [md("1", "Leave out Schedule 1 and insert the following new Schedule—\n\n"
                                      + _NEW_SCHEDULE)])
    assert [(o.status, o.detail) for o in result.outcomes] == [
        ("applied", "Left out SCHEDULE 1 and inserted a new Schedule “Repeals” in its place")]
    (schedule,) = result.bill.schedules()
    assert (schedule.num, schedule.label, schedule.eid, schedule.heading) == ("SCHEDULE 1", "1", "sched_1", "Repeals")
    assert schedule.guid != mini.schedules()[0].guid  # a new provision, not the old one renamed
    assert [c.text for c in schedule.children] == ["1 Section 2 of the Old Act is repealed."]
    assert result.bill.to_xml().count(b'eId="sched_1"') == 1
    assert bill_from_tree(result.bill.tree(), "full").provisions == result.bill.provisions  # as a full read


def test_a_clause_put_in_the_place_of_another_takes_its_number_and_its_eid() -> None:
    from tests.test_operations import md

    mini = minibill.bill()
    result = lawtrack.apply(mini, [md("1", "Leave out Clause 2 and insert the following new Clause—\n\n"
                                      + _NEW_CLAUSE)])
    assert result.all_applied
    clause = result.bill.provision("clause 2")
    assert (clause.num, clause.eid, clause.heading) == ("2", "sec_2", "Annual report")
    assert [c.eid for c in clause.children] == ["sec_2__subsec_1"]
    assert clause.guid not in {p.guid for p in mini.walk()}
    assert result.bill.to_xml().count(b'eId="sec_2"') == 1
    assert bill_from_tree(result.bill.tree(), "full").provisions == result.bill.provisions


@pytest.mark.parametrize(("instruction", "text", "detail"), [
    ("Leave out Schedule 1 and insert the following new Schedule—", _NEW_CLAUSE,
     "the instruction inserts a new Schedule, but the text it inserts is a clause"),
    ("Leave out Clause 2 and insert the following new Clause—", _NEW_SCHEDULE,
     "the instruction inserts a new clause, but the text it inserts is a Schedule"),
    ("To move the following Schedule—", _NEW_CLAUSE,
     "the instruction inserts a new Schedule, but the text it inserts is a clause"),
    ("To move the following Clause—", _NEW_SCHEDULE,
     "the instruction inserts a new clause, but the text it inserts is a Schedule"),
    ("After Clause 1, insert the following new Clause—", "- (1) Words alone.\n",
     "the instruction inserts a new clause, but the text it inserts starts with a subsection"),
])
def test_inserted_text_of_the_other_kind_is_refused_and_the_bill_untouched(instruction: str, text: str,
                                                                          detail: str) -> None:
    from tests.test_operations import md

    mini = minibill.bill()
    result = lawtrack.apply(mini, [md("1", f"{instruction}\n\n{text}")])
    assert [(o.status, o.detail) for o in result.outcomes] == [("unparsed", detail)]
    assert result.bill.to_xml() == mini.to_xml()


@pytest.mark.parametrize(("instruction", "status", "detail"), [
    ("Page 1, line 9, leave out Clause 2", "applied", "Left out Clause 2"),
    ("Page 2, line 1, leave out Clause 2", "applied",
     "Left out Clause 2 (note: it starts at page 1, line 9, not page 2, line 1)"),
    ("Page 2, line 5, leave out Schedule 1", "applied", "Left out SCHEDULE 1"),
    ("Page 2, line 6, leave out Schedule 1", "applied",
     "Left out SCHEDULE 1 (note: it starts at page 2, line 5, not page 2, line 6)"),
    ("Leave out Clause 9", "not-found", "the bill has no Clause 9"),
    ("Leave out Schedule 2", "not-found", "the bill has no Schedule 2"),
])
def test_leaving_out_a_clause_or_schedule_says_what_it_did(instruction: str, status: str, detail: str) -> None:
    mini = minibill.bill()
    result = lawtrack.apply(mini, [am(instruction)])
    (outcome,) = result.outcomes
    assert (outcome.status, outcome.detail) == (status, detail)
    if status == "applied":
        gone = mini.find(instruction.rsplit("leave out ", 1)[1].lower())
        assert gone is not None and result.bill.find(gone.describe().lower()) is None
        assert outcome.spans == ((gone.eid, 0, len(gone.text)),)  # the whole of it, for the Keeling view
    else:
        assert result.bill.to_xml() == mini.to_xml()


def _two_schedules() -> lawtrack.Bill:
    """The mini bill with a second Schedule (printed on page 3)."""
    xml = minibill.xml()
    at = xml.rindex(b"</hcontainer>")
    second = (b'<hcontainer name="schedule" GUID="_s2" eId="sched_2"><num><?L 3-1?>SCHEDULE 2</num><heading>Repeals'
              b'</heading><paragraph GUID="_s2p1" eId="sched_2__para_1"><num><?L 3-2?>1</num><content><p>Section 9 '
              b"may be repealed.</p></content></paragraph></hcontainer>")
    return lawtrack.load_bill(xml[:at] + second + xml[at:], name="<mini bill, two Schedules>")


# (instruction, in the mini bill (one Schedule), in the mini bill with two)
THE_SCHEDULE = [
    ("Leave out the Schedule", ("applied", "Left out SCHEDULE 1"),
     ("ambiguous", "the bill has 2 Schedules and the amendment does not say which (“Schedule 2, page …”)")),
    ("Leave out Schedule", ("applied", "Left out SCHEDULE 1"),
     ("ambiguous", "the bill has 2 Schedules and the amendment does not say which (“Schedule 2, page …”)")),
    ("Page 2, line 5, leave out the Schedule", ("applied", "Left out SCHEDULE 1"),
     ("ambiguous", "the bill has 2 Schedules and the amendment does not say which (“Schedule 2, page …”)")),
    ("The Schedule, page 2, line 6, leave out “may” and insert “shall”",
     ("applied", "Left out “may” and inserted “shall” in SCHEDULE 1 (page 2, line 6)"),
     ("ambiguous", "the bill has 2 Schedules and the amendment does not say which (“Schedule 2, page …”)")),
    ("Schedule, page 2, line 6, leave out “may”", ("applied", "Left out “may” in SCHEDULE 1 (page 2, line 6)"),
     ("ambiguous", "the bill has 2 Schedules and the amendment does not say which (“Schedule 2, page …”)")),
    ("Schedule 2, page 3, line 2, leave out “may”", ("not-found", "the bill has no Schedule 2"),
     ("applied", "Left out “may” in SCHEDULE 2 (page 3, line 2)")),
    ("Leave out Schedule 3", ("not-found", "the bill has no Schedule 3"), ("not-found", "the bill has no Schedule 3")),
]


@pytest.mark.parametrize(("instruction", "one", "two"), THE_SCHEDULE)
def test_the_schedule_of_a_bill_with_one(instruction: str, one: tuple[str, str], two: tuple[str, str]) -> None:
    for bill, expected in ((minibill.bill(), one), (_two_schedules(), two)):
        (outcome,) = lawtrack.apply(bill, [am(instruction)]).outcomes
        assert (outcome.status, outcome.detail) == expected


# (instruction, how many structures follow it, what it parses to: (clause, schedule, structures) or the reason)
REPLACEMENTS = [
    ("Leave out Clause 4 and insert the following new Clause—", 1, ("4", None, 1)),
    ("Leave out Clause 4 and insert the following new Clauses—", 2, ("4", None, 2)),
    ("Leave out Clause 4 and insert the following new Clause:", 1, ("4", None, 1)),
    ("Leave out Clause 4, and insert the following new Clause—", 1, ("4", None, 1)),
    ("Leave out Clause 4 and insert the following Clause—", 1, ("4", None, 1)),
    ("Leave out Clause 4 and insert new Clause—", 1, ("4", None, 1)),
    ("Leave out Schedule 2 and insert the following new Schedule—", 1, (None, "2", 1)),
    ("Leave out the Schedule and insert the following new Schedule—", 1, (None, "", 1)),
    ("Leave out Clause 4", 0, ("4", None, None)),
    ("Leave out Clause 4 and insert the following new Schedule—", 1, "expected 'clause' / 'clauses'"),
    ("Leave out Clause 4 and insert “words”", 0, "expected 'the' or 'new' or 'clause' / 'clauses'"),
    ("Leave out Clause 4 and insert the following new Clause—", 0, "expected a quoted structure"),
    ("Leave out the Clause 4", 0, "expected 'schedule'"),
]


@pytest.mark.parametrize(("instruction", "structures", "expected"), REPLACEMENTS)
def test_leave_out_a_clause_and_insert_another_is_read(instruction: str, structures: int,
                                                       expected: tuple[str | None, str | None, int | None] | str
                                                       ) -> None:
    from lawtrack.amendments.model import OBJECT, LeaveOutClause
    from tests.test_operations import md

    structure = md("1", "To move the following Clause—\n\n#### Annual report\n\n- (1) Words.\n").inserted
    parsed = lawtrack.parse_instruction(instruction + OBJECT * structures, structure * structures)
    if isinstance(expected, str):
        assert parsed.status == "unparsed" and expected in str(getattr(parsed, "reason", ""))
        return
    assert isinstance(parsed, Parsed) and isinstance(parsed.operation, LeaveOutClause)
    op = parsed.operation
    assert (op.clause, op.schedule, len(op.insert.structure) if op.insert else None) == expected


def test_a_subsection_put_in_the_place_of_another_takes_its_eid_and_guid_of_its_own() -> None:
    from tests.test_operations import md

    mini = minibill.bill()
    result = lawtrack.apply(mini, [md("1", "Clause 1, page 1, line 4, leave out subsection (2) and insert—\n\n"
                                          "- (2) The code must set out the services.\n")])
    (outcome,) = result.outcomes
    assert (outcome.status, outcome.detail) == (
        "applied", "Left out subsection (2) and inserted subsection (2) in Clause 1 (page 1, line 4)")
    assert outcome.provisions == ("sec_1__subsec_2", "sec_1")  # each once
    children = result.bill.provision("clause 1").children
    assert [(c.label, c.eid) for c in children] == [
        ("1", "sec_1__subsec_1"), ("2", "sec_1__subsec_2"), ("3", "sec_1__subsec_3")]
    assert children[1].text == "(2) The code must set out the services."
    assert children[1].guid not in {p.guid for p in mini.walk()}
    assert bill_from_tree(result.bill.tree(), "full").provisions == result.bill.provisions


def test_replacement_provisions_of_two_amendments_get_different_guids() -> None:
    from tests.test_operations import md

    text = "Leave out Schedule 1 and insert the following new Schedule—\n\n" + _NEW_SCHEDULE
    one = lawtrack.apply(minibill.bill(), [md("1", text)]).bill.schedules()[0]
    other = lawtrack.apply(minibill.bill(), [md("2", text)]).bill.schedules()[0]
    again = lawtrack.apply(minibill.bill(), [md("1", text)]).bill.schedules()[0]
    assert [p.guid for p in one.walk()] == [p.guid for p in again.walk()]  # the same on every run
    assert not {p.guid for p in one.walk()} & {p.guid for p in other.walk()}


def test_a_replacement_clause_conflicts_with_a_new_clause_of_the_same_heading() -> None:
    from tests.test_operations import md

    result = lawtrack.apply(minibill.bill(), [
        md("1", "Leave out Clause 2 and insert the following new Clause—\n\n" + _NEW_CLAUSE),
        md("2", "After Clause 3, insert the following new Clause—\n\n" + _NEW_CLAUSE)])
    assert [(o.status, o.detail) for o in result.outcomes] == [
        ("applied", "Left out Clause 2 and inserted a new clause “Annual report” in its place"),
        ("conflict", "conflicts with amendment 1: both insert a new provision headed “Annual report”")]


@pytest.mark.parametrize(("instruction", "detail"), [
    ("Page 2, line 9, leave out Clause 2",  # the right line, the wrong page
     "Left out Clause 2 (note: it starts at page 1, line 9, not page 2, line 9)"),
    ("Line 9, leave out Clause 2", "Left out Clause 2"),  # no page: the line is checked on its own page
    ("Line 10, leave out Clause 2", "Left out Clause 2 (note: it starts at page 1, line 9, not line 10)"),
])
def test_the_line_a_left_out_clause_starts_on_is_checked(instruction: str, detail: str) -> None:
    (outcome,) = lawtrack.apply(minibill.bill(), [am(instruction)]).outcomes
    assert (outcome.status, outcome.detail) == ("applied", detail)


@pytest.mark.parametrize(("instruction", "said", "num", "eid", "order", "detail"), [
    ("After Schedule 1, insert the following new Schedule—", "after Schedule 1", "SCHEDULE 1A", "sched_1A",
     ["1", "1A"], "Inserted a new Schedule after SCHEDULE 1"),
    ("Before Schedule 1, insert the following new Schedule—", "before Schedule 1", "SCHEDULE A1", "sched_A1",
     ["A1", "1"], "Inserted a new Schedule before SCHEDULE 1"),
    ("To move the following Schedule—", "after the last Schedule)", "SCHEDULE 2", "sched_2", ["1", "2"],
     "Inserted a new Schedule at the end of the Schedules"),
])
def test_a_new_schedule_goes_where_the_paper_places_it(instruction: str, said: str, num: str, eid: str,
                                                       order: list[str], detail: str) -> None:
    from tests.test_operations import md

    mini = minibill.bill()
    parsed = lawtrack.parse_instruction(instruction)
    assert isinstance(parsed, Parsed)
    assert describe(parsed).endswith(said), describe(parsed)
    result = lawtrack.apply(mini, [md("1", f"{instruction}\n\n{_NEW_SCHEDULE}")])
    assert [(o.status, o.detail.split(" (")[0]) for o in result.outcomes] == [("applied", detail)]
    assert [s.label for s in result.bill.schedules()] == order
    new = next(s for s in result.bill.schedules() if s.heading == "Repeals")
    assert (new.num, new.eid) == (num, eid)
    assert bill_from_tree(result.bill.tree(), "full").provisions == result.bill.provisions


def test_a_new_schedule_placed_after_a_clause_goes_among_the_schedules_and_says_so() -> None:
    from tests.test_operations import md

    result = lawtrack.apply(minibill.bill(), [md("1", "After Clause 2, insert the following new Schedule—\n\n"
                                                 + _NEW_SCHEDULE)])
    (outcome,) = result.outcomes
    assert outcome.status == "applied", outcome
    assert "the paper places it after Clause 2: a Schedule goes among the Schedules" in outcome.detail
    assert [s.label for s in result.bill.schedules()] == ["1", "2"]


@pytest.mark.parametrize(("instruction", "detail"), [
    ("After Schedule 1, insert the following new Clause—", "a new clause goes among the clauses, not after Schedule 1"),
    ("After Schedule 4, insert the following new Schedule—",
     "the bill has no Schedule 4 to place the new Schedule after"),
])
def test_a_new_provision_with_an_impossible_place_is_refused(instruction: str, detail: str) -> None:
    from tests.test_operations import md

    text = _NEW_CLAUSE if "Clause" in instruction else _NEW_SCHEDULE
    mini = minibill.bill()
    result = lawtrack.apply(mini, [md("1", f"{instruction}\n\n{text}")])
    assert [(o.status, o.detail) for o in result.outcomes] == [("not-found", detail)]
    assert result.bill.to_xml() == mini.to_xml()


# -- the Scottish Parliament's forms: "In section 5, page 4, line 10," and quotations in angle brackets ----------

@pytest.mark.parametrize(("instruction", "address", "fields"), [
    ("In section 5, page 4, line 10, leave out <may> and insert <must>", {"clause": "5", "page": 4, "line": 10},
     {"op": "leave-out-words", "words": "may", "insert": {"words": "must"}}),
    ("In section 5, page 4, leave out lines 10 to 15", {"clause": "5", "page": 4},
     {"op": "leave-out-lines", "first": 10, "last": 15}),
    ("In schedule 2, page 30, line 5, leave out paragraph 3", {"schedule": "2", "line": 5},
     {"op": "leave-out-provisions", "kind": "paragraph", "labels": ["3"]}),
    ("In the schedule, page 30, line 5, leave out <may>", {"schedule": ""}, {"op": "leave-out-words"}),
    ("In the long title, page 1, line 2, after <Act> insert <and for connected purposes>", {"title": True},
     {"op": "insert", "anchor": "Act", "insert": {"words": "and for connected purposes"}}),
    ("In section 5, page 4, line 10, leave out <“relevant body”>", {"clause": "5"},
     {"op": "leave-out-words", "words": "“relevant body”"}),
    ("Leave out section 5", {}, {"op": "leave-out-clause", "clause": "5"}),
    ("After section 5, insert—", {}, {"op": "new-provision", "kind": "clause", "after": "5"}),
    ("Before schedule 1, insert—", {}, {"op": "new-provision", "kind": "schedule", "before": "1",
                                        "anchor": "schedule"}),
])
def test_the_scottish_parliaments_forms_parse(instruction: str, address: dict[str, object],
                                              fields: dict[str, object]) -> None:
    parsed = lawtrack.parse_instruction(instruction)
    assert isinstance(parsed, Parsed), parsed
    dump = parsed.operation.model_dump(mode="json")
    assert {k: dump.get(k) for k in fields if not isinstance(fields[k], dict)} == {
        k: v for k, v in fields.items() if not isinstance(v, dict)}, dump
    for key, sub in fields.items():
        if isinstance(sub, dict):
            assert {k: dump[key].get(k) for k in sub} == sub, dump
    assert {k: getattr(parsed.address, k) for k in address} == address


def test_an_in_that_opens_no_address_says_what_would_follow() -> None:
    parsed = lawtrack.parse_instruction("In each place, leave out “may”")
    assert parsed.status == "unparsed" and parsed.position == 3, parsed
    assert parsed.reason.startswith("expected 'title' or 'the' or 'clause' or 'section' or 'schedule' at “each"), parsed


def test_a_scottish_amendment_applies_as_the_house_form_does() -> None:
    mini = minibill.bill()
    scottish = lawtrack.apply(mini, [am("In section 1, page 1, line 2, leave out <may> and insert <must>")])
    house = lawtrack.apply(mini, [am("Clause 1, page 1, line 2, leave out “may” and insert “must”")])
    assert scottish.all_applied and house.all_applied, scottish.outcomes
    assert scottish.bill.to_xml() == house.bill.to_xml()


def test_scottish_amendments_apply_to_a_real_scottish_bill() -> None:
    from tests.conftest import bill_path

    bill = lawtrack.load_bill(bill_path("scot"))  # Bankruptcy and Diligence (Scotland) Bill, as amended at Stage 2
    result = lawtrack.apply(bill, [
        am("In section 1, page 1, line 5, leave out <may> and insert <must>", "1"),
        am("In section 1, page 1, line 6, after <individuals> insert <(whether or not resident in Scotland)>", "2"),
    ])
    assert [o.status for o in result.outcomes] == ["applied", "applied"], result.outcomes
    assert result.bill.provision("clause 1(1)").text == (
        "(1) The Scottish Ministers must by regulations make provision establishing a moratorium on debt recovery "
        "action by creditors against individuals (whether or not resident in Scotland) who have a mental illness.")


def test_to_end_of_line_without_a_line_anywhere_says_so() -> None:
    outcome = lawtrack.apply(minibill.bill(), [am("Clause 1, leave out from “revise” to end of line")]).outcomes[0]
    assert (outcome.status, outcome.detail) == (
        "not-found", "“to end of line” names no line, and the address gives none"), outcome
