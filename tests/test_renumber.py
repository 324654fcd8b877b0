"""Hand-checked tables for :class:`lawtrack.diff.renumber.Renumbering`: cross-references of a reprint put back in
the numbers of the print before it.

The old print is the mini bill (tests/minibill.py). The new print inserts a Clause 2 "Guidance" (so Reports
becomes Clause 3 and Short title Clause 4) and a Schedule 1 paragraph 1 (so paragraphs 1 and 2 become 2 and 3).
"""

from __future__ import annotations

import pytest

import lawtrack
from lawtrack.diff.renumber import Renumbering, amending
from tests import minibill

_NEW_CLAUSE = ('<section GUID="_n2" eId="sec_n2"><num>2</num><heading>Guidance</heading><content><p>Guidance may be '
               "given.</p></content></section>")
_NEW_PARAGRAPH = ('<paragraph GUID="_n1" eId="sched_1__para_n1"><num>1</num><content><p>Omit section 9 of the Old '
                  "Act.</p></content></paragraph>")


def new_print_xml() -> str:
    """The new print's XML (see the module docstring)."""
    xml = minibill.xml().decode()
    for old, new in (
        ('<section GUID="_c2" eId="sec_2"><num><?L 1-9?>2</num>',
         _NEW_CLAUSE + '<section GUID="_c2" eId="sec_2"><num><?L 1-9?>3</num>'),
        ("<num><?L 2-3?>3</num>", "<num><?L 2-3?>4</num>"),
        ('<paragraph GUID="_s1p1" eId="sched_1__para_1"><num><?L 2-6?>1</num>',
         _NEW_PARAGRAPH + '<paragraph GUID="_s1p1" eId="sched_1__para_1"><num><?L 2-6?>2</num>'),
        ('<paragraph GUID="_s1p2" eId="sched_1__para_2"><num><?L 2-7?>2</num>',
         '<paragraph GUID="_s1p2" eId="sched_1__para_2"><num><?L 2-7?>3</num>'),
    ):
        assert xml.count(old) == 1, old
        xml = xml.replace(old, new)
    return xml


def _new_print() -> lawtrack.Bill:
    return lawtrack.load_bill(new_print_xml().encode())


@pytest.fixture(scope="module")
def numbers() -> Renumbering:
    return Renumbering(minibill.bill(), _new_print())


def test_the_tables(numbers: Renumbering) -> None:
    assert numbers.maps == {"section": {"1": "1", "2": None, "3": "2", "4": "3"}, "schedule": {"1": "1"}}
    assert numbers.headings == {"section": {"2": "Guidance"}, "schedule": {}}
    assert numbers.by_heading == {"section": {"duties": "1", "reports": "2", "short title": "3"},
                                  "schedule": {"consequential amendments": "1"}}
    assert numbers.paragraphs == {"1": {"1": None, "2": "1", "3": "2"}}
    assert numbers.changed() == [("Clause 2", "Clause 3"), ("Clause 3", "Clause 4"),
                                 ("Schedule 1, paragraph 1", "Schedule 1, paragraph 2"),
                                 ("Schedule 1, paragraph 2", "Schedule 1, paragraph 3")]


def test_no_renumbering_between_a_print_and_itself() -> None:
    same = Renumbering(minibill.bill(), minibill.bill())
    assert same.changed() == []
    assert same.to_old("section 2 and Schedule 1, paragraph 2", schedule="1") == "section 2 and Schedule 1, paragraph 2"


