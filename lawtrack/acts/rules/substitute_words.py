"""``for “x” substitute “y”``; ``for the words from “x” to “y” substitute …`` (both ends go, as in an Act);
``for “x” to the end of that paragraph substitute …``; ``for the words from the beginning to “x” substitute
…``; ``for the words following “x” substitute …``; ``for the words before paragraph (a) substitute …`` (the
opening words), ``for the closing words substitute …``; with ``in each place it occurs`` or ``in the second place it
occurs``."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import (
    DASH,
    EACH,
    NEW_WORDS,
    OBJ,
    OBJS,
    ORD,
    SUBSTITUTE,
    Ctx,
    Q,
    Read,
    each,
    ordinal,
    quoted_span,
    words_of,
)

_OF_UNIT = r"(?:\s+of\s+(?:that|the)\s+(?:sub-paragraph|paragraph|subsection|section|definition|entry))?"
TO_END = rf"the\s+end{_OF_UNIT}"
#: Where "the words from … to …" start: quoted words, or the beginning (of the provision).
FROM = rf"(?:(?P<a>{Q})|(?P<start>the\s+beginning{_OF_UNIT}))"
_FORM = re.compile(
    rf"for\s+(?:the\s+words?\s+from\s+{FROM}\s+to\s+(?:(?P<b>{Q})|(?P<end>{TO_END}))"
    rf"|the\s+words?\s+(?:following|after)\s+(?P<f>{Q})"
    rf"|(?:the\s+words?\s+)?(?P<w>{Q})(?:\s+to\s+(?:(?P<b2>{Q})|(?P<end2>{TO_END})))?)"
    rf"(?P<each>{EACH})?{ORD}?\s*,?\s*{SUBSTITUTE}{DASH}{NEW_WORDS}(?P<new>{Q}|{OBJ})(?P<more>\s*{OBJS})?",
    re.I)


#: "for the words before paragraph (a) substitute “…”", "for the opening words substitute “…”": the provision's
#: words before its first sub-provision.
_OPENING = re.compile(rf"for\s+the\s+(?:(?P<which>opening|closing)\s+words|words\s+(?:before|preceding)\s+"
                      rf"(?:paragraph|sub-paragraph)\s+\((?:a|i)\))\s*,?\s*{SUBSTITUTE}{DASH}{NEW_WORDS}"
                      rf"(?P<new>{Q})", re.I)


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _OPENING.fullmatch(action)
    if m:
        which = "closing_words" if (m.group("which") or "").lower() == "closing" else "opening_words"
        return Read(Change(action="substitute", from_beginning=True, to="", new=words_of(m.group("new"), prose)),
                    targets=[ctx.scope.model_copy(update={which: True})])
    m = _FORM.fullmatch(action)
    if not m:
        return None
    if m.group("new") == OBJ:
        return None  # words replaced by a quoted structure: a provision form
    words, to, following = quoted_span(m, prose)
    return Read(Change(action="substitute", words=words, to=to, following=following, from_beginning=bool(m["start"]),
                       new=words_of(m.group("new"), prose), each_place=each(m, ctx), occurrence=ordinal(m),
                       with_structure=bool(m.group("more"))))
