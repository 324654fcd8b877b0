""""leave out from “x” to “y”", "from beginning to end of line 4" (and insert …)."""

from __future__ import annotations

from lawtrack.amendments.model import Amendment, LeaveOutRange, Parsed
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.plan import Plan, Session, absorb_space, delete_edit
from lawtrack.amendments.planners.common import finish, scope
from lawtrack.amendments.resolve import short


def plan(s: Session, amendment: Amendment, parsed: Parsed, op: LeaveOutRange) -> Plan:
    sc = scope(s, amendment, parsed)
    text = sc.text
    start = s.resolve.point(sc.top, text, op.start, sc.lo, sc.hi, parsed, is_end=False, after=sc.lo)
    end = s.resolve.point(sc.top, text, op.end, sc.lo, sc.hi, parsed, is_end=True, after=start)
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":  # the space before “y” stays, as the space after “x” does
        end -= 1
    if end <= start:
        raise Failure("not-found", f"the range ends before it starts (characters {start}–{end})")
    sc.claim(start, end)
    words = op.insert.words if op.insert else ""
    sc.plan.edits.append(delete_edit(sc.element, absorb_space(text, start, end, words), end, words))
    if op.insert and op.insert.structure:
        s.plan_structure(sc.plan, amendment, sc.element, end)
    return finish(sc, parsed, f"left out “{short(text[start:end])}”"
                  + (f" and inserted {op.insert.describe()}" if op.insert else ""))
