"""The plan of one amendment, and the session state plans are made in.

A planner (one per operation, in :mod:`lawtrack.amendments.planners`) turns a parsed amendment into a
:class:`Plan`: the text it claims in the original print (for conflict checks), the edits to record and the
structure to insert — every part checked before anything is kept, so that an amendment applies wholly or not
at all. The :class:`Session` is what one ``apply()`` call works on: the working copy of the document, the
resolver, and what earlier amendments took (eIds, new clause numbers, insertion points).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from lawtrack.amendments.model import Amendment
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.resolve import Resolver
from lawtrack.amendments.structure import Place, child_eid, find_place, num_label, put, refresh_ids, structure_elements
from lawtrack.amendments.xmledit import Editor
from lawtrack.errors import LawtrackError
from lawtrack.model.bill import Bill

Edit = Callable[[Editor], None]


@dataclass
class Claim:
    """Text an amendment acts on, as offsets in the original text of a clause or Schedule (``key``: its eId)."""

    key: str
    start: int
    end: int
    number: str
    whole: bool = False  # the whole provision goes (leave out Clause)


@dataclass
class Plan:
    claims: list[Claim] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    #: Structure to insert, already parsed and placed: each call mutates the document and returns what it added.
    inserts: list[Callable[[], list[etree._Element]]] = field(default_factory=list)
    detail: str = ""
    placed_by_lawtrack: bool = False
    heading: str | None = None
    touched: list[str] = field(default_factory=list)


def delete_edit(el: etree._Element, start: int, end: int, words: str) -> Edit:
    return lambda ed: ed.delete(el, start, end, words)


def insert_edit(el: etree._Element, pos: int, words: str, lean: str) -> Edit:
    return lambda ed: ed.insert(el, pos, words, lean=lean)


def remove_edit(el: etree._Element) -> Edit:
    return lambda ed: ed.remove(el)


def absorb_space(text: str, start: int, end: int, words: str) -> int:
    """House style: words left out (with nothing in their place) just before punctuation take the space
    before them too, so "the occupiers of each dwelling," less “of each dwelling” reads "the occupiers,"."""
    if not words and start > 0 and text[start - 1] == " " and (end == len(text) or text[end] in ",.;:)”’—\n"):
        return start - 1
    return start


class Session:
    """The state of one ``apply()``: a private copy of the document and what amendments so far have taken."""

    def __init__(self, bill: Bill) -> None:
        self.bill = bill
        self.root = bill.copy_tree()
        self.index: dict[str, etree._Element] = {}
        for el in self.root.iter():
            if isinstance(el.tag, str) and el.get("eId"):
                self.index.setdefault(el.get("eId", ""), el)
        self.editor = Editor()
        self.resolve = Resolver(bill, self.index, self.editor, self.root)
        self.taken = set(self.index)  # eIds in use
        self.new_labels: set[str] = set()  # numbers given to new clauses
        self.placed_after: dict[int, etree._Element] = {}

    # -- all or nothing -------------------------------------------------------------------------------------
    def checkpoint(self) -> tuple[object, frozenset[str]]:
        return self.editor.checkpoint(), frozenset(self.new_labels)

    def rollback(self, mark: tuple[object, frozenset[str]]) -> None:
        editor_mark, labels = mark
        self.editor.rollback(editor_mark)  # type: ignore[arg-type]
        self.new_labels = set(labels)

    # -- inserted structure ---------------------------------------------------------------------------------
    def structure(self, amendment: Amendment) -> list[etree._Element]:
        """The provision elements an amendment inserts, freshly parsed (a failure is this amendment's outcome)."""
        try:
            return [el for blob in amendment.inserted_xml
                    for el in structure_elements(blob, amendment.source or "<amendment>")]
        except LawtrackError as exc:
            raise Failure("unparsed", f"the text it inserts cannot be read: {exc.message}") from None

    def release_removed(self) -> None:
        """Free the eIds of the provisions being removed (inserts run after every amendment is planned): a
        provision put in the place of one left out takes its eId, as it will at reprint."""
        for el in self.editor.removals:
            for node in el.iter():
                if isinstance(node.tag, str) and node.get("eId"):
                    self.taken.discard(node.get("eId", ""))

    def plan_structure(self, plan: Plan, amendment: Amendment, top_el: etree._Element, pos: int,
                       before: etree._Element | None = None) -> None:
        """Insert the amendment's structure at ``pos`` of ``top_el``'s text (or before the element ``before``),
        checking now that it can be read and placed."""
        new = self.structure(amendment)
        if not new:
            return
        place: Place | None
        if before is not None:
            place = Place("before", before, before.getparent())
        else:
            place = find_place(self.editor.map_of(top_el).provisions, pos, new[0])
            if place is None:
                raise Failure("not-found", "no provision there to place the inserted text after")
        seed = amendment.dnum or amendment.label

        def insert() -> list[etree._Element]:
            put(place, new, self.placed_after)
            self.release_removed()
            for el in new:
                refresh_ids(el, child_eid(place.parent, el, num_label(el)), seed, self.taken)
            return new

        plan.inserts.append(insert)
