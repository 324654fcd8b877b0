""""leave out subsection (10)", "paragraphs (a) and (b)", "sub-paragraphs (iii) to (v)" (and insert …), and a
Schedule's numbered paragraphs, which are cited without brackets: "leave out paragraph 15", "paragraphs 3 to 5"."""

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
    if kind is None:
        c.reset(mark)
        return None
    bare = kind.startswith("paragraph") and (tok := c.peek()) is not None and tok.kind == "num"
    label = c.num if bare else c.label  # Schedule paragraph 15 / paragraph (a)
    first = label()
    if first is None:
        c.reset(mark)
        return None
    labels = [first]
    through = False
    while True:
        lmark = c.mark()
        if c.punct(","):
            if (lab := label()) is not None:
                labels.append(lab)
                continue
            c.reset(lmark)
            break
        sep = c.word("and", "to")
        if sep is None:
            break
        lab = label()
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
