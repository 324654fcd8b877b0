"""The bill: metadata plus a tree of provisions, backed by its LawMaker document.

A :class:`Bill` is immutable. It owns the parsed LawMaker document it was read from (or that the Markdown reader
built) and never changes it; functions that amend a bill work on a copy (:meth:`Bill.copy_tree`) and build a new
bill from it. Writing XML therefore gives back exactly what was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from lawtrack.errors import LawtrackError
from lawtrack.model.address import ProvisionRef, parse_ref
from lawtrack.model.provision import Kind, Provision
from lawtrack.model.record import Record

if TYPE_CHECKING:
    from lxml import etree

_GUID_RE = re.compile(r"^_?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_EID_RE = re.compile(r"^[a-z][a-zA-Z0-9]*(?:_[A-Za-z0-9]+)*(?:__[a-zA-Z][a-zA-Z0-9]*(?:_[A-Za-z0-9]+)*)*$")


#: How many clauses a bill reads alone before it reads the whole bill instead.
_MAX_READ_ALONE = 16

#: Writers registered by :mod:`lawtrack.formats` (the model never imports the formats: they sit above it).
_WRITERS: dict[str, Callable[..., Any]] = {}


def register_writers(**writers: Callable[..., Any]) -> None:
    """Called by :mod:`lawtrack.formats` with its ``xml``, ``markdown`` and ``json`` writers."""
    _WRITERS.update(writers)


def _writer(kind: str) -> Callable[..., Any]:
    found = _WRITERS.get(kind)
    if found is None:
        raise LawtrackError(f"no {kind} writer is registered", expected="lawtrack.formats imported (it registers them)")
    return found


class ProvisionSource(Protocol):
    """How a bill builds its provisions on first use: the reader that made the bill implements it (over the
    document, which the model never reads itself). Elements are the reader's; the model only holds them."""

    def build(self, known: MutableMapping[Any, Provision]) -> tuple[Provision, ...]:
        """Every provision, reusing (by identity) the clauses already read alone, keyed by their elements."""

    def clause_elements(self) -> list[tuple[str, Any]] | None:
        """The bill's own clauses as (label in lower case, element), in document order — or None when a label
        cannot be known without reading the provision (then nothing is read alone)."""

    def read_clause(self, element: Any) -> Provision | None:
        """The clause at ``element`` read on its own, exactly as a read of the whole bill gives it — or None
        when it does not read the same alone."""

    def only_with(self, attribute: str, value: str) -> tuple[int, Any | None]:
        """How many elements of the document have ``attribute`` = ``value`` (0, 1, or 2 for "more"), and the
        element when it is the only one and a clause of the bill."""


@dataclass(frozen=True, kw_only=True)
class BillMetadata(Record):
    """What the document says about itself: titles, number, House, session, the print (stage version).

    >>> import lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> md = lawtrack.load_bill(hl54).metadata
    >>> md.short_title, md.house, md.project_id
    ('Social Housing (Regulation) Bill [HL]', 'House of Lords', 'UK000276')
    """

    short_title: str
    long_title: str | None = None
    number: str | None = None  # "HL Bill 54", "Bill 314"
    house: str | None = None  # "House of Lords"
    session: str | None = None  # "58/3"
    stage_version: str | None = None  # "As amended in Committee"
    project_id: str | None = None  # LawMaker project, "UK000276"
    work_uri: str | None = None
    expression_uri: str | None = None
    publication_date: str | None = None
    document_type: str | None = None  # LawMaker bill name: "ukpubb", "sppubb"
    identifier: str | None = None  # e.g. "ukpga-2024-21" for an Act imported from Markdown
    source_format: str = "lawmaker"
    #: Every LawMaker ``#var…`` placeholder and its value, as found in ``meta/references``.
    variables: tuple[tuple[str, str], ...] = ()

    def variable(self, name: str) -> str | None:
        for key, value in self.variables:
            if key == name:
                return value
        return None


