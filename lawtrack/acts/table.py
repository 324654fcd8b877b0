"""The table of amendments: one :class:`Row` per amending provision of the bill that changes the Act (pure).

The columns are those of LawMaker's Keeling service. ``affected_provision`` is the eId in the Act of the
provision the words are in (for a definition, the provision that holds it; for a heading, the heading's own eId),
of the provision that goes or is replaced, or of the one new provisions go next to (for "at the end" or "at the
appropriate place", the provision they go into). ``location`` is ``Replace`` for substitutions and omissions,
``Before`` or ``After`` for insertions. ``whole_provision`` is true when whole sections or Schedules go, are
replaced or are inserted.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawtrack.acts.find import Finder, NotFound
from lawtrack.acts.model import ORDINAL_WORDS, Instruction, Row, Target, Unread
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision

#: A renumbering ("the existing text becomes subsection (1)") replaces the provision's text with the same text
#: numbered: a substitution, in the service's three types.
_TYPE = {"substitute": "substitution", "omit": "deletion", "insert": "insertion", "renumber": "substitution"}


def heading_eid(finder: Finder, p: Provision) -> str:
    """The eId of a provision's heading element (``sec_32__hdg``), or the provision's own when it has none."""
    el = finder.element(p.eid or "")
    if el is not None:
        for child in el:
            if isinstance(child.tag, str) and child.tag.endswith("}heading") and child.get("eId"):
                return child.get("eId", "")
    return p.eid or ""


def describe(ins: Instruction) -> str:
    """What the instruction does, in a line ("in section 212(1): for “shorthold” substitute “assured”")."""
    c = ins.change
    where = " and ".join(t.describe() for t in ins.targets)
    if c.unit == "heading":
        if c.action == "omit":
            return f"omit {where}"
        return f"{where}: becomes the heading it quotes" if c.with_structure else f"{where}: becomes “{c.new}”"
    if c.action == "renumber":
        return f"{where}: the existing text becomes {c.kind} ({c.labels[0]})"
    if c.unit == "provision":
        what = {"omit": "omit", "substitute": "substitute"}.get(c.action)
        if what:
            return f"{what} {where}" + (f" (with the “{c.together_with}”)" if c.together_with else "")
        place = {"after": "after", "before": "before", "at-end": "at the end of", "at-beginning":
                 "at the beginning of", "appropriate-place": "at the appropriate place in"}.get(c.where, c.where)
        if c.entries:
            return f"{place} {where}, insert the entries " + "; ".join(f"“{a} | {b}”" for a, b in c.entries)
        words = f"“{c.new}” and " if c.new else ""
        return f"{place} {where}, insert {words}{len(ins.structure_xml)} quoted structure(s)"
    start = "the beginning" if c.from_beginning else f"“{c.words}”"
    span = f"the words from {start} to " + (f"“{c.to}”" if c.to else "the end") if c.to is not None else (
        f"the words following “{c.words}”" if c.following else f"“{c.words}”")
    each = " in each place" if c.each_place else (f" in the {ORDINAL_WORDS.get(c.occurrence, str(c.occurrence))} place"
                                                   if c.occurrence is not None else "")
    if c.action == "substitute":
        return f"in {where}: for {span}{each} substitute “{c.new}”"
    if c.action == "omit":
        return f"in {where}: omit {span}{each}"
    if c.where in ("at-end", "at-beginning"):
        return f"in {where}: at the {'end' if c.where == 'at-end' else 'beginning'} insert “{c.new}”"
    return f"in {where}: {c.where} “{c.words}”{each} insert “{c.new}”"


def affected(act: Bill, ins: Instruction, target: Target, finder: Finder | None = None) -> tuple[str, bool]:
    """The eId in the Act a row names for one target, and whether a whole section or Schedule is concerned."""
    finder = finder or Finder(act)
    p = finder(target)
    c = ins.change
    if target.heading and c.unit in ("heading", "words"):
        return heading_eid(finder, p), False
    if p.kind is Kind.DEFINITION:
        parent = act.parent(p)
        return (parent.eid if parent is not None and parent.eid else p.eid or ""), False
    if target.heading_before is not None:
        return p.eid or "", False
    whole = c.unit == "provision" and p.kind in (Kind.CLAUSE, Kind.SCHEDULE)
    if c.unit == "provision" and c.action == "insert":
        whole = whole and any(b"<section" in x or b":section" in x or b"<schedule" in x or b'name="schedule"' in x
                              for x in ins.structure_xml)
    return p.eid or "", whole


def location(ins: Instruction) -> str:
    c = ins.change
    if c.action != "insert":
        return "Replace"
    return "Before" if c.where in ("before", "at-beginning") else "After"


def row(act: Bill, ins: Instruction, finder: Finder | None = None) -> Row:
    """The table row of one instruction; a target the Act does not have is said in ``status`` and ``detail``."""
    eids: list[str] = []
    whole = False
    status = "applied"
    detail = ""
    for target in ins.targets:
        try:
            eid, w = affected(act, ins, target, finder)
        except NotFound as exc:
            status, detail = "not-found", str(exc)
            continue
        eids.append(eid)
        whole = whole or w
    return Row.model_validate({"source": ins.source, "source_eid": ins.source_eid,
                               "type_of_amendment": _TYPE[ins.change.action],
                               "affected_provision": ",".join(dict.fromkeys(eids)), "location": location(ins),
                               "whole_provision": whole, "operation": describe(ins), "status": status,
                               "detail": detail})


def table_text(rows: Sequence[Row], unread: Sequence[Unread] = ()) -> str:
    """The table of amendments as plain text, one line per row, then what could not be read."""
    lines = []
    for r in rows:
        whole = " (whole)" if r.whole_provision else ""
        status = "" if r.status == "applied" else f"  [{r.status}: {r.detail}]"
        lines.append(f"{r.source:<28} {r.type_of_amendment:<12} {r.location:<7} {r.affected_provision}{whole}"
                     f"{status}")
    for u in unread:
        lines.append(f"{u.source:<28} not read: {u.reason}")
    applied = sum(1 for r in rows if r.status == "applied")
    lines.append(f"{len(rows)} amending provision(s), {applied} applied; {len(unread)} not read")
    return "\n".join(lines)
