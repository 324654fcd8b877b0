"""What an amendment inserts, in words (``Insertion.describe``, ``structure_phrase``, ``kind_word``), checked by
hand against the way outcomes and explanations should read it."""

from __future__ import annotations

import pytest

from lawtrack.amendments.model import Insertion, kind_word, structure_phrase
from lawtrack.model.provision import Kind, Provision


def _p(kind: Kind, num: str | None = None, heading: str | None = None, *, quoted: bool = False,
       label: str | None = None, text: str = "") -> Provision:
    return Provision(kind=kind, element="x", num=num, heading=heading, quoted=quoted, label=label, text=text)


@pytest.mark.parametrize(("kind", "quoted", "one", "many"), [
    (Kind.SUBSECTION, False, "subsection", "subsections"),
    (Kind.PARAGRAPH, False, "paragraph", "paragraphs"),
    (Kind.SUBPARAGRAPH, False, "sub-paragraph", "sub-paragraphs"),
    (Kind.SUBSUBPARAGRAPH, False, "sub-paragraph", "sub-paragraphs"),
    (Kind.CLAUSE, False, "clause", "clauses"),
    (Kind.CLAUSE, True, "section", "sections"),  # a clause of a quoted Act is a section
    (Kind.SUBSECTION, True, "subsection", "subsections"),  # only clauses change their name when quoted
    (Kind.SCHEDULE, False, "Schedule", "Schedules"),
    (Kind.SCHEDULE, True, "Schedule", "Schedules"),
    (Kind.PART, False, "Part", "Parts"),
    (Kind.CHAPTER, False, "Chapter", "Chapters"),
    (Kind.CROSSHEADING, False, "cross-heading", "cross-headings"),
    (Kind.DEFINITION, False, "definition", "definitions"),
    (Kind.LEVEL, False, "provision", "provisions"),  # anything else
    (Kind.OTHER, True, "provision", "provisions"),
])
def test_kind_word(kind: Kind, quoted: bool, one: str, many: str) -> None:
    p = _p(kind, quoted=quoted)
    assert (kind_word(p), kind_word(p, plural=False), kind_word(p, plural=True)) == (one, one, many)


@pytest.mark.parametrize(("structure", "phrase"), [
    ((_p(Kind.CLAUSE, heading="Victims’ data"),), "a new clause “Victims’ data”"),
    ((_p(Kind.CLAUSE),), "a new clause"),
    ((_p(Kind.CLAUSE, heading="A"), _p(Kind.CLAUSE, heading="B")), "new clauses “A” and “B”"),
    ((_p(Kind.CLAUSE, heading="A"), _p(Kind.CLAUSE), _p(Kind.CLAUSE, heading="C")), "new clauses “A” and “C”"),
    ((_p(Kind.CLAUSE, heading="A"), _p(Kind.CLAUSE, heading="B"), _p(Kind.CLAUSE, heading="C")),
     "new clauses “A” to “C”"),
    ((_p(Kind.CLAUSE), _p(Kind.CLAUSE)), "new clauses"),
    ((_p(Kind.SCHEDULE, heading="Repeals"),), "a new Schedule “Repeals”"),
    ((_p(Kind.CLAUSE, "10A", "Duty", quoted=True),), "section 10A"),  # inserted into an Act: by its number
    ((_p(Kind.CLAUSE, None, "Duty", quoted=True),), "section “Duty”"),
    ((_p(Kind.CLAUSE, None, None, quoted=True),), "section"),
    ((_p(Kind.SUBSECTION, "(3A)"),), "subsection (3A)"),
    ((_p(Kind.SUBSECTION, "(3A)"), _p(Kind.SUBSECTION, "(3B)")), "subsections (3A) and (3B)"),
    ((_p(Kind.SUBSECTION, "(3A)"), _p(Kind.SUBSECTION, "(3B)"), _p(Kind.SUBSECTION, "(3C)")),
     "subsections (3A) to (3C)"),
    ((_p(Kind.SUBSECTION, "(3A)"), _p(Kind.SUBSECTION)), "subsection (3A)"),  # one is named: singular
    ((_p(Kind.SUBSECTION), _p(Kind.SUBSECTION)), "subsection"),
    ((_p(Kind.PARAGRAPH, "(d)"), _p(Kind.SUBPARAGRAPH, "(i)"), _p(Kind.SUBPARAGRAPH, "(ii)")),
     "paragraph (d), then sub-paragraphs (i) and (ii)"),
    ((_p(Kind.SUBSECTION, "(2)"), _p(Kind.PARAGRAPH, "(a)"), _p(Kind.SUBSECTION, "(3)")),
     "subsection (2), then paragraph (a), then subsection (3)"),  # grouped only while the kind runs on
    ((_p(Kind.DEFINITION, label="victim"),), "definition of “victim”"),
    ((_p(Kind.DEFINITION, label="victim"), _p(Kind.DEFINITION, label="witness")),
     "definitions of “victim” and “witness”"),
    ((_p(Kind.DEFINITION, text="“relevant person” means a person who provides services to victims"),),
     "definition of ““relevant person” means a person who pro”"),  # no label: its first 40 characters
    ((), ""),
])
def test_structure_phrase(structure: tuple[Provision, ...], phrase: str) -> None:
    assert structure_phrase(structure) == phrase


@pytest.mark.parametrize(("insertion", "words"), [
    (Insertion(words="must"), "“must”"),
    (Insertion(structure=(_p(Kind.SUBSECTION, "(3A)"),)), "subsection (3A)"),
    (Insertion(words="and", structure=(_p(Kind.PARAGRAPH, "(e)"),)), "“and” followed by paragraph (e)"),
    (Insertion(), "the text that follows (not given)"),
])
def test_an_insertion_described(insertion: Insertion, words: str) -> None:
    assert insertion.describe() == words
