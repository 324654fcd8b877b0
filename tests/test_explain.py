"""What ``lawtrack explain`` and the site's "how lawtrack reads it" say, instruction by instruction (hand-checked)."""

from __future__ import annotations

import pytest
from lxml import etree

from lawtrack.amendments.explain import describe, explain
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Parsed
from lawtrack.formats.akn import AKN_NS
from lawtrack.formats.lawmaker import provisions_of
from lawtrack.model.provision import Provision

AT = "Clause 2, page 3, line 15"
TABLE = [
    (f"{AT}, leave out “may” and insert “must”", f"{AT}: leave out “may” and insert “must”"),
    (f"{AT}, leave out “may” in each place", f"{AT}: leave out “may” in each place"),
    (f"{AT}, leave out “may” where it second occurs", f"{AT}: leave out “may” (occurrence 2)"),
    (f"{AT}, after “State” insert “or the Welsh Ministers”", f"{AT}: after “State”, insert “or the Welsh Ministers”"),
    (f"{AT}, before “may” insert “, subject to subsection (4),”",
     f"{AT}: before “may”, insert “, subject to subsection (4),”"),
    (f"{AT}, at end insert “and”", f"{AT}: at the end, insert “and”"),
    (f"{AT}, at beginning insert “Subject to subsection (2),”",
     f"{AT}: at the beginning, insert “Subject to subsection (2),”"),
    (f"{AT}, leave out from “may” to end of line 20 and insert “must”",
     f"{AT}: leave out from just after “may” to the end of line 20 and insert “must”"),
    (f"{AT}, leave out from beginning to “may” in line 17",
     f"{AT}: leave out from the beginning of the line to just before “may” in line 17"),
    ("Clause 2, page 3, leave out line 15", "Clause 2, page 3: leave out line 15"),
    ("Clause 2, page 3, leave out lines 15 and 16", "Clause 2, page 3: leave out lines 15 and 16"),
    ("Clause 2, page 3, leave out lines 15 to 18", "Clause 2, page 3: leave out lines 15 to 18"),
    (f"{AT}, leave out subsection (2)", f"{AT}: leave out subsection (2)"),
    (f"{AT}, leave out subsections (2) to (4)", f"{AT}: leave out subsections (2) to (4)"),
    (f"{AT}, leave out paragraphs (a) and (b)", f"{AT}: leave out paragraphs (a) and (b)"),
    (f"{AT}, leave out from “may” to end of subsection (4)",
     f"{AT}: leave out from just after “may” to the end of subsection (4)"),
    (f"{AT}, leave out from “may” to end of paragraph (b)(ii)",
     f"{AT}: leave out from just after “may” to the end of paragraph (b)(ii)"),
    (f"{AT}, leave out from “may” to end of line",
     f"{AT}: leave out from just after “may” to the end of the line"),
    (f"{AT}, leave out from “may” to end of clause",
     f"{AT}: leave out from just after “may” to the end of the clause"),
    ("Schedule 2, page 30, line 4, leave out from “may” to end of paragraph 3",
     "Schedule 2, page 30, line 4: leave out from just after “may” to the end of paragraph 3"),
    (f"{AT}, leave out from beginning of line 17 to “may”",
     f"{AT}: leave out from the beginning of line 17 to just before “may”"),
    (f"{AT}, leave out “may” in each place it occurs and insert “must”",
     f"{AT}: leave out “may” in each place and insert “must”"),
    ("Schedule 2, page 40, line 3, leave out paragraphs 3 to 5",
     "Schedule 2, page 40, line 3: leave out paragraphs 3 to 5"),
    (f"{AT}, leave out “may” where it occurs for the second time", f"{AT}: leave out “may” (occurrence 2)"),
    (f"{AT}, leave out “may” where it last occurs", f"{AT}: leave out “may” (the last)"),
    (f"{AT}, after “may” where it second occurs insert “not”", f"{AT}: after “may” (occurrence 2), insert “not”"),
    (f"{AT}, before the first “may” insert “not”", f"{AT}: before “may” (occurrence 1), insert “not”"),
    (f"{AT}, leave out from beginning of line 40 on page 3 to “may”",
     f"{AT}: leave out from the beginning of line 40 on page 3 to just before “may”"),
    (f"{AT}, leave out from “may” to end of line 2 on page 4",
     f"{AT}: leave out from just after “may” to the end of line 2 on page 4"),
    (f"{AT}, leave out from “may” to “the” in line 3 on page 4",
     f"{AT}: leave out from just after “may” to just before “the” in line 3 on page 4"),
    (f"{AT}, leave out from the second “may” to the last “the”",
     f"{AT}: leave out from just after the second “may” to just before the last “the”"),
    (f"{AT}, leave out from “may” to end of paragraph (b)(ii)(A)",
     f"{AT}: leave out from just after “may” to the end of paragraph (b)(ii)(A)"),
    (f"{AT}, after “may” in each place insert “not”", f"{AT}: after “may” in each place, insert “not”"),
    (f"{AT}, at end insert—", f"{AT}: at the end, insert the text that follows (not given)"),
    ("After Clause 5, insert the following new Clause—", "insert a new clause after Clause 5"),
    ("Before Clause 5, insert the following new Clause—", "insert a new clause before Clause 5"),
    ("After Schedule 2, insert the following new Schedule—", "insert a new schedule after Schedule 2"),
    ("Before Schedule 1, insert the following new Schedule—", "insert a new schedule before Schedule 1"),
    ("Leave out Clause 5", "leave out Clause 5"),
    ("Leave out Schedule 2", "leave out Schedule 2"),
    ("Leave out the Schedule", "leave out the Schedule"),
]


