""""after “x” insert …", "before “x” insert …", "at end insert …", "at beginning insert …"."""

from __future__ import annotations

from lawtrack.amendments.locate import spaced
from lawtrack.amendments.model import Amendment, InsertWords, Parsed
from lawtrack.amendments.plan import Plan, Session, insert_edit
from lawtrack.amendments.planners.common import finish, scope


def plan(s: Session, amendment: Amendment, parsed: Parsed, op: InsertWords) -> Plan:
    sc = scope(s, amendment, parsed)
    text = sc.text
    if op.where in ("after", "before"):
        hits = s.resolve.choose(s.resolve.find(text, op.anchor, sc.lo, sc.hi, sc.top), op.anchor, text, sc.lo, sc.hi,
                                op.each_place, op.occurrence)
        points = [end if op.where == "after" else start for start, end in hits]
    elif op.where == "at-end":
        points = [sc.hi]
    else:
        points = [s.resolve.skip_label(text, sc.lo)]
    for pos in points:
        sc.claim(pos, pos)
        if op.insert.words:
            before = text[pos - 1] if pos > 0 else ""
            after = text[pos] if pos < len(text) else ""
            lean = "after" if op.where in ("before", "at-beginning") else "before"
            sc.plan.edits.append(insert_edit(sc.element, pos, spaced(op.insert.words, before, after), lean))
    if op.insert.structure:
        s.plan_structure(sc.plan, amendment, sc.element, points[-1])
    where = {"after": f"after “{op.anchor}”", "before": f"before “{op.anchor}”", "at-end": "at the end",
             "at-beginning": "at the beginning"}[op.where]
    return finish(sc, parsed, f"inserted {op.insert.describe()} {where}")
