"""Say in plain words what a parsed instruction does (for ``lawtrack explain`` and reports)."""

from __future__ import annotations

from typing import Any

from lawtrack.amendments.model import (
    InsertWords,
    LeaveOutClause,
    LeaveOutLines,
    LeaveOutProvisions,
    LeaveOutRange,
    LeaveOutWords,
    NewProvision,
    Operation,
    Parsed,
    Point,
    Unparsed,
    kind_word,
)
from lawtrack.model.labels import as_written, preceding_label
from lawtrack.model.provision import Kind


def _point(p: Point, *, end: bool) -> str:
    if p.kind == "beginning":
        return f"the beginning of line {p.line}" + (f" on page {p.page}" if p.page else "") if p.line else \
            "the beginning of the line"
    if p.kind == "end-of-provision":  # "to end of subsection (4)", "to end of paragraph (b)(ii)"
        if not p.labels:
            return f"the end of the {p.provision}"
        return f"the end of {p.provision} {as_written(p.provision, p.labels[0])}" + "".join(
            f"({x})" for x in p.labels[1:])
    if p.kind == "end-of-line":
        if p.line is None:  # "to end of line": the line addressed
            return "the end of the line"
        return f"the end of line {p.line}" + (f" on page {p.page}" if p.page else "")
    nth = {1: "the first ", 2: "the second ", -1: "the last "}.get(p.occurrence or 0, "")
    where = f" in line {p.line}" + (f" on page {p.page}" if p.page else "") if p.line else ""
    return (f"just before {nth}“{p.words}”{where}" if end else f"just after {nth}“{p.words}”{where}")


def _which(each_place: bool, occurrence: int | None) -> str:
    """Which of several places the quoted words mean: " in each place", " (occurrence 2)", " (the last)"."""
    if each_place:
        return " in each place"
    if occurrence == -1:
        return " (the last)"
    return f" (occurrence {occurrence})" if occurrence else ""


def describe_operation(op: Operation) -> str:
    insertion = op.insert  # every operation may insert
    ins = f" and insert {insertion.describe()}" if insertion is not None and not isinstance(
        op, (InsertWords, NewProvision)) else ""
    if isinstance(op, LeaveOutWords):
        return f"leave out “{op.words}”{_which(op.each_place, op.occurrence)}{ins}"
    if isinstance(op, InsertWords):
        where = {"after": f"after “{op.anchor}”", "before": f"before “{op.anchor}”", "at-end": "at the end",
                 "at-beginning": "at the beginning"}[op.where]
        return f"{where}{_which(op.each_place, op.occurrence)}, insert {op.insert.describe()}"
    if isinstance(op, LeaveOutRange):
        return f"leave out from {_point(op.start, end=False)} to {_point(op.end, end=True)}{ins}"
    if isinstance(op, LeaveOutLines):
        lines = f"line {op.first}" if op.first == op.last else (
            f"lines {op.first} and {op.last}" if op.last == op.first + 1 else f"lines {op.first} to {op.last}")
        return f"leave out {lines}{ins}"
    if isinstance(op, LeaveOutProvisions):
        written = [as_written(op.kind, x) for x in op.labels]
        labels = f"{written[0]} to {written[-1]}" if op.through else " and ".join(written)
        return f"leave out {op.kind}{'s' if len(op.labels) > 1 else ''} {labels}{ins}"
    if isinstance(op, LeaveOutClause):
        gone = (f"leave out Clause {op.clause}" if op.clause
                else f"leave out Schedule {op.schedule}" if op.schedule else "leave out the Schedule")
        return gone + (f" and insert {op.insert.describe()} in its place" if op.insert is not None else "")
    anchor = op.anchor.capitalize()
    where = f" after {anchor} {op.after}" if op.after else f" before {anchor} {op.before}" if op.before else \
        " (no position given: lawtrack puts it after the last clause)" if op.kind == "clause" else \
        " (no position given: lawtrack puts it after the last Schedule)"
    what = op.insert.describe() if op.insert.structure else f"a new {op.kind}"
    return f"insert {what}{where}"


def _inferred_place(op: Operation) -> str:
    """Where inserted provisions go, read from their numbers as UK drafting numbers insertions: "(3A)" goes
    after subsection (3), "(za)" before paragraph (a), a Schedule's paragraph "3A" after paragraph 3. Empty
    when the numbers say nothing."""
    insertion = op.insert  # every operation may insert
    if insertion is None or not insertion.structure or isinstance(op, NewProvision):
        return ""
    first = insertion.structure[0]
    if first.kind in (Kind.CLAUSE, Kind.SCHEDULE, Kind.DEFINITION) or not first.label:
        return ""
    found = preceding_label(first.label, roman=first.kind in (Kind.SUBPARAGRAPH, Kind.SUBSUBPARAGRAPH))
    if found is None:
        return ""
    side, label = found
    # the neighbour is written as the inserted provision's own number is: "subsection (3)" beside "(3A)", but
    # "paragraph 3" beside a Schedule's paragraph "3A", which is numbered without brackets
    noun = kind_word(first)
    written = (f"({label})" if first.num.startswith("(") else label) if first.num else as_written(noun, label)
    return f"{side} {noun} {written}, "


def describe(result: Parsed) -> str:
    """Where and what, in one line: "Clause 2, page 3, line 15: after subsection (3), insert subsections (3A) to
    (3C)"."""
    address = str(result.address)
    what = describe_operation(result.operation)
    place = _inferred_place(result.operation)
    if place and isinstance(result.operation, InsertWords) and not result.operation.insert.words:
        what = f"{place}insert {result.operation.insert.describe()}"
    return what if address == "(no address)" else f"{address}: {what}"


def explain(result: Parsed | Unparsed) -> dict[str, Any]:
    if isinstance(result, Unparsed):
        return {"parsed": False, "error": result.reason, "position": result.position,
                "near": result.text[result.position : result.position + 40]}
    return {
        "parsed": True,
        "address": str(result.address),
        "address_fields": result.address.model_dump(exclude_defaults=True),
        "operation": result.operation.op,
        "lawmaker_type": result.lawmaker_type,
        "meaning": describe_operation(result.operation),
        "summary": describe(result),
        "details": result.operation.model_dump(mode="json", exclude_none=True,
                                               exclude={"insert": {"structure"}}),
    }
