"""Conflicting amendments: two that act on the same words, one inside words another leaves out, or two new
clauses with the same heading (pure)."""

from __future__ import annotations

from lawtrack.amendments.plan import Claim, Plan


def _point_inside(point: Claim, span: Claim) -> bool:
    """An insertion point strictly inside text another amendment leaves out (pre-emption)."""
    return point.start == point.end and span.start < point.start < span.end


def _clash(a: Claim, b: Claim) -> bool:
    if a.whole or b.whole:
        return True
    if a.start < a.end and b.start < b.end:
        return a.start < b.end and b.start < a.end
    return _point_inside(a, b) or _point_inside(b, a)


def conflicts(plan: Plan, earlier: dict[str, list[Claim]], headings: dict[str, str]) -> tuple[str, ...]:
    """The numbers of earlier amendments ``plan`` conflicts with. ``earlier`` holds their claims by clause or
    Schedule eId, ``headings`` the normalised headings of their new clauses."""
    found: list[str] = []
    for new in plan.claims:
        for old in earlier.get(new.key, ()):
            if old.number not in found and _clash(new, old):
                found.append(old.number)
    if plan.heading and normal_heading(plan.heading) in headings:
        found.append(headings[normal_heading(plan.heading)])
    return tuple(found)


def normal_heading(text: str) -> str:
    return " ".join(text.lower().split())
