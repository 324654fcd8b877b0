""""leave out subsection (10)", "paragraphs (a) and (b)", "sub-paragraphs (iii) to (v)" (and insert …)."""

from __future__ import annotations

from lawtrack.amendments.model import Amendment, LeaveOutProvisions, Parsed
from lawtrack.amendments.plan import Plan, Session, insert_edit, remove_edit
from lawtrack.amendments.planners.common import finish, scope
from lawtrack.model.labels import as_written


def plan(s: Session, amendment: Amendment, parsed: Parsed, op: LeaveOutProvisions) -> Plan:
    sc = scope(s, amendment, parsed)
    targets, note = s.resolve.provisions(sc.top, op, parsed)
    spans = [s.resolve.span_of(sc.element, s.resolve.element(p)) for p in targets]
    for span in spans:
        sc.claim(span.start, span.end)
        sc.plan.edits.append(remove_edit(span.node))
    if op.insert and op.insert.words:  # where the first one was (the editor spaces them from the text before)
        sc.plan.edits.append(insert_edit(sc.element, spans[0].start, op.insert.words, "before"))
    if op.insert and op.insert.structure:
        s.plan_structure(sc.plan, amendment, sc.element, spans[0].start, before=spans[0].node)
    labels = [as_written(op.kind, p.label or "") for p in targets]
    listing = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    done = finish(sc, parsed, f"left out {op.kind}{'s' if len(labels) > 1 else ''} {listing}"
                  + (f" and inserted {op.insert.describe()}" if op.insert else ""))
    done.detail += note  # the provision is not printed on the line the address gives
    return done
