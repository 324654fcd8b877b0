"""New clauses and new Schedules, and conflicts between amendments: hand-checked tables on the mini bill
(tests/minibill.py: Clauses 1 "Duties", 2 "Reports", 3 "Short title"; SCHEDULE 1)."""

from __future__ import annotations

import pytest

import lawtrack
from lawtrack.amendments.model import OBJECT, Amendment
from tests import minibill
from tests.test_operations import md

CLAUSE = "#### Annual report\n\n- (1) The Secretary of State must report.\n"
OTHER = "#### Review\n\n- (1) The Secretary of State must review this Act.\n"
SCHEDULE = "## Schedule — Repeals\n\n##### 1\n\nSection 2 of the Old Act is repealed.\n"


def _clauses(bill: lawtrack.Bill) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.label, c.eid, c.heading) for c in bill.clauses()]


# (instructions, the clauses afterwards, each outcome's detail, placed by lawtrack)
NEW_CLAUSES = [
    (["After Clause 1, insert the following new Clause—"],
     ["1", "1A", "2", "3"], ["Inserted a new clause after Clause 1"], [False]),
    (["Before Clause 2, insert the following new Clause—"],  # numbered after the clause before it
     ["1", "1A", "2", "3"], ["Inserted a new clause before Clause 2"], [False]),
    (["Before Clause 1, insert the following new Clause—"],  # before the first clause: A1
     ["A1", "1", "2", "3"], ["Inserted a new clause before Clause 1"], [False]),
    (["After Clause 3, insert the following new Clause—"],
     ["1", "2", "3", "3A"], ["Inserted a new clause after Clause 3"], [False]),
    (["To move the following Clause—"],  # no position: lawtrack puts it at the end and says so
     ["1", "2", "3", "3A"], ["Inserted a new clause at the end of the body, after Clause 3 (the paper gives no "
                             "position; placed by lawtrack)"], [True]),
    (["After Clause 1, insert the following new Clause—", "After Clause 1, insert the following new Clause—"],
     ["1", "1A", "1B", "2", "3"],  # two after the same clause keep their marshalled order
     ["Inserted a new clause after Clause 1", "Inserted a new clause after Clause 1"], [False, False]),
    (["Before Clause 1, insert the following new Clause—", "Before Clause 1, insert the following new Clause—"],
     ["A1", "B1", "1", "2", "3"],
     ["Inserted a new clause before Clause 1", "Inserted a new clause before Clause 1"], [False, False]),
]


@pytest.mark.parametrize(("instructions", "labels", "details", "placed"), NEW_CLAUSES)
def test_new_clauses_are_numbered_and_placed_as_the_house_does(instructions: list[str], labels: list[str],
                                                                details: list[str], placed: list[bool]) -> None:
    mini = minibill.bill()
    texts = [CLAUSE, OTHER]
    result = lawtrack.apply(mini, [md(str(i), f"{ins}\n\n{texts[i - 1]}")
                                   for i, ins in enumerate(instructions, start=1)])
    assert [o.status for o in result.outcomes] == ["applied"] * len(instructions)
    assert [o.detail for o in result.outcomes] == details
    assert [o.placed_by_lawtrack for o in result.outcomes] == placed
    assert [c[0] for c in _clauses(result.bill)] == labels
    new = [c for c in result.bill.clauses() if c.label not in ("1", "2", "3")]
    assert [o.provisions for o in result.outcomes] == [(c.eid,) for c in new]
    assert [c.eid for c in new] == [f"sec_{c.label}" for c in new]
    assert [c.heading for c in new] == ["Annual report", "Review"][: len(new)]  # in marshalled order
    assert result.bill.to_xml().count(b"<section ") == len(labels)  # nothing else moved or lost


def test_a_new_clause_keeps_the_layout_of_the_clause_it_follows() -> None:
    mini = minibill.bill()
    result = lawtrack.apply(mini, [md("1", f"After Clause 1, insert the following new Clause—\n\n{CLAUSE}")])
    root = result.bill.tree()
    sections = [el for el in root.iter("{*}section")]
    assert [el.get("eId") for el in sections] == ["sec_1", "sec_1A", "sec_2", "sec_3"]
    assert sections[1].tail == sections[0].tail  # the same white space after it: the XML reads as before


