"""Recognise the address that opens an instruction: "Clause 2, page 3, line 15," and its variants."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.model import Address


def _labels(c: Cursor) -> list[str]:
    out = []
    while (lab := c.label()) is not None:
        out.append(lab)
    return out


def _numbered(c: Cursor, word: str) -> int | None:
    """"page 3," / "line 15," — the number, or None (and nothing consumed)."""
    mark = c.mark()
    if c.word(word) and (n := c.int_()) is not None:
        c.comma()
        return n
    c.reset(mark)
    return None


def _heading_before(c: Cursor, unit: str) -> str | None:
    """"cross-heading before Clause 5," / "italic heading before paragraph 3," — the number, or None."""
    mark = c.mark()
    named = c.word("cross-heading") or (c.word("italic") and (c.word("heading") or c.word("cross-heading")))
    if named and c.word("before") and c.word(unit) and (n := c.num()) is not None:
        c.comma()
        return n
    c.reset(mark)
    return None


def _part_chapter(c: Cursor) -> tuple[str | None, str | None]:
    """"Part 2," and "Chapter 1," (either or both, in that order)."""
    part = chapter = None
    for word in ("part", "chapter"):
        mark = c.mark()
        if c.word(word) and (n := c.num()) is not None:
            c.comma()
            if word == "part":
                part = n
            else:
                chapter = n
        else:
            c.reset(mark)
    return part, chapter


def _amended(c: Cursor) -> str | None:
    """"As an amendment to Amendment 96," (the Lords' form for an amendment to an amendment): the number of the
    amendment amended ("96", "96A", "NC36"), or None (and nothing consumed)."""
    mark = c.mark()
    if c.words("as an amendment to amendment"):
        prefix = c.word("nc", "ns")  # "NC36": a new clause's number lexes as a word and a number
        n = c.num()
        if n is not None:
            c.punct(",", ":", "—")
            return (prefix.upper() if prefix else "") + n
    c.reset(mark)
    return None


def recognise_address(c: Cursor) -> Address:
    """Consume as much of an address as is there; an instruction may have none ("Leave out Clause 4").

    Besides the House's forms ("Clause 2, page 3, line 15,", "Schedule 2, page 40, line 3,", "Title, line 2,",
    "Page 5, line 1," for words outside any clause; "Schedule, page 9," or "The Schedule, page 9," in a bill with
    one Schedule; "As an amendment to Amendment 96, line 3," for an amendment to an amendment) and the Scottish
    Parliament's ("In section 5, page 4, line 10,", "In schedule 2, …", "In the schedule, …", "In the long title,
    …": a section of a Scottish bill is a clause in lawtrack's model), a print without
    page/line markers is addressed by
    structure: "Clause 5(2)(a),", "Schedule 2, paragraph 3(1),", "Part 2,", "Part 2, Chapter 1,",
    "Cross-heading before Clause 5," and "Schedule 2, cross-heading before paragraph 3,".
    """
    clause: str | None = None
    schedule: str | None = None
    part: str | None = None
    chapter: str | None = None
    heading_before: str | None = None
    path: list[str] = []
    title = False
    amended = _amended(c)
    before_in = c.mark()
    scottish = c.word("in") is not None  # the Scottish Parliament's "In section 5, page 4, line 10,"
    if c.word("title") or (scottish and c.words("the long title")):
        title = True
        c.comma()
    mark = c.mark()
    if c.word("clause") or (scottish and not title and c.word("section")):
        n = c.num()
        if n is None:
            c.reset(mark)
        else:
            clause = n
            path = _labels(c)
            c.comma()
    elif c.word("schedule") or c.words("the schedule"):  # "The Schedule" of a bill with one
        n = c.num()
        schedule = n if n is not None else ""
        c.comma()
        part, chapter = _part_chapter(c)
        heading_before = _heading_before(c, "paragraph")
        pmark = c.mark()
        if heading_before is None and c.word("paragraph") and (para := c.num()) is not None:
            path = [para, *_labels(c)]
            c.comma()
        else:
            c.reset(pmark)
    elif scottish and not title:
        c.reset(before_in)  # "In" that opens no address
    elif (heading_before := _heading_before(c, "clause")) is None:
        part, chapter = _part_chapter(c)
    page = _numbered(c, "page")
    line = _numbered(c, "line")
    return Address(clause=clause, schedule=schedule, part=part, chapter=chapter, heading_before=heading_before,
                   page=page, line=line, path=tuple(path), title=title, amendment=amended)
