""""Page 60, line 22, leave out Clause 69" and the Lords' "Leave out Clause 4"; also whole Schedules."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules.common import leave_out
from lawtrack.amendments.model import LeaveOutClause


def recognise(c: Cursor) -> LeaveOutClause | None:
    mark = c.mark()
    if not leave_out(c):
        return None
    kind = c.word("clause", "schedule")
    if kind is None:
        c.reset(mark)
        return None
    n = c.num()
    if n is None:
        if kind == "schedule":
            return LeaveOutClause(schedule="")
        c.reset(mark)
        return None
    return LeaveOutClause(clause=n) if kind == "clause" else LeaveOutClause(schedule=n)
