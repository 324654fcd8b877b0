"""``the existing text becomes subsection (1)``, ``the existing text of section 5 becomes subsection (1) of that
section``, ``section 5 is renumbered as subsection (1) of that section``, ``the existing provision becomes
sub-paragraph (1)`` — a provision without subdivisions becomes the first of them, so that the next provision of
the bill can add a second ("(b) after that subsection insert— (2) …")."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import Ctx, NotUnderstood, Read, read_scope

_BECOMES = r"(?:becomes?|shall\s+become|is\s+to\s+become|(?:is|are)\s+(?:to\s+be\s+)?renumbered\s+as)"
_FORM = re.compile(
    rf"(?:the\s+existing\s+(?:text|provisions?|words)(?:\s+of\s+(?P<ref>.+?))?|(?P<cited>.+?))\s+{_BECOMES}\s+"
    r"(?P<kind>subsection|sub-paragraph|paragraph)\s+\((?P<label>[0-9]+[A-Z]*|[a-z]+)\)"
    r"(?:\s+of\s+(?:that|the)\s+(?:section|paragraph|provision))?", re.I)


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _FORM.fullmatch(action)
    if not m:
        return None
    act, targets = None, [ctx.scope]
    ref = m.group("ref") or m.group("cited")
    if ref:
        try:
            act, targets, _ = read_scope(ref, ctx)
        except NotUnderstood:
            if m.group("cited"):
                return None  # not a citation that is renumbered: some other form
            raise
    kind = m.group("kind").lower()
    return Read(Change(action="renumber", unit="provision", kind=kind, labels=(m.group("label"),)),
                targets=targets, act=act)
