"""A Keeling view of applied amendments: the amended bill with every change marked and linked to the amendment
that made it (pure). Attribution uses where each amendment acted in the original print (``Outcome.spans``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from lawtrack.amendments.outcome import ApplyResult
from lawtrack.diff.compare import align, ref, units
from lawtrack.diff.words import Segment, word_diff
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind


class Marked(BaseModel):
    """A diff segment and the amendments it comes from."""

    model_config = ConfigDict(frozen=True)

    op: str
    text: str
    amendments: tuple[str, ...] = ()


class KeelingUnit(BaseModel):
    model_config = ConfigDict(frozen=True)

    ref: str
    eid: str | None
    guid: str | None
    heading: str | None
    change: str  # "unchanged", "changed", "added", "removed"
    segments: tuple[Marked, ...]
    amendments: tuple[str, ...] = ()


def _spans_by_key(result: ApplyResult) -> dict[str | None, list[tuple[int, int, str]]]:
    """Where each applied amendment acted, indexed by clause or Schedule (so attributing a change looks only at
    the amendments to that unit, not at every amendment)."""
    index: dict[str | None, list[tuple[int, int, str]]] = {}
    for o in result.outcomes:
        if o.status != "applied":
            continue
        for k, s, e in o.spans:
            index.setdefault(k, []).append((s, e, o.number))
    return index


def _who(spans: list[tuple[int, int, str]], seg: Segment) -> tuple[str, ...]:
    found = []
    p = seg.old_start
    for s, e, number in spans:
        if (seg.op == "delete" and s <= p < max(e, s + 1)) or (seg.op == "insert" and s <= p <= e):
            found.append(number)
    return tuple(dict.fromkeys(found))


def keeling(original: Bill, result: ApplyResult) -> list[KeelingUnit]:
    """A Keeling view of applied amendments (``lawtrack.keeling_view``): every unit of the amended bill, each
    change marked and attributed to the amendment that made it.

    >>> import lawtrack
    >>> bill = lawtrack.load_bill("bills/victims-and-prisoners/ukpga-2024-21.md")
    >>> result = lawtrack.apply(bill, lawtrack.load_amendments("amendments/victims-and-prisoners"))
    >>> [(u.ref, u.change, u.amendments) for u in lawtrack.keeling_view(bill, result) if u.change != "unchanged"]
    [('Clause 2', 'changed', ('03-victims-code-support',)), ('Clause 26A', 'added', ('96',)),
     ('Clause 82A', 'added', ('NC36',))]
    """
    amended = result.bill
    spans = _spans_by_key(result)
    removed_by: dict[str, list[str]] = {}
    inserted_by: dict[str, str] = {}
    for o in result.outcomes:
        if o.status == "applied":
            for eid in o.provisions:
                inserted_by.setdefault(eid, o.number)
                removed_by.setdefault(eid, []).append(o.number)
    out: list[KeelingUnit] = []
    for p, q in align(units(original), units(amended)):
        if q is None:
            if p is not None:
                who = tuple(removed_by.get(p.eid or "", ()))
                out.append(KeelingUnit(ref=ref(original, p), eid=p.eid, guid=p.guid, heading=p.heading,
                                       change="removed", segments=(Marked(op="delete", text=p.text,
                                                                           amendments=who),), amendments=who))
            continue
        if p is None:
            who = (inserted_by.get(q.eid or "", ""),) if q.eid in inserted_by else ()
            out.append(KeelingUnit(ref=ref(amended, q), eid=q.eid, guid=q.guid, heading=q.heading, change="added",
                                   segments=(Marked(op="insert", text=q.text, amendments=who),), amendments=who))
            continue
        if p.text == q.text:
            out.append(KeelingUnit(ref=ref(amended, q), eid=q.eid, guid=q.guid, heading=q.heading,
                                   change="unchanged", segments=(Marked(op="equal", text=q.text),)))
            continue
        key = p.eid if p.kind is Kind.CLAUSE else None
        if key is None:
            sched = original.enclosing(p, Kind.SCHEDULE)
            key = sched.eid if sched else None
        marked = []
        for seg in word_diff(p.text, q.text):
            who = _who(spans.get(key, []), seg) if seg.op != "equal" else ()
            marked.append(Marked(op=seg.op, text=seg.text, amendments=who))
        all_who = tuple(dict.fromkeys(a for m in marked for a in m.amendments))
        out.append(KeelingUnit(ref=ref(amended, q), eid=q.eid, guid=q.guid, heading=q.heading, change="changed",
                               segments=tuple(marked), amendments=all_who))
    return out