def test_new_provisions_get_guids_of_their_own_the_same_on_every_run() -> None:
    mini = minibill.bill()
    first = lawtrack.apply(mini, [md("1", f"After Clause 1, insert the following new Clause—\n\n{CLAUSE}"),
                                  md("2", f"After Clause 2, insert the following new Clause—\n\n{OTHER}")])
    again = lawtrack.apply(mini, [md("1", f"After Clause 1, insert the following new Clause—\n\n{CLAUSE}"),
                                  md("2", f"After Clause 2, insert the following new Clause—\n\n{OTHER}")])
    other = lawtrack.apply(mini, [md("7", f"After Clause 1, insert the following new Clause—\n\n{CLAUSE}")])
    guids = [(c.guid, [d.guid for d in c.walk()]) for c in first.bill.clauses() if c.label in ("1A", "2A")]
    assert guids == [(c.guid, [d.guid for d in c.walk()]) for c in again.bill.clauses() if c.label in ("1A", "2A")]
    old = {p.guid for p in mini.walk()}
    flat = [g for _, gs in guids for g in gs]
    assert len(set(flat)) == len(flat) and not set(flat) & old
    assert other.bill.provision("clause 1A").guid != guids[0][0]  # another amendment's clause is another clause


def _mini(xml: bytes) -> lawtrack.Bill:
    return lawtrack.load_bill(xml, name="<mini bill, variant>")


@pytest.mark.parametrize(("variant", "num", "eid"), [
    ("as printed", "SCHEDULE 2", "sched_2"),  # numbered after the last, in its style
    ("title case", "Schedule 2", "sched_2"),
    ("no schedules", "Schedule 1", "sched_1"),  # the container is made, under the body
])
def test_a_new_schedule_goes_after_the_last_numbered_in_its_style(variant: str, num: str, eid: str) -> None:
    xml = minibill.xml()
    if variant == "title case":
        xml = xml.replace(b">SCHEDULE 1<", b">Schedule 1<")
    elif variant == "no schedules":
        start, end = xml.index(b'<hcontainer name="schedules"'), xml.rindex(b"</hcontainer>") + len(b"</hcontainer>")
        xml = xml[:start] + xml[end:]
    bill = _mini(xml)
    result = lawtrack.apply(bill, [md("1", f"To move the following Schedule—\n\n{SCHEDULE}")])
    (outcome,) = result.outcomes
    assert (outcome.status, outcome.detail, outcome.placed_by_lawtrack) == (
        "applied", "Inserted a new Schedule at the end of the Schedules", True)
    new = result.bill.schedules()[-1]
    assert (new.num, new.eid, new.heading) == (num, eid, "Repeals")
    assert outcome.provisions == (eid,)
    assert [p.text for p in new.children] == ["1 Section 2 of the Old Act is repealed."]
    assert len(result.bill.schedules()) == len(bill.schedules()) + 1


def test_an_amendment_whose_text_is_missing_is_refused() -> None:
    mini = minibill.bill()
    structured = md("1", f"After Clause 1, insert the following new Clause—\n\n{CLAUSE}")
    bare = Amendment(number="9", instruction=structured.instruction, inserted=structured.inserted)
    result = lawtrack.apply(mini, [bare])
    assert [(o.status, o.detail) for o in result.outcomes] == [
        ("not-found", "the amendment has no text for its new clause")]
    assert OBJECT in bare.instruction and result.bill.to_xml() == mini.to_xml()


# -- conflicts: (first, second, the second's detail); each pair is also tried the other way round --------------

