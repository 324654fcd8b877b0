"""The vocabulary the recognisers share: how an Act's provisions are cited, and how a citation ("subsection (4)
of that section", "paragraph 2(2) of Schedule 1", "the definition of «0»", "the heading to section 6") is read
against the provision the words are already in (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawtrack.acts.model import ORDINALS, Change, Target
from lawtrack.acts.prose import Prose
from lawtrack.amendments.model import OBJECT

Q = r"«\d+»"
OBJ = OBJECT
OBJS = rf"(?:{OBJ}\s*)+"
DASH = r"\s*[—–-]?\s*"
NUM = r"[0-9]+[A-Z]{0,4}"
LAB = r"\((?:[0-9]+[A-Z]{0,4}|[a-zA-Z]{1,6}[0-9]{0,2})\)"
ONE = rf"(?:{NUM}(?:\s?{LAB})*|{LAB}(?:\s?{LAB})*)"
LIST = rf"{ONE}(?:(?:\s*,\s*|\s+(?:and|or|to)\s+){ONE})*"
PROV = r"(?:sub-paragraphs?|paragraphs?|subsections?|sections?|Schedules?|Parts?|Chapters?|articles?)"
ACTS = r"(?:ACT|OTHERACT|THATACT|THISACT)"
#: "in each place it occurs", "(in each place)", "in both places", "wherever it occurs".
EACH = (r"(?:\s*,?\s*\(?\s*(?:in\s+(?:each|both|all)\s+places?(?:\s+(?:where\s+)?(?:it|they)\s+occurs?)?"
        r"|wherever\s+(?:it|they)\s+occurs?)\s*\)?\s*,?)")
ORD = r"(?:\s*,?\s*\(?\s*(?:in\s+the\s+|where\s+it\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|last)" \
      r"(?:\s+place(?:\s+(?:where\s+)?(?:it|they)\s+occurs?)?|\s+occurs)\s*\)?\s*,?)"
INSERT = r"(?:insert|there\s+(?:is|are|shall\s+be)\s+inserted)"
SUBSTITUTE = r"(?:substitute|there\s+(?:is|are|shall\s+be)\s+substituted)"
#: "is repealed", "are omitted", "shall be omitted" (Scottish and older forms of "omit").
REPEALED = r"(?:is|are|shall\s+be)\s+(?:repealed|omitted)"
#: What older drafting puts before the new words: "there are substituted the words “y”".
NEW_WORDS = r"(?:the\s+words?\s+)?"


@dataclass(frozen=True)
class Ctx:
    """What the words around an amending provision have said: which Act, where in it, and what "that section"
    means. ``act`` is "target" (the Act being scheduled), "other" or None (not said yet)."""

    act: str | None = None
    scope: Target = Target()  # noqa: RUF009 - frozen, so one shared default is safe
    last_section: str | None = None
    #: The Act "that Act" means: the last one named.
    last_act: str | None = None
    each_place: bool = False
    #: Several provisions named at once ("in paragraphs (a) and (b), omit …").
    many: tuple[Target, ...] = ()
    #: The quotations of the provision being read (``«0»`` is ``quotes[0]``).
    quotes: tuple[str, ...] = ()
    #: The provision the words before named last (a lead-in's or an earlier change's): what "that subsection"
    #: means when it is not the scope itself ("(a) in subsection (2), …; (b) in that subsection, …").
    last_named: Target | None = None
    #: What earlier provisions of the bill renumbered: ((the provision, the label its existing text took), …).
    renumbered: tuple[tuple[Target, str], ...] = ()

    def quote(self, token: str) -> str:
        m = re.fullmatch(r"«(\d+)»", token)
        return self.quotes[int(m.group(1))] if m and int(m.group(1)) < len(self.quotes) else token


def _with(target: Target, **changes: object) -> Target:
    return target.model_copy(update=changes)


class NotUnderstood(ValueError):
    """A citation lawtrack cannot read."""


_ITEM = re.compile(rf"(?P<kind>{PROV})\s*(?P<list>{LIST})$", re.I)
_ONE = re.compile(ONE)
_PART_SPLIT = re.compile(rf"\s+(?:of|to|in)\s+(?=(?:the\s+)?(?:{ACTS}|{PROV}\s*(?:\d|\()|that\s+(?:section|Schedule)))",
                         re.I)


def _that(kind: str, cur: Target, last: Target | None) -> Target:
    """What "that subsection" (paragraph, sub-paragraph) means: the one of that kind in the provision named last,
    when that is in the section or Schedule paragraph the words are about; else the scope itself."""
    if last is None or not last.path or (last.section, last.schedule) != (cur.section, cur.schedule):
        return cur
    if last.section is not None:
        depth = {"subsection": 1, "paragraph": 2, "sub-paragraph": 3}[kind]
        if not re.fullmatch(NUM, last.path[0]):  # a section without subsections: its paragraphs come first
            depth -= 1
    else:
        depth = {"paragraph": 1, "sub-paragraph": 2}.get(kind, 0)
    if depth <= 0 or len(last.path) < depth or (last.path[:depth] != cur.path[:depth] and len(cur.path) >= depth):
        return cur
    return last.model_copy(update={"path": last.path[:depth], "existing_text": last.existing_text
                                   and len(last.path) == depth, "definition": None, "definition_path": (),
                                   "opening_words": False, "closing_words": False, "heading": False})


def _items(text: str) -> tuple[list[tuple[str, tuple[str, ...]]], bool]:
    """ "212(8)" → [("212", ("8",))]; "(a) and (b)" → [("", ("a",)), ("", ("b",))]; a range ("96 to 100") is
    flagged."""
    found = []
    for m in _ONE.finditer(text):
        one = m.group(0)
        num = re.match(NUM, one)
        labels = tuple(re.findall(r"\(([^()]+)\)", one))
        found.append((num.group(0) if num else "", labels))
    through = bool(re.search(r"\bto\b", text)) and len(found) == 2
    return found, through


def _apply(part: str, cur: Target, ctx: Ctx) -> tuple[str | None, list[Target], bool]:
    """Read one part of a citation against ``cur``: (act named, targets, range?)."""
    p = part.strip()
    low = p.lower()
    if p in ("ACT", "OTHERACT", "THATACT", "THISACT"):
        return p, [Target()], False
    if low in ("that section", "the section"):
        if cur.section is None and ctx.last_section is None:
            raise NotUnderstood(f"“{p}”: no section has been named")
        return None, [Target(section=cur.section or ctx.last_section)], False
    if low in ("that subsection", "that paragraph", "that sub-paragraph"):
        return None, [_that(low.split()[1], cur, ctx.last_named)], False
    if low in ("that provision", "that definition", "the table"):  # "in the Table": the provision's own table
        return None, [cur], False
    m = re.fullmatch(rf"the\s+entry\s+(?:for|relating\s+to)\s+(?:(?P<q>{Q})|(?P<words>(?:the\s+)?[\w’' ()-]+?))", p,
                     re.I)
    if m:  # "the entry for “assured shorthold tenancy”", "the entry for the Commissioner"
        term = ctx.quote(m.group("q")) if m.group("q") else m.group("words")
        return None, [_with(cur, entry=term, column=None)], False
    m = re.fullmatch(r"the\s+(?P<n>first|second|third|fourth)\s+column", p, re.I)
    if m and cur.entry is not None:  # "in the entry for “x”, in the first column"
        return None, [_with(cur, column=ORDINALS[m.group("n").lower()])], False
    if low == "that schedule":
        return None, [Target(schedule=cur.schedule)], False
    m = re.fullmatch(rf"the\s+definitions?\s+of\s+(?P<terms>{Q}(?:(?:\s*,\s*|\s+and\s+){Q})*)", p, re.I)
    if m:
        # a definition named afresh: none of another definition's paragraphs
        terms = re.findall(Q, m.group("terms"))
        return None, [_with(cur, definition=ctx.quote(t), definition_path=()) for t in terms], False
    if re.fullmatch(r"the\s+(?:opening\s+words|words\s+(?:before|preceding)\s+.+)", p, re.I):
        return None, [_with(cur, opening_words=True)], False
    if re.fullmatch(r"the\s+(?:closing\s+words|words\s+(?:after|following)\s+.+)", p, re.I):
        return None, [_with(cur, closing_words=True)], False
    m = re.fullmatch(r"the\s+(?:italic\s+|cross-)?(?:cross-)?heading\s+(?:immediately\s+)?(?:before|preceding|above)\s+"
                     rf"(?P<kind>section|paragraph)\s+(?P<n>{NUM})", p, re.I)
    if m:
        if m.group("kind").lower() == "paragraph":  # a cross-heading in the Schedule the words are about
            if cur.schedule is None:
                raise NotUnderstood(f"“{p}”: no Schedule has been named")
            return None, [Target(schedule=cur.schedule, heading_before=m.group("n"))], False
        return None, [Target(heading_before=m.group("n"))], False
    if re.fullmatch(r"the\s+(?:heading|title)", p, re.I):
        return None, [_with(cur, heading=True)], False
    m = _ITEM.fullmatch(p)
    if not m:
        raise NotUnderstood(f"“{p}” is not a citation lawtrack knows")
    kind = m.group("kind").lower().rstrip("s")
    items, through = _items(m.group("list"))
    out: list[Target] = []
    for num, labels in items:
        if kind == "section":
            out.append(Target(section=num, path=labels))
        elif kind == "schedule":
            out.append(Target(schedule=num))
        elif kind == "part":
            out.append(Target(schedule=cur.schedule, part=num))
        elif kind == "chapter":
            out.append(Target(schedule=cur.schedule, part=cur.part, chapter=num))
        elif kind == "subsection":
            if cur.section is None:
                raise NotUnderstood(f"“{p}”: no section has been named")
            out.append(Target(section=cur.section, path=labels))
        elif kind in ("paragraph", "sub-paragraph") and not num and cur.definition is not None:
            # "in the definition of “worker”, in paragraph (b)": the definition's own paragraph, never the
            # section's
            out.append(_with(cur, definition_path=cur.definition_path + labels, opening_words=False,
                             closing_words=False))
        elif kind == "sub-paragraph":
            base = cur.path[:1] if cur.schedule is not None else cur.path
            out.append(_with(cur, path=base + labels, definition=None, opening_words=False, closing_words=False))
        elif kind == "paragraph" and num:
            out.append(Target(schedule=cur.schedule if cur.schedule is not None else "", path=(num, *labels)))
        elif kind == "paragraph":
            out.append(_with(cur, path=cur.path + labels, definition=None, opening_words=False, closing_words=False))
        else:
            raise NotUnderstood(f"“{p}”: lawtrack does not cite {kind}s")
    return None, out, through


def read_scope(text: str, ctx: Ctx) -> tuple[str | None, list[Target], bool]:
    """Read a citation ("subsection (4) of that section", "section 40(4) of OTHERACT", "the heading to section
    6") against the context: (the Act it names, if any; the targets; whether they are a range "X to Y")."""
    text = text.strip()
    act: str | None
    heading = re.match(r"the\s+(?:heading|title)\s+(?:of|to)\s+(?=(?:the\s+|that\s+)?(?:section|Chapter|Part|"
                       r"Schedule|paragraph))", text, re.I)
    if heading:
        act, targets, through = read_scope(text[heading.end():], ctx)
        return act, [_with(t, heading=True) for t in targets], through
    definition = re.match(rf"the\s+definitions?\s+of\s+{Q}(?:(?:\s*,\s*|\s+and\s+){Q})*\s+in\s+", text, re.I)
    if definition:
        act, targets, through = read_scope(text[definition.end():], ctx)
        terms = re.findall(Q, definition.group(0))
        return act, [_with(targets[0], definition=ctx.quote(t), definition_path=()) for t in terms], through
    parts = _PART_SPLIT.split(text)
    act = None
    cur = ctx.scope
    targets = [cur]
    through = False
    for part in reversed(parts):
        named, targets, through = _apply(part, cur, ctx)
        if named is not None:
            act = named
        cur = targets[0]
    return act, targets, through


def act_of(named: str | None, ctx: Ctx) -> str | None:
    """Which Act a citation's own Act token means, given the context."""
    if named is None:
        return ctx.act
    if named == "ACT":
        return "target"
    if named == "THATACT":
        return ctx.last_act or ctx.act
    return "other"


@dataclass(frozen=True)
class Read:
    """What a recogniser read: the change and where (``targets``; ``None`` means the context's scope)."""

    change: Change
    targets: list[Target] | None = None
    act: str | None = None  # an Act named inside the action itself ("after section 2 of ACT insert")
    through: bool = False


_BEFORE_ORD = re.compile(r"\bthe\s+(?P<ord>first|second|third|fourth|fifth|sixth|last|final)\s+(?:words?\s+)?"
                         r"(?P<q>«\d+»)(?!\s+to\b)", re.I)


def ordinal_after(action: str) -> str:
    """ "omit the final «0»", "for the second «0» substitute …" in the form the recognisers read: "omit «0» in
    the last place" (the last of the words in the provision), "for «0» in the second place substitute …"."""
    def say(m: re.Match[str]) -> str:
        word = m.group("ord").lower()
        return f"{m.group('q')} in the {'last' if word == 'final' else word} place"

    return _BEFORE_ORD.sub(say, action)


def ordinal(m: re.Match[str]) -> int | None:
    word = m.groupdict().get("ord")
    return ORDINALS[word.lower()] if word else None


def each(m: re.Match[str], ctx: Ctx) -> bool:
    return bool(m.groupdict().get("each")) or ctx.each_place


def words_of(token: str | None, prose: Prose) -> str:
    return prose.quote(token) if token else ""


def quoted_span(m: re.Match[str], prose: Prose) -> tuple[str, str | None, bool]:
    """The words a "“x”", "the words from “x” to “y”" / "to the end …" or "the words following “x”" group of
    a recogniser's match cites: (words, ``to`` — None, the end word, or "" for the end —, following?)."""
    g = m.groupdict()
    words = words_of(g.get("a") or g.get("w") or g.get("f"), prose)
    to: str | None = None
    if g.get("b") or g.get("b2"):
        to = words_of(g.get("b") or g.get("b2"), prose)
    elif g.get("end") or g.get("end2"):
        to = ""
    return words, to, bool(g.get("f"))
