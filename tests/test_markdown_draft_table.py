"""A policy officer's Markdown draft, checked by hand: for each mistake, the exact error (file, line, message and
what was expected), and for each well-formed draft the exact amendment read."""

from __future__ import annotations

import pytest

from lawtrack.amendments.markdown import MAX_DRAFT_CHARS, read_markdown_amendment
from lawtrack.amendments.model import OBJECT, Person
from lawtrack.errors import LawtrackError

PERSON = "a name, or {name: …, id: person-NNNN}"
FIELDS = ("bill, stage, number, dnum, house, proposer, supporters, sponsors, explanatory_statement, star, paper_date, "
          "bill_version, bill_number, notes")


def error(text: str) -> LawtrackError:
    with pytest.raises(LawtrackError) as caught:
        read_markdown_amendment(text, "amendments/x/01.md")
    return caught.value


@pytest.mark.parametrize(("draft", "message", "line", "expected"), [
    ("---\nnumber: '1'\nbil: Victims Bill\n---\nClause 1, leave out “x”\n",
     "unknown front matter field 'bil'", 3, FIELDS),
    ("---\nnumber: '1'\nproposer: [a, b]\n---\nClause 1, leave out “x”\n",
     "front matter 'proposer': Input should be a valid dictionary or instance of Person", 3, PERSON),
    ("---\nsupporters: Jess Phillips\n---\nClause 1, leave out “x”\n",
     "front matter 'supporters': a list is expected (one name per item, e.g. [Jess Phillips, Sarah Champion]), not a "
     "single name", 2, PERSON),
    ("---\nnumber: '1'\nsponsors: {name: Jess Phillips}\n---\nClause 1, leave out “x”\n",
     "front matter 'sponsors': a list is expected (one name per item, e.g. [Jess Phillips, Sarah Champion]), not a "
     "mapping", 3, PERSON),
    ("---\nsupporters: [{name: A}, {nom: B}]\n---\nClause 1, leave out “x”\n",
     "front matter 'supporters.1.name': Field required", 2, PERSON),
    ("---\nnumber: '1'\n\npaper_date: 2024-13-01x\n---\nClause 1, leave out “x”\n",
     "front matter 'paper_date': '2024-13-01x' is not a date (YYYY-MM-DD)", 4, "a date such as 2024-04-30"),
    ("---\nstage: [Report]\n---\nClause 1, leave out “x”\n",
     "front matter 'stage': Input should be a valid string", 2, "text"),
    ("---\nnumber: '1'\n---\n\n\n", "the amendment has no instruction", 4,
     "House-style prose such as 'Clause 2, page 3, line 15, leave out “x”'"),
    ("Clause 1, page 1, line 3, leave out “x” and insert—\n\n> a quotation\n",
     "the text after the instruction holds no provisions", 3,
     "'#### Heading' then '- (1) …' items, or '- (a) …' items"),
    ("---\nnumber: '1'\n---\nClause 1, leave out “x\u0007”\n", "the draft contains the control character U+0007", 4,
     "text without control characters"),
])
def test_a_mistake_names_the_file_line_and_what_was_expected(draft: str, message: str, line: int,
                                                             expected: str) -> None:
    exc = error(draft)
    assert (exc.source, exc.message, exc.line, exc.expected) == ("amendments/x/01.md", message, line, expected)


def test_a_draft_too_long() -> None:
    exc = error("x" * (MAX_DRAFT_CHARS + 1))
    assert (exc.message, exc.line, exc.expected) == (
        f"the draft is {MAX_DRAFT_CHARS + 1:,} characters long", None, f"an amendment of at most {MAX_DRAFT_CHARS:,}")
    # at the limit it is read (its instruction, "xxx…", is then reported as unparsed when applied)
    assert read_markdown_amendment("x" * MAX_DRAFT_CHARS).instruction == "x" * MAX_DRAFT_CHARS


def test_a_draft_is_read_as_written_in_any_editor() -> None:
    # a byte-order mark, Windows line ends and decomposed letters read as a plain draft would
    plain = "---\nnumber: '1'\nstage: Report\n---\nClause 1, page 1, line 3, leave out “café”\n"
    windows = "\ufeff" + plain.replace("\n", "\r\n").replace("é", "e\u0301")
    a, b = read_markdown_amendment(plain, "a.md"), read_markdown_amendment(windows, "a.md")
    assert a == b
    assert a.instruction == "Clause 1, page 1, line 3, leave out “café”"
    assert a.source_line == 5  # the instruction's line, after four lines of front matter


def test_the_instruction_runs_over_lines_and_loses_its_inline_markdown() -> None:
    a = read_markdown_amendment("Clause 1, page 1, line 3,\n  leave out **“x”**\nand insert `“y”`\n", "b.md")
    assert a.instruction == "Clause 1, page 1, line 3, leave out “x” and insert “y”"
    assert (a.source_line, a.number, a.type) == (1, "", "substitute")