CONFLICTS = [
    ("Clause 1, page 1, line 2, leave out “may publish” and insert “must publish”",
     "Clause 1, page 1, line 2, leave out “publish a code” and insert “issue a code”",
     "conflicts with amendment {0}: they change the same words"),
    ("Clause 1, page 1, line 2, leave out “may publish a code”",
     "Clause 1, page 1, line 2, after “publish” insert “and keep”",
     "conflicts with amendment {0}: one inserts words inside words the other leaves out"),
    ("Leave out Clause 2", "Clause 2, page 1, line 10, leave out “café” and insert “cafe”",
     "conflicts with amendment {0}: one leaves out or replaces the whole provision the other changes"),
    ("Page 1, line 9, leave out Clause 2", "Leave out Clause 2",
     "conflicts with amendment {0}: both leave out or replace the same provision"),
    (f"After Clause 1, insert the following new Clause—\n\n{CLAUSE}",
     f"After Clause 3, insert the following new Clause—\n\n{CLAUSE}",
     "conflicts with amendment {0}: both insert a new provision headed “Annual report”"),
]


@pytest.mark.parametrize(("first", "second", "detail"), CONFLICTS)
@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_conflicting_amendments_say_why_and_the_later_is_not_applied(first: str, second: str, detail: str,
                                                                   order: str) -> None:
    a, b = (first, second) if order == "as listed" else (second, first)
    mini = minibill.bill()
    result = lawtrack.apply(mini, [md("1", a), md("2", b)])
    assert [o.status for o in result.outcomes] == ["applied", "conflict"]
    assert result.outcomes[1].detail == detail.format("1")
    assert result.outcomes[1].conflicts_with == ("1",)
    alone = lawtrack.apply(mini, [md("1", a)])
    assert result.bill.to_xml() == alone.bill.to_xml()  # the conflicting one changed nothing


@pytest.mark.parametrize(("first", "second"), [
    ("Clause 1, page 1, line 2, leave out “may”", "Clause 1, page 1, line 2, leave out “publish”"),  # touching
    ("Clause 1, page 1, line 2, leave out “may”", "Clause 1, page 1, line 2, after “may” insert “and shall”"),
    ("Clause 1, page 1, line 2, before “may” insert “not”", "Clause 1, page 1, line 2, leave out “may”"),
    ("Clause 1, page 1, line 2, leave out “may”", "Clause 2, page 1, line 10, leave out “must”"),
    (f"After Clause 1, insert the following new Clause—\n\n{CLAUSE}",
     f"After Clause 1, insert the following new Clause—\n\n{OTHER}"),
])
def test_amendments_that_do_not_overlap_both_apply(first: str, second: str) -> None:
    for a, b in ((first, second), (second, first)):
        result = lawtrack.apply(minibill.bill(), [md("1", a), md("2", b)])
        assert [o.status for o in result.outcomes] == ["applied", "applied"], result.outcomes


def test_one_amendment_conflicting_with_two_names_both() -> None:
    result = lawtrack.apply(minibill.bill(), [
        md("1", "Clause 1, page 1, line 2, leave out “may”"),
        md("2", "Clause 1, page 1, line 2, leave out “publish”"),
        md("3", "Clause 1, page 1, line 2, leave out “may publish”")])
    assert [o.status for o in result.outcomes] == ["applied", "applied", "conflict"]
    assert result.outcomes[2].detail == "conflicts with amendments 1 and 2: they change the same words"
    assert result.outcomes[2].conflicts_with == ("1", "2")


@pytest.mark.parametrize(("a", "b", "why"), [
    ((0, 3), (3, 6), None),  # touching spans: both can be made
    ((0, 3), (2, 6), "they change the same words"),
    ((2, 6), (0, 3), "they change the same words"),
    ((0, 6), (2, 3), "they change the same words"),
    ((3, 3), (0, 3), None),  # a point at the end of a span left out: after it
    ((0, 0), (0, 3), None),  # a point at its start: before it
    ((1, 1), (0, 3), "one inserts words inside words the other leaves out"),
    ((0, 3), (1, 1), "one inserts words inside words the other leaves out"),
    ((2, 2), (2, 2), None),  # two insertions at one point: both go in, in marshalled order
])
def test_when_two_claims_on_one_provision_clash(a: tuple[int, int], b: tuple[int, int], why: str | None) -> None:
    from lawtrack.amendments.conflicts import _clash
    from lawtrack.amendments.plan import Claim

    assert _clash(Claim("sec_1", *a, "1"), Claim("sec_1", *b, "2")) == why
    whole = Claim("sec_1", 0, 9, "3", whole=True)
    assert _clash(whole, Claim("sec_1", *a, "1")) == "one leaves out or replaces the whole provision the other changes"
    assert _clash(whole, whole) == "both leave out or replace the same provision"


