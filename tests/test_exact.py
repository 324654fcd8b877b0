"""The exact comparison (``lawtrack diff --ignore-renumbering``): nothing is set aside but what a reprint renumbers."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import lawtrack
from lawtrack.cli import main
from lawtrack.diff.exact import exact_diff
from tests import minibill
from tests.conftest import bill_path


def mini(*edits: tuple[str, str]) -> lawtrack.Bill:
    xml = minibill.xml()
    for old, new in edits:
        assert xml.count(old.encode()) == 1, old
        xml = xml.replace(old.encode(), new.encode())
    return lawtrack.load_bill(xml, name="<edited mini bill>")


SAME = [
    # the clause's own number and its sub-provisions' labels (not their count or order)
    (('<num><?L 1-9?>2</num>', '<num><?L 1-9?>5</num>'), ('<num><?L 2-3?>3</num>', '<num><?L 2-3?>6</num>')),
    (('<num><?L 1-5?>(a)</num>', '<num><?L 1-5?>(i)</num>'),),
    # quotation-mark glyphs and runs of whitespace
    (("for\n   “may” substitute “must”", 'for "may" substitute "must"'),),
    (("The Secretary of State must lay a", "The Secretary of State  must   lay a"),),
]

DIFFERENT = [
    # every word; punctuation; spacing between words
    (("may complain, and", "may object, and"), "Clause 1"),
    (("may complain, and", "may complain and"), "Clause 1"),
    (("harm.</p>", "harm .</p>"), "Clause 1"),
    # a number in text another Act receives is a word, not renumbering
    (("In section 1 of the Old Act", "In section 4 of the Old Act"), "Schedule 1, paragraph 1"),
    # words moving between a heading and the text below it
    (("<heading>Reports</heading>", "<heading>Reports The</heading>"), "Clause 2"),
    # the long title
    (("A Bill to test lawtrack.", "A Bill to test lawtrack thoroughly."), "the long title"),
]


@pytest.mark.parametrize("edits", SAME)
def test_what_a_reprint_renumbers_is_set_aside(edits: tuple[tuple[str, str], ...]) -> None:
    result = exact_diff(minibill.bill(), mini(*edits))
    assert result.identical, [d.as_dict() for d in result.differences]


@pytest.mark.parametrize(("edit", "unit"), DIFFERENT)
def test_everything_else_differs(edit: tuple[str, str], unit: str) -> None:
    result = exact_diff(minibill.bill(), mini(edit))
    assert [d.old_ref for d in result.differences] == [unit], [d.as_dict() for d in result.differences]


def test_a_cross_reference_follows_the_renumbering_only_for_this_bill() -> None:
    # Clause 2 becomes Clause 3 (a new clause before it): "section 2" of this bill follows, the Old Act's does not
    new_clause = ('<section GUID="_n" eId="sec_new"><num>2</num><heading>New</heading><content><p>New words.</p>'
                  '</content></section>')
    old = mini(("the Mini Act 2026.", "the Mini Act 2026; see section 2."))
    renumbered = mini(("<num><?L 1-9?>2</num>", "<num><?L 1-9?>3</num>"), ("<num><?L 2-3?>3</num>", "<num>4</num>"),
                      ("the Mini Act 2026.", "the Mini Act 2026; see section 3."),
                      ('\n<section GUID="_c2"', new_clause + '\n<section GUID="_c2"'))
    result = exact_diff(old, renumbered)
    assert [(d.kind, d.reason) for d in result.differences] == [("clause", "added")]
    assert ("Clause 2", "Clause 3") in result.renumbering
    # a reference the reprint pointed elsewhere (to what was Clause 3) is a difference
    wrong = mini(("<num><?L 1-9?>2</num>", "<num><?L 1-9?>3</num>"), ("<num><?L 2-3?>3</num>", "<num>4</num>"),
                 ("the Mini Act 2026.", "the Mini Act 2026; see section 4."),
                 ('\n<section GUID="_c2"', new_clause + '\n<section GUID="_c2"'))
    assert [d.new_ref for d in exact_diff(old, wrong).differences if d.reason != "added"] == ["Clause 4"]
    # text both prints share is the same reference, whatever was renumbered ("Omit section 2." of the Old Act)
    assert "Omit section 2." in renumbered.provision("schedule 1, paragraph 2").text


def test_the_privilege_amendment_is_all_that_separates_hl_bill_60_from_bill_177() -> None:
    result = exact_diff(lawtrack.load_bill(bill_path("hl60")), lawtrack.load_bill(bill_path("b177")))
    assert [(d.kind, d.old_ref) for d in result.differences] == [("clause", "Clause 44")]
    assert "Nothing in this Act shall impose any charge on the people" in result.differences[0].reason
    assert result.units > 150


def test_the_command_lists_the_units_that_differ_as_json() -> None:
    out = CliRunner().invoke(main, ["diff", str(bill_path("hl54")), str(bill_path("hl60")), "--ignore-renumbering",
                                    "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["identical"] is False and data["units"] > 150
    assert {"old": "Clause 16", "new": "Clause 18"} in data["renumbering"]
    assert all(set(d) == {"kind", "old", "new", "reason"} for d in data["differences"])
    assert {"kind": "clause", "old": None, "new": "Clause 16", "reason": "added"} in data["differences"]
    text = CliRunner().invoke(main, ["diff", str(bill_path("hl60")), str(bill_path("b177")), "--ignore-renumbering"])
    assert text.exit_code == 0 and "1 differ" in text.output and "Clause 44" in text.output


@pytest.mark.parametrize(("old_edit", "new_edit", "unit"), [
    # the same words, moved between a heading and the text below it: only the boundary differs
    (None, ("<heading>Short title</heading>\n <content><p><?L 2-4?>This Act",
            "<heading>Short title This</heading>\n <content><p><?L 2-4?>Act"), "Clause 3"),
    # the same words, moved into a defined term
    (("“victim” means", "<def>“victim”</def> means"), ("“victim” means", "<def>“victim” means</def>"), "Clause 1"),
    # and out of one, from the start of the term
    (("“victim” means", "<def>“victim”</def> means"), ("“victim” means", "“<def>victim”</def> means"), "Clause 1"),
])
def test_words_that_move_across_a_heading_or_a_defined_term_differ(
        old_edit: tuple[str, str] | None, new_edit: tuple[str, str], unit: str) -> None:
    old = mini(old_edit) if old_edit else minibill.bill()
    new = mini(new_edit)
    assert old.provision(unit.lower()).text.split() == new.provision(unit.lower()).text.split()  # same words
    result = exact_diff(old, new)
    assert [d.old_ref for d in result.differences] == [unit], [d.as_dict() for d in result.differences]
    # the mirror: the same markup on both sides is no difference
    assert exact_diff(new, mini(new_edit)).identical


def _swapped_and_renumbered() -> lawtrack.Bill:
    """Clauses 2 and 3 swapped and renumbered (the short title is now clause 2), Schedule paragraph 1 now 1A."""
    data = minibill.xml(swap_2_and_3=True)
    for old, new in ((b"<num><?L 2-3?>3</num>", b"<num><?L 2-3?>2</num>"),
                     (b"<num><?L 1-9?>2</num>", b"<num><?L 1-9?>3</num>"),
                     (b"<num><?L 2-6?>1</num>", b"<num><?L 2-6?>1A</num>")):
        assert data.count(old) == 1
        data = data.replace(old, new)
    return lawtrack.load_bill(data, name="<renumbered mini bill>")


@pytest.mark.parametrize(("text", "amending", "schedule", "old"), [
    ("as required by section 3", False, None, "as required by section 2"),
    ("sections 2 and 3", False, None, "sections 3 and 2"),
    ("section 3 of the Old Act", False, None, "section 3 of the Old Act"),  # another Act's section
    # in a provision amending another Act, bare numbers are that Act's; "of this Act" and "inserted by" are ours
    ("In section 3, for “x” substitute “y”", True, None, "In section 3, for “x” substitute “y”"),
    ("In section 3, for “x” substitute “y”", False, None, "In section 2, for “x” substitute “y”"),
    ("section 3 of this Act", True, None, "section 2 of this Act"),
    ("as inserted by section 3", True, None, "as inserted by section 2"),
    # a Schedule's own paragraph numbers, only inside that Schedule
    ("paragraph 1A", False, "1", "paragraph 1"),
    ("paragraph 1A", False, None, "paragraph 1A"),
])
def test_a_new_prints_cross_references_in_the_old_prints_numbers(text: str, amending: bool, schedule: str | None,
                                                                 old: str) -> None:
    from lawtrack.diff.renumber import Renumbering

    r = Renumbering(minibill.bill(), _swapped_and_renumbered())
    assert r.changed() == [("Clause 3", "Clause 2"), ("Clause 2", "Clause 3"),
                           ("Schedule 1, paragraph 1", "Schedule 1, paragraph 1A")]
    assert r.to_old(text, amending=amending, schedule=schedule) == old
