"""A provision of a bill: Part, Chapter, cross-heading, clause, subsection, paragraph, Schedule …

Provisions are frozen. Each carries its identity (``guid``), its positional label (``eid``), its printed number,
its heading, its plain text (NFC) and the printed line anchors that fall inside that text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from lawtrack.model.record import Record


class Kind(StrEnum):
    """What a provision is: Part, clause, subsection, Schedule, definition …

    >>> import lawtrack
    >>> lawtrack.Kind("subsection") is lawtrack.Kind.SUBSECTION
    True
    """

    PART = "part"
    CHAPTER = "chapter"
    CROSSHEADING = "crossheading"
    CLAUSE = "clause"  # <section> in the body
    SUBSECTION = "subsection"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    SUBSUBPARAGRAPH = "subsubparagraph"
    DEFINITION = "definition"
    SCHEDULES = "schedules"
    SCHEDULE = "schedule"
    ARTICLE = "article"
    LEVEL = "level"  # unnumbered or unclassified level
    OTHER = "other"  # an hcontainer of a name lawtrack does not know


#: Kinds that group provisions without being cited in amendments by number.
GROUPING_KINDS = frozenset({Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING, Kind.SCHEDULES})


class LineSpan(NamedTuple):
    """Where one printed line (page, line) falls in a provision's ``text``: ``text[start:end]``.

    A named tuple rather than a model: a large bill has tens of thousands of them.

    >>> import lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> p = lawtrack.load_bill(hl54).provision("clause 1")
    >>> span = p.lines[1]
    >>> (span.page, span.line), p.text[span.start:span.end][:30]
    ((1, 3), 'In section 92K of the Housing ')
    """

    page: int
    line: int
    start: int
    end: int


class Mark(NamedTuple):
    """Inline markup over ``text[start:end]``: a term, a cross-reference, an amendment (``mod``) and so on.

    >>> import lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> p = lawtrack.load_bill(hl54).provision("clause 1")
    >>> sorted({m.tag for m in p.marks})
    ['inline', 'mod', 'quotedStructure']
    """

    tag: str
    start: int
    end: int
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None


@dataclass(frozen=True, kw_only=True)
class Provision(Record):
    """A provision: its identity (``guid``), label (``eid``, ``num``), heading, printed text (NFC) and the printed
    lines that text falls on, its inline marks and its children.

    >>> import lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> p = lawtrack.load_bill(hl54).provision("clause 1")
    >>> p.kind, p.num, p.heading, p.lines[0]
    (<Kind.CLAUSE: 'clause'>, '1', 'Fundamental objectives', LineSpan(page=1, line=2, start=0, end=24))
    >>> [c.num for c in p.children]
    ['(a)', '(b)', '(c)']
    """

    kind: Kind
    element: str
    guid: str | None = None
    eid: str | None = None
    num: str | None = None
    label: str | None = None
    heading: str | None = None
    text: str = ""
    #: Offset in ``text`` where the provision's own words end and its first child provision starts.
    own_end: int = 0
    lines: tuple[LineSpan, ...] = ()
    marks: tuple[Mark, ...] = ()
    #: True inside a ``quotedStructure``: words inserted into another Act, not provisions of this bill.
    quoted: bool = False
    children: tuple[Provision, ...] = ()

    @classmethod
    def fast(cls, **values: Any) -> Provision:
        """The same as ``Provision(**values)``, for readers that build thousands of provisions: the values go into
        the instance's dict at once (a frozen dataclass's ``__init__`` sets each field through
        ``object.__setattr__``); a field left out reads as its default."""
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    # -- navigation -----------------------------------------------------------------------------------------
    def walk(self) -> Iterator[Provision]:
        """This provision and every descendant, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def numbered_children(self) -> Iterator[Provision]:
        """Children cited by number, looking through grouping containers (cross-headings, Parts)."""
        for child in self.children:
            if child.kind in GROUPING_KINDS or (child.label is None and child.kind is not Kind.DEFINITION):
                yield from child.numbered_children()
            else:
                yield child

    def child(self, label: str) -> Provision | None:
        """The child numbered ``label`` — else the one so numbered inside a definition, when only one is ("(b)" of
        "“x” means— (a) … (b) …" in subsection (6))."""
        for child in self.numbered_children():
            if child.label is not None and child.label.lower() == label.lower():
                return child
        inside = [c for d in self.children if d.kind is Kind.DEFINITION for c in d.numbered_children()
                  if c.label is not None and c.label.lower() == label.lower()]
        return inside[0] if len(inside) == 1 else None

    def offset_of(self, descendant: Provision) -> int | None:
        """Where ``descendant`` starts in this provision's ``text`` (0 for the provision itself; None when it is
        not a descendant). Each child's text stands in its parent's, in order, after the one before it.

        >>> import lawtrack
        >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
        >>> p = lawtrack.load_bill(hl54).provision("clause 1")
        >>> at = p.offset_of(p.children[1])
        >>> p.text[at:at + 30] == p.children[1].text[:30]
        True
        """
        off, node = 0, self
        while node is not descendant:
            cursor = node.own_end
            for child in node.children:
                at = node.text.find(child.text, cursor)
                if at < 0:
                    return None
                if any(d is descendant for d in child.walk()):
                    off, node = off + at, child
                    break
                cursor = at + len(child.text)
            else:
                return None
        return off

    @property
    def own_text(self) -> str:
        """The provision's words before its first child (its number, heading, intro)."""
        return self.text[: self.own_end]

    def line_span(self, page: int, line: int) -> tuple[int, int] | None:
        for span in self.lines:
            if span.page == page and span.line == line:
                return span.start, span.end
        return None

    def line_text(self, page: int, line: int) -> str | None:
        found = self.line_span(page, line)
        return None if found is None else self.text[found[0] : found[1]]

    @property
    def first_line(self) -> tuple[int, int] | None:
        return (self.lines[0].page, self.lines[0].line) if self.lines else None

    @property
    def last_line(self) -> tuple[int, int] | None:
        return (self.lines[-1].page, self.lines[-1].line) if self.lines else None

    def describe(self) -> str:
        """A human name: "Clause 5", "subsection (2)", "Schedule 2"."""
        if self.kind is Kind.CLAUSE:
            return f"Clause {self.label}" if not self.quoted else f"section {self.label}"
        if self.kind in (Kind.SCHEDULE, Kind.PART, Kind.CHAPTER) and self.num:
            return self.num
        if self.kind is Kind.CROSSHEADING:
            return f"cross-heading “{self.heading or ''}”"
        if self.kind is Kind.DEFINITION:
            return "definition" + (f" “{self.label}”" if self.label else "")
        if self.num:
            return f"{self.kind.value} {self.num}"
        return self.kind.value
