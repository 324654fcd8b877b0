"""Edit a LawMaker document through offsets in a provision's printed text.

An :class:`Editor` collects edits, all expressed against the *original* text of provisions (so that page/line
references keep pointing at the print the amendments were tabled against), then applies them in one pass:
string slots are edited from the back, so earlier offsets stay valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from lawtrack.formats.akn import local
from lawtrack.formats.lawmaker import ProvisionSpan, Segment, TextMap, text_map

_WS = re.compile(r"\s")
_EDITABLE = ("text", "tail")
#: Inline elements that may be removed when an edit empties them.
_INLINE = frozenset({"ref", "mref", "rref", "term", "def", "i", "b", "u", "sup", "sub", "span", "abbr", "date",
                     "inline", "person", "role", "organization", "location", "concept", "quotedText"})


class EditError(Exception):
    """An edit that cannot be made on this document (the caller turns it into an outcome)."""


def raw_positions(raw: str) -> list[int]:
    """For each character of the collapsed form of ``raw`` (as the reader prints it), its index in ``raw``;
    plus one last entry, the raw index just after the last printed character."""
    if raw.isprintable() and "  " not in raw:
        # its only white space is single spaces (most text): the printed form is ``raw`` less an opening and a
        # closing space
        start = 1 if raw[:1] == " " else 0
        end = len(raw) - 1 if len(raw) > start and raw[-1] == " " else len(raw)
        return [*range(start, end), end]
    return scan_raw_positions(raw)


def scan_raw_positions(raw: str) -> list[int]:
    """:func:`raw_positions` for any string, character by character."""
    out: list[int] = []
    i, n = 0, len(raw)
    while i < n and _WS.match(raw[i]):
        i += 1
    last_end = i
    while i < n:
        if _WS.match(raw[i]):
            j = i
            while j < n and _WS.match(raw[j]):
                j += 1
            if j == n:
                break
            out.append(i)
            i = j
            continue
        out.append(i)
        i += 1
        last_end = i
    out.append(last_end)
    return out


@dataclass
class _SlotEdit:
    start: int
    end: int
    text: str
    seq: int


@dataclass
class Editor:
    """Collects edits for one document and applies them together."""

    slot_edits: dict[tuple[int, str], tuple[etree._Element, str, list[_SlotEdit]]] = field(default_factory=dict)
    removals: list[etree._Element] = field(default_factory=list)
    emptied: list[etree._Element] = field(default_factory=list)
    maps: dict[int, TextMap] = field(default_factory=dict)
    seq: int = 0
    #: Elements whose content :meth:`apply` changed (for re-reading only what changed).
    changed: list[etree._Element] = field(default_factory=list)
    #: The slot of every edit recorded, in order: a checkpoint is a length, a rollback pops (O(edits undone)).
    _log: list[tuple[int, str]] = field(default_factory=list)

    def map_of(self, element: etree._Element) -> TextMap:
        key = id(element)
        if key not in self.maps:
            self.maps[key] = text_map(element)
        return self.maps[key]

    # -- all or nothing -------------------------------------------------------------------------------------
    def checkpoint(self) -> tuple[int, int, int, int]:
        """The recorded state, to go back to with :meth:`rollback` when an amendment fails part-way."""
        return len(self._log), len(self.removals), len(self.emptied), self.seq

    def rollback(self, mark: tuple[int, int, int, int]) -> None:
        """Forget every edit recorded since ``mark`` (nothing has touched the document yet)."""
        logged, removals, emptied, seq = mark
        while len(self._log) > logged:
            key = self._log.pop()
            edits = self.slot_edits[key][2]
            edits.pop()
            if not edits:
                del self.slot_edits[key]
        del self.removals[removals:]
        del self.emptied[emptied:]
        self.seq = seq

    # -- recording ------------------------------------------------------------------------------------------
    def _slot(self, seg: Segment, start: int, end: int, text: str) -> None:
        key = (id(seg.node), seg.slot)
        entry = self.slot_edits.setdefault(key, (seg.node, seg.slot, []))
        entry[2].append(_SlotEdit(start, end, text, self.seq))
        self._log.append(key)

    def _positions(self, seg: Segment) -> list[int]:
        positions = raw_positions(seg.raw)
        if len(positions) != seg.length + 1:
            raise EditError("the text here is not in normal form (NFC) in the XML and cannot be edited safely")
        return positions

    def insert(self, element: etree._Element, pos: int, words: str, *, lean: str = "before") -> None:
        """Insert ``words`` at ``pos`` of the element's text. ``lean`` says which side a boundary belongs to:
        "before" puts the words at the end of the chunk ending at ``pos`` ("after “x” insert"), "after" at the
        start of the chunk starting there ("before “x” insert"). Never into a provision being removed (the words
        would go with it): at ``pos`` where one starts, they go at the end of the text before it."""
        self.seq += 1
        tm = self.map_of(element)
        removed = {id(n) for el in self.removals for n in el.iter()}
        segments = [seg for seg in tm.segments if seg.slot in _EDITABLE and id(seg.node) not in removed]
        chosen: Segment | None = None
        for seg in segments:
            if seg.offset < pos < seg.offset + seg.length:
                chosen = seg
                break
            if pos == seg.offset + seg.length and lean == "before":
                chosen = seg
            if pos == seg.offset and (lean == "after" or chosen is None):
                chosen = seg
                if lean == "after":
                    break
        if chosen is None:
            chosen = self._nearest(segments, pos)
            if chosen.offset + chosen.length < pos and words and not words[0].isspace():
                words = " " + words  # after the text before a separator (a provision removed there)
            elif chosen.offset > pos and words and not words[-1].isspace():
                words += " "  # nothing before: at the start of the text after
        positions = self._positions(chosen)
        raw_at = positions[min(max(pos - chosen.offset, 0), chosen.length)]
        self._slot(chosen, raw_at, raw_at, words)

    def _nearest(self, segments: list[Segment], pos: int) -> Segment:
        """The editable chunk ending closest before ``pos`` (a position on a separator between blocks)."""
        best: Segment | None = None
        for seg in segments:
            if seg.offset + seg.length <= pos:
                best = seg
        if best is None:
            if segments:
                return segments[0]
            raise EditError("there is no text here to edit")
        return best

    def delete(self, element: etree._Element, start: int, end: int, replacement: str = "") -> None:
        """Delete ``text[start:end]`` of the element (whole provisions inside the range go as elements)."""
        self.seq += 1
        tm = self.map_of(element)
        whole: list[ProvisionSpan] = []
        self._covered(tm.provisions, start, end, whole, top=True)
        skip = {id(n) for span in whole for n in span.node.iter()}
        inserted = replacement == ""
        if start < end and tm.text[start] == " " and not any(
                seg.offset <= start < seg.offset + seg.length for seg in tm.segments):
            # the range opens on a space printed between two chunks: it is the trailing space of the chunk before
            for seg in tm.segments:
                if seg.offset + seg.length == start and seg.slot in _EDITABLE:
                    positions = self._positions(seg)
                    if positions[-1] < len(seg.raw):
                        self._slot(seg, positions[-1], len(seg.raw), "")
                    break
        for seg in tm.segments:
            s0, s1 = seg.offset, seg.offset + seg.length
            if s1 <= start or s0 >= end or id(seg.node) in skip:
                continue
            if seg.slot == "tail" and id(seg.node) in skip:
                continue
            if seg.slot not in _EDITABLE:
                raise EditError("the range crosses a quotation mark of quoted text; leave out whole provisions "
                                "or words on one side of it")
            positions = self._positions(seg)
            # a range running past a chunk takes the chunk's surrounding whitespace with it (it printed as the
            # separator, which the range covers too)
            a = 0 if start < s0 else positions[start - s0]
            b = len(seg.raw) if end > s1 else positions[end - s0]
            if not inserted:
                self._slot(seg, a, b, replacement)
                inserted = True
            else:
                self._slot(seg, a, b, "")
            if start <= s0 and s1 <= end and seg.slot == "text" and local(seg.node.tag) in _INLINE:
                self.emptied.append(seg.node)
        self.removals.extend(span.node for span in whole)
        if not inserted:  # the whole range was provisions: the words go where the first one was
            self.insert(element, start, replacement)

    def _covered(self, spans: list[ProvisionSpan], start: int, end: int, out: list[ProvisionSpan],
                 top: bool) -> None:
        for span in spans:
            if top and span.start <= start and span.end >= end and not (span.start == start and span.end == end):
                self._covered(span.children, start, end, out, top=False)  # the element itself stays
            elif start <= span.start and span.end <= end and span.end > span.start:
                out.append(span)
            elif span.start < end and span.end > start:
                self._covered(span.children, start, end, out, top=False)

    def remove(self, element: etree._Element) -> None:
        self.removals.append(element)

    # -- applying -------------------------------------------------------------------------------------------
    def apply(self) -> None:
        for node, slot, edits in self.slot_edits.values():
            value = (node.text if slot == "text" else node.tail) or ""
            for e in sorted(edits, key=lambda e: (e.start, e.end, e.seq), reverse=True):
                value = value[: e.start] + e.text + value[e.end :]
            if slot == "text":
                node.text = value
                self.changed.append(node)
            else:
                node.tail = value
                parent = node.getparent()
                self.changed.append(parent if parent is not None else node)
        for el in self.emptied:
            parent = el.getparent()
            if parent is not None and not "".join(str(t) for t in el.itertext()).strip() and not len(el):
                self.changed.append(parent)
                remove_keep_tail(el)
        for el in self.removals:
            parent = el.getparent()
            if parent is not None:
                self.changed.append(parent)
                remove_keep_tail(el)
        self.slot_edits.clear()
        self._log.clear()
        self.removals.clear()
        self.emptied.clear()
        self.maps.clear()


def remove_keep_tail(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
