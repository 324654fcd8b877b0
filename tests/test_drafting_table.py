"""Hand-checked tables for the drafter: the exact House-style instruction for each kind of change, and the pure
helpers that choose the address and the words quoted.

The round-trip tests (test_draft.py, test_draft_properties.py) prove that drafted amendments turn one print into
the other; they cannot notice an amendment that is correct but not as the House writes it (a wider quotation than
needed, "paragraph (b), (c)", a Lords new clause without its place). Every expected text here was written out
and checked by eye against the small bill in tests/minibill.py, whose printed lines are in its docstring.
"""

from __future__ import annotations

import re

import pytest

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.diff.exact import exact_diff
from lawtrack.drafting import draft_with_notes
from lawtrack.drafting.address import address, line_at, line_region, path, unit_of
from lawtrack.drafting.provisions import _labels
from lawtrack.drafting.quote import balanced, next_word_end, normal, prev_word_start, trim, widenings
from lawtrack.model.provision import LineSpan
from tests import minibill

OBJ = "\ufffc"  # where the inserted provisions stand in an instruction


def _no_lines(xml: bytes) -> bytes:
    return re.sub(rb"<\?L [^?]*\?>", b"", xml)


def _draft(edit: tuple[str, str], *, house: str = "commons", lines: bool = True) -> tuple[list[str], list[str]]:
    """The instructions drafted from the mini bill to the mini bill with ``edit`` made; they must apply, and
    turn the old print into the new one exactly."""
    old_xml, new_xml = minibill.xml(), minibill.xml(edit=edit)
    if not lines:
        old_xml, new_xml = _no_lines(old_xml), _no_lines(new_xml)
    old, new = lawtrack.load_bill(old_xml), lawtrack.load_bill(new_xml)
    out = draft_with_notes(old, new, house=house)  # type: ignore[arg-type]
    result = apply(old, out.amendments)
    assert [o.status for o in result.outcomes] == ["applied"] * len(out.amendments)
    assert [d.reason for d in exact_diff(result.bill, new).differences] == []
    return [a.instruction for a in out.amendments], out.notes


# -- words: (old words, new words) in the mini bill's XML → the instruction, with and without printed lines ------
WORDS: list[tuple[tuple[str, str], str | list[str], str | list[str]]] = [
    (("State may\n  publish", "State must\n  publish"),
     "Clause 1, page 1, line 2, leave out “may” and insert “must”",
     "Clause 1(1), leave out “may publish” and insert “must publish”"),  # "may" twice in (1)
    (("at any time.", "at any time, and must consult victims."),
     "Clause 1, page 1, line 3, after “time” insert “, and must consult victims”",
     "Clause 1(1), after “time” insert “, and must consult victims”"),
    (("services available to victims,", "services available to victims and witnesses,"),
     "Clause 1, page 1, line 5, after “victims” insert “and witnesses”",
     "Clause 1(2)(a), after “victims” insert “and witnesses”"),
    (("set out the\n   services", "set out the\n   support services"),
     "Clause 1, page 1, line 5, after “the” insert “support”",
     "Clause 1(2)(a), after “the” insert “support”"),
    (("<heading>Reports</heading>", "<heading>Annual reports</heading>"),
     "Clause 2, page 1, line 9, leave out “Reports” and insert “Annual reports”",
     "Clause 2, leave out “Reports” and insert “Annual reports”"),
    (("must lay a\n  report", "must lay a\n  full report"),
     "Clause 2, page 1, line 10, after “a” insert “full”",
     "Clause 2(1), after “a” insert “full”"),
    (("before <?L 2-1?>Parliament", "before <?L 2-1?>each House of Parliament"),
     "Clause 2, page 1, line 10, after “before” insert “each House of”",
     "Clause 2(1), after “before” insert “each House of”"),
    (("in each year, and must publish the report.", "in each year."),
     "Clause 2, page 2, line 1, leave out “, and must publish the report”",
     "Clause 2(1), leave out “, and must publish the report”"),
    (("Mini Act 2026", "Mini Act 2027"),
     "Clause 3, page 2, line 4, leave out “2026” and insert “2027”",
     "Clause 3, leave out “2026” and insert “2027”"),
    (("suffered harm.", "suffered harm or loss."),
     "Clause 1, page 1, line 8, after “harm” insert “or loss”",
     "Clause 1(3), after “harm” insert “or loss”"),
    (("about the <?L 1-3?>support", "about the <?L 1-3?>wider support"),  # at the start of line 3: after the
     "Clause 1, page 1, line 2, after “the” insert “wider”",  # last word of line 2 (“The” is another word)
     "Clause 1(1), after “about the” insert “wider”"),  # "the" is in (1) three times
    (("State may\n  publish a code of practice", "State must\n  publish a code of conduct"),  # four words apart
     ["Clause 1, page 1, line 2, leave out “may” and insert “must”",
      "Clause 1, page 1, line 2, leave out “practice” and insert “conduct”"],
     ["Clause 1(1), leave out “may publish” and insert “must publish”",
      "Clause 1(1), leave out “practice” and insert “conduct”"]),
    (("State may\n  publish a code of practice about", "State must\n  publish a statement about"),  # a few apart
     "Clause 1, page 1, line 2, leave out “may publish a code of practice” and insert “must publish a statement”",
     "Clause 1(1), leave out “may publish a code of practice” and insert “must publish a statement”"),
    (("victims, and may revise", "victims; and may revise"),
     "Clause 1, page 1, line 3, leave out “,” and insert “;”",
     "Clause 1(1), leave out “,” and insert “;”"),
    (("<p>The Secretary of State may", "<p>Subject to subsection (2), the Secretary of State may"),
     "Clause 1, page 1, line 2, leave out “The” and insert “Subject to subsection (2), the”",
     "Clause 1(1), leave out “The” and insert “Subject to subsection (2), the”"),
    (("may revise the code at any time.", "may revise it at any time."),
     "Clause 1, page 1, line 3, leave out “the code” and insert “it”",
     "Clause 1(1), leave out “the code” and insert “it”"),
    (("the café before", "the café, before"),
     "Clause 2, page 1, line 10, after “café” insert “,”",
     "Clause 2(1), after “café” insert “,”"),
    (("Mini Act 2026", "Mini Act 2026 (c. 1)"),
     "Clause 3, page 2, line 4, after “2026” insert “(c. 1)”",
     "Clause 3, after “2026” insert “(c. 1)”"),
    (("for\n   “may” substitute “must”", "for\n   “may” substitute “shall”"),
     "Schedule 1, page 2, line 6, leave out “must” and insert “shall”",
     "Schedule 1, paragraph 1, leave out “must” and insert “shall”"),
    (("<heading>Consequential amendments</heading>", "<heading>Minor and consequential amendments</heading>"),
     "Schedule 1, page 2, line 5, leave out “Consequential” and insert “Minor and consequential”",
     "Schedule 1, leave out “Consequential” and insert “Minor and consequential”"),
    (("Omit\n    section 2.", "Omit\n    sections 2 and 3."),
     "Schedule 1, page 2, line 8, leave out “section 2” and insert “sections 2 and 3”",
     "Schedule 1, paragraph 2(2), leave out “section 2” and insert “sections 2 and 3”"),
]


