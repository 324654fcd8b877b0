"""``the heading of the section becomes “…”``, ``the title to the section becomes “…”`` (Scottish form)."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import Ctx, Q, Read, read_scope, words_of

_FORM = re.compile(rf"the\s+(?:heading|title)(?:\s+(?:of|to)\s+(?P<ref>.+?))?\s+(?:becomes|is\s+to\s+become|is\s+now)"
                   rf"\s+(?P<new>{Q})", re.I)


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _FORM.fullmatch(action)
    if not m:
        return None
    act, targets = None, [ctx.scope]
    if m.group("ref"):
        act, targets, _ = read_scope(m.group("ref"), ctx)
    return Read(Change(action="substitute", unit="heading", new=words_of(m.group("new"), prose)),
                targets=[t.model_copy(update={"heading": True}) if not t.heading_before else t for t in targets],
                act=act)
