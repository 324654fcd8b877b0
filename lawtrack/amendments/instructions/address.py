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


def recognise_address(c: Cursor) -> Address:
    """Consume as much of an address as is there; an instruction may have none ("Leave out Clause 4")."""
    clause: str | None = None
    schedule: str | None = None
    part: str | None = None
    path: list[str] = []
    title = False
    if c.word("title"):
        title = True
        c.comma()
    mark = c.mark()
    if c.word("clause"):
        n = c.num()
        if n is None:
            c.reset(mark)
        else:
            clause = n
            path = _labels(c)
            c.comma()
    elif c.word("schedule"):
        n = c.num()
        schedule = n if n is not None else ""
        c.comma()
        pmark = c.mark()
        if c.word("part") and (pn := c.num()) is not None:
            part = pn
            c.comma()
        else:
            c.reset(pmark)
        pmark = c.mark()
        if c.word("paragraph") and (para := c.num()) is not None:
            path = [para, *_labels(c)]
            c.comma()
        else:
            c.reset(pmark)
    page = _numbered(c, "page")
    line = _numbered(c, "line")
    return Address(clause=clause, schedule=schedule, part=part, page=page, line=line, path=tuple(path), title=title)
