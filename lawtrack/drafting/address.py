"""The address an amendment opens with, in House style (pure).

On a print with page/line markers every amendment gives them: "Clause 5, page 4, line 12,", "Schedule 2, page
40, line 3,", and "Page 5, line 1," for words outside any clause (a Part, Chapter or cross-heading). A print
without markers is addressed by structure — "Clause 5(2)(a),", "Schedule 2, paragraph 3(1),", "Part 2,",
"Cross-heading before Clause 5," — which :mod:`lawtrack.amendments.resolve` reads back the same way.
"""

from __future__ import annotations

from lawtrack.model.bill import Bill
from lawtrack.model.provision import GROUPING_KINDS, Kind, LineSpan, Provision

HEADING_KINDS = (Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING)


def unit_of(bill: Bill, p: Provision) -> Provision:
    """The clause or Schedule paragraph a provision belongs to (or the provision itself: a heading, a Schedule,
    the long title)."""
    for anc in [p, *bill.ancestors(p)]:
        if anc.quoted:
            continue
        if anc.kind is Kind.CLAUSE or (anc.kind is Kind.PARAGRAPH and anc.element == "paragraph" and anc.label):
            return anc
        if anc.kind in (*HEADING_KINDS, Kind.SCHEDULE):
            return anc
    return p


def path(bill: Bill, p: Provision, top: Provision) -> list[str]:
    """The labels from ``top`` down to ``p`` ("(2)(a)") — as far down as each label finds the provision it is
    meant to (a "(b)" inside one of two definitions is named by the provision above it, and the quotation is
    found there)."""
    chain = []
    for node in [p, *bill.ancestors(p)]:
        if node is top:
            break
        if node.label and node.kind not in GROUPING_KINDS:
            chain.append(node)
    out: list[str] = []
    current = top
    for node in reversed(chain):
        found = current.child(node.label or "")
        if found is None or found.eid != node.eid:
            break
        out.append(node.label or "")
        current = node
    return out


def line_at(p: Provision, pos: int) -> LineSpan | None:
    """The printed line of ``p`` that offset ``pos`` is on."""
    found = None
    for span in p.lines:
        if span.start <= pos <= max(span.end, span.start) and (span.start <= pos < span.end or found is None):
            found = span
    if found is None:
        before = [s for s in p.lines if s.start <= pos]
        found = before[-1] if before else (p.lines[0] if p.lines else None)
    return found


def line_region(p: Provision, line: LineSpan | None) -> tuple[int, int]:
    """The part of ``p``'s text printed on ``line`` (all of it without a line)."""
    if line is None:
        return 0, len(p.text)
    spans = [s for s in p.lines if (s.page, s.line) == (line.page, line.line)]
    return min(s.start for s in spans), max(s.end for s in spans)


def _schedule_name(bill: Bill, p: Provision) -> str:
    sched = p if p.kind is Kind.SCHEDULE else bill.enclosing(p, Kind.SCHEDULE)
    return f"Schedule {sched.label or ''}".rstrip() if sched is not None else "Schedule"


def _next_unit(bill: Bill, heading: Provision) -> Provision | None:
    """The clause (or Schedule paragraph) printed first after a cross-heading."""
    found = False
    for p in bill.walk():
        if p is heading:
            found = True
            continue
        if found and not p.quoted and (p.kind is Kind.CLAUSE or (p.kind is Kind.PARAGRAPH and p.element == "paragraph"
                                                                  and p.label)):
            return p
    return None


def address(bill: Bill, p: Provision, line: LineSpan | None, *, title: bool = False) -> str | None:
    """The address of words in ``p`` on ``line`` ("Clause 5, page 4, line 12, "), ending ready for the
    operation; None when the provision cannot be addressed (a cross-heading with nothing after it)."""
    if title:
        return f"Title, line {line.line}, " if line is not None else "Title, "
    unit = unit_of(bill, p)
    in_schedule = unit.kind is Kind.SCHEDULE or bill.enclosing(unit, Kind.SCHEDULE) is not None
    if unit.kind is Kind.CLAUSE:
        head = f"Clause {unit.label}"
        if line is not None:
            return f"{head}, page {line.page}, line {line.line}, "
        return head + "".join(f"({x})" for x in path(bill, p, unit)) + ", "
    if in_schedule:
        head = _schedule_name(bill, unit)
        if line is not None:
            return f"{head}, page {line.page}, line {line.line}, "
        if unit.kind is Kind.PARAGRAPH:
            return f"{head}, paragraph {unit.label}" + "".join(f"({x})" for x in path(bill, p, unit)) + ", "
        if unit.kind is Kind.SCHEDULE:
            return f"{head}, "
    if line is not None:
        return f"Page {line.page}, line {line.line}, "
    if unit.kind is Kind.CROSSHEADING:
        after = _next_unit(bill, unit)
        if after is None or not after.label:
            return None
        if in_schedule:
            return f"{_schedule_name(bill, unit)}, cross-heading before paragraph {after.label}, "
        return f"Cross-heading before Clause {after.label}, "
    if unit.kind in (Kind.PART, Kind.CHAPTER) and unit.label:
        bits = []
        if unit.kind is Kind.CHAPTER:
            part = bill.enclosing(unit, Kind.PART)
            if part is not None and part.label:
                bits.append(f"Part {part.label}")
            bits.append(f"Chapter {unit.label}")
        else:
            bits.append(f"Part {unit.label}")
        lead = f"{_schedule_name(bill, unit)}, " if in_schedule else ""
        return lead + ", ".join(bits) + ", "
    return None
