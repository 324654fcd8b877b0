"""``omit “x”`` (``in each place``, ``in the first place it occurs``); ``omit the words from “x” to “y”``;
``omit the words from the beginning to “x”`` (also without "the words": ``omit from the beginning to “x”``);
``omit the words following “x”``; ``the words “x” are repealed``; ``omit the “and” at the end of paragraph
(a)``, ``omit the “or” at the end``; ``the word “and” immediately following paragraph (a) is repealed``."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import (
    EACH,
    ORD,
    REPEALED,
    Ctx,
    Q,
    Read,
    each,
    ordinal,
    quoted_span,
    read_scope,
    words_of,
)
from lawtrack.acts.rules.substitute_words import FROM, TO_END

_OMIT = re.compile(
    rf"omit\s+(?:(?:the\s+words?\s+)?from\s+{FROM}\s+to\s+(?:(?P<b>{Q})|(?P<end>{TO_END}))"
    rf"|the\s+words?\s+(?:following|after)\s+(?P<f>{Q})"
    rf"|(?:the\s+words?\s+)?(?P<w>{Q})(?:\s+to\s+(?:(?P<b2>{Q})|(?P<end2>{TO_END})))?)"
    rf"(?P<each>{EACH})?{ORD}?", re.I)
_REPEALED = re.compile(
    rf"(?:the\s+words?\s+from\s+{FROM}\s+to\s+(?:(?P<b>{Q})|(?P<end>{TO_END}))"
    rf"|the\s+words?\s+(?:following|after)\s+(?P<f>{Q})"
    rf"|(?:the\s+words?\s+)?(?P<w>{Q}))(?P<each>{EACH})?{ORD}?\s*,?\s*{REPEALED}", re.I)
_NEXT_TO = re.compile(
    rf"(?:omit\s+(?:the\s+)?|the\s+)(?:words?\s+)?(?P<w>{Q})\s+(?:(?P<rel>at\s+the\s+end\s+of|immediately\s+(?:following|after)"
    rf"|immediately\s+(?:before|preceding)|(?:following|after|before|preceding))\s+(?P<ref>.+?)|(?P<own>at\s+the\s+end))"
    rf"(?:\s*,?\s*{REPEALED})?", re.I)


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _NEXT_TO.fullmatch(action)
    if m and (action.lower().startswith("omit") or re.search(r"(?:repealed|omitted)$", action)):
        # "omit the “or” at the end" (of the provision the words are in) / "… at the end of paragraph (a)"
        targets = None if m["own"] else read_scope(m.group("ref"), ctx)[1]
        before = not m["own"] and re.search(r"before|preceding", m.group("rel"), re.I) is not None
        # the word just after (or at the end of) the provision is at its end; the word before it is found in
        # the provision before it, at its end too — either way the last occurrence in the provision named
        return Read(Change(action="omit", words=words_of(m.group("w"), prose), occurrence=-1 if not before else 1,
                           where="before" if before else "after"), targets=targets)
    m = _REPEALED.fullmatch(action) or _OMIT.fullmatch(action)
    if not m:
        return None
    words, to, following = quoted_span(m, prose)
    return Read(Change(action="omit", words=words, to=to, following=following, from_beginning=bool(m["start"]),
                       each_place=each(m, ctx), occurrence=ordinal(m)))