def _listed(x: str | list[str]) -> list[str]:
    return [x] if isinstance(x, str) else x


@pytest.mark.parametrize(("edit", "printed", "unprinted"), WORDS, ids=[_listed(w[1])[0] for w in WORDS])
@pytest.mark.parametrize("house", ["commons", "lords"])
def test_word_changes_are_drafted_as_the_house_writes_them(edit: tuple[str, str], printed: str | list[str],
                                                           unprinted: str | list[str], house: str) -> None:
    assert _draft(edit, house=house) == (_listed(printed), [])
    assert _draft(edit, house=house, lines=False) == (_listed(unprinted), [])


# -- whole provisions ----------------------------------------------------------------------------------------------
_PARA_B = ('<level class="para1" GUID="_c1s2b" eId="sec_1__subsec_2__para_b"><num><?L 1-6?>(b)</num><content>'
           "<p>say how victims\n   may complain, and</p></content></level>")
_PARA_C = ('\n  <level class="para1" GUID="_c1s2c" eId="sec_1__subsec_2__para_c"><num><?L 1-7?>(c)</num><content>'
           "<p>say how the code\n   is kept under review.</p></content></level>")
_SUB_3 = ('<subsection GUID="_c1s3" eId="sec_1__subsec_3"><num><?L 1-8?>(3)</num><content><p>In this section “victim” '
          "means a\n  person who has suffered harm.</p></content></subsection>")
_END_1 = "suffered harm.</p></content></subsection>\n</section>"
_SCHED_1 = ('<paragraph GUID="_s1p1" eId="sched_1__para_1"><num><?L 2-6?>1</num><content><p>In section 1 of the Old '
            "Act, for\n   “may” substitute “must”.</p></content></paragraph>")
_SCHED_END = "section 2.</p></content></subparagraph>\n  </paragraph>"
_NEW_CLAUSE = ('<section{ids}><num>4</num><heading>Review</heading><content><p>The Secretary of State must review '
               'this Act.</p></content></section>\n<hcontainer name="schedules"')


def _new_subsection(ids: str) -> tuple[str, str]:
    return _END_1, (_END_1.removesuffix("</section>") + f'<subsection{ids}><num>(4)</num><content><p>The code is '
                    "not binding.</p></content></subsection>\n</section>")


WITH_IDS = ' GUID="_new" eId="new_1"'
WHOLE = [
    # (what changed, edit, house, printed, unprinted)
    ("paragraph left out", (_PARA_B, ""), "commons",
     "Clause 1, page 1, line 6, leave out paragraph (b)", "Clause 1(2), leave out paragraph (b)"),
    ("two paragraphs left out", (_PARA_B + _PARA_C, ""), "commons",
     "Clause 1, page 1, line 6, leave out paragraphs (b) and (c)", "Clause 1(2), leave out paragraphs (b) and (c)"),
    ("subsection left out", (_SUB_3, ""), "commons",
     "Clause 1, page 1, line 8, leave out subsection (3)", "Clause 1, leave out subsection (3)"),
    ("subsection added at the end", _new_subsection(WITH_IDS), "commons",
     f"Clause 1, page 1, line 8, at end insert—{OBJ}", f"Clause 1(3), at end insert—{OBJ}"),
    ("subsection with no eId or GUID added", _new_subsection(""), "commons",
     f"Clause 1, page 1, line 8, at end insert—{OBJ}", f"Clause 1(3), at end insert—{OBJ}"),
    ("clause left out (Commons: by page and line)", (minibill._CLAUSE_2, ""), "commons",
     "Page 1, line 9, leave out Clause 2", "Leave out Clause 2"),
    ("clause left out (Lords)", (minibill._CLAUSE_2, ""), "lords", "Leave out Clause 2", "Leave out Clause 2"),
    ("new clause (Commons)", ('<hcontainer name="schedules"', _NEW_CLAUSE.format(ids=WITH_IDS)), "commons",
     f"To move the following Clause—{OBJ}", f"To move the following Clause—{OBJ}"),
    ("new clause (Lords: after the clause before it)", ('<hcontainer name="schedules"', _NEW_CLAUSE.format(ids="")),
     "lords", f"After Clause 3, insert the following new Clause—{OBJ}",
     f"After Clause 3, insert the following new Clause—{OBJ}"),
    ("Schedule paragraph left out", (_SCHED_1, ""), "commons",
     "Schedule 1, page 2, line 6, leave out paragraph 1", "Schedule 1, leave out paragraph 1"),
    ("Schedule paragraph added at the end",
     (_SCHED_END, _SCHED_END + '\n  <paragraph><num>3</num><content><p>Omit section 4 of the Old Act.</p></content>'
                               "</paragraph>"), "lords",
     f"Schedule 1, page 2, line 8, at end insert—{OBJ}", f"Schedule 1, paragraph 2, at end insert—{OBJ}"),
]


@pytest.mark.parametrize(("what", "edit", "house", "printed", "unprinted"), WHOLE, ids=[w[0] for w in WHOLE])
def test_whole_provisions_are_drafted_as_the_house_writes_them(what: str, edit: tuple[str, str], house: str,
                                                               printed: str, unprinted: str) -> None:
    assert _draft(edit, house=house) == ([printed], [])
    assert _draft(edit, house=house, lines=False) == ([unprinted], [])


