"""Pieces several recognisers share: "leave out", "and insert …", "in each place"."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.model import Insertion


def leave_out(c: Cursor) -> bool:
    return c.words("leave out")


def and_insert(c: Cursor) -> Insertion | None:
    """Optional "and insert …"; returns None when absent (the cursor is left where it was)."""
    mark = c.mark()
    c.comma()
    if c.word("and") and c.word("insert"):
        found = c.insertion()
        if found is not None:
            return found
    c.reset(mark)
    return None


def each_place(c: Cursor) -> bool:
    """"in each place", "in both places", "in each place where it occurs" (or "… it occurs"), "wherever it
    occurs"."""
    mark = c.mark()
    if c.word("in") and c.word("each", "both", "every", "all") and c.word("place", "places"):
        where = c.mark()
        c.word("where")
        if not (c.word("it", "they") and c.word("occurs", "occur")):
            c.reset(where)
        return True
    c.reset(mark)
    if c.word("wherever") and c.word("it", "they") and c.word("occurs", "occur"):
        return True
    c.reset(mark)
    return False


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "last": -1}


def occurrence(c: Cursor) -> int | None:
    """"where it first occurs", "in the second place (where it occurs)", "where it occurs for the second time"."""
    mark = c.mark()
    if c.word("where") and c.word("it") and (o := c.word(*_ORDINALS)) and c.word("occurs"):
        return _ORDINALS[o]
    c.reset(mark)
    if c.word("where") and c.word("it") and c.word("occurs") and c.word("for") and c.word("the") and \
            (o := c.word(*_ORDINALS)) and c.word("time"):
        return _ORDINALS[o]
    c.reset(mark)
    if c.word("in") and c.word("the") and (o := c.word(*_ORDINALS)) and c.word("place"):
        rest = c.mark()  # "… place it occurs", "… place where it occurs"
        c.word("where")
        if not (c.word("it") and c.word("occurs")):
            c.reset(rest)
        return _ORDINALS[o]
    c.reset(mark)
    return None


def ordinal(c: Cursor) -> int | None:
    """"the first" (or just "first", as real papers also write) before quoted words."""
    mark = c.mark()
    c.word("the")
    if (o := c.word(*_ORDINALS)) and c.peek() is not None and c.peek().kind == "quote":  # type: ignore[union-attr]
        return _ORDINALS[o]
    c.reset(mark)
    return None
