"""Word-level diffs, bill comparison on real prints, renderers and the Keeling view."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.load import load_amendments
from lawtrack.diff.compare import compare
from lawtrack.diff.keeling import keeling
from lawtrack.diff.words import apply_segments, tokenize, word_diff
from lawtrack.manifest import load_manifest
from lawtrack.render.akn import bill_diff_xml, keeling_xml
from lawtrack.render.html import bill_diff_html, keeling_html, segments_html
from lawtrack.render.json import bill_diff_dict
from lawtrack.render.markdown import bill_diff_markdown
from tests.conftest import ROOT, bill_path, nodes

unicode_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80)
words = st.lists(st.sampled_from(["Gwasanaeth", "Cymru", "ŵyr", "“may”", "must", "😀", "é", "e\u0301", " ", "  ",
                                  "\n", ",", "—", "person’s", "the"]), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(unicode_text, words), st.one_of(unicode_text, words))
def test_applying_the_diff_to_old_gives_new(old: str, new: str) -> None:
    import unicodedata

    segments = word_diff(old, new)
    assert apply_segments(old, segments) == unicodedata.normalize("NFC", new)
    assert "".join(s.text for s in segments if s.op != "insert") == unicodedata.normalize("NFC", old)
    folded = word_diff(old, new, fold_quotes=True, fold_space=True)  # kept text carries the new glyphs
    assert apply_segments(old, folded) == unicodedata.normalize("NFC", new)


@given(unicode_text)
def test_tokens_rejoin_byte_for_byte(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_never_splits_a_word() -> None:
    segments = word_diff("The regulator may require information.", "The regulators may request information.")
    changed = [(s.op, s.text) for s in segments if s.op != "equal"]
    assert ("delete", "regulator") in changed and ("insert", "regulators") in changed
    assert ("delete", "require") in changed and ("insert", "request") in changed


def test_quote_and_space_folding() -> None:
    assert all(s.op == "equal" for s in word_diff('say "yes"  now', "say “yes” now", fold_quotes=True,
                                                  fold_space=True))
    assert any(s.op != "equal" for s in word_diff('say "yes"', "say “yes”"))


def test_long_texts_are_not_degraded_to_delete_all_insert_all() -> None:
    old = " ".join(f"word{i}" for i in range(20000))
    new = old.replace("word10000 ", "changed ")
    segments = word_diff(old, new)
    assert [s.text for s in segments if s.op != "equal"] == ["word10000", "changed"]


def test_compare_real_prints_hl54_to_hl60() -> None:
    old, new = lawtrack.load_bill(bill_path("hl54")), lawtrack.load_bill(bill_path("hl60"))
    diff = compare(old, new)
    counts = diff.counts()
    assert counts["added"] == 9 and counts["renumbered"] >= 30
    assert ("Clause 16", "Clause 18") in diff.renumbering()
    c1 = next(p for p in diff.provisions if p.new_ref == "Clause 1")
    assert c1.change == "changed" and ("insert", ", energy efficient") in [(s.op, s.text) for s in c1.diff]
    for p in diff.provisions:  # every changed pair's diff turns the old text into the new
        if p.change == "changed":
            old_p, new_p = old.by_eid(p.old_eid or ""), new.by_eid(p.new_eid or "")
            assert old_p is not None and new_p is not None
            assert apply_segments(old_p.text, list(p.diff)) == new_p.text
            with pytest.raises(ValueError):
                apply_segments(old_p.text + " and more", list(p.diff))


def test_compare_hl60_to_bill177_finds_the_privilege_amendment() -> None:
    diff = compare(lawtrack.load_bill(bill_path("hl60")), lawtrack.load_bill(bill_path("b177")))
    assert diff.counts() == {"unchanged": 155, "changed": 1}
    changed = next(p for p in diff.provisions if p.change == "changed")
    assert "Nothing in this Act shall impose any charge on the people" in "".join(
        s.text for s in changed.diff if s.op == "insert")


def test_renderers_carry_the_content() -> None:
    diff = compare(lawtrack.load_bill(bill_path("hl54")), lawtrack.load_bill(bill_path("hl60")))
    html = bill_diff_html(diff)
    assert '<ins class="lt-ins">, energy efficient</ins>' in html
    assert "<td>Clause 16</td><td>Clause 18</td>" in html
    assert "text-decoration:line-through" in html and "is left out" in html  # readable without colour
    md = bill_diff_markdown(diff)
    assert "| Clause 16 | Clause 18 |" in md and '<ins class="lt-ins">, energy efficient</ins>' in md
    data = bill_diff_dict(diff)
    first = data["provisions"][0]
    assert set(first) >= {"guid", "old_ref", "new_ref", "change", "diff"}
    assert {p["change"] for p in data["provisions"]} <= {"unchanged", "renumbered", "moved", "changed", "added",
                                                        "removed"}
    xml = etree.fromstring(bill_diff_xml(diff))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert xml.xpath("//a:ins[text()=', energy efficient']", namespaces=ns)
    added = nodes(xml, "//a:hcontainer[@ukl:change='ins']", namespaces={**ns, "ukl":
                                                                       "https://www.legislation.gov.uk/namespaces/UK-AKN"})
    assert len(added) == 9


def test_html_escapes_everything() -> None:
    html = segments_html(word_diff("a <b>", 'a <script>alert("x")</script> & [x](javascript:y)'))
    assert "<script" not in html and "script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html and "&amp;" in html

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack.pop() == tag

    parser = Tags()
    parser.feed(html)
    assert parser.stack == []


def test_keeling_view_links_each_change_to_its_amendment() -> None:
    bill = load_manifest(ROOT / "bills" / "victims-and-prisoners.toml").load()
    result = apply(bill, load_amendments(ROOT / "amendments" / "victims-and-prisoners"))
    units = keeling(bill, result)
    added = [u for u in units if u.change == "added"]
    assert {u.ref for u in added} == {"Clause 26A", "Clause 82A"}
    assert {u.amendments for u in added} == {("96",), ("NC36",)}
    c2 = next(u for u in units if u.ref == "Clause 2")
    inserted = [s for s in c2.segments if s.op == "insert"]
    assert [s.text.strip() for s in inserted] == [", whatever their immigration status"]
    html = keeling_html(units, lambda n: f"amendments/{n}/", title="Keeling")
    assert 'href="amendments/96/"' in html and 'href="amendments/NC36/"' in html
    xml = keeling_xml(units, title="Keeling").decode()
    assert 'ukl:changeDnum="96"' in xml and 'ukl:change="ins"' in xml


def test_diff_cli_json(tmp_path: object) -> None:
    from click.testing import CliRunner

    from lawtrack.cli import main

    out = CliRunner().invoke(main, ["diff", str(bill_path("hl60")), str(bill_path("b177")), "--format", "json"])
    assert out.exit_code == 0
    data = json.loads(out.stdout)
    assert data["counts"] == {"unchanged": 155, "changed": 1}
    out = CliRunner().invoke(main, ["diff", str(bill_path("hl54")), str(bill_path("hl60")), "--format", "json",
                                    "--provision", "clause 18"])
    data = json.loads(out.stdout)
    assert [(p["old_ref"], p["new_ref"]) for p in data["provisions"]] == [("Clause 16", "Clause 18")]


def test_fast_engine_gives_identical_output() -> None:
    import random

    import pytest as _pytest

    from lawtrack.diff import words as w

    if w._FAST is None:
        _pytest.skip("fast-diff-match-patch is not installed (pip install lawtrack[fast])")
    rng = random.Random(7)
    vocab = ["the", "may", "must", "person", "Act", "of", "2018", "—", "“x”", "Gwasanaeth", "😀", " ", "\n"]
    for _ in range(300):
        a = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 50)))
        b = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 50)))
        assert w.word_diff(a, b, use_fast=True) == w.word_diff(a, b, use_fast=False)


def test_a_clause_out_of_its_old_order_is_moved_and_its_neighbours_are_not() -> None:
    from tests import minibill

    old = lawtrack.load_bill(minibill.xml())
    new = lawtrack.load_bill(minibill.xml(swap_2_and_3=True))
    changes = {p.new_ref: p.change for p in compare(old, new).provisions}
    assert changes == {"Clause 1": "unchanged", "Clause 3": "unchanged", "Clause 2": "moved",
                       "Schedule 1, paragraph 1": "unchanged", "Schedule 1, paragraph 2": "unchanged"}


def test_terminal_renderer_marks_insertions_and_deletions() -> None:
    from rich.console import Console

    from lawtrack.render.terminal import bill_diff_terminal
    from tests import minibill

    old = lawtrack.load_bill(minibill.xml())
    amended = apply(old, [lawtrack.Amendment(number="1", instruction="Clause 1, page 1, line 2, leave out “may” and "
                                                                  "insert “must”")]).bill
    console = Console(record=True, width=200, color_system="standard", force_terminal=True)
    console.print(bill_diff_terminal(compare(old, amended)))
    text = console.export_text(styles=False, clear=False)
    assert "Mini Bill: As introduced → As introduced" in text
    assert "Clause 1 — Duties  [changed]" in text
    assert "1 unchanged" not in text and "1 changed, 4 unchanged" in text
    styled = console.export_text(styles=True)
    assert "\x1b[9;31mmay\x1b[0m" in styled and "\x1b[4;32mmust\x1b[0m" in styled  # struck red, underlined green


def test_keeling_view_of_the_mini_bill_unit_by_unit_checked_by_eye() -> None:
    """Every kind of unit, with every field, on the hand-written bill (tests/minibill.py): unchanged, changed
    (words substituted; words inserted after a comma, which the word diff places after the following space),
    added, removed, and a Schedule paragraph (whose amendment claims offsets in the Schedule's text)."""
    from lawtrack.amendments.markdown import read_markdown_amendment
    from lawtrack.amendments.model import Amendment
    from lawtrack.diff.keeling import KeelingUnit, Marked
    from tests import minibill

    def am(number: str, instruction: str) -> Amendment:
        return Amendment(number=number, instruction=instruction)

    bill = minibill.bill()
    nc1 = read_markdown_amendment('---\nnumber: "NC1"\n---\nTo move the following Clause—\n\n#### Review\n\n'
                                  "- (1) The Secretary of State must review this Act.\n", "<NC1>")
    result = apply(bill, [
        am("A1", "Clause 2, page 1, line 10, leave out “lay” and insert “present”"),
        am("A2", "Clause 2, page 2, line 1, after “year,” insert “without delay,”"),
        am("A3", "Page 2, line 3, leave out Clause 3"),
        nc1,
        am("S1", "Schedule 1, page 2, line 6, leave out “substitute” and insert “put”"),
        am("S2", "Schedule 1, page 2, line 8, before “section” insert “the whole of”"),
    ])
    assert [o.status for o in result.outcomes] == ["applied"] * 6
    units = keeling(bill, result)
    added = next(u for u in units if u.change == "added")
    assert added.guid and added.guid.startswith("_")  # a fresh GUID, checked apart: it is derived, not chosen
    c1 = ("1 Duties\n(1) The Secretary of State may publish a code of practice about the support of victims, and "
          "may revise the code at any time.\n(2) The code must—\n(a) set out the services available to victims,\n"
          "(b) say how victims may complain, and\n(c) say how the code is kept under review.\n(3) In this section "
          "“victim” means a person who has suffered harm.")
    assert units == [
        KeelingUnit(ref="Clause 1", eid="sec_1", guid="_c1", heading="Duties", change="unchanged",
                    segments=(Marked(op="equal", text=c1),)),
        KeelingUnit(ref="Clause 2", eid="sec_2", guid="_c2", heading="Reports", change="changed", segments=(
            Marked(op="equal", text="2 Reports\n(1) The Secretary of State must "),
            Marked(op="delete", text="lay", amendments=("A1",)),
            Marked(op="insert", text="present", amendments=("A1",)),
            Marked(op="equal", text=" a report on the café before Parliament in each year, "),
            Marked(op="insert", text="without delay, ", amendments=("A2",)),
            Marked(op="equal", text="and must publish the report.\n(2) A report under this section may be combined "
                                    "with the café notice."),
        ), amendments=("A1", "A2")),
        KeelingUnit(ref="Clause 3A", eid="sec_3A", guid=added.guid, heading="Review", change="added",
                    segments=(Marked(op="insert", text="3A Review\n(1) The Secretary of State must review this Act.",
                                     amendments=("NC1",)),), amendments=("NC1",)),
        KeelingUnit(ref="Clause 3", eid="sec_3", guid="_c3", heading="Short title", change="removed",
                    segments=(Marked(op="delete", text="3 Short title\nThis Act may be cited as the Mini Act 2026.",
                                     amendments=("A3",)),), amendments=("A3",)),
        KeelingUnit(ref="Schedule 1, paragraph 1", eid="sched_1__para_1", guid="_s1p1", heading=None,
                    change="changed", segments=(
                        Marked(op="equal", text="1 In section 1 of the Old Act, for “may” "),
                        Marked(op="delete", text="substitute", amendments=("S1",)),
                        Marked(op="insert", text="put", amendments=("S1",)),
                        Marked(op="equal", text=" “must”."),
                    ), amendments=("S1",)),
        KeelingUnit(ref="Schedule 1, paragraph 2", eid="sched_1__para_2", guid="_s1p2", heading=None,
                    change="changed", segments=(
                        Marked(op="equal", text="2 (1) The Old Act is amended as follows.\n(2) Omit "),
                        Marked(op="insert", text="the whole of ", amendments=("S2",)),
                        Marked(op="equal", text="section 2."),
                    ), amendments=("S2",)),
    ]


def test_compare_the_mini_bill_unit_by_unit_checked_by_eye() -> None:
    """Every classification with every field, on hand-made versions of tests/minibill.py: a clause whose words
    changed and whose GUID the new print lost (the old one is kept), one replaced by an unrelated clause of the
    same number (removed + added, the added one with its own GUID), one renumbered, and order swapped (moved)."""
    from lawtrack.diff.compare import ProvisionDiff
    from lawtrack.diff.words import Segment
    from tests import minibill

    old = minibill.bill()
    c2 = ('\n<section GUID="_c2b" eId="sec_2"><num><?L 1-9?>2</num><heading>Accounts</heading>\n'
          ' <content><p>The Secretary of State must keep accounts.</p></content></section>')
    data = minibill.xml(clause_2=c2, edit=("3</num><heading>Short title", "4</num><heading>Short title"))
    data = data.replace(b'<section GUID="_c1" eId="sec_1">', b'<section eId="sec_1">')
    data = data.replace(b"<p>In this section", b"<p>In this Act")
    new = lawtrack.load_bill(data, name="<new>")
    d = compare(old, new)
    c1_old_tail = "section “victim” means a person who has suffered harm."
    assert [p.model_copy(update={"diff": ()}) for p in d.provisions] == [
        ProvisionDiff(guid="_c1", kind="clause", old_ref="Clause 1", new_ref="Clause 1", old_eid="sec_1",
                      new_eid="sec_1", heading="Duties", change="changed"),
        ProvisionDiff(guid="_c2b", kind="clause", old_ref=None, new_ref="Clause 2", new_eid="sec_2",
                      heading="Accounts", change="added"),
        ProvisionDiff(guid="_c2", kind="clause", old_ref="Clause 2", new_ref=None, old_eid="sec_2",
                      heading="Reports", change="removed"),
        ProvisionDiff(guid="_c3", kind="clause", old_ref="Clause 3", new_ref="Clause 4", old_eid="sec_3",
                      new_eid="sec_3", heading="Short title", change="renumbered"),
        ProvisionDiff(guid="_s1p1", kind="paragraph", old_ref="Schedule 1, paragraph 1",
                      new_ref="Schedule 1, paragraph 1", old_eid="sched_1__para_1", new_eid="sched_1__para_1",
                      change="unchanged"),
        ProvisionDiff(guid="_s1p2", kind="paragraph", old_ref="Schedule 1, paragraph 2",
                      new_ref="Schedule 1, paragraph 2", old_eid="sched_1__para_2", new_eid="sched_1__para_2",
                      change="unchanged"),
    ]
    changed, added, removed, renumbered = d.provisions[:4]
    assert [(s.op, s.text) for s in changed.diff if s.op != "equal"] == [("delete", "section"), ("insert", "Act")]
    assert "".join(s.text for s in changed.diff if s.op != "insert").endswith(c1_old_tail)
    assert added.diff == (Segment("insert", "2 Accounts\nThe Secretary of State must keep accounts.", 0, 0),)
    assert [s.op for s in removed.diff] == ["delete"] and removed.diff[0].text.startswith("2 Reports\n(1) The")
    assert renumbered.diff == ()  # a new number alone is no text change
    assert d.renumbering() == [("Clause 3", "Clause 4")]
    assert d.counts() == {"changed": 1, "added": 1, "removed": 1, "renumbered": 1, "unchanged": 2}
    # the same clauses in another order: the one out of order is moved, the others unchanged
    swapped = compare(old, lawtrack.load_bill(minibill.xml(swap_2_and_3=True), name="<swapped>"))
    assert [(p.new_ref, p.change) for p in swapped.provisions] == [
        ("Clause 1", "unchanged"), ("Clause 3", "unchanged"), ("Clause 2", "moved"),
        ("Schedule 1, paragraph 1", "unchanged"), ("Schedule 1, paragraph 2", "unchanged")]
    assert all(p.diff == () for p in swapped.provisions)


@pytest.mark.parametrize(("old", "segments", "message"), [
    # a diff made from another text: each way it can fail names what it expected and where
    ("may publish", [("equal", "may ", 0), ("delete", "print", 4), ("insert", "issue", 9)],
     "the diff leaves out 'print' at 4, but the old text has 'publi'"),
    ("may publish", [("equal", "must ", 0), ("insert", "x", 5)],
     "the diff keeps 'must ' at 0, but the old text differs there"),
    ("may publish", [("equal", "may", 0), ("insert", "x", 4)], "the diff expects offset 4 of the old text, not 3"),
    ("may publish", [("equal", "may", 0)], "the diff ends at offset 3 of an old text of 11 characters"),
    # kept text longer than what is left of the old text
    ("may", [("equal", "may publish", 0)], "the diff keeps 'may publish' at 0, but the old text differs there"),
    # a space is folded only against a space
    ("a b", [("equal", "a.b", 0)], "the diff keeps 'a.b' at 0, but the old text differs there"),
])
def test_a_diff_applied_to_a_text_it_was_not_made_from_is_refused(old: str, segments: list[tuple[str, str, int]],
                                                                   message: str) -> None:
    from lawtrack.diff.words import Segment

    with pytest.raises(ValueError) as err:
        apply_segments(old, [Segment(op, text, at, 0) for op, text, at in segments])  # type: ignore[arg-type]
    assert str(err.value) == message


@pytest.mark.parametrize(("old", "kept", "new"), [
    # kept text is compared with quotation marks and runs of spaces folded, as the diff may have made it
    ("for “may” substitute", "for \"may\" substitute", "for \"may\" substitute"),
    ("the  code", "the code", "the code"),
    ("the\ncode", "the code", "the code"),
])
def test_kept_text_matches_with_quotes_and_spaces_folded(old: str, kept: str, new: str) -> None:
    from lawtrack.diff.words import Segment

    assert apply_segments(old, [Segment("equal", kept, 0, 0)]) == new


@pytest.mark.parametrize(("op", "at", "text", "claim", "linked"), [
    # old text: "(a) the  code  X(b)" — offsets: "(a)" 0-3, "the" 4-7, "code" 9-13, "X" 15, "(b)" 16-19
    ("delete", 4, "the", (4, 7), True),          # where the amendment acted
    ("delete", 7, " ", (4, 7), False),           # starts where the claim ends: the next words are not its
    ("delete", 4, "the", (4, 4), True),          # an empty claim still owns the deletion starting at it
    ("delete", 3, " the", (4, 7), True),         # the diff took the space before the words too
    ("delete", 3, " ", (4, 7), False),           # only the space before: not into the claimed words
    ("insert", 7, "new ", (4, 7), True),         # at the end of the claimed words
    ("insert", 9, "new ", (7, 7), True),         # "after “the” insert": the diff puts it after the spaces
    ("insert", 15, "new ", (12, 12), False),     # past a word character ("e X"): another place
    ("insert", 16, "new ", (15, 15), False),     # past an "X": a word, not a space or bracket
    ("insert", 17, "new ", (16, 16), True),      # past the "(" the diff kept: "(new b)"
    ("insert", 0, "new ", (1, 1), True),         # before the claim, by a bracket, at the very start
    ("insert", 10, "new ", (14, 14), False),     # before the claim, with words between
])
def test_a_change_is_linked_to_the_amendment_that_claims_its_place(op: str, at: int, text: str,
                                                                  claim: tuple[int, int], linked: bool) -> None:
    from lawtrack.diff.keeling import _who
    from lawtrack.diff.words import Segment

    old = "(a) the  code  X(b)"
    seg = Segment(op, text, at, 0)  # type: ignore[arg-type]
    assert _who([(claim[0], claim[1], "A1")], seg, old) == (("A1",) if linked else ())
    # the same claim in the Schedule's text, with the paragraph 100 characters into it
    assert _who([(claim[0] + 100, claim[1] + 100, "A1")], seg, old, base=100) == (("A1",) if linked else ())


def test_a_gap_of_three_spaces_or_brackets_is_still_beside_the_claim_and_four_is_not() -> None:
    from lawtrack.diff.keeling import _who
    from lawtrack.diff.words import Segment

    assert _who([(1, 1, "A1")], Segment("insert", "x", 4, 0), "a   (b)") == ("A1",)
    assert _who([(1, 1, "A1")], Segment("insert", "x", 5, 0), "a   (b)") == ()


def test_compare_with_nothing_in_common_and_with_only_quotation_marks_changed() -> None:
    from tests import minibill

    old = minibill.bill()
    empty = lawtrack.load_bill(minibill._xml("", '"Empty Bill"'), name="<empty>")
    d = compare(empty, old)  # nothing aligned: every unit added, none moved
    assert [(p.new_ref, p.change) for p in d.provisions] == [
        ("Clause 1", "added"), ("Clause 2", "added"), ("Clause 3", "added"),
        ("Schedule 1, paragraph 1", "added"), ("Schedule 1, paragraph 2", "added")]
    assert [p.change for p in compare(old, empty).provisions] == ["removed"] * 5
    assert compare(empty, empty).provisions == ()
    # straight for curly quotation marks: compared folded, so unchanged, and no diff is carried
    straight = lawtrack.load_bill(minibill.xml(edit=("for\n   “may” substitute “must”", 'for "may" substitute "must"')),
                                  name="<straight quotes>")
    d = compare(old, straight)
    assert {p.change for p in d.provisions} == {"unchanged"} and all(p.diff == () for p in d.provisions)
    unfolded = compare(old, straight, fold_quotes=False)
    assert [(p.new_ref, p.change) for p in unfolded.provisions if p.change != "unchanged"] == [
        ("Schedule 1, paragraph 1", "changed")]
