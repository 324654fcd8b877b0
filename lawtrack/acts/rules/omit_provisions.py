"""``omit subsection (3)``, ``omit section 215A``, ``omit sections 96 to 100``, ``omit the definition of “x”``,
``omit paragraph (a) (together with the “or” at the end of it)``, ``… (and the “and” at the end)``, ``omit
paragraph (b) and the “or” before it``, ``omit paragraph (c) and the “or” at the end of paragraph (b)``,
``omit section 269(6)(a), including the final “and”``, ``omit paragraph (b) (but not the “and” following it)``
(``… at the end``, ``omit paragraphs (b) and (c) (but not the “or” after them)``),
``omit section 19 and the italic heading before it``; ``omit the heading to section 28`` (the heading alone);
``omit the opening words`` (``the closing words``: the words, not the provision); ``section 5 is repealed``,
``subsection (2) is omitted`` (Scottish and older forms)."""

from __future__ import annotations

import re

from lawtrack.acts.model import Change
from lawtrack.acts.prose import Prose
from lawtrack.acts.rules.common import NUM, REPEALED, Ctx, Q, Read, read_scope, words_of
from lawtrack.model.labels import preceding_label

#: Where the word that goes with it stands: "at the end (of it)", "(immediately) before / after it".
_REL = r"at\s+the\s+end(?:\s+of\s+it)?|(?:immediately\s+)?(?:before|preceding|after|following)\s+it"
_WITH = (rf"(?:\s*\(\s*(?:together\s+with|and)\s+the\s+(?:words?\s+)?(?P<t>{Q})\s+(?P<trel>{_REL})\s*\)"
         rf"|\s*,?\s+and\s+the\s+(?:words?\s+)?(?P<t2>{Q})\s+(?P<trel2>{_REL})"
         # "omit paragraph (c) and the “or” at the end of paragraph (b)": the word ends the provision before
         rf"|\s*,?\s+and\s+the\s+(?:words?\s+)?(?P<t3>{Q})\s+at\s+the\s+end\s+of\s+"
         rf"(?:sub-paragraph|paragraph|subsection)\s+\((?P<prev>[0-9]+[A-Z]*|[a-zA-Z]+)\))?")
#: "including the final “and”": the word at the end of the provision, which goes with it anyway.
_INCLUDING = rf"(?:\s*,?\s*including\s+(?:the\s+)?{Q}(?:\s+in\s+the\s+last\s+place)?)?"
#: "(but not the “and” following it)": the word at the end of the provision stays, at the end of the one before.
_KEEP = (rf"(?:\s*\(\s*but\s+not\s+the\s+(?:words?\s+)?(?P<keep>{Q})\s+(?:(?:following|after)\s+(?:it|them)"
         r"|at\s+the\s+end(?:\s+of\s+(?:it|them))?)\s*\))?")
#: "omit section 19 and the italic heading before it", "omit sections 69 to 71 and the italic heading before
#: section 69": the cross-heading that the (first) section opens goes too.
_AND_HEADING = (r"(?P<andhd>\s*,?\s+(?:and|together\s+with)\s+the\s+(?:italic\s+|cross-)?heading\s+"
                rf"(?:immediately\s+)?(?:before|preceding)\s+(?:it|them|that\s+section|section\s+(?P<hs>{NUM})))?")
_OMIT = re.compile(rf"omit\s+(?P<ref>(?!«|the\s+words?\b).+?){_AND_HEADING}{_WITH}{_INCLUDING}{_KEEP}", re.I)
_REPEALED = re.compile(rf"(?P<ref>(?!«|the\s+words?\b).+?){_AND_HEADING}{_WITH}{_INCLUDING}{_KEEP}\s+{REPEALED}",
                       re.I)


def _just_before(previous: str, last: tuple[str, ...]) -> bool:
    """Whether ``previous`` is the label of the provision just before the one labelled ``last[0]``: "(b)" before
    "(c)", "(ii)" before "(iii)", "(2)" before "(3)"."""
    if not last:
        return False
    found = {preceding_label(last[0]), preceding_label(last[0], roman=True)}
    return ("after", previous) in found


def recognise(action: str, prose: Prose, ctx: Ctx) -> Read | None:
    m = _OMIT.fullmatch(action) or _REPEALED.fullmatch(action)
    if not m:
        return None
    act, targets, through = read_scope(m.group("ref"), ctx)
    together = m.group("t") or m.group("t2") or m.group("t3")
    rel = (m.group("trel") or m.group("trel2") or "").lower()
    side = "before" if ("before" in rel or "preceding" in rel or m.group("t3")) else "after"
    if m.group("t3") and not _just_before(m.group("prev"), targets[-1].path[-1:] if targets else ()):
        return None  # the word is at the end of a provision that is not the one before: say the form is unknown
    keep = words_of(m.group("keep"), prose)
    if keep and together:
        return None  # a word that goes and a word that stays: a form lawtrack has not seen
    heading = m.group("andhd") is not None
    if heading and (any(t.section is None or t.path for t in targets)
                    or (m.group("hs") and m.group("hs") != targets[0].section)):
        return None  # the heading before a section is a cross-heading's: only whole sections, the first named
    if any(t.opening_words or t.closing_words for t in targets):  # "omit the opening words": words, not the provision
        if together or keep or heading or through:
            return None
        return Read(Change(action="omit", from_beginning=True, to=""), targets=targets, act=act)
    if any(t.heading for t in targets):
        if not all(t.heading for t in targets) or together or keep or heading:
            return None  # a heading omitted with other things: a form lawtrack has not seen
        return Read(Change(action="omit", unit="heading"), targets=targets, act=act)  # the heading, not the section
    return Read(Change(action="omit", unit="provision", together_with=words_of(together, prose),
                       where=side if together else "replace", keep_word=keep, heading_too=heading), targets=targets,
                act=act, through=through)
