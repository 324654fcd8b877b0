""""Page 60, line 22, leave out Clause 69" / "Leave out Clause 4" / "leave out Schedule 2"."""

from __future__ import annotations

from lawtrack.amendments.model import Amendment, LeaveOutClause, Parsed
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.plan import Claim, Plan, Session, remove_edit


def plan(s: Session, amendment: Amendment, parsed: Parsed, op: LeaveOutClause) -> Plan:
    ref = f"clause {op.clause}" if op.clause is not None else f"schedule {op.schedule}".strip()
    target = s.bill.find(ref)
    if target is None:
        raise Failure("not-found", f"the bill has no {ref.title()}")
    el = s.resolve.element(target)
    out = Plan(touched=[target.eid or ""])
    out.claims.append(Claim(target.eid or "", 0, len(target.text), amendment.label, whole=True))
    out.edits.append(remove_edit(el))
    out.detail = f"left out {target.describe()}"
    addr = parsed.address
    if addr.line is not None and target.lines and (target.lines[0].page, target.lines[0].line) != (
            addr.page if addr.page is not None else target.lines[0].page, addr.line):
        out.detail += (f" (note: it starts at page {target.lines[0].page}, line {target.lines[0].line}, "
                       f"not page {addr.page}, line {addr.line})")
    return out
