"""Apply a bill's instructions to an Act (pure, like :func:`lawtrack.apply` for amendment papers).

Each instruction is planned completely before anything is kept, so it applies wholly or not at all, and each gets
an :class:`~lawtrack.amendments.outcome.Outcome` numbered by its bill provision ("s. 28(2)(a)"): applied,
not-found (the Act has no such provision or words), ambiguous (the words occur more than once and the bill does
not say which) or unparsed (the inserted text cannot be read). Words are found in the provision the bill cites;
"in each place it occurs" takes every occurrence, "in the second place" the second; "the words from “x” to “y”"
takes both ends, as in an Act. Inserted provisions get fresh GUIDs and LawMaker eIds; a substituted provision's
replacement takes its eId.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field

from lxml import etree

from lawtrack.acts.find import Finder, NotFound
from lawtrack.acts.model import Change, Instruction, Target, Unread
from lawtrack.amendments.outcome import ApplyResult, Failure, Outcome
from lawtrack.amendments.plan import Session
from lawtrack.amendments.structure import Place, child_eid, num_label, put, refresh_ids, structure_elements
from lawtrack.amendments.xmledit import EditError, Editor, remove_keep_tail
from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import akn, local
from lawtrack.formats.lawmaker import ProvisionSpan, rebuild_bill
from lawtrack.formats.xmlsafe import parse_xml
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision

_PUNCT_START = ",.;:)’”"
#: Elements that make a quoted structure more than a heading.
_PROVISION_LIKE = frozenset({"section", "subsection", "paragraph", "subparagraph", "level", "article"})
#: The element a provision's existing text becomes when the bill renumbers it.
_RENUMBER_TAGS = {"subsection": "subsection", "sub-paragraph": "subparagraph", "paragraph": "paragraph"}
_NEXT_CLASS = {"prov1": "prov2", "sch1": "sch2", "para1": "para2", "para2": "para3"}
_RENUMBER_NS = uuid.UUID("6f0c1d3e-9a42-5b7e-9d1c-72656e756d62")


@dataclass
class _Plan:
    edits: list[Callable[[Editor], None]] = field(default_factory=list)
    inserts: list[Callable[[], list[etree._Element]]] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Place:
    """Where a cited provision is: its element, the unit (section or Schedule paragraph) whose text offsets the
    edits use, the attribution key, and its span in that text."""

    provision: Provision
    element: etree._Element
    unit: etree._Element
    key: str
    start: int
    end: int
    #: Where the unit's text starts in the text of the provision ``key`` names (a Schedule paragraph's offset in
    #: its Schedule): outcome spans are offsets in that text, as the Keeling view reads them. ``None`` when it
    #: cannot be found: the change is then made but attributed to no amending provision, never to a wrong place.
    base: int | None = 0

    def spans(self, start: int, end: int) -> list[tuple[str, int, int]]:
        return [] if self.base is None else [(self.key, self.base + start, self.base + end)]


def _unit_of(act: Bill, p: Provision) -> tuple[Provision, str, int | None]:
    """The unit whose text carries ``p`` (its section, or its Schedule paragraph), the attribution key the
    Keeling view uses (the section's eId; for a Schedule paragraph, the Schedule's) and where the unit starts in
    the text of the provision the key names (``None`` if it cannot be found there)."""
    chain = [p, *act.ancestors(p)]
    for node in chain:
        if node.kind is Kind.CLAUSE and not node.quoted:
            return node, node.eid or "", 0
    schedule = next((n for n in chain if n.kind is Kind.SCHEDULE), None)
    top = None
    for node in chain:
        if node.kind is Kind.PARAGRAPH and node.element == "paragraph":
            top = node
    if top is not None and schedule is not None:
        return top, schedule.eid or "", schedule.offset_of(top)
    if schedule is not None:  # a whole Schedule ("in Schedule 10, in each place it occurs, …")
        return schedule, schedule.eid or "", 0
    return chain[-1], chain[-1].eid or "", 0


def _find_span(spans: list[ProvisionSpan], node: etree._Element) -> ProvisionSpan | None:
    for span in spans:
        if span.node is node:
            return span
        found = _find_span(span.children, node)
        if found is not None:
            return found
    return None


class _Applier:
    def __init__(self, act: Bill) -> None:
        self.act = act
        self.s = Session(act)
        self.resolve = Finder(act)

    # -- places -------------------------------------------------------------------------------------------------
    def place(self, target: Target) -> _Place:
        try:
            p = self.resolve(target)
        except NotFound as exc:
            raise Failure("not-found", str(exc)) from None
        return self.place_of(p)

    def place_of(self, p: Provision) -> _Place:
        el = self.s.index.get(p.eid or "")
        if el is None:
            raise Failure("not-found", f"{p.eid} has no element in the Act")
        unit, key, base = _unit_of(self.act, p)
        unit_el = self.s.index.get(unit.eid or "", el)
        tm = self.s.editor.map_of(unit_el)
        span = _find_span(tm.provisions, el)
        if span is None:
            if el is unit_el:
                return _Place(p, el, unit_el, key, 0, len(tm.text), base)
            raise Failure("not-found", f"{p.eid} is not in the text of {unit.eid}")
        return _Place(p, el, unit_el, key, span.start, span.end, base)

    def text(self, place: _Place) -> str:
        return self.s.editor.map_of(place.unit).text

    def heading_range(self, place: _Place) -> tuple[int, int]:
        heading = place.element.find(akn("heading"))
        if heading is None:
            raise Failure("not-found", f"{place.provision.eid} has no heading")
        nodes = {id(n) for n in heading.iter()}
        segs = [sg for sg in self.s.editor.map_of(place.unit).segments if (id(sg.node) in nodes and sg.slot == "text")
                or (sg.slot == "tail" and id(sg.node) in nodes and sg.node is not heading)]
        if not segs:
            raise Failure("not-found", f"the heading of {place.provision.eid} has no text")
        return min(sg.offset for sg in segs), max(sg.offset + sg.length for sg in segs)

    def scope_range(self, place: _Place, target: Target) -> tuple[int, int]:
        if target.heading or target.heading_before is not None:
            return self.heading_range(place)
        if target.existing_text:
            return self._existing_start(place), place.end
        if target.entry is not None:
            row = self._entry_row(place, target)
            cells = [c for c in row if isinstance(c.tag, str) and local(c.tag) in ("td", "th")]
            if target.column is not None and not 0 < target.column <= len(cells):
                raise Failure("not-found", f"{target.describe()}: the entry has {len(cells)} column(s)")
            at = self._offsets(place, cells[target.column - 1] if target.column else row)
            if not at:
                raise Failure("not-found", f"{target.describe()} has no words")
            return min(at), max(at)
        if target.opening_words or target.closing_words:
            tm = self.s.editor.map_of(place.unit)
            span = _find_span(tm.provisions, place.element)
            if target.opening_words:
                return place.start, span.children[0].start if span is not None and span.children else place.end
            if span is None or not span.children:
                raise Failure("not-found", f"{target.describe()}: it has no sub-provisions, so no closing words")
            return span.children[-1].end, place.end
        return place.start, place.end

    # -- words --------------------------------------------------------------------------------------------------
    @staticmethod
    def occurrences(text: str, words: str, a: int, b: int) -> list[int]:
        if not words:
            return []
        out = []
        i = text.find(words, a, b)
        while i >= 0:
            before_ok = i == 0 or not (words[0].isalnum() and text[i - 1].isalnum())
            j = i + len(words)
            after_ok = j >= len(text) or not (words[-1].isalnum() and text[j].isalnum())
            if before_ok and after_ok:
                out.append(i)
            i = text.find(words, i + 1, b)
        return out

    def pick(self, ins: Instruction, found: list[int], where: str) -> list[int]:
        c = ins.change
        if not found:
            raise Failure("not-found", f"“{c.words}” is not in {where}")
        if c.each_place:
            return found
        if c.occurrence is not None:
            k = c.occurrence
            if k == -1:
                return found[-1:]
            if k > len(found):
                raise Failure("not-found", f"“{c.words}” occurs only {len(found)} time(s) in {where}")
            return [found[k - 1]]
        if len(found) > 1:
            raise Failure("ambiguous", f"“{c.words}” occurs {len(found)} times in {where} and the bill does not say "
                                       f"which")
        return found

    def words(self, ins: Instruction, plan: _Plan) -> None:
        c = ins.change
        for target in ins.targets:
            place = self.place(target)
            text = self.text(place)
            a, b = self.scope_range(place, target)
            where = target.describe()
            if c.action == "insert" and c.where in ("at-end", "at-beginning"):
                pos = b if c.where == "at-end" else self._after_number(place, text, a, target)
                if c.where == "at-end":
                    while pos > a and text[pos - 1] in " \n":
                        pos -= 1
                self._insert(plan, place, pos, c.new, "before" if c.where == "at-end" else "after")
                continue
            if c.from_beginning:  # "the words from the beginning to “x”" (both ends included)
                self._from_beginning(plan, place, text, self._after_number(place, text, a, target), b, c, where)
                continue
            for start in self.pick(ins, self.occurrences(text, c.words, a, b), where):
                end = start + len(c.words)
                if c.action == "insert":
                    pos = end if c.where == "after" else start
                    self._insert(plan, place, pos, c.new, "before" if c.where == "after" else "after")
                    continue
                new = c.new if c.action == "substitute" else ""
                if c.following:  # "the words following “excuse”": the words go, the sentence's full stop stays
                    start = end
                    if new and new[:1] not in _PUNCT_START:
                        new = " " + new
                    end = b
                    while end > start and text[end - 1] in ".;: \n":
                        end -= 1
                elif c.to is not None:
                    if c.to:
                        ends = self.occurrences(text, c.to, end, b)
                        if not ends:
                            raise Failure("not-found", f"“{c.to}” does not follow “{c.words}” in {where}")
                        end = ends[0] + len(c.to)
                    else:
                        end = b
                        while end > start and text[end - 1] in " \n":
                            end -= 1
                if not new and start > 0 and text[start - 1] == " " and (end >= len(text) or text[end] in " ,.;:)\n"):
                    start -= 1  # words left out take the space before them
                self._delete(plan, place, start, end, new)
        if c.with_structure:
            self.append_structure(ins, plan, ins.targets[-1])
        if c.move_entry:
            for target in ins.targets:
                self._move_entry(plan, self.place(target), target, c)

    def _move_entry(self, plan: _Plan, place: _Place, target: Target, c: Change) -> None:
        """The entry goes where the words of its first column, as changed, sort among the others."""
        row = self._entry_row(place, target)
        first = _first_cell(row)
        new = {"omit": first.replace(c.words, "", 1), "substitute": first.replace(c.words, c.new, 1)}.get(c.action)
        if new is None:
            raise Failure("not-found", f"{target.describe()}: lawtrack moves an entry only when words are omitted or "
                                       f"substituted")
        key = _sort_key(" ".join(new.split()))

        def move(row: etree._Element = row) -> list[etree._Element]:
            parent = row.getparent()
            if parent is None:
                return []
            others = [r for r in parent if r is not row and r.tag == _XHTML + "tr"]
            after = next((r for r in others if _entry_key(r) > key), None)
            if after is not None:
                after.addprevious(row)
            elif others:
                others[-1].addnext(row)
            return []

        plan.inserts.append(move)

    @staticmethod
    def _after_number(place: _Place, text: str, a: int, target: Target) -> int:
        """Where a provision's words begin: after its own number ("(b) who is …"), which "at the beginning" and
        "the words from the beginning" never take in."""
        num = place.provision.num
        if target.heading or target.heading_before is not None or not num or not text.startswith(num, a):
            return a
        a += len(num)
        while a < len(text) and text[a] == " ":
            a += 1
        return a

    def _existing_start(self, place: _Place) -> int:
        """Where a provision's existing text begins: after its number and heading (what a renumbering makes
        its first subdivision)."""
        text = self.text(place)
        a = self._after_number(place, text, place.start, Target())
        heading = place.provision.heading
        if heading and text.startswith(heading, a):
            a += len(heading)
        while a < place.end and text[a] in " \n":
            a += 1
        return a

    def _from_beginning(self, plan: _Plan, place: _Place, text: str, a: int, b: int, c: Change, where: str) -> None:
        end = b
        if c.to == "":  # to the end of the words: not the break before what follows them
            while end > a and text[end - 1] in " \n":
                end -= 1
        if c.to:
            ends = self.occurrences(text, c.to, a, b)
            if not ends:
                raise Failure("not-found", f"“{c.to}” is not in {where}")
            end = ends[0] + len(c.to)
        new = c.new if c.action == "substitute" else ""
        if not new:
            while end < b and text[end] == " ":  # the words left out take the space after them
                end += 1
        self._delete(plan, place, a, end, new)

    def _insert(self, plan: _Plan, place: _Place, pos: int, words: str, lean: str) -> None:
        text = self.text(place)
        if lean == "before":  # after the words: a space unless the new words start with punctuation
            if words[:1] not in _PUNCT_START and pos > 0 and text[pos - 1] not in " \n—(“":
                words = " " + words
        elif words and words[-1] not in "—(“" and pos < len(text) and text[pos] not in " \n":
            words = words + " "
        unit = place.unit
        plan.edits.append(lambda ed: ed.insert(unit, pos, words, lean=lean))
        plan.spans += place.spans(pos, pos)

    def _delete(self, plan: _Plan, place: _Place, start: int, end: int, new: str) -> None:
        unit = place.unit
        plan.edits.append(lambda ed: ed.delete(unit, start, end, new))
        plan.spans += place.spans(start, end)

    # -- headings -----------------------------------------------------------------------------------------------
    def heading(self, ins: Instruction, plan: _Plan) -> None:
        new = ins.change.new
        if ins.change.with_structure:  # a quoted cross-heading: only its heading, the new words
            elements = [el for blob in ins.structure_xml for el in parse_xml(blob, ins.source).iter()
                        if isinstance(el.tag, str)]
            headings = [el for el in elements if local(el.tag) == "heading"]
            if len(headings) != 1 or any(local(el.tag) in _PROVISION_LIKE for el in elements):
                raise Failure("unparsed", "the text it inserts is not one heading alone")
            _as_act_text(headings[0])
            new = " ".join("".join(str(t) for t in headings[0].itertext()).split())
        for target in ins.targets:
            place = self.place(target)
            a, b = self.heading_range(place)
            if ins.change.action == "omit":  # "omit the heading to section 28": the heading goes, the section stays
                heading = place.element.find(akn("heading"))
                plan.edits.append(lambda ed, el=heading: ed.remove(el))  # type: ignore[misc]
                plan.spans += place.spans(a, b)
                continue
            self._delete(plan, place, a, b, new)

    # -- provisions ---------------------------------------------------------------------------------------------
    def structure(self, ins: Instruction) -> list[etree._Element]:
        try:
            new = [el for blob in ins.structure_xml for el in structure_elements(blob, ins.source)]
        except LawtrackError as exc:
            raise Failure("unparsed", f"the text it inserts cannot be read: {exc.message}") from None
        for el in new:
            _as_act_text(el)
        return new

    def _new_ids(self, new: list[etree._Element], parent: etree._Element | None, seed: str,
                 reuse: etree._Element | None = None) -> None:
        for el in new:
            if reuse is not None and el is new[0] and reuse.get("eId"):
                old = reuse.get("eId", "")
                self.s.taken.discard(old)
                refresh_ids(el, old, seed, self.s.taken)
            elif el.get("name") == "definition" and parent is not None:
                term = re.sub(r"[^a-z0-9]", "", _term(el).lower()) or "new"
                refresh_ids(el, f"{parent.get('eId', '')}__def_{term}_", seed, self.s.taken)
            else:
                refresh_ids(el, child_eid(parent, el, num_label(el)), seed, self.s.taken)

    def _put(self, plan: _Plan, place: Place, new: list[etree._Element], seed: str,
             reuse: etree._Element | None = None) -> None:
        placed_after = self.s.placed_after
        parent = place.parent

        def insert() -> list[etree._Element]:
            put(place, new, placed_after)
            self._new_ids(new, parent, seed, reuse)
            return new

        plan.inserts.append(insert)

    def siblings(self, first: Provision, last: Provision) -> list[Provision]:
        parent = self.act.parent(first)
        if parent is None or self.act.parent(last) is not parent:
            raise Failure("not-found", f"{first.eid} and {last.eid} are not a run of provisions")
        kids = [c for c in parent.children if not c.quoted]
        i, j = kids.index(first), kids.index(last)
        return kids[i : j + 1]

    def provisions(self, ins: Instruction) -> list[Provision]:
        try:
            found = [self.resolve(t) for t in ins.targets]
        except NotFound as exc:
            raise Failure("not-found", str(exc)) from None
        if ins.through and len(found) == 2:
            return self.siblings(found[0], found[1])
        return found

    def omit(self, ins: Instruction, plan: _Plan) -> None:
        if any(t.entry is not None for t in ins.targets):  # "omit the entry for “x”": the row, not the provision
            for target in ins.targets:
                if target.entry is None:
                    raise Failure("not-found", "an entry of a table and a provision omitted together: lawtrack does "
                                               "not know this form")
                place = self.place(target)
                row = self._entry_row(place, target)
                plan.edits.append(lambda ed, el=row: ed.remove(el))  # type: ignore[misc]
                offsets = self._offsets(place, row)
                plan.spans += (place.spans(min(offsets), max(offsets)) if offsets
                               else place.spans(place.start, place.start))
            return
        found = self.provisions(ins)
        if ins.change.heading_too:
            self._heading_with(found, plan)
        if any(t.heading_before is not None for t in ins.targets):
            # "omit the italic heading before section 45": the heading goes, what it heads stays
            if ins.through or not all(t.heading_before is not None for t in ins.targets):
                raise Failure("not-found", "an italic heading and other provisions omitted together: lawtrack does "
                                           "not know this form")
            for p in found:
                self._unhead(p, plan)
            return
        for p in found:
            place = self.place_of(p)
            el = place.element
            plan.edits.append(lambda ed, el=el: ed.remove(el))  # type: ignore[misc]
            plan.spans += place.spans(place.start, place.end)
            plan.touched.append(p.eid or "")
        keep = ins.change.keep_word
        if keep:  # the word that ends the (last) provision omitted stays, at the end of the one before them
            prev = self._previous(found[0])
            mine = self.place_of(found[-1])
            text = self.text(mine)
            if prev is None:
                raise Failure("not-found", f"there is no provision before {found[0].eid} to take “{keep}”")
            if not text[mine.start:mine.end].rstrip(" \n.;,").endswith(keep):
                raise Failure("not-found", f"{found[-1].eid} does not end with “{keep}”")
            at = self.place_of(prev)
            before, end = self.text(at), at.end
            while end > at.start and before[end - 1] in " \n":
                end -= 1
            self._insert(plan, at, end, keep, "before")
        word = ins.change.together_with
        if word and ins.change.where == "before":
            prev = self._previous(found[0])
            if prev is None:
                raise Failure("not-found", f"there is no provision before {found[0].eid} to take “{word}” from")
            self._drop_last(plan, prev, word)

    def _heading_with(self, found: list[Provision], plan: _Plan) -> None:
        """"Omit sections 69 to 71 and the italic heading before section 69": the cross-heading goes, with the
        sections — when it heads nothing else (else what it heads would be left under no heading)."""
        group = self.act.parent(found[0])
        kids = [c for c in group.children if not c.quoted] if group is not None else []
        if group is None or group.kind is not Kind.CROSSHEADING or not kids or kids[0] is not found[0]:
            raise Failure("not-found", f"{found[0].eid} has no italic heading before it")
        others = [c for c in kids if all(c is not p for p in found)]
        if others:
            raise Failure("not-found", f"the italic heading before {found[0].eid} also heads "
                                       f"{', '.join(c.eid or '?' for c in others)}, which the bill does not omit")
        place = self.place_of(group)
        el = place.element
        plan.edits.append(lambda ed, el=el: ed.remove(el))  # type: ignore[misc]
        plan.spans += place.spans(place.start, place.end)
        plan.touched.append(group.eid or "")

    def _unhead(self, group: Provision, plan: _Plan) -> None:
        """A cross-heading omitted alone: its heading goes, and what it headed takes its place."""
        place = self.place_of(group)
        el = place.element
        a, b = self.heading_range(place)

        def unwrap(el: etree._Element = el) -> list[etree._Element]:
            for child in list(el):
                if not (isinstance(child.tag, str) and local(child.tag) in ("num", "heading")):
                    el.addprevious(child)  # with its tail
            return []

        plan.inserts.append(unwrap)  # runs before the edits are applied: the container is removed empty
        plan.edits.append(lambda ed: ed.remove(el))
        plan.spans += place.spans(a, b)
        plan.touched.append(group.eid or "")

    def _previous(self, p: Provision) -> Provision | None:
        parent = self.act.parent(p)
        if parent is None:
            return None
        kids = [c for c in parent.children if not c.quoted]
        i = kids.index(p)
        return kids[i - 1] if i > 0 else None

    def _drop_last(self, plan: _Plan, p: Provision, word: str) -> None:
        place = self.place_of(p)
        text = self.text(place)
        found = self.occurrences(text, word, place.start, place.end)
        if not found:
            raise Failure("not-found", f"“{word}” is not at the end of {p.eid}")
        start = found[-1]
        self._delete(plan, place, start - 1 if text[start - 1 : start] == " " else start, start + len(word), "")

    def substitute(self, ins: Instruction, plan: _Plan) -> None:
        if len(ins.targets) == 1 and ins.targets[0].entry is not None:  # "for the entry for “x” substitute— …"
            self._rows_at(ins, plan, "replace")
            return
        found = self.provisions(ins)
        new = self.structure(ins)
        if not new:
            raise Failure("unparsed", "there is no provision in the text it inserts")
        first, last = self.place_of(found[0]), self.place_of(found[-1])
        self._put(plan, Place("after", last.element, last.element.getparent()), new, ins.source_eid,
                  reuse=first.element)
        for p in found:
            place = self.place_of(p)
            el = place.element
            plan.edits.append(lambda ed, el=el: ed.remove(el))  # type: ignore[misc]
            plan.spans += place.spans(place.start, place.end)

    def insert(self, ins: Instruction, plan: _Plan) -> None:
        c = ins.change
        target = ins.targets[-1] if c.where == "after" else ins.targets[0]
        if target.entry is not None:  # "after the entry relating to “penalty notice” insert— …": rows, not provisions
            if c.where not in ("after", "before"):
                raise Failure("not-found", f"{target.describe()}: lawtrack inserts only before or after an entry")
            self._rows_at(ins, plan, c.where)
            return
        new = self.structure(ins)
        if not new and c.where == "appropriate-place":
            if c.entries:  # "at the appropriate places insert— “designation notice (in Part 4) section 84”; …"
                self.entries(ins, plan, None)
                return
            rows = self.table_rows(ins)
            if rows:  # "at the appropriate places insert— “Social housing | Section 2B(2)”; …" (table rows)
                self.entries(ins, plan, rows)
                return
        if not new:
            raise Failure("unparsed", "there is no provision in the text it inserts")
        place = self.place(target)
        el = place.element
        if target.existing_text:
            # after the subdivision a renumbering makes of the existing text: at the end of the provision, after
            # the new subdivision (the renumbering's insertion runs first)
            if c.where != "after":
                raise Failure("not-found", f"{target.describe()}: lawtrack can insert only after a provision the "
                                           f"bill has just made of an existing text")
            self._put(plan, Place("append", el, el), new, ins.source_eid)
            plan.spans += place.spans(place.end, place.end)
            return
        if c.where == "after":
            where = Place("after", el, el.getparent())
            pos = place.end
            if c.new:  # "after paragraph (c) insert “and (d) …”": the words end paragraph (c)
                text = self.text(place)
                end = place.end
                while end > place.start and text[end - 1] in " \n":
                    end -= 1
                self._insert(plan, place, end, c.new, "before")
        elif c.where == "before":
            where = Place("before", el, el.getparent())
            pos = place.start
        elif c.where == "appropriate-place":
            where, pos = self.alphabetical(place, new[0])
        elif c.where == "at-beginning":
            kids = [k for k in el if isinstance(k.tag, str) and local(k.tag) in ("subsection", "paragraph",
                                                                                   "subparagraph", "level", "section",
                                                                                   "hcontainer")]
            where = Place("before", kids[0], el) if kids else Place("append", el, el)
            pos = place.start
        else:
            where, pos = Place("append", el, el), place.end
        if c.but_before:
            self._drop_last(plan, place.provision, c.but_before)
            word = c.but_before

            def move_word() -> list[etree._Element]:
                _append_word(new[-1], word)
                return []

            plan.inserts.append(move_word)
        self._put(plan, where, new, ins.source_eid)
        plan.spans += place.spans(pos, pos)

    def append_structure(self, ins: Instruction, plan: _Plan, target: Target) -> None:
        place = self.place(target)
        new = self.structure(ins)
        self._put(plan, Place("append", place.element, place.element), new, ins.source_eid)

    # -- entries of a table (an index of defined expressions) ----------------------------------------------------
    def table_rows(self, ins: Instruction) -> list[etree._Element]:
        """The table rows the quoted structures insert, as the Act prints them (the list's quotation marks and
        the bill's printed-line markers gone)."""
        rows: list[etree._Element] = []
        for blob in ins.structure_xml:
            try:
                root = parse_xml(blob, ins.source)
            except LawtrackError as exc:
                raise Failure("unparsed", f"the text it inserts cannot be read: {exc.message}") from None
            rows.extend(deepcopy(r) for r in root.iter(_XHTML + "tr"))
        for row in rows:
            _as_act_text(row)
            _unquote_entry(row)
        return rows

    def entries(self, ins: Instruction, plan: _Plan, given: list[etree._Element] | None) -> None:
        """New entries of the table in the provision named, each in alphabetical order of its first column:
        ``given`` rows, or (None) rows in the table's own form for the entries given as words."""
        place = self.place(ins.targets[0])
        tables = [t for t in place.element.iter(_XHTML + "table") if t.find(_XHTML + "tbody") is not None]
        if len(tables) != 1:
            have = "no table" if not tables else "more than one table"
            raise Failure("not-found", f"{ins.targets[0].describe()} has {have} for the entries it inserts")
        body = tables[0].find(_XHTML + "tbody")
        assert body is not None
        existing = [r for r in body if r.tag == _XHTML + "tr"]
        rows = given if given is not None else _rows_like(existing, ins.change.entries)
        if not rows:
            raise Failure("not-found", f"{ins.targets[0].describe()}: its table has no row of two columns to give "
                                       f"the new entries the same form")
        for row in rows:  # where each will be: before the first entry that sorts after it, else after the last
            after = next((r for r in existing if _entry_key(r) > _entry_key(row)), None)
            if after is not None:
                at = self._offsets(place, after)
                pos = min(at) if at else place.end
            else:
                at = self._offsets(place, existing[-1]) if existing else []
                pos = max(at) if at else place.end
            plan.spans += place.spans(pos, pos)
        stem = _table_stem(tables[0], place.provision.eid)

        def put_rows(body: etree._Element = body, rows: list[etree._Element] = rows) -> list[etree._Element]:
            for row in rows:
                current = [r for r in body if r.tag == _XHTML + "tr"]
                after = next((r for r in current if _entry_key(r) > _entry_key(row)), None)
                if after is None:
                    body.append(row)
                else:
                    after.addprevious(row)
                self._entry_ids(row, stem, ins.source_eid)
            return rows

        plan.inserts.append(put_rows)

    def _offsets(self, place: _Place, el: etree._Element) -> list[int]:
        """Where the words of ``el`` (a row or cell of a table) are in the text of the provision's unit."""
        return [o for sg in self.s.editor.map_of(place.unit).segments
                if sg.node is el or any(a is el for a in sg.node.iterancestors()) for o in (sg.offset,
                                                                                         sg.offset + sg.length)]

    def _entry_row(self, place: _Place, target: Target) -> etree._Element:
        """The row of the provision's table whose first column is ``target.entry``."""
        want = _term_key(target.entry or "")
        rows = [r for r in place.element.iter(_XHTML + "tr") if _term_key(_first_cell(r)) == want]
        where = target.model_copy(update={"entry": None, "column": None}).describe()
        if not rows:
            have = [_first_cell(r) for r in place.element.iter(_XHTML + "tr")]
            said = ", ".join(f"“{h}”" for h in have[:4]) + (" …" if len(have) > 4 else "")
            raise Failure("not-found", f"{where} has no entry for “{target.entry}”"
                                       + (f" (its entries: {said})" if have else " (it has no table)"))
        if len(rows) > 1:
            raise Failure("ambiguous", f"{where} has {len(rows)} entries for “{target.entry}”")
        return rows[0]

    def _rows_at(self, ins: Instruction, plan: _Plan, where: str) -> None:
        """New rows after or before an entry, or in its place."""
        target = ins.targets[-1] if where == "after" else ins.targets[0]
        place = self.place(target)
        row = self._entry_row(place, target)
        rows = self.table_rows(ins)
        if not rows:
            raise Failure("unparsed", "there is no entry of a table in the text it inserts")
        at = self._offsets(place, row)
        pos = (max(at) if where == "after" else min(at)) if at else place.start
        plan.spans += place.spans(min(at), max(at)) if where == "replace" and at else place.spans(pos, pos)
        stem = _table_stem(row, place.provision.eid)

        def put_rows(row: etree._Element = row, rows: list[etree._Element] = rows) -> list[etree._Element]:
            anchor = row
            for new in rows:
                if where == "after":
                    anchor.addnext(new)
                    anchor = new
                else:
                    row.addprevious(new)
                self._entry_ids(new, stem, ins.source_eid)
            return rows

        plan.inserts.append(put_rows)
        if where == "replace":
            plan.edits.append(lambda ed, el=row: ed.remove(el))  # type: ignore[misc]

    def _entry_ids(self, row: etree._Element, stem: str, seed: str) -> None:
        """Fresh eIds and GUIDs for a new row and its cells (LawMaker keeps them as ``akn:`` attributes there)."""
        eid = f"{stem}__row__new"
        n = 1
        while f"{eid}_{n}" in self.s.taken:
            n += 1
        eid = f"{eid}_{n}"
        self.s.taken.add(eid)
        cells = [c for c in row if isinstance(c.tag, str) and local(c.tag) in ("td", "th")]
        for node in (row, *cells):
            if node.get(_AKN_EID) is not None:
                node.set(_AKN_EID, eid if node is row else f"{eid}__col_{cells.index(node) + 1}")
            if node.get(_AKN_GUID) is not None:
                node.set(_AKN_GUID, "_" + str(uuid.uuid5(_RENUMBER_NS, f"{seed}:{node.get(_AKN_GUID)}")))

    def alphabetical(self, place: _Place, new: etree._Element) -> tuple[Place, int]:
        """Where a new definition goes among the provision's definitions: in alphabetical order of the term."""
        term = _term(new)
        defs = [d for d in place.provision.children if d.kind is Kind.DEFINITION]
        for d in defs:
            if _sort_key(_defined(d)) > _sort_key(term):
                at = self.place_of(d)
                return Place("before", at.element, at.element.getparent()), at.start
        if defs:
            at = self.place_of(defs[-1])
            return Place("after", at.element, at.element.getparent()), at.end
        return Place("append", place.element, place.element), place.end

    def renumber(self, ins: Instruction, plan: _Plan) -> None:
        """"The existing text becomes subsection (1)": everything after the provision's number and heading goes
        into a new first subdivision, numbered as the bill says."""
        c = ins.change
        label = c.labels[0]
        for target in ins.targets:
            place = self.place(target)
            el = place.element
            kids = [k for k in el if not (isinstance(k.tag, str) and local(k.tag) in ("num", "heading"))]
            while kids and not isinstance(kids[0].tag, str):  # a comment or marker before the text stays put
                kids.pop(0)
            tag = _RENUMBER_TAGS[c.kind]
            subdivided = [k for k in kids if isinstance(k.tag, str) and local(k.tag) == tag]
            if not kids or subdivided:
                what = "no text" if not kids else f"{c.kind}s already"
                raise Failure("not-found", f"{target.describe()} has {what}: its existing text cannot become "
                                           f"{c.kind} ({label})")
            new = etree.Element(akn(tag))
            if el.get("class") in _NEXT_CLASS:
                new.set("class", _NEXT_CLASS[el.get("class", "")])
            num = etree.SubElement(new, akn("num"))
            num.text = f"({label})"
            eid = child_eid(el, new, label)
            base, n = eid, 2
            while eid in self.s.taken:
                eid, n = f"{base}_{n}", n + 1
            self.s.taken.add(eid)
            new.set("eId", eid)
            new.set("GUID", "_" + str(uuid.uuid5(_RENUMBER_NS, f"{ins.source_eid}:{el.get('eId')}:{eid}")))

            def wrap(new: etree._Element = new, kids: list[etree._Element] = kids) -> list[etree._Element]:
                kids[0].addprevious(new)
                num = new[0]
                num.tail = "\n"
                for k in kids:
                    new.append(k)  # with its tail
                return [new]

            plan.inserts.append(wrap)
            start = self._existing_start(place)
            plan.spans += place.spans(start, start)

    # -- driving ------------------------------------------------------------------------------------------------
    def plan(self, ins: Instruction) -> _Plan:
        plan = _Plan()
        c = ins.change
        if c.action == "renumber":
            self.renumber(ins, plan)
        elif any(t.existing_text for t in ins.targets) and c.unit == "provision" and c.action != "insert":
            raise Failure("not-found", f"{' and '.join(t.describe() for t in ins.targets)}: lawtrack cannot omit or "
                                       f"replace a provision the bill has just made of an existing text")
        elif c.unit == "heading":
            self.heading(ins, plan)
        elif c.unit == "words":
            self.words(ins, plan)
        elif c.action == "omit":
            self.omit(ins, plan)
        elif c.action == "substitute":
            self.substitute(ins, plan)
        else:
            self.insert(ins, plan)
        return plan


def _append_word(el: etree._Element, word: str) -> None:
    """Put ``word`` at the end of the last text of an inserted provision (the “or” it was inserted before)."""
    last = None
    for node in el.iter():
        if isinstance(node.tag, str) and node.text and node.text.strip():
            last = node
    if last is not None and last.text is not None:
        last.text = last.text.rstrip() + f" {word}"


def _as_act_text(el: etree._Element) -> None:
    """Inserted text as the Act prints it: the bill's printed-line markers go (an Act has no bill's lines), and
    a defined term's quotation marks, which the bill keeps in attributes, become text as in the Act."""
    for pi in [n for n in el.iter(etree.ProcessingInstruction) if getattr(n, "target", "") == "L"]:
        remove_keep_tail(pi)
    for node in el.iter():
        if not isinstance(node.tag, str) or local(node.tag) != "def":
            continue
        start, end = _UKL_START, _UKL_END
        opening, closing = node.get(start), node.get(end)
        if opening is None and closing is None:
            continue
        for name in (start, end):
            if name in node.attrib:
                del node.attrib[name]
        prev = node.getprevious()
        parent = node.getparent()
        if opening:
            if prev is not None:
                prev.tail = (prev.tail or "") + opening
            elif parent is not None:
                parent.text = (parent.text or "") + opening
        if closing:
            node.tail = closing + (node.tail or "")


_UKL_START = "{https://www.legislation.gov.uk/namespaces/UK-AKN}startQuote"
_UKL_END = "{https://www.legislation.gov.uk/namespaces/UK-AKN}endQuote"


_XHTML = "{http://www.w3.org/1999/xhtml}"
_AKN_EID = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}eId"
_AKN_GUID = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}GUID"


