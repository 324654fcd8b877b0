"""``after “x” insert “y”``, ``before “x” insert “y”`` (``in each place it occurs``, ``in the first place``);
``at the end insert “y”``, ``at the beginning insert “y”`` (of the provision the words are in, or of the one
named: ``at the end of paragraph (b) insert “, or”``, ``insert “and” at the end of paragraph (c)``, ``after
sub-paragraph (i) insert “or”``)."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import (
    DASH,
    EACH,
    INSERT,
    NEW_WORDS,
    OBJS,
    ORD,
    Ctx,
    Q,
    Read,
    each,
    ordinal,
    read_scope,
    words_of,
)

_AROUND = re.compile(rf"(?P<where>after|before)\s+(?:the\s+words?\s+)?(?P<w>{Q})(?P<each>{EACH})?{ORD}?\s*,?\s*"
                     rf"{INSERT}{DASH}{NEW_WORDS}(?P<new>{Q})(?P<more>\s*{OBJS})?", re.I)
_END = re.compile(rf"at\s+the\s+(?P<where>end|beginning)(?:\s+of\s+(?P<ref>.+?))?\s*,?\s*{INSERT}{DASH}"
                  rf"{NEW_WORDS}(?P<new>{Q})(?P<more>\s*{OBJS})?",
                  re.I)
#: Words after a provision are at its end: "after sub-paragraph (i) insert “or”".
_AFTER_PROVISION = re.compile(rf"after\s+(?P<ref>(?:sub-paragraph|paragraph|subsection)\s*\([^()]+\))\s*,?\s*{INSERT}"
                              rf"{DASH}{NEW_WORDS}(?P<new>{Q})(?P<more>)(?P<where>)", re.I)
#: The same, the words first: "insert “and” at the end of paragraph (c)".
_END_AFTER = re.compile(rf"insert\s+{NEW_WORDS}(?P<new>{Q})\s+at\s+the\s+(?P<where>end|beginning)"
                        rf"(?:\s+of\s+(?P<ref>.+?))?(?P<more>)", re.I)


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _AROUND.fullmatch(action)
    if m:
        return Read(Change(action="insert", words=words_of(m.group("w"), prose), new=words_of(m.group("new"), prose),
                           where="after" if m.group("where").lower() == "after" else "before",
                           each_place=each(m, ctx), occurrence=ordinal(m), with_structure=bool(m.group("more"))))
    m = _END.fullmatch(action) or _END_AFTER.fullmatch(action) or _AFTER_PROVISION.fullmatch(action)
    if m:
        targets = read_scope(m.group("ref"), ctx)[1] if m.group("ref") else None
        return Read(Change(action="insert", new=words_of(m.group("new"), prose),
                           where="at-beginning" if m.group("where").lower() == "beginning" else "at-end",
                           with_structure=bool(m.group("more"))), targets=targets)
    return None
