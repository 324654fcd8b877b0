"""What the planners of word and provision amendments share: the scope an address names, and claims."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from lawtrack.amendments.model import Amendment, Parsed
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.plan import Claim, Plan, Session
from lawtrack.amendments.structure import kind_of
from lawtrack.model.provision import GROUPING_KINDS, Kind, Provision

#: What the text of a new clause or a new Schedule may hold at its top: clauses (perhaps under a Part, Chapter or
#: cross-heading), or Schedules.
_NEW = {"clause": frozenset({Kind.CLAUSE}) | GROUPING_KINDS, "schedule": frozenset({Kind.SCHEDULE})}
_WHAT = {Kind.CLAUSE: "a clause", Kind.SCHEDULE: "a Schedule"}


def new_of_kind(new: list[etree._Element], kind: str) -> None:
    """Refuse inserted text that is not what the instruction says it inserts ("the following new Schedule—"
    over the text of a clause, or a clause's subsections alone): it would go in as nonsense."""
    for el in new:
        found = kind_of(el)
        if found not in _NEW[kind]:
            what = _WHAT.get(found) if found is not None else None
            text = (f"is {what}" if what else f"starts with a {found.value}" if found is not None
                    else f"starts with a <{etree.QName(el).localname}> element")
            raise Failure("unparsed", f"the instruction inserts a new {'Schedule' if kind == 'schedule' else 'clause'}"
                                      f", but the text it inserts {text}")


@dataclass
class Scope:
    """The clause or Schedule an amendment acts in, its element in the working copy, and the region [lo, hi)
    of its original text that the address names (a printed line, a subsection, or the whole)."""

    top: Provision
    element: etree._Element
    lo: int
    hi: int
    number: str
    plan: Plan
    note: str = ""

    @property
    def text(self) -> str:
        return self.top.text

    def claim(self, start: int, end: int) -> None:
        self.plan.claims.append(Claim(self.top.eid or "", start, end, self.number))


def scope(s: Session, amendment: Amendment, parsed: Parsed) -> Scope:
    top, element, lo, hi, note = s.resolve.scope(parsed)
    return Scope(top, element, lo, hi, amendment.label, Plan(touched=[top.eid or ""]), note)


def finish(sc: Scope, parsed: Parsed, detail: str) -> Plan:
    """The plan, its detail ending with where it acted ("in Clause 5(2) (page 4, line 12)")."""
    at = parsed.address
    if at.title:
        where = "the long title"
    elif at.schedule is not None and at.clause is None and at.path:
        where = f"{sc.top.describe()}, paragraph {at.path[0]}" + "".join(f"({p})" for p in at.path[1:])
    else:
        where = sc.top.describe() + "".join(f"({p})" for p in at.path)
    at_line = f"page {at.page}, line {at.line}" if at.page is not None else f"line {at.line}"
    checked = f" ({at_line})" if at.line and not sc.note else ""
    sc.plan.detail = detail + f" in {where}" + checked + sc.note
    return sc.plan
