""""leave out lines 20 to 23" / "lines 18 and 19" (and insert …)."""

from __future__ import annotations

from lawtrack.amendments.model import Amendment, LeaveOutLines, Parsed
from lawtrack.amendments.plan import Plan, Session, delete_edit
from lawtrack.amendments.planners.common import finish, scope
from lawtrack.amendments.resolve import short


def plan(s: Session, amendment: Amendment, parsed: Parsed, op: LeaveOutLines) -> Plan:
    sc = scope(s, amendment, parsed)
    page = parsed.address.page
    first_lo, _ = s.resolve.line_region(sc.top, page, op.first)
    last_page = page + 1 if page is not None and op.last < op.first else page  # "lines 38 to 2": next page
    _, last_hi = s.resolve.line_region(sc.top, last_page, op.last)
    sc.claim(first_lo, last_hi)
    words = op.insert.words if op.insert else ""
    sc.plan.edits.append(delete_edit(sc.element, first_lo, last_hi, words))
    if op.insert and op.insert.structure:
        s.plan_structure(sc.plan, amendment, sc.element, last_hi)
    lines = (f"line {op.first}" if op.first == op.last else f"lines {op.first} and {op.last}"
             if op.last == op.first + 1 else f"lines {op.first} to {op.last}")
    return finish(sc, parsed, f"left out {lines}: “{short(sc.text[first_lo:last_hi])}”"
                  + (f" and inserted {op.insert.describe()}" if op.insert else ""))
