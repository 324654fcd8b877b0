""""Page 60, line 22, leave out Clause 69" / "Leave out Clause 4" / "leave out Schedule 2" — and "Leave out
Clause 4 and insert the following new Clause—": the new clause (or Schedule) takes the old one's place and number,
as it will at reprint."""

from __future__ import annotations

from lxml import etree

from lawtrack.amendments.model import Amendment, LeaveOutClause, Parsed
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.plan import Claim, Plan, Session, remove_edit
from lawtrack.amendments.planners.common import new_of_kind
from lawtrack.amendments.structure import refresh_ids
from lawtrack.formats.akn import akn


def replace_in_place(s: Session, new: list[etree._Element], old: etree._Element, label: str, seed: str,
                     kind: str) -> list[etree._Element]:
    """Put ``new`` where ``old`` stands (``old`` itself is removed with the text edits), numbered as it was: its
    number (a Schedule's "SCHEDULE 2" keeps the old one's word) and its eId, which ``old`` gives up."""
    old_num = old.find(akn("num"))
    printed = "".join(str(t) for t in old_num.itertext()).strip() if old_num is not None else ""
    word = printed.split()[0] if kind == "schedule" and printed and not printed[0].isdigit() else ""
    s.release_removed()  # ``old`` among them
    for el in new:
        num = el.find(akn("num"))
        if num is None:
            num = etree.Element(akn("num"))
            el.insert(0, num)
        for child in list(num):
            num.remove(child)
        num.text = f"{word} {label}".strip() if kind == "schedule" else label
        refresh_ids(el, f"sec_{label}" if kind == "clause" else f"sched_{label}", seed, s.taken)
        old.addprevious(el)
        el.tail = old.tail
    return new


def plan(s: Session, amendment: Amendment, parsed: Parsed, op: LeaveOutClause) -> Plan:
    kind = "clause" if op.clause is not None else "schedule"
    if op.clause is not None:
        target = s.bill.find(f"clause {op.clause}")
        if target is None:
            raise Failure("not-found", f"the bill has no Clause {op.clause}")
    else:
        target = s.resolve.schedule(op.schedule or "")
    el = s.resolve.element(target)
    out = Plan(touched=[target.eid or ""])
    out.claims.append(Claim(target.eid or "", 0, len(target.text), amendment.label, whole=True))
    out.edits.append(remove_edit(el))
    out.detail = f"left out {target.describe()}"
    if op.insert is not None:
        if not amendment.inserted_xml:
            raise Failure("not-found", f"the amendment has no text for the {kind} to put in place of "
                                       f"{target.describe()}")
        new = s.structure(amendment)
        new_of_kind(new, kind)
        label = target.label or ""
        seed = amendment.dnum or amendment.label
        out.inserts.append(lambda: replace_in_place(s, new, el, label, seed, kind))
        out.heading = op.insert.structure[0].heading if op.insert.structure else None
        out.detail += f" and inserted {op.insert.describe()} in its place"
    addr = parsed.address
    if addr.line is not None and target.lines and (target.lines[0].page, target.lines[0].line) != (
            addr.page if addr.page is not None else target.lines[0].page, addr.line):
        given = f"page {addr.page}, line {addr.line}" if addr.page is not None else f"line {addr.line}"
        out.detail += f" (note: it starts at page {target.lines[0].page}, line {target.lines[0].line}, not {given})"
    return out
