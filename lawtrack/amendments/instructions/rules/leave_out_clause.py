""""Page 60, line 22, leave out Clause 69" and the Lords' "Leave out Clause 4"; also whole Schedules ("leave out
Schedule 2", and "the Schedule" of a bill with one), and "Leave out Clause 4 and insert the following new
Clause—"."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules.common import leave_out
from lawtrack.amendments.model import Insertion, LeaveOutClause
from lawtrack.model.provision import Provision


def _replacement(c: Cursor, kind: str) -> Insertion | None:
    """"and insert the following new Clause—" and its structure, or None (nothing consumed)."""
    mark = c.mark()
    c.comma()
    if c.word("and") and c.word("insert"):
        c.words("the following")
        c.word("new")
        if c.word(kind, kind + "s"):
            c.punct("—", ":")
            parts: list[Provision] = []
            while (found := c.structure()) is not None:
                parts.extend(found)
            if parts:
                return Insertion(structure=tuple(parts))
    c.reset(mark)
    return None


def recognise(c: Cursor) -> LeaveOutClause | None:
    mark = c.mark()
    if not leave_out(c):
        return None
    the = c.words("the schedule")  # "leave out the Schedule" (a bill's only one)
    kind = "schedule" if the else c.word("clause", "schedule", "section")  # "Leave out section 3" (Scotland)
    kind = "clause" if kind == "section" else kind
    if kind is None:
        c.reset(mark)
        return None
    n = None if the else c.num()
    if n is None:
        if kind == "schedule":
            return LeaveOutClause(schedule="", insert=_replacement(c, kind))
        c.reset(mark)
        return None
    insert = _replacement(c, kind)
    return LeaveOutClause(clause=n, insert=insert) if kind == "clause" else LeaveOutClause(schedule=n, insert=insert)
