"""Read a LawMaker bill (Akoma Ntoso 3.0 + ``ukl:``) into the typed model, and write it back losslessly.

The reader keeps the parsed document as the bill's source of truth (so writing it back is lossless: processing
instructions, comments, namespaces and whitespace are all kept) and derives the typed provisions from it in one
pass over the tree: plain text, printed-line anchors (``<?L page-line?>``) and inline marks. That pass runs on
first use (:class:`LawmakerProvisions`); a clause looked up before it is read on its own.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import sub
from typing import Any, NamedTuple

from lxml import etree

from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import AKN_NS, local
from lawtrack.formats.xmlsafe import parse_xml
from lawtrack.gcpause import collector_paused
from lawtrack.model.address import label_of
from lawtrack.model.bill import Bill, BillMetadata
from lawtrack.model.provision import Kind, LineSpan, Mark, Provision

_WS = re.compile(r"\s+")
_LINE_PI = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")

_LEVEL_CLASS = {
    "para1": Kind.PARAGRAPH,
    "para2": Kind.SUBPARAGRAPH,
    "para3": Kind.SUBSUBPARAGRAPH,
    "para4": Kind.SUBSUBPARAGRAPH,
    "schProv1": Kind.PARAGRAPH,
    "schProv2": Kind.SUBPARAGRAPH,
    "schPara1": Kind.SUBPARAGRAPH,
    "schPara2": Kind.SUBSUBPARAGRAPH,
}
_HCONTAINER_NAME = {
    "crossheading": Kind.CROSSHEADING,
    "definition": Kind.DEFINITION,
    "schedule": Kind.SCHEDULE,
    "schedules": Kind.SCHEDULES,
}
_TAG_KIND = {
    "part": Kind.PART,
    "chapter": Kind.CHAPTER,
    "section": Kind.CLAUSE,
    "subsection": Kind.SUBSECTION,
    "paragraph": Kind.PARAGRAPH,
    "subparagraph": Kind.SUBPARAGRAPH,
    "article": Kind.ARTICLE,
    "level": Kind.LEVEL,
    "hcontainer": Kind.OTHER,
}
#: Elements whose content starts a new block of text (a new line in ``Provision.text``).
_BLOCK = frozenset(
    {
        "heading", "subheading", "p", "intro", "content", "wrapUp", "blockList", "item", "listIntroduction",
        "listWrapUp", "tblock", "table", "tr", "block", "blockContainer", "quotedStructure", "crossHeading",
        "longTitle", "formula", "foreign",
    }
)
_CELL = frozenset({"td", "th"})
_AKN_BRACE = "{" + AKN_NS + "}"
_AKN_BRACE_LEN = len(_AKN_BRACE)
#: Elements whose content is not printed in the running text (margin notes).
_SKIP = frozenset({"authorialNote", "meta", "toc"})
#: Inline elements recorded as marks, with the attributes worth keeping.
_MARK_ATTRS = ("href", "name", "class", "refersTo", "startQuote", "endQuote")
_MARK_TAGS = frozenset(
    {
        "ref", "mref", "rref", "term", "def", "i", "b", "u", "sup", "sub", "mod", "quotedStructure", "quotedText",
        "inline", "abbr", "span", "a", "date", "person", "role", "organization", "location", "concept", "noteRef",
    }
)


#: Tags whose provision kind depends on the element's attributes.
_BY_ATTR = frozenset({"hcontainer", "level", "subparagraph"})
#: Per qualified tag: (local name, its provision kind by tag alone — AKN tags only —, whether the kind depends on
#: the element's attributes).
#: A document has a few dozen distinct tags; the walk looks each one up instead of slicing every element's tag.
_TAGS: dict[str, tuple[str, Kind | None, bool]] = {}


def _tag_info(qname: str) -> tuple[str, Kind | None, bool]:
    in_akn = qname.startswith(_AKN_BRACE)
    tag = qname[_AKN_BRACE_LEN:] if in_akn else qname.rpartition("}")[2]
    info = (tag, _TAG_KIND.get(tag) if in_akn else None, tag in _BY_ATTR)
    if len(_TAGS) < 4096:  # bounded: a hostile document may invent any number of tags
        _TAGS[qname] = info
    return info


def provision_kind(el: etree._Element, tag: str) -> Kind | None:
    kind = _TAG_KIND.get(tag)
    if kind is None:
        return None
    if tag == "hcontainer":
        return _HCONTAINER_NAME.get(el.get("name", ""), Kind.OTHER)
    if tag == "level":
        return _LEVEL_CLASS.get(el.get("class", ""), Kind.LEVEL)
    if tag == "subparagraph" and el.get("class") == "schProv3":
        return Kind.SUBSUBPARAGRAPH
    return kind


class Segment(NamedTuple):
    """A printed chunk of text and the XML slot it came from (``node.text``, ``node.tail`` or a quote mark)."""

    offset: int  # where it starts in the provision's text
    length: int
    node: etree._Element
    slot: str  # "text", "tail", "startQuote" or "endQuote"
    raw: str  # the slot's raw string (before whitespace was collapsed)


@dataclass(slots=True)
class _Rec:
    kind: Kind
    tag: str
    guid: str | None
    eid: str | None
    quoted: bool
    start: int = -1
    end: int = -1
    own_end: int = -1
    num: tuple[int, int] | None = None
    heading: tuple[int, int] | None = None
    children: list[_Rec] = field(default_factory=list)
    node: etree._Element | None = None


class _Sink:
    """Accumulates plain text with collapsed whitespace and resolves positions lazily.

    A position registered with :meth:`at_next` resolves to the offset of the next printed character, so a line
    anchor or a provision start never points at a separator.
    """

    __slots__ = ("anchors", "length", "parts", "pending", "segments", "sep", "sticky")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sep = ""
        self.sticky = ""  # "weak": the separator may not widen to a space; "strong": nor to a new line
        self.pending: list[tuple[list[int], int]] = []
        self.anchors: list[list[int]] = []  # [page, line, offset]
        #: When recording (for editing): (offset, length, node, slot, raw) of every printed chunk.
        self.segments: list[Segment] | None = None

    def at_next(self, holder: list[int], index: int) -> None:
        self.pending.append((holder, index))

    def space(self) -> None:
        if not self.sep and not self.sticky:
            self.sep = " "

    def block(self) -> None:
        if self.sticky != "strong":
            self.sep = "\n"
            self.sticky = ""

    def hold(self, sep: str, *, strong: bool = False) -> None:
        """Use ``sep`` before the next character: against spaces only, or (``strong``) against block
        boundaries too (after a provision's number)."""
        self.sep = sep
        self.sticky = "strong" if strong else "weak"

    def text(self, raw: str | None, node: etree._Element | None = None, slot: str = "") -> None:
        if not raw:
            return
        if raw.isspace():
            if not self.sep and not self.sticky:
                self.sep = " "
            return
        # printable with no double space: its only white space is single spaces, so collapsing changes nothing
        s = raw if raw.isprintable() and "  " not in raw else _WS.sub(" ", raw)
        if s[0] == " ":
            self.space()
            s = s[1:]
        if not s:
            return
        trailing = s[-1] == " "
        if trailing:
            s = s[:-1]
        if not s.isascii() and not unicodedata.is_normalized("NFC", s):
            s = unicodedata.normalize("NFC", s)
        if self.sep:
            if self.length:
                self.parts.append(self.sep)
                self.length += 1
            self.sep = ""
        self.sticky = ""
        if self.pending:
            for holder, index in self.pending:
                holder[index] = self.length
            self.pending.clear()
        if self.segments is not None and node is not None:
            self.segments.append(Segment(self.length, len(s), node, slot, raw))
        self.parts.append(s)
        self.length += len(s)
        if trailing:
            self.sep = " "

    def settle(self, holder: list[int]) -> None:
        """If ``holder[0]`` is still waiting for a character (nothing was printed), pin it here."""
        if holder[0] < 0:
            self.pending = [(h, i) for h, i in self.pending if h is not holder]
            holder[0] = self.length


class _Walker:
    def __init__(self) -> None:
        self.sink = _Sink()
        self.marks: list[tuple[str, list[int], tuple[tuple[str, str], ...]]] = []

    def walk_children(self, el: etree._Element, parent: _Rec | None, out: list[_Rec], quoted: bool) -> None:
        sink = self.sink
        for child in el:
            tag = child.tag
            if isinstance(tag, str):
                self.walk(child, parent, out, quoted)
            elif tag is etree.ProcessingInstruction and child.target == "L":
                m = _LINE_PI.match(child.text or "")
                if m:
                    holder = [int(m.group(1)), int(m.group(2)), -1]
                    sink.anchors.append(holder)
                    sink.at_next(holder, 2)
            if child.tail:
                sink.text(child.tail, child, "tail")

    def walk(self, el: etree._Element, parent: _Rec | None, out: list[_Rec], quoted: bool) -> None:
        qname = el.tag  # an element: the caller skips comments and processing instructions
        tag, kind, by_attr = _TAGS.get(qname) or _tag_info(qname)
        if tag in _SKIP:
            return
        sink = self.sink
        if by_attr and kind is not None:
            kind = provision_kind(el, tag)
        if kind is not None:
            rec = _Rec(kind, tag, el.get("GUID"), el.get("eId"), quoted, node=el)
            sink.block()
            pos = [-1, -1]
            sink.at_next(pos, 0)
            sink.text(el.text, el, "text")
            self.walk_children(el, rec, rec.children, quoted)
            sink.settle(pos)
            rec.start = pos[0]
            rec.end = sink.length
            rec.own_end = rec.children[0].start if rec.children else rec.end
            out.append(rec)
            sink.block()
            return
        if tag == "num" or tag == "heading":
            pos = [-1, -1]
            if tag == "heading":
                sink.block()
            sink.at_next(pos, 0)
            sink.text(el.text, el, "text")
            self.walk_children(el, parent, out, quoted)
            sink.settle(pos)
            span = (pos[0], sink.length)
            if parent is not None and el.getparent() is not None:
                if tag == "num" and parent.num is None:
                    parent.num = span
                elif tag == "heading" and parent.heading is None:
                    parent.heading = span
            if tag == "num":
                sink.hold(" ", strong=True)
            else:
                sink.block()
            return
        is_quote = tag in ("quotedStructure", "quotedText")
        mark_pos: list[int] | None = None
        if tag in _MARK_TAGS:
            mark_pos = [-1, -1]
            attrs = tuple((k, el.get(k, "")) for k in _MARK_ATTRS if el.get(k) is not None)
            self.marks.append((tag, mark_pos, attrs))
        if tag in _BLOCK:
            sink.block()
        elif tag in _CELL:
            sink.space()
        if mark_pos is not None:
            sink.at_next(mark_pos, 0)
        if is_quote and el.get("startQuote"):
            sink.text(el.get("startQuote"), el, "startQuote")
            sink.hold("", strong=True)
        sink.text(el.text, el, "text")
        self.walk_children(el, parent, out, quoted or tag == "quotedStructure")
        if is_quote and el.get("endQuote"):
            sink.hold("")
            sink.text(el.get("endQuote"), el, "endQuote")
            sink.hold("")
        if mark_pos is not None:
            sink.settle(mark_pos)
            mark_pos[1] = sink.length
        if tag in _BLOCK and not (is_quote and el.get("endQuote")):
            sink.block()
        elif tag in _CELL:
            sink.space()


class _Text(NamedTuple):
    """The bill's running text and what every provision's lines and marks are cut from."""

    text: str
    pages: list[int]  # each anchor's page, by offset
    numbers: list[int]  # each anchor's line number
    offsets: list[int]  # each anchor's offset
    ends: list[int]  # where each anchor's line ends: the next anchor (or the end), less trailing white space
    mark_starts: list[int]
    marks: list[Mark]


_new_tuple = tuple.__new__


def _line_spans(t: _Text, lo: int, hi: int, start: int, end: int) -> tuple[LineSpan, ...]:
    """The printed lines of ``text[start:end]``: anchors ``lo`` to ``hi - 1`` (the first is the line it starts on),
    each from its anchor (the first from ``start``) to where the line ends, less the white space that ends it (the
    last to ``end``, less the same). The lines in between are made by C iterators: a bill has tens of thousands."""
    pages, numbers, offsets, ends = t.pages, t.numbers, t.offsets, t.ends
    last = hi - 1
    first_start = offsets[lo] if offsets[lo] > start else start
    tail_end = _trimmed(t.text, end, start)
    first_end = ends[lo] if lo < last else tail_end
    first = LineSpan(pages[lo], numbers[lo], first_start - start,
                     (first_end if first_end > first_start else first_start) - start)
    if lo == last:
        return (first,)
    # between the first and the last, every anchor is after ``start`` and the next one before ``end``
    shift = repeat(start)
    middle = map(_new_tuple, repeat(LineSpan), zip(
        pages[lo + 1 : last], numbers[lo + 1 : last], map(sub, offsets[lo + 1 : last], shift),
        map(sub, ends[lo + 1 : last], shift), strict=True))
    off = offsets[last]
    final = LineSpan(pages[last], numbers[last], off - start, (tail_end if tail_end > off else off) - start)
    return (first, *middle, final)


def _trimmed(text: str, end: int, floor: int) -> int:
    while end > floor and text[end - 1] in " \n":
        end -= 1
    return end


def _build(rec: _Rec, t: _Text, known: MutableMapping[Any, Provision] | None = None) -> Provision:
    if known and rec.node is not None:
        found = known.get(rec.node)
        if found is not None:
            return found
    text, offsets = t.text, t.offsets
    start = rec.start if rec.start >= 0 else rec.end
    end = max(rec.end, start)
    # printed lines: the line this provision starts on, then every anchor inside it, each without the white
    # space that ends it (a line that ends at the provision's end is cut there)
    lo = max(bisect_right(offsets, start) - 1, 0)
    hi = bisect_left(offsets, end, lo)
    if hi == lo and lo < len(offsets) and offsets[lo] <= end:
        hi = lo + 1
    lines = _line_spans(t, lo, hi, start, end) if hi > lo else ()
    # marks inside the provision
    mark_starts = t.mark_starts
    j0 = bisect_left(mark_starts, start)
    j1 = bisect_right(mark_starts, end, j0)  # empty marks at the very end belong here too
    pmarks = tuple([Mark(m.tag, m.start - start, m.end - start, m.attrs) for m in t.marks[j0:j1]
                    if m.end <= end and (m.start < end or m.start == m.end)]) if j1 > j0 else ()
    children = tuple([_build(c, t, known) for c in rec.children]) if rec.children else ()
    num = text[rec.num[0] : rec.num[1]].strip() if rec.num and rec.num[0] >= 0 else None
    heading = text[rec.heading[0] : rec.heading[1]].strip() if rec.heading and rec.heading[0] >= 0 else None
    own_end = min(max(rec.own_end, start), end) - start
    return Provision.fast(
        kind=rec.kind,
        element=rec.tag,
        guid=rec.guid,
        eid=rec.eid,
        num=num or None,
        label=label_of(num),
        heading=heading or None,
        text=text[start:end],
        own_end=own_end,
        lines=lines,
        marks=pmarks,
        quoted=rec.quoted,
        children=children,
    )


def provisions_of(container: etree._Element, known: MutableMapping[Any, Provision] | None = None
                  ) -> tuple[Provision, ...]:
    """Typed provisions (with text, lines and marks) of the provision elements inside ``container``; a provision
    whose element is in ``known`` is that one (read before, alone)."""
    with collector_paused():
        walker = _Walker()
        recs: list[_Rec] = []
        walker.walk_children(container, None, recs, False)
        return tuple(_finish(walker, recs, known))


def provision_elements(container: etree._Element) -> list[etree._Element]:
    """The provision elements inside ``container``, in the order :func:`provisions_of` reads them (the order of
    ``Provision.walk()`` over what it returns): the way to a provision's element when it has no eId. The same
    elements the reader's walk records, found without building any text."""
    out: list[etree._Element] = []
    stack = [c for c in reversed(container) if isinstance(c.tag, str)]
    while stack:
        el = stack.pop()
        qname = str(el.tag)
        tag, kind, _ = _TAGS.get(qname) or _tag_info(qname)
        if tag in _SKIP:
            continue
        if kind is not None:  # what the attributes say refines the kind, never unmakes a provision
            out.append(el)
        stack.extend(c for c in reversed(el) if isinstance(c.tag, str))
    return out


def _finish(walker: _Walker, recs: list[_Rec], known: MutableMapping[Any, Provision] | None = None
            ) -> list[Provision]:
    text = "".join(walker.sink.parts)
    anchors = [(a[0], a[1], a[2]) for a in walker.sink.anchors if a[2] >= 0]
    anchors.sort(key=lambda a: a[2])
    offsets = [a[2] for a in anchors]
    nexts = [*offsets[1:], len(text)] if offsets else []
    ends = [_trimmed(text, nxt, off) for off, nxt in zip(offsets, nexts, strict=True)]
    pages, numbers = [a[0] for a in anchors], [a[1] for a in anchors]
    marks = sorted(
        (Mark(t, p[0], max(p[1], p[0]), attrs) for t, p, attrs in walker.marks
         if p[0] >= 0),
        key=lambda m: m.start,
    )
    t = _Text(text, pages, numbers, offsets, ends, [m.start for m in marks], marks)
    return [_build(r, t, known) for r in recs]


class TextMap(NamedTuple):
    """The printed text of one provision element, where each chunk lives in the XML, and its provisions."""

    text: str
    segments: list[Segment]
    provisions: list[ProvisionSpan]


class ProvisionSpan(NamedTuple):
    node: etree._Element
    start: int
    end: int
    children: list[ProvisionSpan]


def _spans(recs: list[_Rec]) -> list[ProvisionSpan]:
    return [ProvisionSpan(r.node, r.start if r.start >= 0 else r.end, r.end, _spans(r.children))
            for r in recs if r.node is not None]


def text_map(element: etree._Element) -> TextMap:
    """Map one provision element: its text (exactly ``Provision.text``), segments and nested provision spans.

    The segments let an editor turn text offsets back into positions in ``node.text`` / ``node.tail`` strings.
    """
    walker = _Walker()
    walker.sink.segments = []
    recs: list[_Rec] = []
    walker.walk(element, None, recs, False)
    return TextMap("".join(walker.sink.parts), walker.sink.segments, _spans(recs))


def _vars(bill_el: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for ref in bill_el.iterfind(f"{{{AKN_NS}}}meta/{{{AKN_NS}}}references/*"):
        eid = ref.get("eId")
        if eid:
            out[eid] = ref.get("showAs", "")
    return out


#: A placeholder's value after expansion is a title or a URI: anything longer is a placeholder bomb.
MAX_METADATA_CHARS = 10_000
_PLACEHOLDER = re.compile(r"#var[A-Za-z0-9_]+")


def _resolve(value: str | None, variables: dict[str, str], source: str = "<input>") -> str | None:
    """Expand ``#var…`` placeholders (which may refer to placeholders, four levels deep), bounded in size."""
    if value is None:
        return None
    for _ in range(4):
        expanded = _PLACEHOLDER.sub(lambda m: variables.get(m.group(0)[1:], m.group(0)), value)
        if len(expanded) > MAX_METADATA_CHARS:
            raise LawtrackError(f"a metadata placeholder expands to more than {MAX_METADATA_CHARS:,} characters",
                                source=source, expected="#var… values that are titles, numbers or URIs")
        if expanded == value:
            break
        value = expanded
    return value.strip()


def _plain(el: etree._Element | None) -> str | None:
    """Printed text of an element (margin notes left out), NFC, whitespace collapsed."""
    if el is None:
        return None
    walker = _Walker()
    walker.walk(el, None, [], False)
    return "".join(walker.sink.parts).strip() or None


def metadata_of(bill_el: etree._Element, source_format: str = "lawmaker", source: str = "<input>") -> BillMetadata:
    v = _vars(bill_el)
    ident = bill_el.find(f"{{{AKN_NS}}}meta/{{{AKN_NS}}}identification")

    def frbr(path: str) -> str | None:
        if ident is None:
            return None
        node = ident.find(path, {"a": AKN_NS})
        return _resolve(node.get("value"), v, source) if node is not None else None

    long_title = _plain(bill_el.find(f"{{{AKN_NS}}}preface//{{{AKN_NS}}}longTitle"))
    if long_title is None:
        long_title = _plain(bill_el.find(f".//{{{AKN_NS}}}longTitle"))
    if long_title is not None:
        long_title = long_title.replace("\n", " ")
    return BillMetadata(
        short_title=_resolve(v.get("varBillTitle"), v, source) or frbr("a:FRBRWork/a:FRBRname") or "",
        long_title=long_title,
        number=v.get("varBillNo") or None,
        house=v.get("varHouse") or None,
        session=v.get("varSession") or v.get("varSessionNo") or None,
        stage_version=v.get("varStageVersion") or None,
        project_id=v.get("varProjectId") or None,
        work_uri=frbr("a:FRBRWork/a:FRBRthis"),
        expression_uri=frbr("a:FRBRExpression/a:FRBRthis"),
        publication_date=v.get("varPublicationDate") or None,
        document_type=bill_el.get("name"),
        identifier=v.get("varMd_identifier") or None,  # an Act imported from Markdown ("ukpga-2024-21")
        source_format=source_format,
        variables=tuple(v.items()),
    )


def sourceline(el: etree._Element) -> int | None:
    """The line an element starts on in its document (lxml's stubs type this loosely)."""
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else None


def bill_element(root: etree._Element, source: str) -> etree._Element:
    if root.tag != f"{{{AKN_NS}}}akomaNtoso":
        raise LawtrackError(
            f"root element is <{local(root.tag) or root.tag}> in namespace "
            f"{etree.QName(root).namespace or '(none)'}, not a LawMaker document",
            source=source,
            line=sourceline(root),
            expected=f"<akomaNtoso xmlns=\"{AKN_NS}\"> containing <bill>",
        )
    bill_el = root.find(f"{{{AKN_NS}}}bill")
    if bill_el is None:
        found = [local(c.tag) for c in root if isinstance(c.tag, str)]
        raise LawtrackError(
            f"Akoma Ntoso document holds {', '.join('<' + f + '>' for f in found) or 'nothing'}, not a bill",
            source=source,
            line=sourceline(root),
            expected="<bill> (an amendment paper is read with load_amendments)",
        )
    return bill_el


_SECTION = f"{{{AKN_NS}}}section"
_NUM = f"{{{AKN_NS}}}num"
#: Where a section is not one of the bill's own clauses, or is not read alone: quoted, not printed, or inside a
#: mark (whose span a read of the whole bill gives to the mark's provision).
_NOT_ALONE_INSIDE = frozenset({"quotedStructure", *_SKIP, *_MARK_TAGS})


class LawmakerProvisions:
    """The provisions of a bill's body, built on first use (:class:`lawtrack.model.bill.ProvisionSource`).

    The whole body is read in one pass when a bill needs its tree. Before that, a clause looked up by number,
    eId or GUID is read alone — when it reads exactly as the whole read gives it (:func:`_fresh`) — and the
    whole read later keeps that clause, so it is the same object either way.
    """

    def __init__(self, body: etree._Element) -> None:
        self.body = body

    def build(self, known: MutableMapping[Any, Provision]) -> tuple[Provision, ...]:
        return provisions_of(self.body, known)

    def _own_clause(self, el: etree._Element) -> bool:
        """Whether a section is one of the bill's clauses and may be read alone."""
        for above in el.iterancestors():
            if above is self.body:
                return True
            if local(above.tag) in _NOT_ALONE_INSIDE:
                return False
        return False

    def clause_elements(self) -> list[tuple[str, Any]] | None:
        out: list[tuple[str, Any]] = []
        for el in self.body.iter(_SECTION):
            if not self._own_clause(el):
                continue
            first = next(el.iter(_NUM), None)
            if first is None or first.getparent() is not el or any(isinstance(c.tag, str) for c in first):
                return None  # the reader's number would need the walk (or a clause has none)
            # its words: the text, and the text after each line anchor (or comment) in it
            raw = "".join([first.text or "", *(c.tail or "" for c in first)])
            num = unicodedata.normalize("NFC", _WS.sub(" ", raw).strip())
            out.append(((label_of(num) or "").lower(), el))
        return out

    def read_clause(self, element: Any) -> Provision | None:
        with collector_paused():
            provision, alone = _fresh(element)
        return provision if alone else None

    def only_with(self, attribute: str, value: str) -> tuple[int, Any | None]:
        if attribute not in ("eId", "GUID"):
            raise ValueError(f"lookup by {attribute!r}: expected eId or GUID")
        found = self.body.getroottree().getroot().xpath(f"//*[@{attribute}=$v]", v=value)
        elements = found if isinstance(found, list) else []
        if len(elements) != 1:
            return min(len(elements), 2), None
        el = elements[0]
        own = isinstance(el, etree._Element) and el.tag == _SECTION and self._own_clause(el)
        return 1, el if own else None


def bill_from_tree(root: etree._Element, source: str, source_format: str = "lawmaker",
                   notes: tuple[str, ...] = ()) -> Bill:
    """The typed model over ``root`` (which the bill then owns and never changes); its provisions are built
    on first use."""
    bill_el = bill_element(root, source)
    body = bill_el.find(f"{{{AKN_NS}}}body")
    return Bill.from_tree(
        root,
        metadata=metadata_of(bill_el, source_format, source),
        provisions=LawmakerProvisions(body) if body is not None else (),
        source=source,
        notes=notes,
    )


def read_lawmaker(data: bytes, source: str = "<input>") -> Bill:
    root = parse_xml(data, source)
    return bill_from_tree(root, source)


XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>'


def write_lawmaker(root: etree._Element) -> bytes:
    """Serialise a LawMaker document, keeping everything the reader kept."""
    body = etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=False)
    return XML_DECLARATION + body


# -- incremental rebuild ------------------------------------------------------------------------------------------

#: Provisions rebuilt from their parts when only some of those changed (clauses and their parts are read afresh:
#: measured, that is faster than putting them together).
_GROUPING = frozenset({Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING, Kind.SCHEDULES, Kind.SCHEDULE})


#: The last line anchor before an element that the reader prints: not one in what it skips (margin notes …).
_PRECEDING_ANCHOR = etree.XPath(
    "preceding::processing-instruction('L')[not(ancestor::*["
    + " or ".join(f"local-name()='{name}'" for name in sorted(_SKIP)) + "])][1]")


def _preceding_anchor(el: etree._Element) -> tuple[int, int] | None:
    """The (page, line) of the last line anchor before ``el`` in document order."""
    found = _PRECEDING_ANCHOR(el)
    if isinstance(found, list) and found:
        m = _LINE_PI.match(getattr(found[0], "text", "") or "")
        if m:
            return int(m.group(1)), int(m.group(2))
    return None


def _fresh(el: etree._Element) -> tuple[Provision, bool]:
    """Read one provision element on its own, giving it the printed line it starts on when that line's anchor
    comes before it (as a read of the whole document would).

    Also says whether it reads the same inside its container as alone, so that the container can be put
    together from its parts. It does not when what it starts or ends with reaches beyond it in a whole read: a
    line anchor with no printed word after it (that line goes to what follows), a number with no words after it
    (what follows is printed on its line), or several anchors before its first word (the lines in between are
    its container's, printed empty)."""
    walker = _Walker()
    recs: list[_Rec] = []
    walker.walk(el, None, recs, False)
    anchors = walker.sink.anchors
    alone = not (anchors and anchors[-1][2] < 0) and walker.sink.sticky != "strong" \
        and sum(1 for a in anchors if a[2] == 0) <= 1
    if not anchors or anchors[0][2] > 0 or anchors[0][2] < 0:
        seed = _preceding_anchor(el)
        if seed is not None:
            walker.sink.anchors.insert(0, [seed[0], seed[1], 0])
    return _finish(walker, recs)[0], alone


_XML_SPACE = " \t\r\n"


def _first_of(el: etree._Element) -> bool | None:
    """True when a line anchor comes first in ``el``, False when text (other than XML white space) does, None
    when neither is there: a walk in document order that stops at the first of them."""
    if el.text and el.text.strip(_XML_SPACE):
        return False
    for child in el:
        tag = child.tag
        if isinstance(tag, str):  # an element (comments and processing instructions have a function as tag)
            found = _first_of(child)
            if found is not None:
                return found
        elif tag is etree.ProcessingInstruction and child.target == "L":
            return True
        if child.tail and child.tail.strip(_XML_SPACE):
            return False
    return None


def _starts_with_anchor(el: etree._Element) -> bool:
    """Whether a line anchor comes before the first printed word of ``el`` (its first line is its own): the
    XPath ``(.//text()[normalize-space()] | .//processing-instruction('L'))[1]`` is a processing instruction,
    found without evaluating the whole union over ``el``."""
    return _first_of(el) is True


def _merge_lines(pieces: list[tuple[int, tuple[LineSpan, ...], bool]]) -> tuple[LineSpan, ...]:
    """Concatenate the line spans of consecutive pieces of text. A piece that does not open with its own anchor
    continues the previous piece's last printed line, so those two spans are one line."""
    out: list[LineSpan] = []
    for offset, lines, own_anchor in pieces:
        for k, span in enumerate(lines):
            shifted = LineSpan(span.page, span.line, span.start + offset, span.end + offset)
            if k == 0 and out and not own_anchor and (out[-1].page, out[-1].line) == (span.page, span.line):
                last = out[-1]
                out[-1] = LineSpan(last.page, last.line, last.start, max(last.end, shifted.end))
            else:
                out.append(shifted)
    return tuple(out)


def _group(el: etree._Element, old: Provision, children: list[Provision], elements: list[etree._Element]
           ) -> Provision | None:
    """Rebuild a grouping provision from its (partly new) children, or None when it was not simply its own
    words followed by its children's: its text and its marks must be its own and then its children's."""
    own = old.own_text if old.children else old.text
    if old.text != own + "\n".join(c.text for c in old.children):
        return None
    if not children:
        return None
    if len(old.marks) != sum(1 for m in old.marks if m.end <= len(own)) + sum(len(c.marks) for c in old.children):
        return None
    pieces: list[tuple[int, tuple[LineSpan, ...], bool]] = []
    own_lines = []
    for span in old.lines:
        if span.start < len(own):
            end = min(span.end, len(own))
            while end > span.start and own[end - 1] in " \n":
                end -= 1
            own_lines.append(LineSpan(span.page, span.line, span.start, end))
    pieces.append((0, tuple(own_lines), True))
    parts = [own]
    offset = len(own)
    marks = [m for m in old.marks if m.end <= len(own)]
    for i, child in enumerate(children):
        if i:
            parts.append("\n")
            offset += 1
        pieces.append((offset, child.lines, _starts_with_anchor(elements[i])))
        marks.extend(Mark(m.tag, m.start + offset, m.end + offset, m.attrs) for m in child.marks)
        parts.append(child.text)
        offset += len(child.text)
    text = "".join(parts)
    return replace(old, text=text, own_end=len(own) if own else old.own_end, lines=_merge_lines(pieces),
                   marks=tuple(marks), children=tuple(children))


def _rebuild_level(container: etree._Element, old_children: dict[str, Provision], dirty: set[int]
                   ) -> tuple[list[Provision], list[etree._Element]] | None:
    out: list[Provision] = []
    elements: list[etree._Element] = []
    for child in container:
        tag = local(child.tag)
        if not tag:
            continue
        kind = provision_kind(child, tag) if str(child.tag).startswith("{" + AKN_NS) else None
        if kind is None:
            if id(child) in dirty or child.tag in (f"{{{AKN_NS}}}num", f"{{{AKN_NS}}}heading"):
                if id(child) in dirty:
                    return None  # words outside any provision changed: rebuild the container itself
                continue
            if any(provision_kind(d, local(d.tag)) for d in child.iter() if local(d.tag) and d is not child):
                return None  # provisions nested in a wrapper: not a simple level
            continue
        elements.append(child)
        old = old_children.get(child.get("eId") or child.get("GUID") or "")
        if old is not None and id(child) not in dirty:
            out.append(old)
            continue
        if old is not None and kind in _GROUPING:
            inner = _rebuild_level(child, {c.eid or c.guid or "": c for c in old.children}, dirty)
            grouped = _group(child, old, inner[0], inner[1]) if inner is not None else None
            if grouped is not None:
                out.append(grouped)
                continue
        fresh, alone = _fresh(child)
        lost = old is not None and (bool(old.num) > bool(fresh.num) or bool(old.heading) > bool(fresh.heading))
        if not alone or lost:
            return None  # it does not read the same in its container (or its number or heading was left out)
        out.append(fresh)
    return out, elements


def rebuild_bill(old: Bill, root: etree._Element, changed: list[etree._Element], source: str) -> Bill:
    """The bill for an edited copy of ``old``'s document, re-reading only what ``changed`` touched.

    Gives the same model as :func:`bill_from_tree` on the whole document (a property the tests check); falls
    back to a full read when the structure is not simple enough to patch.
    """
    # lxml creates element proxies on demand: ids are stable only while a reference is held, so keep them.
    # Dirty: each changed node, everything in it (an inserted provision may reuse the eIds of the one it
    # replaces, and must not be matched with it) and its ancestors.
    keep: dict[int, etree._Element] = {}
    for node in changed:
        for inner in node.iterdescendants():
            keep[id(inner)] = inner
        current: etree._Element | None = node
        while current is not None and id(current) not in keep:
            keep[id(current)] = current
            current = current.getparent()
    dirty = set(keep)
    bill_el = bill_element(root, source)
    body = bill_el.find(f"{{{AKN_NS}}}body")
    level = None
    if body is not None:
        level = _rebuild_level(body, {p.eid or p.guid or "": p for p in old.provisions}, dirty)
    if level is None:
        return bill_from_tree(root, source, old.metadata.source_format, old.notes)
    preface = bill_el.find(f"{{{AKN_NS}}}preface")
    metadata = old.metadata
    if preface is not None and id(preface) in dirty:  # the long title was amended
        metadata = metadata_of(bill_el, old.metadata.source_format, source)
    return Bill.from_tree(root, metadata=metadata, provisions=tuple(level[0]), source=source, notes=old.notes)


def read_unit(el: etree._Element, kind: Kind = Kind.OTHER) -> Provision:
    """Any element read as one provision — its printed text (exactly ``text_map(el).text``), its printed lines and
    marks — for text that is not a provision of the body, such as the long title."""
    walker = _Walker()
    sink = walker.sink
    rec = _Rec(kind, local(el.tag), el.get("GUID"), el.get("eId"), False, node=el)
    pos = [-1, -1]
    sink.at_next(pos, 0)
    sink.text(el.text, el, "text")
    walker.walk_children(el, rec, rec.children, False)
    sink.settle(pos)
    rec.start, rec.end = pos[0], sink.length
    rec.own_end = rec.children[0].start if rec.children else rec.end
    return _finish(walker, [rec])[0]


def long_title_element(root: etree._Element) -> etree._Element | None:
    """The bill's long title (in the preface, else anywhere), or None."""
    found = root.find(f".//{{{AKN_NS}}}preface//{{{AKN_NS}}}longTitle")
    return found if found is not None else root.find(f".//{{{AKN_NS}}}longTitle")