@pytest.mark.parametrize(("new", "old"), [
    ("section 3", "section 2"),
    ("Section 3", "Section 2"),
    ("clause 4", "clause 3"),
    ("sections 3 and 4", "sections 2 and 3"),
    ("sections 3, 4 or 1", "sections 2, 3 or 1"),
    ("sections 3 to 4", "sections 2 to 3"),
    ("section 3(2)", "section 2(2)"),
    ("section 2", "section (Guidance)"),  # new in this print: cited by its heading
    ("section 1", "section 1"),
    ("section 7", "section 7"),  # no such clause: left as it is
    ("Schedule 1", "Schedule 1"),
    ("section 4 of the Housing Act 2004", "section 4 of the Housing Act 2004"),  # another Act's
    ("section 3(2) of the Other Act 1999", "section 3(2) of the Other Act 1999"),
    ("section 4 of this Act", "section 3 of this Act"),
    ("paragraph 3", "paragraph 3"),  # a paragraph number is read only inside its Schedule
    ("see section 3 and then section 4", "see section 2 and then section 3"),
])
def test_to_old(numbers: Renumbering, new: str, old: str) -> None:
    assert numbers.to_old(new) == old


@pytest.mark.parametrize(("new", "old"), [
    ("section 3", "section 3"),  # in a provision amending another Act, a bare section is that Act's
    ("section 3 of this Act", "section 2 of this Act"),
    ("(inserted by section 3)", "(inserted by section 2)"),
    ("as substituted by section 4", "as substituted by section 3"),
])
def test_to_old_in_a_provision_amending_another_act(numbers: Renumbering, new: str, old: str) -> None:
    assert numbers.to_old(new, amending=True) == old


@pytest.mark.parametrize(("new", "old", "elsewhere"), [
    ("paragraph 3", "paragraph 2", "paragraph 3"),
    ("paragraphs 2 and 3", "paragraphs 1 and 2", "paragraphs 2 and 3"),
    ("paragraph 1", "paragraph 1", "paragraph 1"),  # the new paragraph 1 has no heading to be cited by
    ("Paragraph 3 and section 3", "Paragraph 2 and section 2", "Paragraph 3 and section 2"),
])
def test_to_old_in_a_schedule(numbers: Renumbering, new: str, old: str, elsewhere: str) -> None:
    assert numbers.to_old(new, schedule="1") == old
    assert numbers.to_old(new, schedule="2") == elsewhere  # not that Schedule's paragraphs: only its sections


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("under section 2", "under section 3", "under section 2"),  # only renumbered: no change at all
    ("see section 2", "see section 3 and section 4", "see section 2 and section 3"),  # new words in old terms
    ("section 2 and section 3", "section 2 and section 4", "section 2 and section 3"),  # shared words stay
    ("unchanged text", "unchanged text", "unchanged text"),
    ("about reports", "about the reports", "about the reports"),  # no reference: as it is
])
def test_reconcile(numbers: Renumbering, old: str, new: str, expected: str) -> None:
    assert numbers.reconcile(old, new) == expected


def test_reconcile_in_a_provision_amending_another_act(numbers: Renumbering) -> None:
    # "section 4" is new to the text and bare: the other Act's, so not renumbered; "of this Act" is the bill's
    assert numbers.reconcile("Omit section 1.", "Omit section 4.", amending=True) == "Omit section 4."
    assert numbers.reconcile("See section 1 of this Act.", "See section 4 of this Act.", amending=True) == (
        "See section 3 of this Act.")


@pytest.mark.parametrize(("text", "expected"), [
    ("section (Reports)", "section 2"),
    ("Section (Short  title)", "Section 3"),
    ("section (Unknown heading)", "section (Unknown heading)"),
    ("Schedule (Consequential amendments)", "Schedule 1"),
    ("section (ab)", "section (ab)"),  # under three characters: not read as a heading
])
def test_numbers_of_headings(numbers: Renumbering, text: str, expected: str) -> None:
    assert numbers.numbers_of_headings(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Housing Act 2004 is amended as follows.", True),
    ("Sections 1 to 3 are repealed.", True),
    ("Omit section 2.", True),
    ("In subsection (2), for “may” substitute “must”.", True),
    ("After section 5 insert—", True),
    ("The Secretary of State must publish a code.", False),
    ("A report under section 2 may be combined.", False),
])
def test_amending(text: str, expected: bool) -> None:
    assert amending(text) is expected
