"""``after subsection (4) insert—`` (a quoted structure), ``before section 1 insert—``, ``after paragraph (a)
(but before the “or” at the end) insert—``, ``before section 127 (and the heading immediately before it)
insert—``, ``before section 277 (but after the heading before that section) insert—``, ``at the end insert—``,
``at the appropriate place insert—`` (new definitions, put in alphabetical order; entries of an index table,
as table rows or as quoted words: ``at the appropriate places insert— “designation notice (in Part 4) section
84”; …``); ``after paragraph (c) insert
“and (d) …”`` (the words end paragraph (c))."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change, Target
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import DASH, INSERT, OBJS, Ctx, Q, Read, read_scope, words_of

#: "(but before the “or” at the end)", "… at the end of it", "… at the end of that paragraph", "… after it".
_BUT = (rf"\(\s*but\s+before\s+the\s+(?:words?\s+)?(?P<but>{Q})\s+(?:at\s+the\s+end(?:\s+of\s+(?:it|that\s+"
        r"(?:paragraph|sub-paragraph|subsection)))?|(?:immediately\s+)?(?:after|following)\s+it)\s*\)")
_THE_HEADING = (r"the\s+(?:italic\s+|cross-)?heading\s+(?:immediately\s+)?(?:before|preceding)\s+(?:it|that\s+section"
                r"|section\s+\d+[A-Z]*)")
#: "before section 127 (and the heading immediately before it)": before the cross-heading that section opens;
#: "before section 277 (but after the heading before that section)": before the section, under its heading.
_HEADING = rf"\(\s*(?:(?P<with>and|together\s+with)|but\s+after)\s+{_THE_HEADING}\s*\)"
#: "after paragraph (c) insert “and (d) …”": words the quotation opens with, before the new provision — they end
#: the provision named ("(c) …, and").
_AROUND = re.compile(rf"(?P<where>after|before)\s+(?P<ref>.+?)\s*(?:{_BUT}|(?P<hd>{_HEADING}))?\s*,?\s*{INSERT}{DASH}"
                     rf"(?:(?P<lead>{Q})\s*)?(?P<new>{OBJS})", re.I)
_END = re.compile(rf"at\s+the\s+(?P<where>end|beginning)(?:\s+of\s+(?P<ref>.+?))?\s*,?\s*{INSERT}{DASH}(?P<new>{OBJS})",
                  re.I)
_APPROPRIATE = re.compile(rf"(?:at|in)\s+the\s+appropriate\s+places?(?:\s+in\s+(?P<ref>.+?))?\s*,?\s*{INSERT}{DASH}"
                          rf"(?P<new>{OBJS})", re.I)


#: Entries of an index table given as quoted words: "at the appropriate places insert— “designation notice (in
#: Part 4) section 84”; “withdrawal notice (in Part 4) section 84”".
_ENTRIES = re.compile(rf"(?:at|in)\s+the\s+appropriate\s+places?\s*,?\s*{INSERT}{DASH}(?P<q>{Q}(?:\s*[;,]\s*"
                      rf"(?:and\s+)?{Q})*)", re.I)
#: An entry's two columns: the expression, then where it is defined (the last "section 84" in the words).
_ENTRY = re.compile(r"(?P<term>.+)\s+(?P<where>(?:sections?|Schedules?|paragraphs?|Articles?|regulations?)\s+[0-9].*)",
                    re.I)


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _ENTRIES.fullmatch(action)
    if m:
        entries = []
        for token in re.findall(Q, m.group("q")):
            parts = _ENTRY.fullmatch(" ".join(words_of(token, prose).split()))
            if parts is None:
                return None  # words that are not an index entry: a form lawtrack has not seen
            entries.append((parts.group("term"), parts.group("where")))
        return Read(Change(action="insert", unit="provision", where="appropriate-place", kind="entry",
                           entries=tuple(entries)))
    m = _APPROPRIATE.fullmatch(action)
    if m:
        targets = read_scope(m.group("ref"), ctx)[1] if m.group("ref") else None
        return Read(Change(action="insert", unit="provision", where="appropriate-place", kind="definition"),
                    targets=targets)
    m = _END.fullmatch(action)
    if m:
        targets = read_scope(m.group("ref"), ctx)[1] if m.group("ref") else None
        return Read(Change(action="insert", unit="provision",
                           where="at-end" if m.group("where").lower() == "end" else "at-beginning"), targets=targets)
    m = _AROUND.fullmatch(action)
    if m:
        act, targets, _through = read_scope(m.group("ref"), ctx)
        where = "after" if m.group("where").lower() == "after" else "before"
        lead = words_of(m.group("lead"), prose)
        if lead and (where != "after" or m.group("but") or m.group("hd")):
            return None  # words before a provision inserted anywhere but after another: a form not seen
        if m.group("hd") and m.group("with"):
            if where != "before" or len(targets) != 1 or targets[0].section is None or targets[0].path:
                return None  # "after section 5 (and the heading before it)": no such House form
            targets = [Target(heading_before=targets[0].section)]
        return Read(Change(action="insert", unit="provision", where=where, but_before=words_of(m.group("but"), prose),
                           new=lead), targets=targets[-1:] if where == "after" else targets[:1], act=act)
    return None