def test_inserted_text_follows_the_instruction() -> None:
    a = read_markdown_amendment("---\nnumber: NC1\n---\nTo move the following Clause—\n\n#### Data protection\n\n"
                                "- (1) A person must not share data.\n", "c.md")
    assert a.instruction == f"To move the following Clause—{OBJECT}"
    assert a.type == "newClause" and a.heading == "Data protection"
    assert [[(p.kind.value, p.heading, p.text) for p in s] for s in a.inserted] == [
        [("clause", "Data protection", "Data protection\n(1) A person must not share data.")]]
    assert a.inserted_xml[0].startswith(b"<quotedStructure") and b'startQuote="\xe2\x80\x9c"' in a.inserted_xml[0]
    # an instruction that places the text itself keeps its object character where it is
    b = read_markdown_amendment(f"Clause 1, page 1, line 3, at end insert—{OBJECT}\n\n- (a) new words;\n", "d.md")
    assert b.instruction == f"Clause 1, page 1, line 3, at end insert—{OBJECT}"
    assert [p.num for p in b.inserted[0]] == ["(a)"]


def test_sponsors_give_the_proposer_and_supporters_unless_those_are_given() -> None:
    base = "---\nsponsors: [Sarah Champion, {name: Jess Phillips, id: person-4036}, Wera Hobhouse]\n"
    rest = "---\nClause 1, leave out “x”\n"
    a = read_markdown_amendment(base + rest, "e.md")
    assert a.proposer == Person(name="Sarah Champion")
    assert a.supporters == (Person(name="Jess Phillips", id="person-4036"), Person(name="Wera Hobhouse"))
    b = read_markdown_amendment(base + "proposer: Layla Moran\nsupporters: [Ruth Cadbury]\n" + rest, "e.md")
    assert b.proposer == Person(name="Layla Moran") and b.supporters == (Person(name="Ruth Cadbury"),)
    # names are read with their white space collapsed, as a paper's are
    c = read_markdown_amendment("---\nsupporters: null\nproposer: {name: 'A  B'}\n" + rest, "e.md")
    assert c.proposer == Person(name="A B") and c.supporters == ()
    d = read_markdown_amendment("---\nsupporters: ['Jess  Phillips', {name: ' C  D '}]\n" + rest, "e.md")
    assert d.supporters == (Person(name="Jess Phillips"), Person(name="C D"))


def test_a_list_of_names_that_is_not_a_list() -> None:
    from pydantic import ValidationError

    from lawtrack.amendments.markdown import DraftFrontMatter

    with pytest.raises(ValidationError, match="a list of names is expected, not int"):
        DraftFrontMatter.model_validate({"supporters": 3})


def test_front_matter_text_is_collapsed_and_the_date_checked() -> None:
    a = read_markdown_amendment("---\nexplanatory_statement: |\n  This new clause\n  would protect.\n"
                                "paper_date: '2024-04-30'\nnotes: for us\n---\nClause 1, leave out “x”\n", "f.md")
    assert a.explanatory_statement == "This new clause would protect."
    assert a.paper_date == "2024-04-30"
    assert read_markdown_amendment("---\npaper_date: ''\n---\nClause 1, leave out “x”\n", "g.md").paper_date == ""


def test_a_draft_is_written_exactly() -> None:
    a = read_markdown_amendment(
        "---\nbill: Victims’ and Prisoners Bill\nstage: Report stage\nnumber: NC36\n"
        "proposer: {name: Sarah Champion, id: person-4267}\nsupporters: [Jess Phillips]\n"
        "explanatory_statement: This new clause would stop the police and other services passing the personal data "
        "of victims of domestic abuse to immigration enforcement.\n---\n"
        "To move the following Clause—\n\n#### Victims’ data\n\n- (1) A person must not share data.\n", "x.md")
    from lawtrack.amendments.markdown import write_markdown_amendment

    # keys in the order a clerk reads them; no empty ids; curly quotes as written; lines folded at 100
    assert write_markdown_amendment(a) == (
        "---\n"
        "bill: Victims’ and Prisoners Bill\n"
        "stage: Report stage\n"
        "number: NC36\n"
        "proposer:\n"
        "  name: Sarah Champion\n"
        "  id: person-4267\n"
        "supporters:\n"
        "- name: Jess Phillips\n"
        "explanatory_statement: This new clause would stop the police and other services passing the personal data\n"
        "  of victims of domestic abuse to immigration enforcement.\n"
        "---\n"
        "To move the following Clause—\n"
        "\n"
        "#### Victims’ data\n"
        "\n"
        "- (1) A person must not share data.\n")
    again = read_markdown_amendment(write_markdown_amendment(a), "x.md")
    assert again.source_line == 13  # the instruction's line after the twelve lines of front matter
    # the same amendment (its inserted provisions' GUIDs are made from where they stand in the file)
    assert again.model_dump(exclude={"source_line", "inserted"}) == a.model_dump(exclude={"source_line", "inserted"})
    assert [[p.text for p in s] for s in again.inserted] == [[p.text for p in s] for s in a.inserted]


def test_a_bare_draft_is_written_with_empty_front_matter() -> None:
    from lawtrack.amendments.markdown import write_markdown_amendment

    a = read_markdown_amendment("Clause 1, page 1, line 3, leave out “x”\n", "y.md")
    assert write_markdown_amendment(a) == "---\n---\nClause 1, page 1, line 3, leave out “x”\n"
