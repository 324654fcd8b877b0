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
)


def _point(p: Point, *, end: bool) -> str:
    if p.kind == "beginning":
        return "the beginning of the line"
    if p.kind == "end-of-line":
        return f"the end of line {p.line}" + (f" on page {p.page}" if p.page else "")
    nth = {1: "the first ", 2: "the second ", -1: "the last "}.get(p.occurrence or 0, "")
    where = f" in line {p.line}" + (f" on page {p.page}" if p.page else "") if p.line else ""
    return (f"{nth}“{p.words}”{where} (inclusive)" if end else f"just after {nth}“{p.words}”{where}")


def describe_operation(op: Operation) -> str:
    insertion = getattr(op, "insert", None)
    ins = f", and insert {insertion.describe()}" if insertion is not None and not isinstance(
        op, (InsertWords, NewProvision)) else ""
    if isinstance(op, LeaveOutWords):
        scope = " in each place" if op.each_place else (f" (occurrence {op.occurrence})" if op.occurrence else "")
        return f"leave out the words “{op.words}”{scope}{ins}"
    if isinstance(op, InsertWords):
        where = {"after": f"after “{op.anchor}”", "before": f"before “{op.anchor}”", "at-end": "at the end",
                 "at-beginning": "at the beginning"}[op.where]
        return f"insert {op.insert.describe()} {where}" + (" in each place" if op.each_place else "")
    if isinstance(op, LeaveOutRange):
        return f"leave out from {_point(op.start, end=False)} to {_point(op.end, end=True)}{ins}"
    if isinstance(op, LeaveOutLines):
        return f"leave out lines {op.first} to {op.last}{ins}"
    if isinstance(op, LeaveOutProvisions):
        labels = (f"({op.labels[0]}) to ({op.labels[-1]})" if op.through
                  else " and ".join(f"({x})" for x in op.labels))
        return f"leave out {op.kind} {labels}{ins}"
    if isinstance(op, LeaveOutClause):
        return f"leave out Clause {op.clause}" if op.clause else f"leave out Schedule {op.schedule}".rstrip()
    where = f" after Clause {op.after}" if op.after else f" before Clause {op.before}" if op.before else \
        " (no position given: at the end of the body)"
    return f"insert a new {op.kind}{where}: {op.insert.describe()}"


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
        "details": result.operation.model_dump(mode="json", exclude_none=True,
                                               exclude={"insert": {"structure"}}),
    }
