"""Write the amendments that turn one version of a bill into another, in House style (pure).

Every unit of the two prints is aligned (by GUID, then number, then similarity, as for ``compare``): clauses and
Schedule paragraphs, the own words of Parts, Chapters, cross-headings and Schedules, and the long title. A clause
that is new becomes a new-clause amendment, one that went becomes "leave out Clause N"; a Schedule paragraph that
went is left out and a new one inserted after the one before it; and within a unit that changed the drafter works
down the provision tree (:mod:`lawtrack.drafting.provisions`) to word-level amendments on the printed line where
the words stand (:mod:`lawtrack.drafting.words`). Cross-references are put in the old print's numbering (a new
clause is cited by its heading, "section (Receipt of transfer)"), and numbers a reprint changes are never amended.

Every instruction is read back before it is emitted — parsed, and its quotation found where ``apply()`` will look
for it (:mod:`lawtrack.drafting.check`); one that cannot be made unambiguous is a note, not an amendment. The
amendments come out in the order of the print (marshalled), numbered from 1.
"""

from __future__ import annotations

from lawtrack.amendments.model import Amendment
from lawtrack.diff.compare import align, units
from lawtrack.diff.renumber import Renumbering
from lawtrack.drafting.address import address
from lawtrack.drafting.check import Checker
from lawtrack.drafting.context import Ctx, DraftResult, House
from lawtrack.drafting.provisions import provision
from lawtrack.drafting.words import own_words
from lawtrack.formats.lawmaker import long_title_element, read_unit
from lawtrack.model.bill import Bill
from lawtrack.model.provision import GROUPING_KINDS, Kind, Provision

__all__ = ["DraftResult", "House", "draft", "draft_with_notes"]

_HEADINGS = (Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING, Kind.SCHEDULE)


def _own(bill: Bill, kind: Kind) -> list[Provision]:
    return [p for p in bill.walk() if p.kind is kind and not p.quoted]


def _is_unit(p: Provision) -> bool:
    return p.kind is Kind.CLAUSE or (p.kind is Kind.PARAGRAPH and p.element == "paragraph" and bool(p.label))


def _removed_unit(ctx: Ctx, p: Provision) -> None:
    if p.kind is Kind.CLAUSE:
        if ctx.house == "lords" or not p.lines:
            ctx.emit(f"Leave out Clause {p.label}")
        else:
            first = p.lines[0]
            ctx.emit(f"Page {first.page}, line {first.line}, leave out Clause {p.label}")
        return
    where = address(ctx.old, ctx.old.parent(p) or p, p.lines[0]) if p.lines else None
    if where is None:
        sched = ctx.old.enclosing(p, Kind.SCHEDULE)
        where = f"Schedule {sched.label or ''}".rstrip() + ", " if sched is not None else None
    if where is None or not p.label:
        ctx.note(f"not emitted: cannot name Schedule paragraph {p.label} to leave it out")
        return
    ctx.emit(f"{where}leave out paragraph {p.label}")


def _same_schedule(ctx: Ctx, anchor: Provision, q: Provision) -> bool:
    """Whether the old unit ``anchor`` stands in the Schedule (and Part) where the new paragraph ``q`` goes."""
    def where(bill: Bill, p: Provision) -> tuple[str | None, str | None]:
        sched, part = bill.enclosing(p, Kind.SCHEDULE), bill.enclosing(p, Kind.PART)
        return (sched.label if sched else None), (part.label if part else None)

    return where(ctx.old, anchor) == where(ctx.new, q)


def _added_paragraph(ctx: Ctx, anchor: Provision | None, q: Provision) -> None:
    if anchor is None or anchor.kind is Kind.CLAUSE or not _same_schedule(ctx, anchor, q):
        ctx.note(f"not emitted: no Schedule paragraph before the new paragraph {q.label} to insert it after")
        return
    _insert_after_paragraph(ctx, anchor, q)


def _added_clause(ctx: Ctx, previous: Provision | None, q: Provision) -> None:
    el = ctx.element(ctx.new, q)
    if ctx.house == "lords":
        ctx.emit(f"After Clause {previous.label}, insert the following new Clause—" if previous is not None
                 else "Before Clause 1, insert the following new Clause—", (el,))
    else:
        ctx.emit("To move the following Clause—", (el,))