def test_a_new_clause_before_clause_1_in_the_lords() -> None:
    new_clause = _NEW_CLAUSE.format(ids="").replace('\n<hcontainer name="schedules"', "").replace("<num>4", "<num>1")
    got, notes = _draft(('<section GUID="_c1"', new_clause + '<section GUID="_c1"'), house="lords")
    assert (got, notes) == ([f"Before Clause 1, insert the following new Clause—{OBJ}"], [])


# -- the helpers: addresses -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mini() -> lawtrack.Bill:
    return minibill.bill()


@pytest.fixture(scope="module")
def unprinted() -> lawtrack.Bill:
    return lawtrack.load_bill(_no_lines(minibill.xml()))


@pytest.mark.parametrize(("ref", "page_line", "expected"), [
    ("clause 1(2)(a)", (1, 5), "Clause 1, page 1, line 5, "),
    ("clause 2(1)", (2, 1), "Clause 2, page 2, line 1, "),
    ("schedule 1, paragraph 2(2)", (2, 8), "Schedule 1, page 2, line 8, "),
    ("schedule 1", (2, 5), "Schedule 1, page 2, line 5, "),
])
def test_address_on_a_printed_line(mini: lawtrack.Bill, ref: str, page_line: tuple[int, int], expected: str) -> None:
    p = mini.provision(ref)
    line = next(s for s in p.lines if (s.page, s.line) == page_line)
    assert address(mini, p, line) == expected


@pytest.mark.parametrize(("ref", "expected"), [
    ("clause 1(2)(a)", "Clause 1(2)(a), "),
    ("clause 1", "Clause 1, "),
    ("clause 3", "Clause 3, "),
    ("schedule 1, paragraph 2(2)", "Schedule 1, paragraph 2(2), "),
    ("schedule 1, paragraph 1", "Schedule 1, paragraph 1, "),
    ("schedule 1", "Schedule 1, "),
])
def test_address_by_structure(unprinted: lawtrack.Bill, ref: str, expected: str) -> None:
    assert address(unprinted, unprinted.provision(ref), None) == expected


def test_address_of_the_long_title(mini: lawtrack.Bill) -> None:
    p = mini.provision("clause 1")
    assert address(mini, p, LineSpan(1, 7, 0, 4), title=True) == "Title, line 7, "
    assert address(mini, p, None, title=True) == "Title, "


_GROUPED = """
<part GUID="_p1" eId="pt_1"><num><?L 1-1?>PART 1</num><heading>Victims</heading>
 <chapter GUID="_p1c1" eId="pt_1__chp_1"><num><?L 1-2?>CHAPTER 1</num><heading>The code</heading>
  <hcontainer name="crossheading" GUID="_x1" eId="pt_1__chp_1__xhdg_1"><heading><?L 1-3?>Duties</heading>
   <section GUID="_c1" eId="sec_1"><num><?L 1-4?>1</num><heading>Code</heading>
    <content><p>The Secretary of State must publish a code.</p></content></section>
  </hcontainer>
 </chapter>
</part>
<part GUID="_p2" eId="pt_2"><num><?L 1-5?>PART 2</num><heading>Final</heading>
 <section GUID="_c2" eId="sec_2"><num><?L 1-6?>2</num><heading>Extent</heading>
  <content><p>This Act extends to England and Wales.</p></content></section>
</part>
<hcontainer name="schedules" eId="scheds">
 <hcontainer name="schedule" GUID="_s1" eId="sched_1"><num><?L 1-7?>SCHEDULE 1</num><heading>Amendments</heading>
  <part GUID="_s1p1" eId="sched_1__pt_1"><num><?L 1-8?>PART 1</num><heading>Housing</heading>
   <hcontainer name="crossheading" GUID="_s1x1" eId="sched_1__pt_1__xhdg_1"><heading><?L 1-9?>Rent</heading>
    <paragraph GUID="_s1p1p1" eId="sched_1__para_1"><num><?L 1-10?>1</num><content><p>Omit section 1 of the Old
     Act.</p></content></paragraph>
   </hcontainer>
  </part>
 </hcontainer>
</hcontainer>"""


@pytest.fixture(scope="module")
def grouped() -> lawtrack.Bill:
    return lawtrack.load_bill(_no_lines(minibill._xml(_GROUPED, '"Grouped Bill"')))


@pytest.mark.parametrize(("eid", "expected"), [
    ("pt_1", "Part 1, "),
    ("pt_1__chp_1", "Part 1, Chapter 1, "),
    ("pt_2", "Part 2, "),
    ("pt_1__chp_1__xhdg_1", "Cross-heading before Clause 1, "),
    ("sched_1__pt_1", "Schedule 1, Part 1, "),
    ("sched_1__pt_1__xhdg_1", "Schedule 1, cross-heading before paragraph 1, "),
    ("sched_1__para_1", "Schedule 1, paragraph 1, "),
])
def test_address_of_parts_chapters_and_cross_headings(grouped: lawtrack.Bill, eid: str, expected: str) -> None:
    p = grouped.by_eid(eid)
    assert p is not None
    assert address(grouped, p, None) == expected


def test_address_of_words_outside_any_clause_on_a_printed_line() -> None:
    bill = lawtrack.load_bill(minibill._xml(_GROUPED, '"Grouped Bill"'))
    part = bill.by_eid("pt_2")
    assert part is not None
    assert address(bill, part, part.lines[0]) == "Page 1, line 5, "
    sched_part = bill.by_eid("sched_1__pt_1")
    assert sched_part is not None
    assert address(bill, sched_part, sched_part.lines[0]) == "Schedule 1, page 1, line 8, "


def test_unit_and_path(mini: lawtrack.Bill) -> None:
    para = mini.provision("clause 1(2)(b)")
    assert unit_of(mini, para) is mini.provision("clause 1")
    assert path(mini, para, mini.provision("clause 1")) == ["2", "b"]
    sub = mini.provision("schedule 1, paragraph 2(1)")
    assert unit_of(mini, sub) is mini.provision("schedule 1, paragraph 2")
    assert path(mini, sub, mini.provision("schedule 1, paragraph 2")) == ["1"]
    schedule = mini.provision("schedule 1")
    assert unit_of(mini, schedule) is schedule


