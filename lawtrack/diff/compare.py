"""Compare two versions of a bill provision by provision (pure).

Provisions are aligned by GUID first (LawMaker keeps GUIDs across prints), then, for what is left, by kind and
number, then by text similarity (a bill re-imported from Markdown has new GUIDs). Only aligned pairs whose text
differs are word-diffed: a whole-document diff is never run.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from lawtrack.diff.words import Segment, changed, word_diff
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision
from lawtrack.model.record import Record

Change = Literal["unchanged", "renumbered", "moved", "changed", "added", "removed"]


@dataclass(frozen=True, kw_only=True)
class ProvisionDiff(Record):
    """One unit compared: its references in both versions, how it changed, and the word diff.

    >>> import lawtrack
    >>> hl60 = "bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml"
    >>> b177 = "bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml"
    >>> diff = lawtrack.compare(lawtrack.load_bill(hl60), lawtrack.load_bill(b177))
    >>> changed = next(p for p in diff.provisions if p.change == "changed")
    >>> changed.old_ref, changed.new_ref, [s.op for s in changed.diff][:3]
    ('Clause 44', 'Clause 44', ['equal', 'insert', 'equal'])
    """

    guid: str | None
    kind: str
    old_ref: str | None
    new_ref: str | None
    old_eid: str | None = None
    new_eid: str | None = None
    heading: str | None = None
    change: Change
    diff: tuple[Segment, ...] = ()

    @property
    def label(self) -> str:
        return self.new_ref or self.old_ref or "?"


@dataclass(frozen=True, kw_only=True)
class BillDiff(Record):
    """Two versions of a bill compared: one :class:`ProvisionDiff` per unit, and the renumbering table.

    >>> import lawtrack
    >>> hl60 = "bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml"
    >>> b177 = "bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml"
    >>> diff = lawtrack.compare(lawtrack.load_bill(hl60), lawtrack.load_bill(b177))
    >>> diff.old_version, diff.new_version, diff.renumbering()
    ('As amended on Report', 'As brought from the Lords', [])
    """

    old_title: str
    new_title: str
    old_version: str | None
    new_version: str | None
    provisions: tuple[ProvisionDiff, ...]

    def renumbering(self) -> list[tuple[str, str]]:
        """(old number, new number) for every clause or paragraph whose number changed — the clerks' table."""
        return [(p.old_ref or "", p.new_ref or "") for p in self.provisions
                if p.old_ref and p.new_ref and p.old_ref != p.new_ref]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.provisions:
            out[p.change] = out.get(p.change, 0) + 1
        return out


def units(bill: Bill) -> list[Provision]:
    """The numbered units compared: the bill's clauses and the paragraphs of its Schedules."""
    out = []
    for top in bill.provisions:
        for p in top.walk():
            if p.quoted:
                continue
            if p.kind is Kind.CLAUSE or (p.kind is Kind.PARAGRAPH and p.element == "paragraph" and not p.quoted):
                out.append(p)
    return out


def ref(bill: Bill, p: Provision) -> str:
    if p.kind is Kind.CLAUSE:
        return f"Clause {p.label}"
    sched = bill.enclosing(p, Kind.SCHEDULE)
    name = f"Schedule {sched.label}" if sched is not None and sched.label else "Schedule"  # "SCHEDULE 2" as cited
    return f"{name}, paragraph {p.label}"


def body(p: Provision) -> str:
    """A provision's words without its own number (so renumbering alone is not a text change)."""
    if p.num and p.text.startswith(p.num):
        return p.text[len(p.num) :].lstrip()
    return p.text


