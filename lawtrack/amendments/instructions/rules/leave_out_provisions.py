""""leave out subsection (10)", "paragraphs (a) and (b)", "sub-paragraphs (iii) to (v)" (and insert …)."""

from __future__ import annotations

from typing import Literal

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules.common import and_insert, leave_out
from lawtrack.amendments.model import LeaveOutProvisions

_KINDS: dict[str, Literal["subsection", "paragraph", "sub-paragraph"]] = {
    "subsection": "subsection",
    "subsections": "subsection",
    "paragraph": "paragraph",
    "paragraphs": "paragraph",
    "sub-paragraph": "sub-paragraph",
    "sub-paragraphs": "sub-paragraph",
    "subparagraph": "sub-paragraph",
    "subparagraphs": "sub-paragraph",
}


def recognise(c: Cursor) -> LeaveOutProvisions | None:
    mark = c.mark()
    if not leave_out(c):
        return None
    kind = c.word(*_KINDS)
    first = c.label() if kind else None
    if kind is None or first is None:
        c.reset(mark)
        return None
    labels = [first]
    through = False
    while True:
        lmark = c.mark()
        if c.punct(","):
            if (lab := c.label()) is not None:
                labels.append(lab)
                continue
            c.reset(lmark)
            break
        sep = c.word("and", "to")
        if sep is None:
            break
        lab = c.label()
        if lab is None:
            c.reset(lmark)
            break
        labels.append(lab)
        if sep == "to":
            through = True
    if through and len(labels) != 2:
        c.reset(mark)
        return None
    return LeaveOutProvisions(kind=_KINDS[kind], labels=tuple(labels), through=through, insert=and_insert(c))