def test_line_at_and_line_region(mini: lawtrack.Bill) -> None:
    p = mini.provision("clause 2(1)")  # printed on 1-10 and 2-1
    first, second = p.lines
    assert (first.page, first.line, second.page, second.line) == (1, 10, 2, 1)
    assert line_at(p, 0) == first
    assert line_at(p, first.end - 1) == first
    assert line_at(p, second.start) == second
    assert line_at(p, len(p.text)) == second
    assert line_region(p, second) == (second.start, second.end)
    assert p.text[slice(*line_region(p, second))] == "Parliament in each year, and must publish the report."
    assert line_region(p, None) == (0, len(p.text))


def test_labels_in_house_style() -> None:
    mini = minibill.bill()
    a, b, c = mini.provision("clause 1(2)").children
    assert _labels("paragraph", [b]) == "(b)"
    assert _labels("paragraph", [b, c]) == "(b) and (c)"
    assert _labels("paragraph", [a, b, c]) == "(a) to (c)"
    # a Schedule's paragraphs are numbered without brackets: "leave out paragraphs 3 and 4"
    three, four = (p.model_copy(update={"label": n, "num": n}) for p, n in ((a, "3"), (b, "4")))
    assert _labels("paragraph", [three, four]) == "3 and 4"
    assert _labels("sub-paragraph", [three, four]) == "(3) and (4)"


# -- the helpers: quotations ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "e", "hi", "expected"), [
    ("the code of practice", 3, 20, 8),  # " code"
    ("the code of practice", 0, 20, 3),  # at a word: that word
    ("victims, and", 0, 12, 8),  # the comma that closes it
    ("said (a) victims.” next", 8, 23, 18),  # ". ”" close the word
    ("the Secretary’s well-being.", 3, 27, 15),  # an apostrophe is inside a word
    ("the Secretary’s well-being.", 15, 27, 27),  # and a hyphen
    ("ab cdef", 2, 5, 5),  # the word is cut at hi
    ("ab cd", 2, 3, None),  # the next word starts at hi
    ("ab   ", 2, 5, None),  # no word after
])
def test_next_word_end(text: str, e: int, hi: int, expected: int | None) -> None:
    assert next_word_end(text, e, hi) == expected


@pytest.mark.parametrize(("text", "s", "lo", "expected"), [
    ("the code of", 8, 0, 4),
    ("the code of", 4, 0, 0),  # over the space to "the"
    ("(a) set out", 3, 0, 0),  # a label is taken whole, with its bracket
    ("ab x1) y", 6, 0, 3),  # "x1)" is no label: there is no "(" before it
    ("in (b) said", 6, 0, 3),
    ("ab cd", 5, 3, 3),
    ("ab cd", 5, 4, 4),  # cut at lo
    ("   ab", 2, 0, None),  # nothing before
    ("ab, ", 4, 2, None),  # nothing at or after lo
])
def test_prev_word_start(text: str, s: int, lo: int, expected: int | None) -> None:
    assert prev_word_start(text, s, lo) == expected


def test_widenings_prefer_the_words_after_then_before() -> None:
    text = "the code of practice"
    assert list(widenings(text, 4, 8, 0, len(text))) == [(4, 8), (4, 11), (4, 20), (0, 20)]
    assert list(widenings(text, 4, 8, 0, len(text), "left")) == [(4, 8), (0, 8)]
    assert list(widenings(text, 4, 8, 0, len(text), "right")) == [(4, 8), (4, 11), (4, 20)]
    assert list(widenings(text, 4, 8, 4, 11)) == [(4, 8), (4, 11)]  # never outside [lo, hi)


def test_widenings_take_whole_words_and_labels() -> None:
    text = "the organisation must"
    assert next(widenings(text, 8, 9, 0, len(text))) == (4, 16)  # a change inside a word quotes the word
    assert next(widenings("in (a) set", 7, 10, 0, 10, "left"), None) == (7, 10)
    assert list(widenings("in (a) set", 7, 10, 0, 10, "left"))[1] == (3, 10)  # a label is taken whole, "(a)"


def test_widenings_never_quote_unbalanced_marks() -> None:
    text = "a “victim” means"
    # from "means" the next word back is "victim”", whose closing mark has no opening one: not a quotation
    assert list(widenings(text, 11, 16, 0, len(text))) == [(11, 16), (0, 16)]


@pytest.mark.parametrize(("words", "expected"), [
    ("“a”", True), ("“a", False), ("a”", False), ("‘a’", True), ("the Secretary’s", True), ("‘a", False),
])
def test_balanced(words: str, expected: bool) -> None:
    assert balanced(words) is expected


def test_normal_and_trim() -> None:
    assert normal("a\n  b\tc ") == "a b c"
    assert trim("  ab  ", 0, 6) == (2, 4)
    assert trim("   ", 0, 3) == (3, 3)


# -- Schedules with Parts, new Parts, and what cannot be placed -------------------------------------------------------
_SCHED_PART_END = "Act.</p></content></paragraph>\n   </hcontainer>\n  </part>"


def _draft_grouped(edit: tuple[str, str], *, lines: bool = True) -> tuple[list[str], list[str]]:
    old_xml, new_xml = minibill._xml(_GROUPED, '"G"'), minibill._xml(_GROUPED.replace(*edit), '"G"')
    assert _GROUPED.count(edit[0]) == 1
    if not lines:
        old_xml, new_xml = _no_lines(old_xml), _no_lines(new_xml)
    old, new = lawtrack.load_bill(old_xml), lawtrack.load_bill(new_xml)
    out = draft_with_notes(old, new)
    result = apply(old, out.amendments)
    assert [o.status for o in result.outcomes] == ["applied"] * len(out.amendments)
    assert [d.reason for d in exact_diff(result.bill, new).differences] == []
    return [a.instruction for a in out.amendments], out.notes


