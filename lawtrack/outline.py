"""An outline of a bill: Parts, cross-headings, clauses and Schedules with their printed page ranges (pure)."""

from __future__ import annotations

from typing import Any

from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision

_OUTLINE_KINDS = frozenset(
    {Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING, Kind.CLAUSE, Kind.SCHEDULES, Kind.SCHEDULE, Kind.ARTICLE}
)


def _pages(p: Provision) -> dict[str, Any] | None:
    if not p.lines:
        return None
    return {"first": [p.lines[0].page, p.lines[0].line], "last": [p.lines[-1].page, p.lines[-1].line]}


def outline_entry(p: Provision) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kind": p.kind.value,
        "num": p.num,
        "heading": p.heading,
        "eid": p.eid,
        "guid": p.guid,
        "pages": _pages(p),
    }
    kids = [outline_entry(c) for c in p.children if c.kind in _OUTLINE_KINDS and not c.quoted]
    if kids:
        entry["children"] = kids
    if p.kind is Kind.SCHEDULE:
        entry["paragraphs"] = sum(1 for d in p.walk() if d.kind is Kind.PARAGRAPH and not d.quoted
                                  and d.element == "paragraph")
    return entry


def outline(bill: Bill) -> dict[str, Any]:
    md = bill.metadata
    return {
        "title": md.short_title,
        "long_title": md.long_title,
        "number": md.number,
        "house": md.house,
        "session": md.session,
        "stage_version": md.stage_version,
        "clauses": len(bill.clauses()),
        "schedules": len(bill.schedules()),
        "outline": [outline_entry(p) for p in bill.provisions if p.kind in _OUTLINE_KINDS],
        "notes": list(bill.notes),
    }