@pytest.mark.parametrize(("instruction", "expected"), TABLE, ids=[t[0] for t in TABLE])
def test_describe(instruction: str, expected: str) -> None:
    parsed = parse_instruction(instruction)
    assert isinstance(parsed, Parsed)
    assert describe(parsed) == expected
    data = explain(parsed)
    assert data["parsed"] is True and data["summary"] == expected
    assert data["meaning"] == expected.split(": ", 1)[-1]


def test_a_neighbour_is_named_from_the_label_when_the_number_is_not_known() -> None:
    from lawtrack.model.provision import Kind

    unnumbered = Provision(kind=Kind.PARAGRAPH, element="paragraph", label="3A", num=None, text="3A Text.")
    parsed = parse_instruction("Schedule, page 12, line 21, at end insert—\ufffc", ((unnumbered,),))
    assert isinstance(parsed, Parsed)
    assert describe(parsed).startswith("Schedule, page 12, line 21: after paragraph 3, insert ")


def test_a_clause_put_in_the_place_of_another_is_explained_so() -> None:
    new = _quoted(CLAUSE_12A.replace("12A", "5"))
    parsed = parse_instruction("Leave out Clause 5 and insert the following new Clause—\ufffc", (new,))
    assert isinstance(parsed, Parsed)
    assert describe(parsed) == "leave out Clause 5 and insert a new clause “Reviews” in its place"


def test_explain_gives_the_address_and_operation_as_fields() -> None:
    """What ``lawtrack explain --json`` prints, field by field."""
    data = explain(parse_instruction(f"{AT}, leave out “may” and insert “must”"))
    assert data == {
        "parsed": True, "address": AT, "address_fields": {"clause": "2", "page": 3, "line": 15},
        "operation": "leave-out-words", "lawmaker_type": "substitute", "meaning": "leave out “may” and insert “must”",
        "summary": f"{AT}: leave out “may” and insert “must”",
        "details": {"op": "leave-out-words", "words": "may", "each_place": False, "insert": {"words": "must"}}}
    # as JSON gives them: the labels are a list
    assert explain(parse_instruction(f"{AT}, leave out subsections (2) and (3)"))["details"] == {
        "op": "leave-out-provisions", "kind": "subsection", "labels": ["2", "3"], "through": False}
    # a quoted structure is described, not dumped
    qs = etree.fromstring(f'<quotedStructure xmlns="{AKN_NS}">{SUBSECTION}</quotedStructure>')
    inserted = explain(parse_instruction(f"{AT}, at end insert—\ufffc", (provisions_of(qs),)))
    assert inserted["details"] == {"op": "insert", "where": "at-end", "anchor": "", "each_place": False,
                                   "insert": {"words": ""}}