def test_a_new_part_of_a_schedule_is_inserted_whole_after_the_paragraph_before_it() -> None:
    new_part = ('\n  <part><num>PART 2</num><heading>Planning</heading><paragraph><num>2</num><content><p>Omit '
                "section 9 of the Planning Act.</p></content></paragraph></part>")
    edit = (_SCHED_PART_END, _SCHED_PART_END + new_part)
    assert _draft_grouped(edit) == ([f"Schedule 1, page 1, line 10, at end insert—{OBJ}"], [])
    assert _draft_grouped(edit, lines=False) == ([f"Schedule 1, paragraph 1, at end insert—{OBJ}"], [])
    old, new = lawtrack.load_bill(minibill._xml(_GROUPED, '"G"')), lawtrack.load_bill(
        minibill._xml(_GROUPED.replace(*edit), '"G"'))
    (amendment,) = draft_with_notes(old, new).amendments
    assert [p.kind.value for p in amendment.inserted[0]] == ["part"]  # the Part, with its paragraph inside


def test_a_new_paragraph_at_the_start_of_another_part_is_a_note() -> None:
    second_part = ('\n  <part GUID="_s1p2" eId="sched_1__pt_2"><num><?L 1-11?>PART 2</num><heading>Planning</heading>'
                   '<paragraph GUID="_s1p2p2" eId="sched_1__para_2"><num><?L 1-12?>2</num><content><p>Omit section 9.'
                   "</p></content></paragraph></part>")
    grouped = _GROUPED.replace(_SCHED_PART_END, _SCHED_PART_END + second_part)
    first = '<paragraph GUID="_s1p2p2"'
    new_para = '<paragraph><num>2</num><content><p>Omit section 8.</p></content></paragraph>'
    old = lawtrack.load_bill(minibill._xml(grouped, '"G"'))
    new = lawtrack.load_bill(minibill._xml(grouped.replace(first, new_para + first), '"G"'))
    out = draft_with_notes(old, new)
    assert [a.instruction for a in out.amendments] == []
    assert out.notes == ["not emitted: no Schedule paragraph before the new paragraph 2 to insert it after"]


def test_the_inserted_structure_is_one_quoted_structure_in_the_old_prints_numbers() -> None:
    """A new Clause 2 moves Clauses 2 and 3 to 3 and 4; the new clause cites them by their new numbers, and the
    amendment must cite them as the print it amends numbers them."""
    from lxml import etree

    new_clause = ('<section GUID="_n2" eId="sec_n2"><num>2</num><heading>Guidance</heading><content><p>Guidance '
                  "may be given about reports under section 3 and about section 4 of this Act.</p></content></section>")
    xml = minibill.xml().decode()
    xml = xml.replace('<section GUID="_c2" eId="sec_2"><num><?L 1-9?>2</num>',
                      new_clause + '<section GUID="_c2" eId="sec_2"><num><?L 1-9?>3</num>')
    xml = xml.replace("<num><?L 2-3?>3</num>", "<num><?L 2-3?>4</num>")
    old, new = minibill.bill(), lawtrack.load_bill(xml.encode())
    for house, instruction in (("commons", "To move the following Clause—"),
                               ("lords", "After Clause 1, insert the following new Clause—")):
        (amendment,) = lawtrack.draft(old, new, house=house)  # type: ignore[arg-type]
        assert amendment.instruction == instruction + OBJ
        qs = etree.fromstring(amendment.inserted_xml[0])
        assert qs.tag == "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}quotedStructure"
        assert (qs.get("startQuote"), qs.get("endQuote")) == ("“", "”")
        assert [etree.QName(c).localname for c in qs] == ["section"]
        assert "".join(str(t) for t in qs.itertext()).endswith(
            "Guidance may be given about reports under section 2 and about section 3 of this Act.")
        assert amendment.inserted[0][0].heading == amendment.heading == "Guidance"


def test_an_unnumbered_schedule_is_addressed_as_the_schedule() -> None:
    xml = minibill.xml(edit=("<num><?L 2-5?>SCHEDULE 1</num>", "<num><?L 2-5?>SCHEDULE</num>"))
    bill = lawtrack.load_bill(xml)
    para = bill.provision("schedule, paragraph 2(2)")
    assert address(bill, para, para.lines[0]) == "Schedule, page 2, line 8, "
    assert address(bill, bill.provision("schedule"), None) == "Schedule, "
    unprinted = lawtrack.load_bill(_no_lines(xml))
    assert address(unprinted, unprinted.provision("schedule, paragraph 2(2)"), None) == "Schedule, paragraph 2(2), "


def test_a_clause_whose_change_is_not_words_is_put_in_its_own_place() -> None:
    """Clause 1 gains opening words before its first subsection: no word-level amendment can put them there, so
    the clause is left out and inserted as it now reads — one amendment in place of the ones for its words, in
    the order of the print among the others."""
    edits = [("<heading>Duties</heading>", "<heading>Duties</heading><intro><p>This section applies in England."
                                           "</p></intro>"),
             ("at any time.", "at any time, and must consult victims.")]
    xml = minibill.xml(edit=edits[0]).decode().replace(*edits[1]).replace("Mini Act 2026", "Mini Act 2027")
    old, new = minibill.bill(), lawtrack.load_bill(xml.encode())
    out = draft_with_notes(old, new)
    assert [a.instruction for a in out.amendments] == [
        f"Page 1, line 1, leave out Clause 1 and insert the following new Clause—{OBJ}",
        "Clause 3, page 2, line 4, leave out “2026” and insert “2027”"]
    assert [a.number for a in out.amendments] == ["1", "2"]
    assert len(out.notes) == 1 and out.notes[0].startswith("Clause 1: left out and a new clause inserted in its "
                                                           "place as it now reads, because ")
    assert [d.reason for d in exact_diff(apply(old, out.amendments).bill, new).differences] == []


# -- what cannot be drafted as words, and what is only noted ----------------------------------------------------------
def _drafted(old_xml: bytes, new_xml: bytes) -> tuple[list[str], list[str]]:
    old, new = lawtrack.load_bill(old_xml), lawtrack.load_bill(new_xml)
    out = draft_with_notes(old, new)
    result = apply(old, out.amendments)
    assert [o.status for o in result.outcomes] == ["applied"] * len(out.amendments)
    return [a.instruction for a in out.amendments], out.notes


_DEFINITIONS = ('<subsection GUID="_c1s3" eId="sec_1__subsec_3"><num><?L 1-8?>(3)</num><intro><p>In this section—</p>'
                '</intro>{code}<hcontainer name="definition" GUID="_d2" eId="sec_1__subsec_3__def_2"><content><p>'
                "“victim” means a person who has suffered harm.</p></content></hcontainer></subsection>")
