""""To move the following Clause—", "After Clause 26, insert the following new Clause—", new Schedules.

New clauses are numbered as a clerk numbers them before reprint (26A, 26B after Clause 26); the numbers are
reserved while planning, so a failure leaves them free.
"""

from __future__ import annotations

from lxml import etree

from lawtrack.amendments.model import Amendment, NewProvision, Parsed
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.plan import Plan, Session
from lawtrack.amendments.planners.common import new_of_kind
from lawtrack.amendments.structure import refresh_ids
from lawtrack.formats.akn import AKN_NS, akn, local
from lawtrack.model.provision import Provision

_SUFFIXES = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def plan(s: Session, amendment: Amendment, parsed: Parsed, op: NewProvision) -> Plan:
    out = Plan()
    first = amendment.inserted[0][0] if amendment.inserted and amendment.inserted[0] else None
    out.heading = first.heading if first is not None else None
    if not amendment.inserted_xml:
        raise Failure("not-found", "the amendment has no text for its new " + op.kind)
    new = s.structure(amendment)
    new_of_kind(new, op.kind)
    seed = amendment.dnum or amendment.label
    anchor_ref = op.after or op.before
    if op.kind == "schedule":
        return _plan_schedule(s, out, op, new, seed)
    if anchor_ref is not None and op.anchor == "schedule":
        raise Failure("not-found", f"a new clause goes among the clauses, not {'after' if op.after else 'before'} "
                                   f"Schedule {anchor_ref}")
    if anchor_ref is not None:
        anchor = s.bill.find(f"clause {anchor_ref}")
        if anchor is None:
            raise Failure("not-found", f"the bill has no Clause {anchor_ref} to place the new clause "
                                       f"{'after' if op.after else 'before'}")
        out.detail = f"inserted a new clause {'after' if op.after else 'before'} {anchor.describe()}"
    else:
        clauses = s.bill.clauses()
        if not clauses:
            raise Failure("not-found", "the bill has no clauses to add a new clause after")
        anchor = clauses[-1]
        out.placed_by_lawtrack = True
        out.detail = (f"inserted a new clause at the end of the body, after {anchor.describe()} (the paper "
                      "gives no position; placed by lawtrack)")
    anchor_el = s.resolve.element(anchor)
    base = anchor.label or "new"
    leading = False
    if op.before is not None:
        prev = _previous_clause(s, anchor)
        if prev is None:  # before the first clause: A1, B1 … (as the House numbers them)
            leading = True
        else:
            base = prev.label or base
    labels = [_next_label(s, base, leading) for _ in new]  # 26A, 26B … after Clause 26
    out.inserts.append(lambda: _insert_clauses(s, new, labels, seed, anchor_el, op.before is not None))
    return out


def _plan_schedule(s: Session, out: Plan, op: NewProvision, new: list[etree._Element], seed: str) -> Plan:
    """A new Schedule: after or before the Schedule the paper names (numbered 2A after Schedule 2, A1 before
    Schedule 1, as new clauses are), else at the end of the Schedules (numbered next)."""
    anchor_ref = op.after or op.before
    if anchor_ref is None or op.anchor == "clause":
        out.placed_by_lawtrack = True
        out.detail = "inserted a new Schedule at the end of the Schedules" + (
            f" (the paper places it {'after' if op.after else 'before'} Clause {anchor_ref}: a Schedule goes "
            "among the Schedules; placed by lawtrack)" if anchor_ref is not None else "")
        out.inserts.append(lambda: _insert_schedule(s, new, seed))
        return out
    schedules = s.bill.schedules()
    anchor = next((x for x in schedules if (x.label or "").lower() == anchor_ref.lower()), None)
    if anchor is None:
        raise Failure("not-found", f"the bill has no Schedule {anchor_ref} to place the new Schedule "
                                   f"{'after' if op.after else 'before'}")
    base, leading = anchor.label or anchor_ref, False
    if op.before is not None:
        i = schedules.index(anchor)
        if i == 0:
            leading = True
        else:
            base = schedules[i - 1].label or base
    existing = {f"Schedule {x.label}" for x in schedules}
    labels = [_free_label(s, base, leading, existing, "Schedule") for _ in new]
    anchor_el = s.resolve.element(anchor)
    out.detail = f"inserted a new Schedule {'after' if op.after else 'before'} {anchor.describe()}"
    out.inserts.append(lambda: _insert_schedules_at(s, new, labels, seed, anchor_el, op.before is not None))
    return out