def align(old: list[Provision], new: list[Provision]) -> list[tuple[Provision | None, Provision | None]]:
    pairs: dict[int, int] = {}
    new_by_guid = {p.guid: j for j, p in enumerate(new) if p.guid}
    for i, p in enumerate(old):
        found = new_by_guid.get(p.guid) if p.guid else None
        if found is not None and found not in pairs.values():
            pairs[i] = found
    taken = set(pairs.values())
    new_by_key: dict[tuple[str, str], int] = {}
    for j, p in enumerate(new):
        if j not in taken:
            new_by_key.setdefault((p.kind.value, p.label or ""), j)
    for i, p in enumerate(old):
        if i in pairs:
            continue
        hit = new_by_key.get((p.kind.value, p.label or ""))
        if hit is not None and hit not in taken and SequenceMatcher(None, body(p), body(new[hit])).quick_ratio() > 0.5:
            pairs[i] = hit
            taken.add(hit)
    for i, p in enumerate(old):
        if i in pairs:
            continue
        best, best_j = 0.0, None
        for j, q in enumerate(new):
            if j in taken or q.kind is not p.kind:
                continue
            m = SequenceMatcher(None, body(p), body(q))
            if m.real_quick_ratio() > 0.8 and m.quick_ratio() > 0.8:
                r = m.ratio()
                if r > best:
                    best, best_j = r, j
        if best_j is not None and best > 0.8:
            pairs[i] = best_j
            taken.add(best_j)
    out: list[tuple[Provision | None, Provision | None]] = []
    inverse = {j: i for i, j in pairs.items()}
    emitted_old: set[int] = set()
    for j, q in enumerate(new):
        at = inverse.get(j)
        # removed provisions come where they stood: before the first new provision aligned after them
        if at is not None:
            for k in range(len(old)):
                if k < at and k not in pairs and k not in emitted_old:
                    out.append((old[k], None))
                    emitted_old.add(k)
            out.append((old[at], q))
            emitted_old.add(at)
        else:
            out.append((None, q))
    for k in range(len(old)):
        if k not in emitted_old and k not in pairs:
            out.append((old[k], None))
    return out


def _moved(pairs: list[tuple[int, int]]) -> set[int]:
    """Old indexes of aligned pairs outside the longest run that keeps its order (those moved)."""
    seq = [j for _, j in pairs]
    # longest increasing subsequence (patience)
    import bisect

    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(seq)
    for k, v in enumerate(seq):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tails_idx.append(k)
        else:
            tails[pos] = v
            tails_idx[pos] = k
        prev[k] = tails_idx[pos - 1] if pos else -1
    keep: set[int] = set()
    k = tails_idx[-1] if tails_idx else -1
    while k != -1:
        keep.add(k)
        k = prev[k]
    return {pairs[k][0] for k in range(len(seq)) if k not in keep}


def compare(old: Bill, new: Bill, *, fold_quotes: bool = True, fold_space: bool = True) -> BillDiff:
    """Compare two versions of a bill unit by unit (clauses, Schedule paragraphs): aligned by GUID, number and
    similarity, each classified unchanged / renumbered / moved / changed / added / removed, with a word diff.

    >>> import lawtrack
    >>> old = lawtrack.load_bill("bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml")
    >>> new = lawtrack.load_bill("bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml")
    >>> diff = lawtrack.compare(old, new)
    >>> diff.counts()
    {'unchanged': 155, 'changed': 1}
    >>> [(p.new_ref, p.change) for p in diff.provisions if p.change != "unchanged"]
    [('Clause 44', 'changed')]
    """
    a, b = units(old), units(new)
    pairs = align(a, b)
    index_old = {id(p): i for i, p in enumerate(a)}
    index_new = {id(p): j for j, p in enumerate(b)}
    aligned = [(index_old[id(p)], index_new[id(q)]) for p, q in pairs if p is not None and q is not None]
    moved = _moved(sorted(aligned))
    out: list[ProvisionDiff] = []
    for p, q in pairs:
        if p is None:
            if q is not None:
                out.append(ProvisionDiff(guid=q.guid, kind=q.kind.value, old_ref=None, new_ref=ref(new, q),
                                         new_eid=q.eid, heading=q.heading, change="added",
                                         diff=tuple(word_diff("", q.text))))
            continue
        if q is None:
            out.append(ProvisionDiff(guid=p.guid, kind=p.kind.value, old_ref=ref(old, p), new_ref=None,
                                     old_eid=p.eid, heading=p.heading, change="removed",
                                     diff=tuple(word_diff(p.text, ""))))
            continue
        old_body, new_body = body(p), body(q)
        segments: list[Segment] = []
        if old_body != new_body or p.heading != q.heading:
            segments = word_diff(p.text, q.text, fold_quotes=fold_quotes, fold_space=fold_space)
        text_changed = changed(segments) if segments else False
        if text_changed:
            kind: Change = "changed"
        elif p.label != q.label:
            kind = "renumbered"
        elif index_old[id(p)] in moved:
            kind = "moved"
        else:
            kind = "unchanged"
        out.append(ProvisionDiff(guid=q.guid or p.guid, kind=q.kind.value, old_ref=ref(old, p),
                                 new_ref=ref(new, q), old_eid=p.eid, new_eid=q.eid, heading=q.heading, change=kind,
                                 diff=tuple(segments) if text_changed else ()))
    return BillDiff(old_title=old.metadata.short_title, new_title=new.metadata.short_title,
                    old_version=old.metadata.stage_version, new_version=new.metadata.stage_version,
                    provisions=tuple(out))