def _texts(el: etree._Element) -> list[tuple[etree._Element, str]]:
    """Every piece of text in ``el``, in order, as (node, "text" or "tail")."""
    out: list[tuple[etree._Element, str]] = []
    for node in el.iter():
        if isinstance(node.tag, str) and node.text:
            out.append((node, "text"))
        if node is not el and node.tail:
            out.append((node, "tail"))
    return out


def _unquote_entry(row: etree._Element) -> None:
    """An entry as the Act prints it: a list of entries in a bill is quoted ("“Social housing | Section 2B(2)”;"),
    the quotation marks, and the separator after the last, are the bill's."""
    pieces = [(n, slot) for n, slot in _texts(row) if ((n.text if slot == "text" else n.tail) or "").strip()]
    if not pieces:
        return
    node, slot = pieces[0]
    value = node.text if slot == "text" else node.tail
    value = re.sub(r"^(\s*)[“\"]", r"\1", value or "")
    setattr(node, slot, value)
    node, slot = pieces[-1]
    value = node.text if slot == "text" else node.tail
    value = re.sub(r"[”\"]\s*[;,.]?\s*(?:(?:and|or)\s*)?$", "", value or "")
    setattr(node, slot, value)


def _rows_like(existing: list[etree._Element], entries: tuple[tuple[str, str], ...]) -> list[etree._Element]:
    """Rows for entries given as words, in the form of the table's own rows (a copy of its first row of two cells,
    each cell's words replaced); none when the table has no such row."""
    model = next((r for r in existing if len([c for c in r if isinstance(c.tag, str) and local(c.tag) == "td"]) == 2),
                 None)
    if model is None:
        return []
    rows = []
    for words in entries:
        row = deepcopy(model)
        for cell, text in zip([c for c in row if isinstance(c.tag, str) and local(c.tag) == "td"], words,
                              strict=True):
            inner = cell
            while len(inner) and isinstance(inner[0].tag, str):  # the cell's paragraph, as the model row has it
                inner = inner[0]
            for child in list(inner):
                inner.remove(child)
            inner.text = text
        rows.append(row)
    return rows


