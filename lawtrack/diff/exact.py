"""Compare two versions of a bill exactly — except for what a clerk renumbers at reprint (pure).

Used to judge drafting round trips (``apply(old, draft(old, new))`` against the real ``new``) and offered as
``lawtrack diff --ignore-renumbering``. Every unit is compared: clauses, Schedule paragraphs, a Schedule's own
text (what is not in its numbered paragraphs), Parts, Chapters and cross-headings, and the long title.

Normalised away, and nothing else:

- the unit's own number (clause, Schedule paragraph, Part …);
- the labels of the bill's own sub-provisions — but not their count, order, nesting or text, which still count;
- the "(1)" of a sole remaining subsection (a reprint drops it);
- cross-references to renumbered provisions *of this bill* (:class:`~lawtrack.diff.renumber.Renumbering`): only
  numbers in the renumbering table, after "section", "Clause" or "Schedule", and not followed by "of the … Act"
  (in a unit that amends another Act, only those "of this Act");
  and "section (Heading)", an amendment's way of citing a clause it creates;
- quotation-mark glyphs (curly or straight) and runs of whitespace.

Numbers and labels inside quoted text (text being inserted into another Act) are words like any other. Words
that move between a heading, a defined term and the text around them differ (in a reason, "(#)" stands for a
provision's number, [ ] for a heading, « » for a defined term).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawtrack.diff.compare import align
from lawtrack.diff.renumber import Renumbering, amending
from lawtrack.diff.words import word_diff
from lawtrack.formats.lawmaker import long_title_element, read_unit
from lawtrack.model.bill import Bill
from lawtrack.model.provision import GROUPING_KINDS, Kind, Provision

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class Unit:
    kind: str  # "clause", "schedule paragraph", "schedule", "part", "chapter", "cross-heading", "long title"
    ref: str
    text: str  # normalised
    provision: Provision | None = None


@dataclass
class UnitDifference:
    kind: str
    old_ref: str | None
    new_ref: str | None
    reason: str  # "added", "removed", or what differs

    def as_dict(self) -> dict[str, str | None]:
        return {"kind": self.kind, "old": self.old_ref, "new": self.new_ref, "reason": self.reason}


@dataclass
class ExactDiff:
    units: int
    differences: list[UnitDifference] = field(default_factory=list)
    renumbering: list[tuple[str, str]] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not self.differences


def _fold(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split())


def _marker(depth: int) -> str:
    return f"⟨{depth}⟩"


def _strip_num(p: Provision, text: str) -> str:
    if p.num and text.startswith(p.num):
        return text[len(p.num) :]
    return text


def _boundaries(p: Provision) -> list[tuple[int, str]]:
    """Where the provision's heading and its defined terms start and end, as markers: words that move between a
    heading, a defined term and the text around them are a difference."""
    cuts: list[tuple[int, str]] = []
    if p.heading:
        at = p.text.find(p.heading, len(p.num or ""))
        if at >= 0:
            cuts += [(at, "⟦"), (at + len(p.heading), "⟧")]
    for m in p.marks:
        if m.tag == "def":
            cuts += [(m.start, "⟪"), (m.end, "⟫")]
    return sorted(cuts)


def _cut(text: str, a: int, b: int, cuts: list[tuple[int, str]]) -> str:
    """text[a:b] with the markers that fall inside it."""
    out, pos = [], a
    for at, mark in cuts:
        if a <= at <= b and (at > a or mark in "⟦⟪") and (at < b or mark in "⟧⟫"):
            out += [text[pos:at], mark]
            pos = at
    out.append(text[pos:b])
    return "".join(out)


def _normal(p: Provision, depth: int) -> str:
    """The provision's text with the bill's own numbers and labels replaced by depth markers; quoted provisions
    (law text for another Act) verbatim."""
    if p.quoted:
        return p.text
    pieces: list[str] = []
    pos = 0
    cuts = _boundaries(p)
    own = [c for c in p.children]
    sole = [c for c in own if c.kind is Kind.SUBSECTION and not c.quoted]
    for c in own:
        i = p.text.find(c.text, pos)
        if i < 0:  # pragma: no cover - a child's text is always inside its parent's
            continue
        pieces.append(_cut(p.text, pos, i, cuts))
        if len(sole) == 1 and c is sole[0]:
            pieces.append(_strip_num(c, c.text) if c.label == "1" else _normal(c, depth + 1))
        else:
            pieces.append(_normal(c, depth + 1))
        pos = i + len(c.text)
    pieces.append(_cut(p.text, pos, len(p.text), cuts))
    head = pieces[0]
    if p.num and head.startswith(p.num) and (p.label or p.kind not in GROUPING_KINDS):
        head = _marker(depth) + head[len(p.num) :]
    pieces[0] = head
    return "".join(pieces)


def _schedule_own(s: Provision) -> str:
    """A Schedule's own text: its number, heading and whatever is not in a numbered paragraph or a Part."""
    pieces = [_marker(0) + _strip_num(s, s.own_text)]
    for c in s.children:
        if (c.kind is Kind.PARAGRAPH and c.element == "paragraph" and c.label) or c.kind in GROUPING_KINDS:
            pieces.append("¶")
        else:
            pieces.append(_normal(c, 1))
    return "\n".join(pieces)


