"""Instruction forms found on real papers beyond the commonest, and prints that lack what the forms assume:
ordinals without "the", ranges from the beginning of a line or to the end of a provision, the sole Schedule, the
long title, unbalanced quotation marks, and prints without page/line markers."""

from __future__ import annotations

import re

import pytest

import lawtrack
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
