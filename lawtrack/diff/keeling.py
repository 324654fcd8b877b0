"""A Keeling view of applied amendments: the amended bill with every change marked and linked to the amendment
that made it (pure). Attribution uses where each amendment acted in the original print (``Outcome.spans``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from lawtrack.diff.compare import align, ref, units
from lawtrack.diff.words import Segment, word_diff
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind

if TYPE_CHECKING:  # only named in annotations
    from lawtrack.amendments.outcome import ApplyResult


class Marked(BaseModel):
    """A diff segment and the amendments it comes from."""

    model_config = ConfigDict(defer_build=True, frozen=True)

    op: str
    text: str
    amendments: tuple[str, ...] = ()


class KeelingUnit(BaseModel):
    model_config = ConfigDict(defer_build=True, frozen=True)

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


def _who(spans: list[tuple[int, int, str]], seg: Segment, old: str, base: int = 0) -> tuple[str, ...]:
    """The amendments whose claimed text (offsets ``base`` + offsets in ``old``, the unit's original text) the
    segment falls in. A word diff may put the space beside an edit on either side of it ("after “year,” insert"
    is claimed at the comma; the diff inserts after the following space), so a segment that starts a short run
    of spaces and brackets away from a claim is its amendment's too. And an insertion just after words another
    amendment takes out ("omit the “or” at the end of paragraph (a)", then "after that paragraph insert— (aa) …,
    or") may be shown before those words, which the diff keeps as the inserted text's own: it is both
    amendments'."""
    found = []
    p = seg.old_start
    taken = [(s - base, e - base) for s, e, _n in spans if e > s]
    for s, e, number in spans:
        s, e = s - base, e - base
        if seg.op == "delete":
            hit = s <= p < max(e, s + 1) or (p < s and _spaces(old, p, s) and p + len(seg.text) > s)
        else:
            hit = s <= p <= e or (p > e >= 0 and _spaces(old, e, p)) or (0 <= p < s and _spaces(old, p, s)) or (
                s == e and 0 <= p < s <= p + 12 and any(a <= p and s <= b for a, b in taken))
        if hit:
            found.append(number)
    return tuple(dict.fromkeys(found))


def _spaces(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a short run of spaces and brackets: a word diff keeps an unchanged "("
    ahead of an inserted "(3A) …" and the space beside inserted words, so the edit it shows starts past them."""
    return 0 <= start < end <= len(text) and end - start <= 3 and all(c.isspace() or c in "()" for c in
                                                                         text[start:end])


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
        # amendments claim offsets in their clause's or Schedule's text; a Schedule paragraph starts inside it
        claims: list[tuple[int, int, str]] = []
        base = 0
        if p.kind is Kind.CLAUSE:
            claims = spans.get(p.eid, [])
        else:
            sched = original.enclosing(p, Kind.SCHEDULE)
            found = sched.offset_of(p) if sched is not None else None
            if sched is not None and found is not None:  # else the change is shown, but linked to no amendment
                claims, base = spans.get(sched.eid, []), found
        marked = []
        for seg in word_diff(p.text, q.text):
            who = _who(claims, seg, p.text, base) if seg.op != "equal" else ()
            marked.append(Marked(op=seg.op, text=seg.text, amendments=who))
        all_who = tuple(dict.fromkeys(a for m in marked for a in m.amendments))
        out.append(KeelingUnit(ref=ref(amended, q), eid=q.eid, guid=q.guid, heading=q.heading, change="changed",
                               segments=tuple(marked), amendments=all_who))
    return out