def test_explain_an_unparsed_instruction_shows_forty_characters_from_where_it_stopped() -> None:
    text = f"{AT}, transmogrify “may” into something far longer than forty characters"
    assert explain(parse_instruction(text)) == {
        "parsed": False, "position": len(AT) + 2, "near": "transmogrify “may” into something far lo",
        "error": "expected 'to' or 'after' / 'before' or 'insert' or 'leave' or 'at' at “transmogrify “may” into "
                 "someth”"}


def test_explain_an_instruction_that_does_not_parse() -> None:
    data = explain(parse_instruction("Clause 2, page 3, line 15, leave out"))
    assert data["parsed"] is False
    assert data["error"] and 0 <= data["position"] <= len("Clause 2, page 3, line 15, leave out")


def _quoted(inner: str) -> tuple[Provision, ...]:
    """Provisions of a quoted structure, read as the paper reader reads them."""
    qs = etree.fromstring(f'<quotedStructure xmlns="{AKN_NS}" startQuote="“" endQuote="”">{inner}</quotedStructure>')
    return provisions_of(qs)


SCHEDULE_PARA = ('<paragraph class="schProv1"><num>3A</num><content><p>Section 1 does not apply to a registered '
                 'higher education provider.</p></content></paragraph>')
SUBSECTION = ('<subsection class="prov2"><num>(1A)</num><content><p>But section 1 does not apply.</p></content>'
              '</subsection>')
PARA = '<level class="para1"><num>(za)</num><content><p>a relevant authority;</p></content></level>'
SUB_PARA = '<level class="para2"><num>(iv)</num><content><p>a relevant authority;</p></content></level>'
#: a regulation's numbered paragraph, written with brackets (an instrument's "paragraph (3A)")
SI_PARA = '<paragraph><num>(3A)</num><content><p>This regulation does not apply.</p></content></paragraph>'
CLAUSE_12A = '<section><num>12A</num><heading>Reviews</heading><content><p>A review.</p></content></section>'


@pytest.mark.parametrize(("address", "inner", "expected"), [
    # a Schedule's paragraphs are numbered without brackets (an Economic Activity Bill report paper)
    ("Schedule, page 12, line 21", SCHEDULE_PARA, "after paragraph 3, insert paragraph 3A"),
    ("Clause 12, page 8, line 5", SUBSECTION, "after subsection (1), insert subsection (1A)"),
    ("Clause 2, page 3, line 15", PARA, "before paragraph (a), insert paragraph (za)"),
    ("Clause 2, page 3, line 15", SUB_PARA, "after sub-paragraph (iii), insert sub-paragraph (iv)"),  # Roman
    ("Clause 2, page 3, line 15", SI_PARA, "after paragraph (3), insert paragraph (3A)"),
    # a whole clause goes where the line says: nothing is inferred from its number
    ("Clause 2, page 3, line 15", CLAUSE_12A, "at the end, insert a new clause “Reviews”"),
])
def test_where_an_insertion_goes_is_written_as_its_own_number_is(address: str, inner: str, expected: str) -> None:
    parsed = parse_instruction(f"{address}, at end insert—\ufffc", (_quoted(inner),))
    assert isinstance(parsed, Parsed)
    assert describe(parsed) == f"{address}: {expected}"


def test_a_new_schedule_with_no_place_is_said_to_go_after_the_last_schedule() -> None:
    parsed = parse_instruction("To move the following Schedule—")
    assert isinstance(parsed, Parsed)
    assert describe(parsed) == "insert a new schedule (no position given: lawtrack puts it after the last Schedule)"