def _new_part(ctx: Ctx, q: Provision, fresh: set[int]) -> Provision | None:
    """The new Part of a Schedule the new paragraph ``q`` is in, if it is in one."""
    part = ctx.new.enclosing(q, Kind.PART)
    return part if part is not None and id(part) in fresh and ctx.new.enclosing(part, Kind.SCHEDULE) else None


def _added_part(ctx: Ctx, anchor: Provision | None, part: Provision) -> None:
    """A new Part of a Schedule, inserted whole after the paragraph before it ("at end insert— Part 3 …")."""
    sched_new = ctx.new.enclosing(part, Kind.SCHEDULE)
    sched_old = ctx.old.enclosing(anchor, Kind.SCHEDULE) if anchor is not None else None
    if anchor is None or anchor.kind is Kind.CLAUSE or sched_old is None or sched_new is None or \
            sched_old.label != sched_new.label:
        ctx.note(f"not emitted: no Schedule paragraph before the new {part.num or 'Part'} to insert it after")
        return
    _insert_after_paragraph(ctx, anchor, part)


def _insert_after_paragraph(ctx: Ctx, anchor: Provision, new: Provision) -> None:
    """ "Schedule 2, page 40, line 3, at end insert—" and the new provision, after the Schedule paragraph
    ``anchor``."""
    where = address(ctx.old, anchor, anchor.lines[-1] if anchor.lines else None)
    if where is None:
        ctx.note(f"not emitted: cannot address Schedule paragraph {anchor.label} to insert after it")
        return
    ctx.emit(f"{where}at end insert—", (ctx.element(ctx.new, new),))


def _units(ctx: Ctx, order: dict[int, int]) -> None:
    """Clauses and Schedule paragraphs (and new Parts of Schedules, whole)."""
    previous_clause: Provision | None = None
    previous_unit: Provision | None = None
    fresh = {id(q) for p, q in align(_own(ctx.old, Kind.PART), _own(ctx.new, Kind.PART)) if p is None and q}
    # a paragraph of a new Schedule comes with it: the Schedule is noted once (see _heading_came_or_went)
    new_schedules = {id(q) for p, q in align(_own(ctx.old, Kind.SCHEDULE), _own(ctx.new, Kind.SCHEDULE))
                     if p is None and q}
    for p, q in align(units(ctx.old), units(ctx.new)):
        if p is not None:
            ctx.position = order.get(id(p), 0)
        else:
            ctx.position += 0.001  # after the old unit before it
        if p is not None and q is not None:
            provision(ctx, p, q)
        elif p is not None:
            _removed_unit(ctx, p)
        elif q is not None:
            part = _new_part(ctx, q, fresh) if q.kind is not Kind.CLAUSE else None
            if part is not None:
                if id(part) not in ctx.placed:
                    ctx.placed.add(id(part))
                    _added_part(ctx, previous_unit, part)
            elif q.kind is Kind.CLAUSE:
                _added_clause(ctx, previous_clause, q)
            elif id(ctx.new.enclosing(q, Kind.SCHEDULE)) not in new_schedules:
                _added_paragraph(ctx, previous_unit, q)
            continue
        if p is not None:
            previous_unit = p
            if p.kind is Kind.CLAUSE:
                previous_clause = p


def _headings(ctx: Ctx, order: dict[int, int]) -> None:
    """The own words of Parts, Chapters, cross-headings and Schedules (a Schedule's number and heading, and any
    text of it that is not in a numbered paragraph)."""
    for kind in _HEADINGS:
        for p, q in align(_own(ctx.old, kind), _own(ctx.new, kind)):
            if p is None or q is None:
                _heading_came_or_went(ctx, p, q)
                continue
            ctx.position = order.get(id(p), 0)
            own_words(ctx, p, q)
            if kind is not Kind.SCHEDULE:
                continue
            others = [c for c in p.children if not _is_unit(c) and c.kind not in GROUPING_KINDS]
            news = [c for c in q.children if not _is_unit(c) and c.kind not in GROUPING_KINDS]
            for a, b in align(others, news):
                if a is not None and b is not None:
                    provision(ctx, a, b)
                elif a is not None or b is not None:
                    what = (a or b).describe()  # type: ignore[union-attr]
                    ctx.note(f"not emitted: {what} {'went from' if a else 'came into'} {p.describe()} outside "
                             "its numbered paragraphs")


