""""after “x” insert …", "before “x” insert …", "at end insert …", "at beginning insert …"."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules.common import each_place
from lawtrack.amendments.model import InsertWords


def recognise(c: Cursor) -> InsertWords | None:
    mark = c.mark()
    if (where := c.word("after", "before")) is not None:
        tok = c.quote()
        if tok is None:
            c.reset(mark)
            return None
        every = each_place(c)
        c.comma()
        if not c.word("insert"):
            c.reset(mark)
            return None
        found = c.insertion()
        if found is None:
            c.reset(mark)
            return None
        every = every or each_place(c)
        return InsertWords(where="after" if where == "after" else "before", anchor=tok.text, each_place=every,
                           insert=found)
    if c.word("at"):
        c.word("the")
        pos = c.word("end", "beginning", "start")
        if pos is None or not c.word("insert"):
            c.reset(mark)
            return None
        found = c.insertion()
        if found is None:
            c.reset(mark)
            return None
        return InsertWords(where="at-end" if pos == "end" else "at-beginning", insert=found)
    if c.word("insert"):
        # "Clause 5, page 4, line 12, insert “x”" is not House style; say what is missing
        c.expected("'after “…” insert' or 'at end insert'")
    c.reset(mark)
    return None
