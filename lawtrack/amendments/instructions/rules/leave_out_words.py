""""leave out “x”" (in each place / where it first occurs) (and insert “y”)."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules.common import and_insert, each_place, leave_out, occurrence, ordinal
from lawtrack.amendments.model import LeaveOutWords


def recognise(c: Cursor) -> LeaveOutWords | None:
    mark = c.mark()
    if not leave_out(c):
        return None
    nth = ordinal(c)
    tok = c.quote()
    if tok is None:
        c.reset(mark)
        return None
    every = each_place(c)
    if nth is None and not every:
        nth = occurrence(c)
    return LeaveOutWords(words=tok.text, each_place=every, occurrence=nth, insert=and_insert(c))
