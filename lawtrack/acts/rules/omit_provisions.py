"""``omit subsection (3)``, ``omit section 215A``, ``omit sections 96 to 100``, ``omit the definition of “x”``,
``omit paragraph (a) (together with the “or” at the end of it)``, ``omit paragraph (b) and the “or” before
it``; ``section 5 is repealed`` (Scottish and older forms)."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import Ctx, Q, Read, read_scope, words_of

_WITH = (rf"(?:\s*\(\s*together\s+with\s+the\s+(?:words?\s+)?(?P<t>{Q})\s+(?P<trel>at\s+the\s+end\s+of\s+it|"
         rf"(?:immediately\s+)?(?:before|preceding|after|following)\s+it)\s*\)"
         rf"|\s*,?\s+and\s+the\s+(?:words?\s+)?(?P<t2>{Q})\s+(?P<trel2>at\s+the\s+end\s+of\s+it|"
         rf"(?:immediately\s+)?(?:before|preceding|after|following)\s+it))?")
_OMIT = re.compile(rf"omit\s+(?P<ref>(?!«|the\s+words?\b).+?){_WITH}", re.I)
_REPEALED = re.compile(rf"(?P<ref>(?!«|the\s+words?\b).+?){_WITH}\s+(?:is|are)\s+repealed", re.I)


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _OMIT.fullmatch(action) or _REPEALED.fullmatch(action)
    if not m:
        return None
    act, targets, through = read_scope(m.group("ref"), ctx)
    together = m.group("t") or m.group("t2")
    rel = (m.group("trel") or m.group("trel2") or "").lower()
    side = "before" if ("before" in rel or "preceding" in rel) else "after"
    return Read(Change(action="omit", unit="provision", together_with=words_of(together, prose),
                       where=side if together else "replace"), targets=targets, act=act, through=through)
