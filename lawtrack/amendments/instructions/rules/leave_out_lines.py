""""leave out lines 20 to 23", "leave out lines 18 and 19", "leave out line 4" (and insert …)."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules.common import and_insert, leave_out
from lawtrack.amendments.model import LeaveOutLines


def recognise(c: Cursor) -> LeaveOutLines | None:
    mark = c.mark()
    if not leave_out(c):
        return None
    which = c.word("lines", "line")
    first = c.int_() if which else None
    if first is None:
        c.reset(mark)
        return None
    last = first
    if which == "lines":
        if c.word("to", "and") is None or (n := c.int_()) is None:
            c.reset(mark)
            return None
        last = n
    return LeaveOutLines(first=first, last=last, insert=and_insert(c))
