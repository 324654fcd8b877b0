"""What one drafting run carries: both prints, the renumbering between them, the checker, and the amendments
drafted so far (pure)."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.locate import fold
from lawtrack.amendments.model import OBJECT, Amendment, Parsed
from lawtrack.diff.renumber import Renumbering, amending
from lawtrack.drafting.address import unit_of
from lawtrack.drafting.check import Checker
from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import AKN_NS, NSMAP, akn
from lawtrack.formats.lawmaker import provision_elements, provisions_of
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision

House = Literal["commons", "lords"]


@dataclass
class DraftResult:
    """Drafted amendments, and notes on what could not be drafted (see :func:`draft_with_notes`).

    >>> import lawtrack
    >>> bill = lawtrack.load_bill("bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml")
    >>> lawtrack.draft_with_notes(bill, bill)
    DraftResult(amendments=[], notes=[])
    """

    amendments: list[Amendment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Ctx:
    old: Bill
    new: Bill
    house: House
    numbers: Renumbering
    checker: Checker
    out: DraftResult = field(default_factory=DraftResult)
    #: Where in the old print the amendments being drafted act (document order), for marshalling the paper.
    position: float = 0.0
    keys: list[tuple[float, int]] = field(default_factory=list)
    #: Words put in by the amendments drafted so far, by address: a later amendment's quotation must not become
    #: ambiguous once the earlier ones are made (every amendment addresses the print as tabled, but is read after
    #: those before it).
    inserted: dict[str, list[str]] = field(default_factory=dict)
    _amending: dict[int, tuple[bool, str | None]] = field(default_factory=dict)
    #: New groups (Parts of Schedules) drafted whole, by ``id`` of the new print's provision.
    placed: set[int] = field(default_factory=set)
    #: Per bill (by ``id``): each provision's element, by ``id`` of the provision (see :meth:`element`).
    _elements: dict[int, dict[int, etree._Element]] = field(default_factory=dict)
    _provisions: dict[int, dict[int, Provision]] = field(default_factory=dict)

    def emit(self, instruction: str, structures: tuple[etree._Element, ...] = (), *, address: str = "",
             inserts: str = "") -> bool:
        """Add an amendment (parsed back first: one that does not parse back is a note, not an amendment)."""
        blobs = (self._blob(structures),) if structures else ()  # one quoted structure
        provisions = tuple(provisions_of(etree.fromstring(b)) for b in blobs)
        text = instruction + (OBJECT if structures else "")
        parsed = parse_instruction(text, provisions)
        if not isinstance(parsed, Parsed):
            self.out.notes.append(f"not emitted (does not parse back: {parsed.reason}): {instruction}")
            return False
        heading = provisions[0][0].heading if provisions and provisions[0] else None
        amendment = Amendment(
            number=str(len(self.out.amendments) + 1), instruction=text, inserted=provisions, inserted_xml=blobs,
            type=parsed.lawmaker_type, house="House of Lords" if self.house == "lords" else "House of Commons",
            bill_title=self.old.metadata.short_title, bill_version=self.old.metadata.stage_version,
            bill_number=self.old.metadata.number, heading=heading)
        why = self.checker.failure(amendment)
        if why is not None:
            self.out.notes.append(f"not emitted (it would not apply to the print: {why}): {instruction}")
            return False
        self.out.amendments.append(amendment)
        self.keys.append((self.position, len(self.keys)))
        if inserts and address:
            self.inserted.setdefault(address.rstrip(", "), []).append(fold(inserts))
        return True

    def in_old_terms(self, q: Provision, old: str, new: str) -> str:
        """``new`` (words of ``q``, new print) in the old print's numbering, given the words ``old`` they stand
        for there (see :meth:`~lawtrack.diff.renumber.Renumbering.reconcile`): bare section numbers in a provision
        that amends another Act are that Act's."""
        amends, schedule = self._context(q)
        return self.numbers.reconcile(old, new, amending=amends, schedule=schedule)

    def _context(self, q: Provision) -> tuple[bool, str | None]:
        """Whether ``q``'s clause or Schedule paragraph amends another Act, and the Schedule it is in."""
        unit = unit_of(self.new, q)
        key = id(unit)
        if key not in self._amending:
            sched = unit if unit.kind is Kind.SCHEDULE else self.new.enclosing(unit, Kind.SCHEDULE)
            self._amending[key] = (amending(unit.text), sched.label if sched is not None else None)
        return self._amending[key]

    def note(self, text: str) -> None:
        self.out.notes.append(text)

    def clashes(self, address: str, words: str) -> bool:
        """Whether ``words`` occur in what an earlier amendment at ``address`` puts in."""
        key = address.rstrip(", ")
        needle = " ".join(fold(words).split())
        return any(needle in " ".join(w.split()) for w in self.inserted.get(key, []))

    # -- all or nothing for one provision -----------------------------------------------------------------------
    def mark(self) -> tuple[int, int, dict[str, int]]:
        return len(self.out.amendments), len(self.out.notes), {k: len(v) for k, v in self.inserted.items()}

    def rollback(self, mark: tuple[int, int, dict[str, int]]) -> None:
        amendments, notes, inserted = mark
        del self.out.amendments[amendments:]
        del self.keys[amendments:]
        del self.out.notes[notes:]
        for key in list(self.inserted):
            if key not in inserted:
                del self.inserted[key]
            else:
                del self.inserted[key][inserted[key]:]

    def instead(self, mark: tuple[int, int, dict[str, int]]) -> None:
        """Keep only the amendment emitted last of those since ``mark`` (it replaces them all)."""
        last, key = self.out.amendments[-1], self.keys[-1]
        self.rollback(mark)
        self.out.amendments.append(last)
        self.keys.append(key)

    def failed_since(self, mark: tuple[int, int, dict[str, int]]) -> list[str]:
        return [n for n in self.out.notes[mark[1]:] if n.startswith("not emitted")]

    # -- structures ---------------------------------------------------------------------------------------------
    def _blob(self, elements: tuple[etree._Element, ...]) -> bytes:
        """Provisions of the new print as the one quoted structure an amendment inserts, their cross-references
        to the bill's own provisions put in the old print's terms (see :class:`~lawtrack.diff.renumber.Renumbering`)."""
        qs = etree.Element(akn("quotedStructure"), nsmap=NSMAP,  # type: ignore[arg-type]
                           attrib={"startQuote": "“", "endQuote": "”"})
        for el in elements:
            found = self._provision_of(self.new, el)
            amends, schedule = self._context(found) if found is not None else (False, None)

            def to_old(text: str, amends: bool = amends, schedule: str | None = schedule) -> str:
                return self.numbers.to_old(text, amending=amends, schedule=schedule)

            copy = deepcopy(el)
            copy.tail = None
            for node in copy.iter():
                if node.text:
                    node.text = to_old(node.text)
                if node.tail and node is not copy:
                    node.tail = to_old(node.tail)
            qs.append(copy)
        return etree.tostring(qs, encoding="UTF-8")

    def _elements_of(self, bill: Bill) -> dict[int, etree._Element]:
        """Each provision's element (by ``id`` of the provision), found by its place in the document rather than
        its eId: a provision new in an edited print may have no eId, or one that another provision also has."""
        if id(bill) not in self._elements:
            body = bill.tree().find(f"{{{AKN_NS}}}bill/{{{AKN_NS}}}body")
            nodes = provision_elements(body) if body is not None else []
            provisions = list(bill.walk())
            same = len(nodes) == len(provisions) and all(
                (n.get("eId"), n.get("GUID")) == (q.eid, q.guid) for n, q in zip(nodes, provisions, strict=True))
            found: list[etree._Element | None] = list(nodes)
            if not same:  # not in the order read: fall back on the eIds
                by_eid = {n.get("eId"): n for n in reversed(nodes)}
                found = [by_eid.get(q.eid) if q.eid else None for q in provisions]
            self._elements[id(bill)] = {id(q): n for q, n in zip(provisions, found, strict=True) if n is not None}
            self._provisions[id(bill)] = {id(n): q for q, n in zip(provisions, found, strict=True) if n is not None}
        return self._elements[id(bill)]

    def element(self, bill: Bill, p: Provision) -> etree._Element:
        """The element ``p`` was read from."""
        el = self._elements_of(bill).get(id(p))
        if el is None:
            raise LawtrackError(f"{p.describe()} of {bill.metadata.short_title} is not in its document",
                                source=bill.source, expected="a bill read from its LawMaker XML")
        return el

    def _provision_of(self, bill: Bill, el: etree._Element) -> Provision | None:
        """The provision read from ``el`` (an element of ``bill``'s document)."""
        self._elements_of(bill)
        return self._provisions[id(bill)].get(id(el))

    def finish(self) -> DraftResult:
        """The amendments in marshalled order (the order of the print), numbered from 1."""
        order = sorted(range(len(self.out.amendments)), key=lambda i: self.keys[i])
        self.out.amendments = [self.out.amendments[i].model_copy(update={"number": str(n)})
                               for n, i in enumerate(order, 1)]
        return self.out
