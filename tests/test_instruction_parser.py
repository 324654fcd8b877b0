"""The instruction grammar, form by form, from House style (Commons and Lords), and its failures."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import (
    OBJECT,
    InsertWords,
    LeaveOutClause,
    LeaveOutLines,
    LeaveOutProvisions,
    LeaveOutRange,
    LeaveOutWords,
    NewProvision,
    Parsed,
    Unparsed,
)
from lawtrack.cli import main


def parsed(text: str) -> Parsed:
    result = parse_instruction(text)
    assert isinstance(result, Parsed), result
    return result


def test_substitute_words() -> None:
    r = parsed("Clause 2, page 3, line 15, leave out “may” and insert “must”")
    assert (r.address.clause, r.address.page, r.address.line) == ("2", 3, 15)
    assert isinstance(r.operation, LeaveOutWords)
    assert r.operation.words == "may" and r.operation.insert and r.operation.insert.words == "must"
    assert r.lawmaker_type == "substitute"


def test_nested_quotation_marks() -> None:
    r = parsed("Clause 22, page 18, line 11, leave out “has” and insert “and “processing” have”")
    assert isinstance(r.operation, LeaveOutWords)
    assert r.operation.insert and r.operation.insert.words == "and “processing” have"


@pytest.mark.parametrize(
    ("text", "where", "anchor"),
    [
        ("Clause 4, page 5, line 6, after “person” insert “or body”", "after", "person"),
        ("Clause 4, page 5, line 6, before “person” insert “relevant”", "before", "person"),
        ("Clause 4, page 5, line 6, at end insert “, and”", "at-end", ""),
        ("Clause 4, page 5, line 6 at end insert “, and”", "at-end", ""),  # comma missing, as in real papers
        ("Clause 4, page 5, line 6, at beginning insert “Subject to subsection (3),”", "at-beginning", ""),
    ],
)
def test_insert_forms(text: str, where: str, anchor: str) -> None:
    op = parsed(text).operation
    assert isinstance(op, InsertWords) and op.where == where and op.anchor == anchor


def test_structures_follow_the_instruction() -> None:
    r = parse_instruction("Clause 1, page 1, line 16, at end insert—" + OBJECT, ((),))
    assert isinstance(r, Parsed) and isinstance(r.operation, InsertWords)
    r = parse_instruction("Clause 6, page 7, line 39, at end insert “, and" + OBJECT, ((),))
    assert isinstance(r, Parsed) and isinstance(r.operation, InsertWords)
    assert r.operation.insert.words == ", and"


def test_leave_out_lines() -> None:
    op = parsed("Clause 56, page 50, leave out lines 20 to 23").operation
    assert isinstance(op, LeaveOutLines) and (op.first, op.last) == (20, 23)
    op = parsed("Clause 56, page 50, leave out lines 18 and 19 and insert “x”").operation
    assert isinstance(op, LeaveOutLines) and (op.first, op.last) == (18, 19) and op.insert


def test_leave_out_ranges() -> None:
    op = parsed("Clause 3, page 4, line 2, leave out from “the” to end of line 4").operation
    assert isinstance(op, LeaveOutRange)
    assert (op.start.kind, op.start.words, op.end.kind, op.end.line) == ("words", "the", "end-of-line", 4)
    op = parsed("Clause 3, page 4, line 2, leave out from “the” to “Act” in line 5 and insert “it”").operation
    assert isinstance(op, LeaveOutRange) and op.end.words == "Act" and op.end.line == 5 and op.insert
    op = parsed("Schedule 14, page 350, line 36, leave out from “in” to “of” in line 1 on page 351").operation
    assert isinstance(op, LeaveOutRange) and (op.end.line, op.end.page) == (1, 351)
    op = parsed("Clause 29, page 21, line 38, leave out from beginning to the first “the” on line 39").operation
    assert isinstance(op, LeaveOutRange) and op.start.kind == "beginning" and op.end.occurrence == 1
    op = parsed("Clause 5, page 4, leave out from “x” in line 12 to “y” in line 14 and insert “z”").operation
    assert isinstance(op, LeaveOutRange) and (op.start.line, op.end.line) == (12, 14)


def test_leave_out_provisions() -> None:
    op = parsed("Clause 9, page 10, line 15, leave out subsection (10) and insert—").operation
    assert isinstance(op, LeaveOutProvisions) and op.kind == "subsection" and op.labels == ("10",)
    op = parsed("Clause 9, page 10, line 15, leave out paragraphs (a), (b) and (c)").operation
    assert isinstance(op, LeaveOutProvisions) and op.labels == ("a", "b", "c") and not op.through
    op = parsed("Clause 9, page 10, line 15, leave out sub-paragraphs (iii) to (v)").operation
    assert isinstance(op, LeaveOutProvisions) and op.kind == "sub-paragraph" and op.through
    op = parsed("Schedule 9, page 328, line 15, leave out sub-paragraph (4)").operation
    assert isinstance(op, LeaveOutProvisions) and op.labels == ("4",)


def test_clauses_schedules_and_new_provisions() -> None:
    r = parsed("Page 60, line 22, leave out Clause 69")
    assert isinstance(r.operation, LeaveOutClause) and r.operation.clause == "69" and r.address.page == 60
    op = parsed("Leave out Clause 4").operation  # Lords form
    assert isinstance(op, LeaveOutClause) and op.clause == "4"
    op = parsed("Page 40, line 1, leave out Schedule 2").operation
    assert isinstance(op, LeaveOutClause) and op.schedule == "2"
    op = parsed("To move the following Clause—").operation
    assert isinstance(op, NewProvision) and op.kind == "clause" and op.after is None
    op = parsed("To move the following Schedule—").operation
    assert isinstance(op, NewProvision) and op.kind == "schedule"
    op = parsed("After Clause 26, insert the following new Clause—").operation  # Lords form
    assert isinstance(op, NewProvision) and op.after == "26"
    op = parsed("Before Clause 3, insert the following new Clause—").operation
    assert isinstance(op, NewProvision) and op.before == "3"


def test_schedule_and_located_addresses() -> None:
    r = parsed("Schedule 2, page 40, line 3, leave out “a” and insert “b”")
    assert (r.address.schedule, r.address.page, r.address.line) == ("2", 40, 3)
    r = parsed("Clause 5(2)(a), leave out “x” and insert “y”")
    assert r.address.clause == "5" and r.address.path == ("2", "a") and r.address.page is None
    r = parsed("Schedule 2, paragraph 3(1), leave out “x”")
    assert r.address.schedule == "2" and r.address.path == ("3", "1")
    r = parsed("Title, line 1, leave out “and for connected purposes”")
    assert r.address.title and r.address.line == 1


def test_each_place_and_occurrences() -> None:
    op = parsed("Clause 5, page 4, line 12, leave out “may” in each place and insert “must”").operation
    assert isinstance(op, LeaveOutWords) and op.each_place
    op = parsed("Clause 5, page 4, line 12, leave out “may” in both places where it occurs").operation
    assert isinstance(op, LeaveOutWords) and op.each_place
    op = parsed("Clause 5, page 4, line 12, leave out “may” where it first occurs").operation
    assert isinstance(op, LeaveOutWords) and op.occurrence == 1


def test_straight_quotes_from_drafts() -> None:
    op = parsed('Clause 5, page 4, line 12, leave out "may" and insert "must"').operation
    assert isinstance(op, LeaveOutWords) and op.words == "may"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("Clause 5, page 4, line 12, leave out “x", "never closed"),
        ("Clause 5, page 4, line 12, frobnicate “x”", "expected"),
        ("Clause 5, page 4, line 12, leave out “x” and insert", "what to insert"),
        ("Clause 5, page 4, line 12, leave out “x” and then some", "expected 'insert' at “then some”"),
        ("Clause 5, page 4, line 12, leave out “x” now", "the end of the instruction"),
    ],
)
def test_unparsed_is_an_outcome_with_a_position(text: str, fragment: str) -> None:
    r = parse_instruction(text)
    assert isinstance(r, Unparsed)
    assert fragment in r.reason
    assert 0 <= r.position <= len(text)


def test_explain_command() -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["explain", "Clause 2, page 3, line 15, leave out “x” and insert “y”"])
    assert out.exit_code == 0
    assert "Clause 2, page 3, line 15" in out.stdout and "leave out “x” and insert “y”" in out.stdout
    out = runner.invoke(main, ["explain", "--json", "Clause 1, page 1, line 16, at end insert—"])
    assert out.exit_code == 0 and '"operation": "insert"' in out.stdout
    out = runner.invoke(main, ["explain", "Clause 5, leave out “x"])
    assert out.exit_code == 1 and "never closed" in out.stdout


def test_an_instruction_read_twice_gives_equal_readings_and_structures_stay_the_callers() -> None:
    from lawtrack.amendments.instructions.parser import _parse
    from lawtrack.model.provision import Kind, Provision

    text = "Clause 2, page 3, line 15, leave out “may” and insert “must”"
    first, again = parse_instruction(text), parse_instruction(text)
    assert again is first  # read once: the second call shares the first reading
    assert first == _parse(text, ())  # and it is the uncached parser's, whatever came before
    # with quoted structures, what is inserted is always the caller's own provisions, never an equal copy
    new = "To move the following Clause—" + OBJECT
    mine = (Provision(kind=Kind.CLAUSE, element="section", num="1", label="1", text="1 Duty"),)
    theirs = (Provision(kind=Kind.CLAUSE, element="section", num="1", label="1", text="1 Duty"),)
    got = [parse_instruction(new, (s,)) for s in (theirs, mine)]
    ops = [g.operation for g in got if isinstance(g, Parsed)]
    assert len(ops) == 2 and all(isinstance(op, NewProvision) for op in ops)
    assert isinstance(ops[1], NewProvision) and ops[1].insert.structure[0] is mine[0]


def test_each_object_character_takes_the_next_quoted_structure() -> None:
    from lawtrack.amendments.model import OBJECT
    from tests import minibill

    mini = minibill.bill()
    first, second = mini.provision("clause 1").children[0], mini.provision("clause 2").children[0]
    parsed = parse_instruction(f"Clause 1, page 1, line 3, at end insert—{OBJECT}", ((first,), (second,)))
    assert isinstance(parsed, Parsed) and parsed.operation.insert.structure == (first,)  # type: ignore[union-attr]
    # an object character with no structure left to take: nothing is taken (apply reports it)
    parsed = parse_instruction(f"Clause 1, page 1, line 3, at end insert—{OBJECT}", ())
    assert isinstance(parsed, Parsed) and parsed.operation.insert.structure == ()  # type: ignore[union-attr]
    # two objects where one instruction takes one: the second is where reading stopped
    unparsed = parse_instruction(f"Clause 1, page 1, line 3, at end insert—{OBJECT} and {OBJECT}",
                                 ((first,), (second,)))
    assert isinstance(unparsed, Unparsed)
    assert (unparsed.reason, unparsed.position) == (
        "expected ',' or ';' or a quoted structure or the end of the instruction at “and \ufffc”", 42)