def _heading_came_or_went(ctx: Ctx, p: Provision | None, q: Provision | None) -> None:
    """A Part, Chapter, cross-heading or Schedule that is new, or gone. With what it heads it comes or goes (a new
    Schedule, Part or cross-heading over new clauses is not drafted here but noted; one left out with all its
    clauses needs nothing more); a heading alone over provisions that stay cannot be drafted, and says so."""
    unit = p or q
    if unit is None or id(unit) in ctx.placed:  # a new Part of a Schedule, inserted whole
        return
    if q is not None and any(id(a) in ctx.placed for a in ctx.new.ancestors(q)):
        return  # inside one
    bill = ctx.old if p is not None else ctx.new
    other = ctx.new if p is not None else ctx.old
    under = [u for u in unit.walk() if u is not unit and _is_unit(u)]
    guids = {u.guid for u in other.walk() if u.guid}
    kept = [u for u in under if u.guid and u.guid in guids]
    name = unit.num or (f"the cross-heading “{unit.heading}”" if unit.heading else unit.describe())
    if p is None and not kept:
        what = "Schedule" if unit.kind is Kind.SCHEDULE else "heading"
        count = f" with {len(under)} provision{'s' if len(under) != 1 else ''} under it" if under else ""
        ctx.note(f"not emitted: {name} is new{count}; "
                 f"lawtrack does not draft a new {what} — table it by hand")
    elif kept:
        named = ", ".join(_ref(bill, u) for u in kept[:3]) + (f" and {len(kept) - 3} more" if len(kept) > 3 else "")
        ctx.note(f"not emitted: {name} {'is new' if p is None else 'went'} over provisions that stay ({named}); "
                 "lawtrack does not draft a heading alone")


def _ref(bill: Bill, p: Provision) -> str:
    if p.kind is Kind.CLAUSE:
        return f"Clause {p.label}"
    sched = bill.enclosing(p, Kind.SCHEDULE)
    return f"Schedule {sched.label if sched else ''}, paragraph {p.label}".replace("Schedule , ", "Schedule, ")


def _long_title(ctx: Ctx) -> None:
    old = ctx.checker.title
    el = long_title_element(ctx.new.tree()) if ctx.new.tree() is not None else None
    if old is None or el is None:
        return
    ctx.position = float("inf")  # amendments to the title come last on a paper
    own_words(ctx, old, read_unit(el), title=True)


def draft_with_notes(old: Bill, new: Bill, *, house: House = "commons") -> DraftResult:
    """Like :func:`draft`, with notes on every change that could not be drafted (and why).

    >>> import lawtrack
    >>> old = lawtrack.load_bill("bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml")
    >>> new = lawtrack.load_bill("bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml")
    >>> result = lawtrack.draft_with_notes(old, new, house="lords")
    >>> len(result.amendments) > 0, all(a.house == "House of Lords" for a in result.amendments)
    (True, True)
    """
    ctx = Ctx(old, new, house, Renumbering(old, new), Checker(old))
    order = {id(p): i for i, p in enumerate(old.walk())}
    _units(ctx, order)
    _headings(ctx, order)
    _long_title(ctx)
    return ctx.finish()


def draft(old: Bill, new: Bill, *, house: House = "commons") -> list[Amendment]:
    """The amendments that turn ``old`` into ``new`` (House style; page/line from ``old``'s print). Each was
    read back before it was returned; applying them to ``old`` gives ``new``.

    >>> import lawtrack
    >>> old = lawtrack.load_bill("bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml")
    >>> new = lawtrack.load_bill("bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml")
    >>> amendments = lawtrack.draft(old, new)
    >>> amendments[0].instruction.startswith("Clause 44, page 37, line 9,")
    True
    >>> lawtrack.apply(old, amendments).all_applied
    True
    """
    return draft_with_notes(old, new, house=house).amendments