_CODE = ('<hcontainer name="definition" GUID="_d1" eId="sec_1__subsec_3__def_1"><content><p>“code” means the code '
         "under subsection (1);</p></content></hcontainer>")


def test_a_definition_left_out_puts_its_subsection_in_its_own_place() -> None:
    """A definition has no number to leave it out by: the subsection is left out and inserted as it now reads."""
    old = minibill.xml(edit=(_SUB_3, _DEFINITIONS.format(code=_CODE)))
    new = minibill.xml(edit=(_SUB_3, _DEFINITIONS.format(code="")))
    assert _drafted(old, new) == (
        [f"Clause 1, page 1, line 8, leave out subsection (3) and insert—{OBJ}"],
        ["subsection (3): left out and inserted again as it now reads, because cannot name definition to leave it "
         "out"])
    assert _drafted(_no_lines(old), _no_lines(new))[0] == [f"Clause 1, leave out subsection (3) and insert—{OBJ}"]


def test_paragraphs_left_out_and_others_put_in_their_place_are_one_amendment() -> None:
    new_paras = ('<level class="para1"><num>(d)</num><content><p>say how victims are told of their rights, and</p>'
                 '</content></level><level class="para1"><num>(e)</num><content><p>explain how to appeal.</p>'
                 "</content></level>")
    got = _draft((_PARA_B + _PARA_C, new_paras))
    assert got == ([f"Clause 1, page 1, line 6, leave out paragraphs (b) and (c) and insert—{OBJ}"], [])


def test_a_new_first_paragraph_goes_at_the_end_of_the_opening_words() -> None:
    new_a = '<level class="para1"><num>(a)</num><content><p>name the Secretary of State,</p></content></level>'
    first = '<level class="para1" GUID="_c1s2a"'
    assert _draft((first, new_a + first)) == ([f"Clause 1, page 1, line 4, at end insert—{OBJ}"], [])


def test_a_new_heading_over_provisions_that_stay_is_a_note() -> None:
    c3 = minibill._CLAUSE_3
    heading = '<hcontainer name="crossheading" GUID="_xh" eId="xhdg_1"><heading>Final</heading>' + c3 + "</hcontainer>"
    assert _drafted(minibill.xml(), minibill.xml(edit=(c3, heading))) == (
        [], ["not emitted: the cross-heading “Final” is new over provisions that stay (Clause 3); lawtrack does not "
             "draft a heading alone"])


_SCHEDULES_END = " </hcontainer>\n</hcontainer>"
_SCHEDULE_2 = ('<hcontainer name="schedule" GUID="_s2" eId="sched_2"><num>SCHEDULE 2</num><heading>Repeals</heading>'
               '{part}</hcontainer>\n</hcontainer>')
_S2_PARA = ('<paragraph GUID="_s2p1" eId="sched_2__para_1"><num>1</num><content><p>Omit the Old Act.</p></content>'
            "</paragraph>")


def test_a_new_schedule_is_noted_once() -> None:
    new = minibill.xml(edit=(_SCHEDULES_END, " </hcontainer>\n" + _SCHEDULE_2.format(part=_S2_PARA)))
    assert _drafted(minibill.xml(), new) == (
        [], ["not emitted: SCHEDULE 2 is new with 1 provision under it; lawtrack does not draft a new Schedule — "
             "table it by hand"])


def test_a_new_paragraph_or_part_at_the_start_of_the_next_schedule_is_a_note() -> None:
    """The paragraph before it is in another Schedule: "at end insert" there would put it in the wrong one."""
    part = '<part GUID="_s2pt1" eId="sched_2__pt_1"><num>PART 1</num><heading>Acts</heading>{first}' + _S2_PARA + \
        "</part>"
    old = minibill.xml(edit=(_SCHEDULES_END, " </hcontainer>\n" + _SCHEDULE_2.format(part=part.format(first=""))))
    new_para = '<paragraph><num>1</num><content><p>Omit the Older Act.</p></content></paragraph>'
    new = minibill.xml(edit=(_SCHEDULES_END, " </hcontainer>\n" + _SCHEDULE_2.format(
        part=part.format(first=new_para))))
    assert _drafted(old, new) == (
        [], ["not emitted: no Schedule paragraph before the new paragraph 1 to insert it after"])
    new_part = '<part><num>PART 1</num><heading>Orders</heading>' + new_para + "</part>"
    new = minibill.xml(edit=(_SCHEDULES_END, " </hcontainer>\n" + _SCHEDULE_2.format(
        part=new_part + part.format(first=""))))
    assert _drafted(old, new)[1] == ["not emitted: no Schedule paragraph before the new PART 1 to insert it after"]


def test_a_paragraph_of_an_unnumbered_schedule_left_out() -> None:
    xml = minibill.xml(edit=("<num><?L 2-5?>SCHEDULE 1</num>", "<num><?L 2-5?>SCHEDULE</num>"))
    new = xml.decode().replace(_SCHED_1, "").encode()
    assert _drafted(_no_lines(xml), _no_lines(new)) == (["Schedule, leave out paragraph 1"], [])
    assert _drafted(xml, new) == (["Schedule, page 2, line 6, leave out paragraph 1"], [])


_GROUPED_2 = _GROUPED.replace(
    "<content><p>This Act extends to England and Wales.</p></content></section>",
    '<subsection GUID="_c2s1" eId="sec_2__subsec_1"><num>(1)</num><content><p>This Act extends to England and '
    "Wales.</p></content></subsection></section>")


def test_a_clause_put_in_its_own_place_keeps_its_place_on_the_paper() -> None:
    """Clause 2 is replaced whole; Part 2's heading, printed before it, is drafted later but marshalled before."""
    new = (_GROUPED_2.replace("publish a code.", "publish a statutory code.")
           .replace("<heading>Final</heading>", "<heading>Final provisions</heading>")
           .replace("<heading>Extent</heading>", "<heading>Extent</heading><intro><p>Subject to subsection (2)—</p>"
                                                 "</intro>"))
    got, notes = _drafted(_no_lines(minibill._xml(_GROUPED_2, '"G"')), _no_lines(minibill._xml(new, '"G"')))
    assert got == ["Clause 1, after “a” insert “statutory”",
                   "Part 2, after “Final” insert “provisions”",
                   f"Leave out Clause 2 and insert the following new Clause—{OBJ}"]
    assert len(notes) == 1 and notes[0].startswith("Clause 2: left out")