def _table_stem(el: etree._Element, fallback: str | None) -> str:
    """What new rows are named after: the table's block (``sec_54__tbl__oc_1``, the nearest ancestor with an eId)."""
    for up in el.iterancestors():
        if up.get("eId"):
            return up.get("eId", "")
    return fallback or "tbl"


def _first_cell(row: etree._Element) -> str:
    first = next((c for c in row if isinstance(c.tag, str) and local(c.tag) in ("td", "th")), row)
    return " ".join("".join(str(t) for t in first.itertext()).split())


def _term_key(term: str) -> str:
    """An entry's words for matching: "the Commissioner" is the entry "Commissioner", whatever the case."""
    return re.sub(r"^the\s+", "", _sort_key(term))


def _entry_key(row: etree._Element) -> str:
    """How an entry sorts: the words of its first cell, in lower case, without punctuation."""
    return _sort_key(_first_cell(row))


def _term(el: etree._Element) -> str:
    for node in el.iter():
        if isinstance(node.tag, str) and local(node.tag) == "def":
            return "".join(str(t) for t in node.itertext())
    return "".join(str(t) for t in el.itertext())


def _defined(p: Provision) -> str:
    for m in p.marks:
        if m.tag == "def":
            return p.text[m.start : m.end]
    return p.text


