"""Conflicting amendments: two that act on the same words, one inside words another leaves out, or two new
clauses with the same heading (pure)."""

from __future__ import annotations

from lawtrack.amendments.plan import Claim, Plan


def _point_inside(point: Claim, span: Claim) -> bool:
    """An insertion point strictly inside text another amendment leaves out (pre-emption)."""
    return point.start == point.end and span.start < point.start < span.end


def _clash(a: Claim, b: Claim) -> str | None:
    """Why ``a`` and ``b`` cannot both be made, or None when they can."""
    if a.whole or b.whole:
        return "one leaves out or replaces the whole provision the other changes" if a.whole != b.whole else \
            "both leave out or replace the same provision"
    if a.start < a.end and b.start < b.end:
        return "they change the same words" if a.start < b.end and b.start < a.end else None
    if _point_inside(a, b) or _point_inside(b, a):
        return "one inserts words inside words the other leaves out"
    return None


def conflicts(plan: Plan, earlier: dict[str, list[Claim]], headings: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The earlier amendments ``plan`` conflicts with, and why: (number, reason) pairs. ``earlier`` holds their
    claims by clause or Schedule eId, ``headings`` the normalised headings of their new clauses."""
    found: dict[str, str] = {}
    for new in plan.claims:
        for old in earlier.get(new.key, ()):
            if old.number not in found and (why := _clash(new, old)) is not None:
                found[old.number] = why
    if plan.heading and normal_heading(plan.heading) in headings:
        found.setdefault(headings[normal_heading(plan.heading)], f"both insert a new provision headed “{plan.heading}”")
    return tuple(found.items())


def describe(clash: tuple[tuple[str, str], ...]) -> str:
    """The outcome's detail for a conflict.

    >>> describe((("3", "they change the same words"),))
    'conflicts with amendment 3: they change the same words'
    >>> describe((("3", "they change the same words"), ("5", "they change the same words")))
    'conflicts with amendments 3 and 5: they change the same words'
    """
    by_reason: dict[str, list[str]] = {}
    for number, why in clash:
        by_reason.setdefault(why, []).append(number)
    parts = []
    for why, numbers in by_reason.items():
        names = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
        parts.append(f"amendment{'s' if len(numbers) > 1 else ''} {names}: {why}")
    return "conflicts with " + "; with ".join(parts)


def normal_heading(text: str) -> str:
    return " ".join(text.lower().split())