def test_a_cross_heading_is_addressed_by_the_clause_after_it() -> None:
    grouped = _GROUPED.replace(
        '<part GUID="_p2" eId="pt_2"><num><?L 1-5?>PART 2</num><heading>Final</heading>',
        '<part GUID="_p2" eId="pt_2"><num><?L 1-5?>PART 2</num><heading>Final</heading><hcontainer '
        'name="crossheading" GUID="_x2" eId="pt_2__xhdg_1"><heading>Extent</heading>').replace(
        "England and Wales.</p></content></section>", "England and Wales.</p></content></section></hcontainer>")
    bill = lawtrack.load_bill(_no_lines(minibill._xml(grouped, '"G"')))
    heading = bill.by_eid("pt_2__xhdg_1")
    assert heading is not None
    assert address(bill, heading, None) == "Cross-heading before Clause 2, "


def test_inserted_text_cites_the_old_prints_numbers_as_the_provision_reads_them() -> None:
    """In the renumbered print of tests/test_renumber.py: a new clause cites Clauses 3 and 4 (old 2 and 3), once in
    a cross-reference element's text and once in the words after it; new Schedule paragraph 4 amends the Old Act
    (its bare "section 3" is that Act's) and 5 cites paragraph 3 of its own Schedule (old paragraph 2). The new
    paragraphs have no eIds. (The print's new paragraph 1 has no paragraph before it to be inserted after: a
    note.)"""
    from lxml import etree

    from tests.test_renumber import new_print_xml

    xml = new_print_xml().replace(
        "<p>Guidance may be given.</p>",
        "<p>Guidance may be given about reports under <ref>section 3</ref> and about section 4.</p>").replace(
        _SCHED_END, _SCHED_END + "<paragraph><num>4</num><content><p>In the Old Act, omit section 3.</p></content>"
                                  "</paragraph><paragraph><num>5</num><content><p>The amendments made by paragraph 3 "
                                  "have effect from 2027.</p></content></paragraph>")
    drafted = lawtrack.draft(minibill.bill(), lawtrack.load_bill(xml.encode()))
    assert [a.instruction for a in drafted] == [f"To move the following Clause—{OBJ}"] + [
        f"Schedule 1, page 2, line 8, at end insert—{OBJ}"] * 2
    clause, *paragraphs = (a.inserted_xml[0] for a in drafted)
    assert clause.startswith(b'<quotedStructure xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"')
    assert "startQuote=\"“\" endQuote=\"”\"".encode() in clause  # UTF-8, not character references
    assert "".join(str(t) for t in etree.fromstring(clause).itertext()).endswith(
        "Guidance may be given about reports under section 2 and about section 3.")
    assert ["".join(str(t) for t in etree.fromstring(x).itertext()) for x in paragraphs] == [
        "4In the Old Act, omit section 3.", "5The amendments made by paragraph 2 have effect from 2027."]


def test_headings_that_come_or_go_are_notes_naming_what_they_head() -> None:
    c1, c3 = minibill._CLAUSE_1, minibill._CLAUSE_3
    general = '<hcontainer name="crossheading" GUID="_xg" eId="xhdg_g"><heading>General</heading>'
    body = c1 + minibill._CLAUSE_2 + c3
    old = minibill._xml(general + body + "</hcontainer>" + minibill._SCHEDULE, '"Mini Bill"')
    assert _drafted(old, minibill.xml()) == (
        [], ["not emitted: the cross-heading “General” went over provisions that stay (Clause 1, Clause 2, Clause 3); "
             "lawtrack does not draft a heading alone"])
    review = ('<hcontainer name="crossheading" GUID="_xr" eId="xhdg_r"><heading>Review</heading><section GUID="_n4" '
              'eId="sec_4"><num>4</num><heading>Review</heading><content><p>Review it.</p></content></section>'
              "</hcontainer>")
    assert _drafted(minibill.xml(), minibill.xml(edit=(c3, c3 + review))) == (
        [f"To move the following Clause—{OBJ}"],
        ["not emitted: the cross-heading “Review” is new with 1 provision under it; lawtrack does not draft a new "
         "heading — table it by hand"])
    start, end = '<paragraph GUID="_s1p1"', "section 2.</p></content></subparagraph>\n  </paragraph>"
    part = minibill.xml(edit=(start, '<part GUID="_s1pt" eId="sched_1__pt_1"><num>PART 1</num><heading>Acts'
                                     "</heading>" + start)).decode().replace(end, end + "</part>").encode()
    assert _drafted(minibill.xml(), part) == (
        [], ["not emitted: PART 1 is new over provisions that stay (Schedule 1, paragraph 1, Schedule 1, paragraph 2); "
             "lawtrack does not draft a heading alone"])


HEADINGS = [
    (("<heading><?L 1-3?>Duties</heading>", "<heading><?L 1-3?>Duties of the Secretary of State</heading>"),
     "Page 1, line 3, after “Duties” insert “of the Secretary of State”",
     "Cross-heading before Clause 1, after “Duties” insert “of the Secretary of State”"),
    (("<heading><?L 1-9?>Rent</heading>", "<heading><?L 1-9?>Rent and service charges</heading>"),
     "Schedule 1, page 1, line 9, after “Rent” insert “and service charges”",
     "Schedule 1, cross-heading before paragraph 1, after “Rent” insert “and service charges”"),
    (("<heading>The code</heading>", "<heading>The victims’ code</heading>"),
     "Page 1, line 2, after “The” insert “victims’”", "Part 1, Chapter 1, after “The” insert “victims’”"),
    (("<heading>Housing</heading>", "<heading>Housing and planning</heading>"),
     "Schedule 1, page 1, line 8, after “Housing” insert “and planning”",
     "Schedule 1, Part 1, after “Housing” insert “and planning”"),
    (("<heading>Victims</heading>", "<heading>Victims and witnesses</heading>"),
     "Page 1, line 1, after “Victims” insert “and witnesses”", "Part 1, after “Victims” insert “and witnesses”"),
    (("<heading>Amendments</heading>", "<heading>Consequential amendments</heading>"),
     "Schedule 1, page 1, line 7, leave out “Amendments” and insert “Consequential amendments”",
     "Schedule 1, leave out “Amendments” and insert “Consequential amendments”"),
]


