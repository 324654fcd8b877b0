""""after “x” insert …", "before “x” insert …", "at end insert …", "at beginning insert …"; which “x” when it
occurs more than once: "after “x” where it second occurs insert …", "after the first “x” insert …", "in each
place"."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules.common import each_place, occurrence, ordinal
from lawtrack.amendments.model import Insertion, InsertWords


def _insert(c: Cursor) -> Insertion | None:
    """"insert …" and what follows it."""
    return c.insertion() if c.word("insert") else None


def recognise(c: Cursor) -> InsertWords | None:
    """(The parser resets the cursor when this returns None.)"""
    if (where := c.word("after", "before")) is not None:
        nth = ordinal(c)
        tok = c.quote()
        if tok is None:
            return None
        every = each_place(c)
        if nth is None and not every:
            nth = occurrence(c)
        c.comma()
        found = _insert(c)
        if found is None:
            return None
        every = every or each_place(c)
        return InsertWords(where="after" if where == "after" else "before", anchor=tok.text, each_place=every,
                           occurrence=None if every else nth, insert=found)
    if c.word("at"):
        c.word("the")
        pos = c.word("end", "beginning", "start")
        found = _insert(c) if pos is not None else None
        if found is None:
            return None
        return InsertWords(where="at-end" if pos == "end" else "at-beginning", insert=found)
    if c.word("insert"):
        # "Clause 5, page 4, line 12, insert “x”" is not House style; say what is missing
        c.expected("'after “…” insert' or 'at end insert'")
    return None