def _sort_key(term: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", term.lower()).strip()


def apply_instructions(act: Bill, instructions: Sequence[Instruction], unread: Sequence[Unread] = ()) -> ApplyResult:
    """Apply ``instructions`` (in the bill's order) to ``act``; ``act`` is not changed. One outcome each, and an
    ``unparsed`` outcome for each provision in ``unread``."""
    ap = _Applier(act)
    s = ap.s
    results: list[tuple[Instruction, _Plan | None, Outcome | None]] = []
    for ins in instructions:
        mark = s.checkpoint()
        try:
            plan = ap.plan(ins)
            for edit in plan.edits:
                edit(s.editor)
        except Failure as exc:
            s.rollback(mark)
            results.append((ins, None, Outcome(number=ins.source, status=exc.status, detail=exc.detail)))
            continue
        except (EditError, LawtrackError) as exc:
            s.rollback(mark)
            results.append((ins, None, Outcome(number=ins.source, status="not-found", detail=str(exc))))
            continue
        except Exception as exc:  # a fault in lawtrack: this instruction's outcome, not a crash
            s.rollback(mark)
            results.append((ins, None, Outcome(number=ins.source, status="error",
                                               detail=f"internal error ({type(exc).__name__}: {exc}); please "
                                                      f"report it")))
            continue
        results.append((ins, plan, None))
    new_elements: list[etree._Element] = []
    made: dict[int, list[str]] = {}
    for i, (_ins, kept, _o) in enumerate(results):
        if kept is None:
            continue
        for make in kept.inserts:
            els = make()
            new_elements.extend(els)
            made.setdefault(i, []).extend(n.get("eId", "") for el in els for n in el.iter()
                                          if isinstance(n.tag, str) and n.get("eId"))
    s.editor.apply()
    outcomes: list[Outcome] = []
    for i, (ins, done, failed) in enumerate(results):
        if done is None:
            if failed is not None:
                outcomes.append(failed)
            continue
        detail = "; ".join(ins.notes)
        outcomes.append(Outcome(number=ins.source, status="applied", detail=detail,
                                provisions=tuple(made.get(i, [])) + tuple(done.touched),
                                spans=tuple(done.spans)))
    for u in unread:
        outcomes.append(Outcome(number=u.source, status="unparsed", detail=u.reason))
    amended = rebuild_bill(act, s.root, s.editor.changed + new_elements, f"{act.source} (amended)")
    return ApplyResult(bill=amended, outcomes=tuple(outcomes))