def units(bill: Bill) -> list[Unit]:
    out: list[Unit] = []
    title = long_title_element(bill.tree()) if bill.tree() is not None else None
    if title is not None:
        out.append(Unit("long title", "the long title", _fold(read_unit(title).text)))
    for top in bill.provisions:
        for p in top.walk():
            if p.quoted:
                continue
            if p.kind is Kind.CLAUSE:
                out.append(Unit("clause", f"Clause {p.label}", _normal(p, 0), p))
            elif p.kind is Kind.PARAGRAPH and p.element == "paragraph" and p.label:
                sched = bill.enclosing(p, Kind.SCHEDULE)
                where = f"Schedule {sched.label}" if sched is not None and sched.label else "Schedule"
                out.append(Unit("schedule paragraph", f"{where}, paragraph {p.label}", _normal(p, 0), p))
            elif p.kind is Kind.SCHEDULE:
                out.append(Unit("schedule", p.num or "Schedule", _schedule_own(p), p))
            elif p.kind in (Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING):
                name = {Kind.PART: "part", Kind.CHAPTER: "chapter", Kind.CROSSHEADING: "cross-heading"}[p.kind]
                own = p.own_text if p.children else p.text
                out.append(Unit(name, p.num or f"cross-heading “{p.heading or ''}”",
                                _marker(0) + _strip_num(p, own) if p.num else own, p))
    return out


def _align(a: list[Unit], b: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    out: list[tuple[Unit | None, Unit | None]] = []
    for kind in dict.fromkeys([u.kind for u in a] + [u.kind for u in b]):
        old = [u for u in a if u.kind == kind]
        new = [u for u in b if u.kind == kind]
        if kind == "long title":
            out.append((old[0] if old else None, new[0] if new else None))
            continue
        by_id = {id(u.provision): u for u in old + new}
        for p, q in align([u.provision for u in old if u.provision], [u.provision for u in new if u.provision]):
            out.append((by_id.get(id(p)) if p else None, by_id.get(id(q)) if q else None))
    return out


_READABLE = str.maketrans({"⟦": "[", "⟧": "]", "⟪": "«", "⟫": "»"})


def _readable(text: str) -> str:
    """A difference as a person reads it: "(#)" for a provision's number, [ ] round a heading, « » round a
    defined term."""
    return re.sub(r"⟨\d+⟩", "(#)", text).translate(_READABLE)


def exact_diff(old: Bill, new: Bill) -> ExactDiff:
    """Every unit of ``old`` and ``new`` compared, modulo renumbering (see the module docstring)."""
    a, b = units(old), units(new)
    pairs = _align(a, b)
    numbers = Renumbering(old, new)
    result = ExactDiff(units=len(pairs), renumbering=numbers.changed())
    for p, q in pairs:
        if q is None and p is not None:
            result.differences.append(UnitDifference(p.kind, p.ref, None, "removed"))
            continue
        if p is None and q is not None:
            result.differences.append(UnitDifference(q.kind, None, q.ref, "added"))
            continue
        if p is None or q is None:  # pragma: no cover - align never pairs nothing with nothing
            continue
        amends = q.provision is not None and amending(q.provision.text)
        sched = None
        if q.provision is not None:
            within = q.provision if q.provision.kind is Kind.SCHEDULE else new.enclosing(q.provision, Kind.SCHEDULE)
            sched = within.label if within is not None else None
        left = numbers.numbers_of_headings(p.text)
        left, right = _fold(left), _fold(numbers.reconcile(left, q.text, amending=amends, schedule=sched))
        if left != right:
            changes = [f"{'+' if s.op == 'insert' else '-'}“{_readable(s.text.strip())}”"
                       for s in word_diff(left, right) if s.op != "equal"]
            result.differences.append(UnitDifference(p.kind, p.ref, q.ref, "text differs: " + " ".join(changes)[:300]))
    return result