@pytest.mark.parametrize(("edit", "printed", "unprinted"), HEADINGS, ids=[h[2] for h in HEADINGS])
def test_headings_of_parts_chapters_cross_headings_and_schedules(edit: tuple[str, str], printed: str,
                                                                 unprinted: str) -> None:
    """Drafted and applied back: by page and line, or (no printed lines) by the structure apply() resolves."""
    assert _draft_grouped(edit) == ([printed], [])
    assert _draft_grouped(edit, lines=False) == ([unprinted], [])


def test_a_new_part_of_a_schedule_is_inserted_whole_with_its_cross_headings() -> None:
    """The cross-heading inside the new Part comes with it: no note of a new heading."""
    new_part = ('\n  <part><num>PART 2</num><heading>Planning</heading><hcontainer name="crossheading"><heading>'
                "Permissions</heading><paragraph><num>2</num><content><p>Omit section 9 of the Planning Act.</p>"
                "</content></paragraph></hcontainer></part>")
    assert _draft_grouped((_SCHED_PART_END, _SCHED_PART_END + new_part)) == (
        [f"Schedule 1, page 1, line 10, at end insert—{OBJ}"], [])


_PART_START, _PART_END = '<paragraph GUID="_s1p1"', "section 2.</p></content></subparagraph>\n  </paragraph>"


def _schedule_1_in_a_part(xml: bytes) -> bytes:
    """The mini bill's Schedule 1 with its two paragraphs in a PART 1."""
    text = xml.decode()
    return text.replace(_PART_START, '<part GUID="_s1pt" eId="sched_1__pt_1"><num>PART 1</num><heading>Acts'
                                     "</heading>" + _PART_START, 1).replace(_PART_END, _PART_END + "</part>",
                                                                            1).encode()


def test_a_part_that_went_names_the_provisions_that_stay_in_the_old_print() -> None:
    assert _drafted(_schedule_1_in_a_part(minibill.xml()), minibill.xml()) == (
        [], ["not emitted: PART 1 went over provisions that stay (Schedule 1, paragraph 1, Schedule 1, paragraph 2); "
             "lawtrack does not draft a heading alone"])
    # the Part and paragraph 2 went, paragraph 1 stays: only what stays is named
    without_2 = minibill.xml().decode()
    start = without_2.index('<paragraph GUID="_s1p2"')
    without_2 = without_2[:start] + without_2[without_2.index(_PART_END) + len(_PART_END):]
    instructions, notes = _drafted(_schedule_1_in_a_part(minibill.xml()), without_2.encode())
    assert instructions == ["Schedule 1, page 2, line 7, leave out paragraph 2"]
    assert notes == ["not emitted: PART 1 went over provisions that stay (Schedule 1, paragraph 1); lawtrack does not "
                     "draft a heading alone"]


def test_a_heading_over_an_unnumbered_schedules_paragraphs_names_them_as_the_schedule_does() -> None:
    xml = minibill.xml(edit=("<num><?L 2-5?>SCHEDULE 1</num>", "<num><?L 2-5?>SCHEDULE</num>"))
    assert _drafted(xml, _schedule_1_in_a_part(xml)) == (
        [], ["not emitted: PART 1 is new over provisions that stay (Schedule, paragraph 1, Schedule, paragraph 2); "
             "lawtrack does not draft a heading alone"])


def test_a_heading_over_more_than_three_provisions_that_stay_says_how_many_more() -> None:
    c1, c2, c3 = minibill._CLAUSE_1, minibill._CLAUSE_2, minibill._CLAUSE_3
    c4 = ('<section GUID="_c4" eId="sec_4"><num>4</num><heading>Extent</heading><content><p>This Act extends to '
          "England.</p></content></section>")
    general = '<hcontainer name="crossheading" GUID="_xg" eId="xhdg_g"><heading>General</heading>'
    old = minibill._xml(general + c1 + c2 + c3 + c4 + "</hcontainer>" + minibill._SCHEDULE, '"Mini Bill"')
    new = minibill._xml(c1 + c2 + c3 + c4 + minibill._SCHEDULE, '"Mini Bill"')
    assert _drafted(old, new) == (
        [], ["not emitted: the cross-heading “General” went over provisions that stay (Clause 1, Clause 2, Clause 3 "
             "and 1 more); lawtrack does not draft a heading alone"])


def test_a_new_schedule_says_how_many_provisions_it_brings() -> None:
    two = _S2_PARA + _S2_PARA.replace("_s2p1", "_s2p2").replace("para_1", "para_2").replace("<num>1</num>",
                                                                                          "<num>2</num>")
    new = minibill.xml(edit=(_SCHEDULES_END, " </hcontainer>\n" + _SCHEDULE_2.format(part=two)))
    assert _drafted(minibill.xml(), new)[1] == [
        "not emitted: SCHEDULE 2 is new with 2 provisions under it; lawtrack does not draft a new Schedule — table it "
        "by hand"]
    words_only = "<content><p>The Old Act is repealed.</p></content>"
    new = minibill.xml(edit=(_SCHEDULES_END, " </hcontainer>\n" + _SCHEDULE_2.format(part=words_only)))
    assert _drafted(minibill.xml(), new)[1] == [
        "not emitted: SCHEDULE 2 is new; lawtrack does not draft a new Schedule — table it by hand"]


def test_a_new_paragraph_at_the_start_of_the_next_schedule_without_parts_is_a_note() -> None:
    """Schedule 1 ends with paragraph 2 and Schedule 2 (no Parts) gets a first paragraph: "at end insert" after
    Schedule 1's paragraph 2 would put it in the wrong Schedule."""
    old = minibill.xml(edit=(_SCHEDULES_END, " </hcontainer>\n" + _SCHEDULE_2.format(part="")))
    new = minibill.xml(edit=(_SCHEDULES_END, " </hcontainer>\n" + _SCHEDULE_2.format(part=_S2_PARA)))
    assert _drafted(old, new) == ([], ["not emitted: no Schedule paragraph before the new paragraph 1 to insert it "
                                       "after"])