@dataclass(frozen=True, kw_only=True)
class LineHit(Record):
    """A provision that has words on a printed line, and where they are in its text.

    >>> import lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> hit = lawtrack.load_bill(hl54).at_line(1, 3)[0]
    >>> hit.provision.eid, hit.words[:40]
    ('sec_1', 'In section 92K of the Housing and Regene')
    """

    provision: Provision
    start: int
    end: int

    @property
    def words(self) -> str:
        return self.provision.text[self.start : self.end]


_FIELDS = ("metadata", "provisions", "source", "notes")


@dataclass(frozen=True, kw_only=True)
class _BillFields(Record):
    """A bill's four fields, as pydantic dumps them."""

    metadata: BillMetadata
    provisions: tuple[Provision, ...]
    source: str
    notes: tuple[str, ...]


class Bill:
    """A bill (or an Act): metadata and the provision tree, backed by the LawMaker document it was read from.

    Immutable; addressed by citation, eId, GUID and printed page/line. A bill read from LawMaker XML builds its
    provisions on first use: looking up one clause (by number, eId or GUID) reads only that clause, and anything
    that needs the whole tree (``provisions``, a walk, a printed line) reads the rest, keeping that clause.

    >>> import lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> bill = lawtrack.load_bill(hl54)
    >>> len(bill.clauses()), [s.num for s in bill.schedules()][:2]
    (39, ['Schedule 1', 'Schedule 2'])
    >>> p = bill.provision("clause 1(a)")
    >>> p.eid, bill.by_eid(p.eid) is p, bill.by_guid(p.guid) is p
    ('sec_1__para_a', True, True)
    """

    metadata: BillMetadata
    provisions: tuple[Provision, ...]
    #: Where the bill was read from (a path or "<bytes>"), for messages.
    source: str
    #: What an importer could not use (line numbers and reasons); not part of the bill's identity.
    notes: tuple[str, ...]

    # The bill's own state, not part of it: the document, the indexes built on first use, and — until the
    # provisions are built — what builds them, the clauses read alone so far (by element), and the clause
    # elements by label. Class attributes are the defaults; a bill sets its own in its ``__dict__``.
    _root: Any = None
    _by_guid: dict[str, Provision] | None = None
    _by_eid: dict[str, Provision] | None = None
    _by_line: dict[tuple[int, int], list[LineHit]] | None = None
    _parents: dict[int, Provision] | None = None
    _clauses: list[Provision] | None = None
    _clause_by_label: dict[str, Provision] | None = None
    _lazy: ProvisionSource | None = None
    _known: dict[Any, Provision] | None = None
    _lazy_clauses: dict[str, Any] | None = None
    _lazy_lookups: int = 0

    def __init__(self, *, metadata: BillMetadata, provisions: tuple[Provision, ...], source: str = "<input>",
                 notes: tuple[str, ...] = ()) -> None:
        self.__dict__.update(metadata=metadata, provisions=provisions, source=source, notes=notes)

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.startswith("_"):
            raise AttributeError(f"Bill is frozen: cannot assign to field {name!r}")
        self.__dict__[name] = value

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Bill is frozen: cannot delete field {name!r}")

    @classmethod
    def from_tree(
        cls,
        root: etree._Element,
        *,
        metadata: BillMetadata,
        provisions: tuple[Provision, ...] | ProvisionSource,
        source: str,
        notes: tuple[str, ...] = (),
    ) -> Bill:
        """A bill over ``root``: with its provisions, or with what builds them on first use."""
        bill = cls.__new__(cls)
        bill.__dict__.update(metadata=metadata, source=source, notes=notes, _root=root)
        if isinstance(provisions, tuple):
            bill.__dict__["provisions"] = provisions
        else:
            # no ``provisions`` yet: ``__getattr__`` builds them on first use
            bill.__dict__.update(_lazy=provisions, _known={})
        return bill

    if not TYPE_CHECKING:  # for mypy, ``provisions`` is the field it is

        def __getattr__(self, name: str) -> Any:
            if name == "provisions":
                return self._build()
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)  # the provisions built
        return f"{type(self).__name__}({fields})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """In a pydantic model a bill is checked as an instance, and dumped as its four fields."""
        from pydantic_core import core_schema

        return core_schema.is_instance_schema(cls, serialization=core_schema.plain_serializer_function_ser_schema(
            lambda bill: bill._fields(), return_schema=handler.generate_schema(_BillFields)))

    def _fields(self) -> _BillFields:
        return _BillFields(metadata=self.metadata, provisions=self.provisions, source=self.source, notes=self.notes)

    def model_dump(self, **options: Any) -> Any:
        """The metadata, provisions, source and notes as a dict; ``options`` as pydantic's ``model_dump``."""
        return self._fields().model_dump(**options)

    def _build(self) -> tuple[Provision, ...]:
        lazy = self._lazy
        if lazy is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute 'provisions'")
        provisions = lazy.build(self._known or {})
        self.__dict__["provisions"] = provisions
        self._lazy = self._known = self._lazy_clauses = None
        return provisions

    def _read_alone(self, element: Any) -> Provision | None:
        """The clause at ``element``, read alone (once) while the provisions are not built; None when it must
        wait for the whole read."""
        lazy, known = self._lazy, self._known
        if lazy is None or known is None or element is None:
            return None
        found = known.get(element)
        if found is None:
            if self._lazy_lookups >= _MAX_READ_ALONE:  # many lookups: one read of the whole bill is cheaper
                return None
            self._lazy_lookups += 1
            found = lazy.read_clause(element)
            if found is not None:
                known[element] = found
        return found

    def _lazy_clause(self, label: str) -> Provision | None:
        lazy = self._lazy
        if lazy is None:
            return None
        if self._lazy_clauses is None:
            index: dict[str, Any] = {}
            for key, element in lazy.clause_elements() or ():
                index.setdefault(key, element)  # the first so numbered, as the whole read's index keeps
            self._lazy_clauses = index
        found = self._read_alone(self._lazy_clauses.get(label.lower()))
        return found if found is not None and (found.label or "").lower() == label.lower() else None

    def _lazy_with(self, attribute: str, *values: str) -> Provision | None:
        """The clause whose ``attribute`` is the first of ``values`` that any element has, read alone — when
        it is the only element with it; else None (the whole read decides)."""
        lazy = self._lazy
        if lazy is None:
            return None
        for value in values:
            count, element = lazy.only_with(attribute, value)
            if count:
                found = self._read_alone(element) if count == 1 else None
                return found if found is not None and getattr(found, attribute.lower()) == value else None
        return None

    def __eq__(self, other: object) -> bool:
        """Bills are equal when their metadata and provisions are (the source and import notes do not count)."""
        if not isinstance(other, Bill):
            return NotImplemented
        return self.metadata == other.metadata and self.provisions == other.provisions

    def __hash__(self) -> int:
        return hash((self.metadata.short_title, len(self.provisions)))

    # -- the document -------------------------------------------------------------------------------------------
    def copy_tree(self) -> etree._Element:
        """A private, mutable copy of the LawMaker document, for functions that build an amended bill."""
        from copy import deepcopy

        if self._root is None:
            raise LawtrackError("bill has no LawMaker document", source=self.source)
        return deepcopy(self._root.getroottree()).getroot()  # type: ignore[no-any-return]

    def tree(self) -> etree._Element:
        """The bill's LawMaker document, read-only by contract: never change it (use :meth:`copy_tree`)."""
        if self._root is None:
            raise LawtrackError("bill has no LawMaker document", source=self.source)
        return self._root  # type: ignore[no-any-return]

    def to_xml(self) -> bytes:
        """The LawMaker document, losslessly (the same as ``lawtrack.to_xml(bill)``)."""
        return _writer("xml")(self)  # type: ignore[no-any-return]

    def to_markdown(self) -> str:
        """Legislation Markdown (the same as ``lawtrack.to_markdown(bill)``)."""
        return _writer("markdown")(self)  # type: ignore[no-any-return]

    def to_json(self, *, indent: int | None = 2) -> str:
        """JSON of the metadata and provisions (the same as ``lawtrack.to_json(bill)``)."""
        return _writer("json")(self, indent=indent)  # type: ignore[no-any-return]

    # -- navigation -----------------------------------------------------------------------------------------
    def walk(self) -> Iterator[Provision]:
        for top in self.provisions:
            yield from top.walk()

    def clauses(self) -> list[Provision]:
        """The bill's own clauses (not sections quoted from other Acts), in order."""
        if self._clauses is None:
            self._clauses = [p for p in self.walk() if p.kind is Kind.CLAUSE and not p.quoted]
        return list(self._clauses)

    def clause(self, label: str) -> Provision | None:
        """Clause ``label`` ("5", "26A"), or None."""
        if "provisions" not in self.__dict__:  # not built yet (a plain dict lookup: this is on hot paths)
            alone = self._lazy_clause(label)
            if alone is not None:
                return alone
        if self._clause_by_label is None:
            index: dict[str, Provision] = {}
            for c in self.clauses():
                index.setdefault((c.label or "").lower(), c)
            self._clause_by_label = index
        return self._clause_by_label.get(label.lower())

    def schedules(self) -> list[Provision]:
        return [p for p in self.walk() if p.kind is Kind.SCHEDULE and not p.quoted]

    def _index(self) -> tuple[dict[str, Provision], dict[str, Provision], dict[int, Provision]]:
        by_guid: dict[str, Provision] = {}
        by_eid: dict[str, Provision] = {}
        parents: dict[int, Provision] = {}
        for top in self.provisions:
            for node in top.walk():
                if node.guid:
                    by_guid.setdefault(node.guid, node)
                if node.eid:
                    by_eid.setdefault(node.eid, node)
                for child in node.children:
                    parents[id(child)] = node
        self._by_guid, self._by_eid, self._parents = by_guid, by_eid, parents
        return by_guid, by_eid, parents

    def _indexes(self) -> tuple[dict[str, Provision], dict[str, Provision], dict[int, Provision]]:
        by_guid, by_eid, parents = self._by_guid, self._by_eid, self._parents
        if by_guid is None or by_eid is None or parents is None:
            return self._index()
        return by_guid, by_eid, parents

    def by_guid(self, guid: str) -> Provision | None:
        if "provisions" not in self.__dict__:
            alone = self._lazy_with("GUID", guid, "_" + guid)
            if alone is not None:
                return alone
        by_guid = self._indexes()[0]
        return by_guid.get(guid) or by_guid.get("_" + guid)

    def by_eid(self, eid: str) -> Provision | None:
        if "provisions" not in self.__dict__:
            alone = self._lazy_with("eId", eid)
            if alone is not None:
                return alone
        return self._indexes()[1].get(eid)

    def parent(self, provision: Provision) -> Provision | None:
        return self._indexes()[2].get(id(provision))

    def ancestors(self, provision: Provision) -> list[Provision]:
        """From the provision's parent up to the top."""
        out = []
        node = self.parent(provision)
        while node is not None:
            out.append(node)
            node = self.parent(node)
        return out

    def enclosing(self, provision: Provision, kind: Kind) -> Provision | None:
        if provision.kind is kind:
            return provision
        for node in self.ancestors(provision):
            if node.kind is kind:
                return node
        return None

    # -- addressing -----------------------------------------------------------------------------------------
    def provision(self, ref: str | ProvisionRef) -> Provision:
        """Find a provision by citation ("clause 5(2)(a)", "schedule 2, paragraph 3(1)", "Part 2, Chapter 1",
        "the Schedule, paragraph 4" in a bill with one Schedule), eId or GUID.

        Raises :class:`LawtrackError` naming what exists where the citation fails.
        """
        if isinstance(ref, str):
            text = ref.strip()
            if _GUID_RE.match(text):
                found = self.by_guid(text)
                if found is None:
                    raise LawtrackError(f"no provision with GUID {text}", source=self.source)
                return found
            if "_" in text and _EID_RE.match(text):
                found = self.by_eid(text)
                if found is None:
                    raise LawtrackError(f"no provision with eId {text}", source=self.source)
                return found
            ref = parse_ref(text)
        return self._resolve(ref)

    def find(self, ref: str | ProvisionRef) -> Provision | None:
        """Like :meth:`provision` but returns ``None`` when there is no such provision."""
        try:
            return self.provision(ref)
        except LawtrackError:
            return None

    def _resolve(self, ref: ProvisionRef) -> Provision:
        if ref.schedule is not None:
            schedules = self.schedules()
            if ref.schedule == "" and len(schedules) == 1:
                scope: Provision = schedules[0]
            else:
                match = [s for s in schedules if (s.label or "") == ref.schedule]
                if not match:
                    have = ", ".join(s.num or "a Schedule without a number" for s in schedules) or "no Schedules"
                    what = f"Schedule {ref.schedule}" if ref.schedule else "single Schedule to cite without a number"
                    raise LawtrackError(f"no {what}; the bill has {have}", source=self.source)
                scope = match[0]
            candidates = [p for p in scope.walk() if not p.quoted]
        else:
            if ref.path and ref.part is None and ref.chapter is None:
                found_clause = self.clause(ref.path[0])
                candidates = [found_clause] if found_clause is not None else []
            else:
                candidates = [
                    p for top in self.provisions if top.kind is not Kind.SCHEDULES for p in top.walk()
                    if not p.quoted
                ]
        for kind, want in ((Kind.PART, ref.part), (Kind.CHAPTER, ref.chapter)):
            if want is not None:
                group = next((p for p in candidates if p.kind is kind and p.label == want), None)
                if group is None:
                    within = ProvisionRef(schedule=ref.schedule, part=ref.part if kind is Kind.CHAPTER else None)
                    have = ", ".join(dict.fromkeys(f"{kind.value.title()} {p.label}" for p in candidates
                                                   if p.kind is kind))  # Chapter 1 of each Part, once
                    raise LawtrackError(f"no {kind.value.title()} {want} in {within}; it has {have or 'none'}",
                                        source=self.source)
                candidates = list(group.walk())
                if not ref.path and kind is (Kind.CHAPTER if ref.chapter is not None else Kind.PART):
                    return group
        if not ref.path:
            if ref.schedule is not None:
                return scope
            raise LawtrackError(f"reference {ref} names no provision", source=self.source)
        head_kinds = (Kind.PARAGRAPH,) if ref.schedule is not None else (Kind.CLAUSE, Kind.ARTICLE)
        first = next(
            (p for p in candidates if p.kind in head_kinds and (p.label or "").lower() == ref.path[0].lower()), None
        )
        if first is None:
            where = ProvisionRef(schedule=ref.schedule, part=ref.part, chapter=ref.chapter)
            raise LawtrackError(
                f"no {'paragraph' if ref.schedule is not None else 'clause'} {ref.path[0]} in {where}",
                source=self.source,
            )
        node = first
        for depth, label in enumerate(ref.path[1:], start=1):
            nxt = node.child(label)
            if nxt is None:
                have = " ".join(c.num or "" for c in node.numbered_children() if c.num) or "nothing numbered"
                done = ProvisionRef(schedule=ref.schedule, path=ref.path[:depth])
                raise LawtrackError(
                    f"no ({label}) in {done}; it has {have}", source=self.source, expected="an existing number"
                )
            node = nxt
        return node

    # -- printed lines ------------------------------------------------------------------------------------------
    def at_line(self, page: int, line: int, *, within: Provision | None = None) -> list[LineHit]:
        """The innermost provisions with words on printed page ``page``, line ``line``, and where they are.

        With ``within``, only that provision and its descendants are considered.
        """
        if self._by_line is None:
            index: dict[tuple[int, int], list[LineHit]] = {}
            for node in self.walk():
                for span in node.lines:
                    index.setdefault((span.page, span.line), []).append(
                        LineHit(provision=node, start=span.start, end=span.end)
                    )
            self._by_line = index
        hits = self._by_line.get((page, line), [])
        if within is not None:
            ids = {id(p) for p in within.walk()}
            hits = [h for h in hits if id(h.provision) in ids]
        # innermost: drop a hit when one of its children also has words on the line
        with_child = {id(self.parent(h.provision)) for h in hits}
        return [h for h in hits if id(h.provision) not in with_child or h.provision.own_end > h.start]
