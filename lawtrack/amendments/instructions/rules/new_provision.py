""""To move the following Clause—", "After Clause 26, insert the following new Clause—", new Schedules ("After
Schedule 2, insert the following new Schedule—")."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.model import Insertion, NewProvision
from lawtrack.model.provision import Provision


def recognise(c: Cursor) -> NewProvision | None:
    mark = c.mark()
    after: str | None = None
    before: str | None = None
    anchor = "clause"
    if c.words("to move the following"):
        kind = c.word("clause", "schedule", "clauses", "schedules")
    else:
        c.reset(mark)
        where = c.word("after", "before")
        if where is not None:
            named = c.word("clause", "schedule", "section")  # "After section 3, insert—" (Scotland)
            if named is None or (n := c.num()) is None:
                c.reset(mark)
                return None
            anchor = "clause" if named == "section" else named
            after, before = (n, None) if where == "after" else (None, n)
            c.comma()
        if not c.word("insert"):
            c.reset(mark)
            return None
        c.words("the following")
        c.word("new")
        kind = c.word("clause", "schedule", "clauses", "schedules", "section", "sections")
        tok = c.peek()
        if kind is None and where is not None and tok is not None and (
                tok.kind == "object" or (tok.kind == "punct" and tok.text in ("—", ":"))):
            kind = anchor  # "After section 3, insert—" (the Scottish form): a new provision like its neighbour
    if kind is None:
        c.reset(mark)
        return None
    c.punct("—", ":")
    parts: list[Provision] = []
    while (found := c.structure()) is not None:
        parts.extend(found)
    return NewProvision(
        kind="schedule" if kind.startswith("schedule") else "clause",
        after=after,
        before=before,
        anchor="schedule" if anchor == "schedule" else "clause",
        insert=Insertion(structure=tuple(parts)),
    )
