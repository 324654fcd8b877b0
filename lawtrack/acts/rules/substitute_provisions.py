"""``for subsection (1) substitute—`` (a quoted structure), ``for section 215 substitute—``, ``for the
definition of “x” substitute—``, ``for paragraphs (a) and (b) substitute—``; a heading: ``for the italic heading
before section 28 substitute “…”`` (or a quoted cross-heading: its heading is the new words)."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import DASH, OBJS, SUBSTITUTE, Ctx, Q, Read, read_scope, words_of

_FORM = re.compile(rf"for\s+(?P<ref>(?!«).+?)\s*,?\s*{SUBSTITUTE}{DASH}(?P<new>{OBJS}|{Q})", re.I)


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _FORM.fullmatch(action)
    if not m:
        return None
    act, targets, through = read_scope(m.group("ref"), ctx)
    if m.group("new").startswith("«"):
        if all(t.heading or t.heading_before for t in targets):
            return Read(Change(action="substitute", unit="heading", new=words_of(m.group("new"), prose)),
                        targets=targets, act=act)
        return None
    if all(t.heading or t.heading_before for t in targets):
        # "For the italic heading before section 44 substitute— “Data subject’s rights to information”": a
        # cross-heading given as a quoted structure, whose heading is the new words
        return Read(Change(action="substitute", unit="heading", with_structure=True), targets=targets, act=act)
    if any(t.heading or t.heading_before or t.opening_words or t.closing_words for t in targets):
        return None  # words or a heading replaced by a quoted structure: not the provision, a form not seen
    return Read(Change(action="substitute", unit="provision"), targets=targets, act=act, through=through)