def test_a_conflict_with_several_amendments_names_each_with_its_reason() -> None:
    from lawtrack.amendments.conflicts import describe

    assert describe((("1", "they change the same words"), ("2", "they change the same words"),
                     ("4", "they change the same words"))) == \
        "conflicts with amendments 1, 2 and 4: they change the same words"
    assert describe((("1", "they change the same words"), ("3", "both insert a new provision headed “X”"))) == \
        "conflicts with amendment 1: they change the same words; with amendment 3: both insert a new provision " \
        "headed “X”"


def test_a_new_schedule_goes_into_the_schedules_not_into_an_earlier_group() -> None:
    from lawtrack.formats.akn import akn

    xml = minibill.xml()
    start, end = xml.index(b'<hcontainer name="schedules"'), xml.rindex(b"</hcontainer>") + len(b"</hcontainer>")
    no_schedules = xml[:start] + xml[end:]
    # Clause 1 under a cross-heading: an hcontainer that comes first in the body
    grouped = no_schedules.replace(b'<section GUID="_c1"', b'<hcontainer name="crossheading" GUID="_x1" '
                                   b'eId="xhdg_1"><heading>General</heading><section GUID="_c1"', 1)
    grouped = grouped.replace(b'<section GUID="_c2"', b'</hcontainer><section GUID="_c2"', 1)
    bill = lawtrack.load_bill(grouped, name="<mini bill, cross-heading, no Schedules>")
    result = lawtrack.apply(bill, [md("1", f"To move the following Schedule—\n\n{SCHEDULE}")])
    assert result.all_applied
    body = result.bill.tree().find(f".//{akn('body')}")
    assert body is not None
    containers = [c for c in body if c.get("name") == "schedules"]
    assert [(c.get("eId"), [s.get("eId") for s in c]) for c in containers] == [("scheds", ["sched_1"])]
    (schedule,) = containers[0]
    assert len(schedule.findall(akn("num"))) == 1 and schedule.findtext(akn("num")) == "Schedule 1"
    assert [c.label for c in result.bill.clauses()] == ["1", "2", "3"]  # the cross-heading keeps its clause


@pytest.mark.parametrize("instruction", ["After Clause 1, insert the following new Clause—",
                                         "To move the following Schedule—",
                                         "Clause 1, page 1, line 4, leave out subsection (2) and insert—",
                                         "Leave out Clause 2 and insert the following new Clause—",
                                         "Leave out Schedule 1 and insert the following new Schedule—"])
def test_the_same_text_moved_by_two_amendments_gets_different_guids(instruction: str) -> None:
    """The GUIDs of inserted provisions come from the amendment (its number), not only from the text."""
    from lawtrack.amendments.markdown import read_markdown_amendment

    text = SCHEDULE if "Schedule" in instruction else "- (2) Words.\n" if "subsection" in instruction else CLAUSE

    def draft(number: str) -> Amendment:  # the same file, so the same text read the same way
        return read_markdown_amendment(f'---\nnumber: "{number}"\n---\n{instruction}\n\n{text}\n', "draft.md")

    def new_guids(number: str) -> set[str]:
        result = lawtrack.apply(minibill.bill(), [draft(number)])
        assert result.all_applied, result.outcomes
        old = {p.guid for p in minibill.bill().walk()}
        return {p.guid for p in result.bill.walk() if p.guid is not None and p.guid not in old}

    one, seven = new_guids("1"), new_guids("7")
    assert one and seven and not one & seven
    assert new_guids("1") == one