def _free_label(s: Session, base: str, first: bool, existing: set[str], word: str) -> str:
    """The next free number after ``word`` ``base`` (26A, 26B …), or before it when it is the first (A1, B1 …);
    reserved in ``s.new_labels`` (a Schedule's as "Schedule 2A", so it never takes a clause's number)."""
    for suffix in _SUFFIXES:
        label = f"{suffix}{base}" if first else f"{base}{suffix}"
        key = label if word == "Clause" else f"{word} {label}"
        if key not in existing and key not in s.new_labels:
            s.new_labels.add(key)
            return label
    raise Failure("not-found", f"no free number {'before' if first else 'after'} {word} {base}")


def _previous_clause(s: Session, clause: Provision) -> Provision | None:
    clauses = s.bill.clauses()
    i = clauses.index(clause)
    return clauses[i - 1] if i > 0 else None


def _next_label(s: Session, base: str, first: bool = False) -> str:
    """The next free number after Clause ``base`` (26A, 26B …), or before it when it is the first (A1, B1 …)."""
    return _free_label(s, base, first, {c.label or "" for c in s.bill.clauses()}, "Clause")


def _insert_clauses(s: Session, new: list[etree._Element], labels: list[str], seed: str,
                    anchor_el: etree._Element, before: bool) -> list[etree._Element]:
    for el, label in zip(new, labels, strict=True):
        _number(el, label)
        refresh_ids(el, f"sec_{label}", seed, s.taken)
    return _place(s, new, anchor_el, before)


def _insert_schedules_at(s: Session, new: list[etree._Element], labels: list[str], seed: str,
                         anchor_el: etree._Element, before: bool) -> list[etree._Element]:
    container = anchor_el.getparent()
    word = _schedule_word(container) if container is not None else "SCHEDULE"
    for el, label in zip(new, labels, strict=True):
        if el.get("name") == "schedule":
            _number(el, f"{word} {label}")
        refresh_ids(el, f"sched_{label}", seed, s.taken)
    return _place(s, new, anchor_el, before)


def _place(s: Session, new: list[etree._Element], anchor_el: etree._Element, before: bool) -> list[etree._Element]:
    """Put ``new`` before ``anchor_el``, or after it — and after earlier amendments' insertions after the same
    element, so several keep their marshalled order."""
    if before:
        for el in new:
            anchor_el.addprevious(el)
        return new
    anchor = s.placed_after.get(id(anchor_el), anchor_el)
    for el in new:
        anchor.addnext(el)
        el.tail = anchor.tail
        anchor = el
    s.placed_after[id(anchor_el)] = anchor
    return new


def _number(el: etree._Element, text: str) -> None:
    """Make ``text`` the element's number (its ``<num>``, made if missing)."""
    num = el.find(akn("num"))
    if num is None:
        num = etree.Element(akn("num"))
        el.insert(0, num)
    for child in list(num):
        num.remove(child)
    num.text = text


def _schedule_word(container: etree._Element) -> str:
    """How the bill prints its Schedules' numbers: "SCHEDULE" or "Schedule"."""
    existing = [c for c in container if c.get("name") == "schedule"]
    return "SCHEDULE" if any("".join(str(x) for x in n.itertext()).strip().startswith("SCHEDULE")
                             for c in existing for n in c.iterfind(akn("num"))) else "Schedule"


def _insert_schedule(s: Session, new: list[etree._Element], seed: str) -> list[etree._Element]:
    body = s.root.find(f"{{{AKN_NS}}}bill/{{{AKN_NS}}}body")
    if body is None:  # pragma: no cover - bill_element() guarantees a body for a bill that was read
        raise Failure("not-found", "the bill has no body")
    container = next((c for c in body if local(c.tag) == "hcontainer" and c.get("name") == "schedules"), None)
    if container is None:
        container = etree.SubElement(body, akn("hcontainer"), name="schedules", eId="scheds")
    word = _schedule_word(container)
    count = len([c for c in container if c.get("name") == "schedule"])
    for el in new:
        count += 1
        if el.get("name") == "schedule":  # number it as the clerks will at reprint: the next Schedule
            _number(el, f"{word} {count}")
        refresh_ids(el, f"sched_{count}", seed, s.taken)
        container.append(el)
    return new
