""""leave out “x”" (in each place / where it first occurs) (and insert …)."""

from __future__ import annotations

from lawtrack.amendments.model import Amendment, LeaveOutWords, Parsed
from lawtrack.amendments.plan import Plan, Session, absorb_space, delete_edit
from lawtrack.amendments.planners.common import finish, scope


def plan(s: Session, amendment: Amendment, parsed: Parsed, op: LeaveOutWords) -> Plan:
    sc = scope(s, amendment, parsed)
    text = sc.text
    hits = s.resolve.choose(s.resolve.find(text, op.words, sc.lo, sc.hi, sc.top), op.words, text, sc.lo, sc.hi,
                            op.each_place, op.occurrence)
    words = op.insert.words if op.insert else ""
    for start, end in hits:
        sc.claim(start, end)
        sc.plan.edits.append(delete_edit(sc.element, absorb_space(text, start, end, words), end, words))
    if op.insert and op.insert.structure:
        s.plan_structure(sc.plan, amendment, sc.element, hits[-1][1])
    return finish(sc, parsed, f"left out “{op.words}”" + (f" and inserted {op.insert.describe()}" if op.insert
                                                           else ""))
