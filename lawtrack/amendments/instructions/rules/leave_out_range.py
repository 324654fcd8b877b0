""""leave out from “x” to “y”", "… from beginning to end of line 4", "… from “x” in line 12 to “y” in line 14",
"… to end of subsection (4)", "… to end of paragraph 3" (a Schedule's), "… to end of clause" (the clause addressed)."""

from __future__ import annotations

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules.common import and_insert, leave_out, occurrence, ordinal
from lawtrack.amendments.model import LeaveOutRange, Point


def _where(c: Cursor) -> tuple[int | None, int | None]:
    """Optional "in line N" / "on line N", then optional "on page N"."""
    line = page = None
    mark = c.mark()
    if c.word("in", "on") and c.word("line") and (n := c.int_()) is not None:
        line = n
        pmark = c.mark()
        if c.word("on", "of") and c.word("page") and (p := c.int_()) is not None:
            page = p
        else:
            c.reset(pmark)
    else:
        c.reset(mark)
    return line, page


_PROVISION_WORDS = {"subsection": "subsection", "paragraph": "paragraph", "sub-paragraph": "sub-paragraph",
                    "subparagraph": "sub-paragraph"}


def _line_and_page(c: Cursor) -> tuple[int | None, int | None] | None:
    """"of line 31" / "of line 11 on page 357" (after "beginning" or "end"); "of line" alone is the line the
    address names (line None)."""
    mark = c.mark()
    if c.word("of") and c.word("line"):
        n = c.int_()
        if n is None:
            return None, None
        pmark = c.mark()
        if c.word("on", "of") and c.word("page") and (p := c.int_()) is not None:
            return n, p
        c.reset(pmark)
        return n, None
    c.reset(mark)
    return None


def _point(c: Cursor, *, is_end: bool) -> Point | None:
    mark = c.mark()
    c.word("the")
    if not is_end and c.word("beginning"):
        where = _line_and_page(c)
        return Point(kind="beginning", line=where[0], page=where[1]) if where else Point(kind="beginning")
    if is_end and c.word("end"):
        where = _line_and_page(c)
        if where is not None:
            return Point(kind="end-of-line", line=where[0], page=where[1])
        pmark = c.mark()
        if c.word("of"):
            c.word("the")
        kind = c.word(*_PROVISION_WORDS, "clause") if c.pos > pmark[0] else None
        if kind == "clause":  # "to end of clause", "to the end of the Clause": the clause the address names
            return Point(kind="end-of-provision", provision="clause")
        if kind is not None:
            labels = []
            # a Schedule's numbered paragraph is cited without brackets: "to end of paragraph 3"
            if kind == "paragraph" and (tok := c.peek()) is not None and tok.kind == "num" and \
                    (number := c.num()) is not None:
                labels.append(number)
            while (label := c.label()) is not None:
                labels.append(label)
            if labels:
                return Point(kind="end-of-provision", provision=_PROVISION_WORDS[kind], labels=tuple(labels))
        c.reset(pmark)
        c.reset(mark)
        return None
    c.reset(mark)
    nth = ordinal(c)
    tok = c.quote()
    if tok is None:
        c.reset(mark)
        return None
    if nth is None:  # "to “the” where it second occurs", "from “may” in the first place"
        nth = occurrence(c)
    line, page = _where(c)
    return Point(kind="words", words=tok.text, line=line, page=page, occurrence=nth)


def recognise(c: Cursor) -> LeaveOutRange | None:
    mark = c.mark()
    if not (leave_out(c) and c.word("from")):
        c.reset(mark)
        return None
    start = _point(c, is_end=False)
    if start is None or not c.word("to"):
        c.reset(mark)
        return None
    end = _point(c, is_end=True)
    if end is None:
        c.reset(mark)
        return None
    if end.kind == "words" and end.line is None:
        line, page = _where(c)
        if line is not None:
            end = end.model_copy(update={"line": line, "page": page})
    return LeaveOutRange(start=start, end=end, insert=and_insert(c))
