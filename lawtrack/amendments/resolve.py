"""Where an amendment acts: its address resolved against the bill *as given* (the print it was tabled against).

A :class:`Resolver` turns "Clause 5, page 4, line 12" into the clause, its element in the working copy and the
region of its text that the address names; finds quoted words in that region; and finds the provisions a
"leave out subsection (2)" names. Nothing here changes the document.
"""

from __future__ import annotations

import re

from lxml import etree

from lawtrack.amendments.locate import find_words, find_words_loosely, fold
from lawtrack.amendments.model import LeaveOutProvisions, Parsed, Point
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.xmledit import Editor
from lawtrack.formats.lawmaker import ProvisionSpan, long_title_element, read_unit
from lawtrack.model.bill import Bill
from lawtrack.model.labels import as_written
from lawtrack.model.provision import Kind, Provision


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Resolver:
    """Address resolution over ``bill`` (the print as tabled) and the working copy indexed in ``index``."""

    def __init__(self, bill: Bill, index: dict[str, etree._Element], editor: Editor, root: etree._Element) -> None:
        self.bill = bill
        self.root = root
        self._title: Provision | None = None
        self.index = index
        self.editor = editor
        self.folded: dict[int, str] = {}
        #: A printed line may appear as several spans (table columns side by side): region → its spans.
        self.split_lines: dict[tuple[int, int, int], list[tuple[int, int]]] = {}
        self._numbers: dict[str, list[tuple[int, int]]] = {}
        #: Whether the bill has printed line markers at all (a print without them is addressed by clause).
        self.printed = any(p.lines for p in bill.provisions)

    # -- words --------------------------------------------------------------------------------------------------
    def find(self, text: str, words: str, lo: int, hi: int, top: Provision | None = None) -> list[tuple[int, int]]:
        """Where ``words`` occur in ``text[lo:hi]``. With ``top`` (the provision ``text`` belongs to), words that
        are only a provision's own number ("2" in "(2) Omit section 2") do not count: quoted words are words of
        the text, never a label."""
        key = id(text)
        if key not in self.folded:
            self.folded[key] = fold(text)
        hits = find_words(text, words, lo, hi, self.folded[key])
        if not hits and any(q in words for q in "“”\""):
            hits = find_words_loosely(text, words, lo, hi)  # unbalanced marks on the paper
        spans = self.split_lines.get((key, lo, hi))
        if spans:
            hits = [h for h in hits if any(a <= h[0] < b for a, b in spans)]
        if top is not None and hits:
            numbers = self.numbers(top)
            hits = [h for h in hits if not any(a <= h[0] and h[1] <= b for a, b in numbers)]
        return hits

    def numbers(self, top: Provision) -> list[tuple[int, int]]:
        """Where the numbers of ``top`` and of its own (not quoted) provisions are printed in ``top.text``."""
        key = top.eid or ""
        if key not in self._numbers:
            out: list[tuple[int, int]] = []
            el = self.index.get(key)
            if el is not None:
                stack = list(self.editor.map_of(el).provisions)
                while stack:
                    span = stack.pop()
                    stack.extend(span.children)
                    p = self.bill.by_eid(span.node.get("eId") or "")
                    if p is not None and p.num and not p.quoted and top.text.startswith(p.num, span.start):
                        out.append((span.start, span.start + len(p.num)))
            self._numbers[key] = out
        return self._numbers[key]

    def choose(self, hits: list[tuple[int, int]], words: str, text: str, lo: int, hi: int, each: bool,
               occurrence: int | None) -> list[tuple[int, int]]:
        """The occurrence(s) an instruction means: all ("in each place"), the n-th, or the only one."""
        line = text[lo:hi].replace("\n", " ")
        if not hits:
            raise Failure("not-found", f"“{words}” is not there; the text reads: “{short(line, 160)}”")
        if each:
            return hits
        if occurrence is not None:
            idx = occurrence - 1 if occurrence > 0 else len(hits) + occurrence
            if not 0 <= idx < len(hits):
                raise Failure("not-found", f"“{words}” occurs {len(hits)} time(s) there, not {occurrence}")
            return [hits[idx]]
        if len(hits) > 1:
            where = ", ".join(f"character {s - lo + 1}" for s, _ in hits)
            raise Failure("ambiguous", f"“{words}” appears {len(hits)} times ({where} of “{short(line, 160)}”); "
                                       "say which (“in each place”, “where it first occurs”) or quote more words")
        return hits

    # -- elements -----------------------------------------------------------------------------------------------
    def element(self, p: Provision) -> etree._Element:
        el = self.index.get(p.eid or "")
        if el is None:
            raise Failure("not-found", f"{p.describe()} has no eId in the document and cannot be edited")
        return el

    def span_of(self, scope_el: etree._Element, node: etree._Element) -> ProvisionSpan:
        def search(spans: list[ProvisionSpan]) -> ProvisionSpan | None:
            for s in spans:
                if s.node is node:
                    return s
                found = search(s.children)
                if found is not None:
                    return found
            return None

        found = search(self.editor.map_of(scope_el).provisions)
        if found is None:
            raise Failure("not-found", "provision not found inside its clause")
        return found

    # -- addresses ----------------------------------------------------------------------------------------------
    def scope(self, parsed: Parsed) -> tuple[Provision, etree._Element, int, int, str]:
        """The clause or Schedule addressed, its element, the text region [lo, hi) the address names, and a note
        when the address could not be taken literally (a page and line on a print without line markers)."""
        addr = parsed.address
        if addr.title:
            return self.title_scope(parsed)
        heading = self.heading_unit(parsed)
        if heading is not None:
            return self.heading_scope(heading, parsed)
        if addr.clause is not None:
            top = self.bill.find(f"clause {addr.clause}")
            if top is None:
                raise Failure("not-found", f"the bill has no Clause {addr.clause}")
            path_ref = ("clause " + addr.clause + "".join(f"({p})" for p in addr.path)) if addr.path else None
        elif addr.schedule is not None:
            top = self.schedule(addr.schedule)
            path_ref = (f"schedule {addr.schedule}, paragraph {addr.path[0]}"
                        + "".join(f"({p})" for p in addr.path[1:])) if addr.path else None
        elif addr.page is not None and addr.line is not None and (on := self.clause_on_line(addr.page, addr.line)):
            top, path_ref = on, None  # "Page 5, line 3," with no clause: the clause printed there
        else:
            raise Failure("not-found", "the instruction names no clause or Schedule")
        top_el = self.element(top)
        lo, hi = 0, len(top.text)
        if path_ref:
            sub = self.bill.find(path_ref)
            if sub is None:
                raise Failure("not-found", f"the bill has no {path_ref}")
            span = self.span_of(top_el, self.element(sub))
            lo, hi = span.start, span.end
        note = ""
        if addr.line is not None:
            if not top.lines and not self.printed:
                # a print without <?L?> markers: the clause (or the provision the path names) is the region
                note = (f" (the print has no line markers, so page {addr.page}, line {addr.line} could not be "
                        "checked)" if addr.page is not None else f" (line {addr.line} could not be checked: the "
                        "print has no line markers)")
            else:
                lo, hi = self.line_region(top, addr.page, addr.line)
        return top, top_el, lo, hi, note

    def heading_unit(self, parsed: Parsed) -> Provision | None:
        """The Part, Chapter or cross-heading an address names by itself — "Part 2,", "Cross-heading before
        Clause 5,", "Page 5, line 1," (words printed outside any clause) — or None when it names a clause or
        Schedule paragraph."""
        addr = parsed.address
        if addr.clause is not None or addr.path:
            return None
        if addr.heading_before is not None:
            return self.cross_heading_before(addr.schedule, addr.heading_before)
        if addr.part is not None or addr.chapter is not None:
            return self.group(addr.schedule, addr.part, addr.chapter)
        if addr.schedule is None and addr.page is not None and addr.line is not None:
            return self.heading_on_line(addr.page, addr.line)
        return None

    def _own_walk(self, schedule: str | None) -> list[Provision]:
        if schedule is None:
            return [p for top in self.bill.provisions if top.kind is not Kind.SCHEDULES for p in top.walk()
                    if not p.quoted and p.kind is not Kind.SCHEDULE and not self.bill.enclosing(p, Kind.SCHEDULE)]
        return [p for p in self.schedule(schedule).walk() if not p.quoted]

    def schedule(self, number: str) -> Provision:
        """Schedule ``number``; ``""`` is "the Schedule" of a bill with one (ambiguous in a bill with more)."""
        if number:
            found = self.bill.find(f"schedule {number}")
            if found is None:
                raise Failure("not-found", f"the bill has no Schedule {number}")
            return found
        schedules = self.bill.schedules()
        if len(schedules) > 1:
            raise Failure("ambiguous", f"the bill has {len(schedules)} Schedules and the amendment does not say "
                                       "which (“Schedule 2, page …”)")
        if not schedules:
            raise Failure("not-found", "the bill has no Schedule")
        return schedules[0]

    def cross_heading_before(self, schedule: str | None, number: str) -> Provision:
        """The cross-heading printed immediately before Clause ``number`` (in a Schedule: before paragraph
        ``number``)."""
        unit_kind, unit = (Kind.CLAUSE, "Clause") if schedule is None else (Kind.PARAGRAPH, "paragraph")
        pending: Provision | None = None
        for p in self._own_walk(schedule):
            if p.kind is Kind.CROSSHEADING:
                pending = p
            elif p.kind is unit_kind and (p.kind is Kind.CLAUSE or p.element == "paragraph"):
                if (p.label or "").lower() == number.lower():
                    if pending is None:
                        raise Failure("not-found", f"no cross-heading stands immediately before {unit} {number}")
                    return pending
                pending = None
        raise Failure("not-found", f"the bill has no {unit} {number}"
                      + (f" in Schedule {schedule}" if schedule else ""))

    def group(self, schedule: str | None, part: str | None, chapter: str | None) -> Provision:
        pool = self._own_walk(schedule)
        found: Provision | None = None
        for kind, want in ((Kind.PART, part), (Kind.CHAPTER, chapter)):
            if want is None:
                continue
            found = next((p for p in pool if p.kind is kind and (p.label or "").lower() == want.lower()), None)
            if found is None:
                where = f" of Schedule {schedule}" if schedule else ""
                raise Failure("not-found", f"the bill has no {kind.value.title()} {want}{where}")
            pool = list(found.walk())
        if found is None:  # pragma: no cover - heading_unit only asks with a Part or a Chapter
            raise Failure("not-found", "no Part or Chapter named")
        return found

    def heading_on_line(self, page: int, line: int) -> Provision | None:
        """The Part, Chapter, cross-heading or Schedule whose own words (number and heading) are printed on page
        ``page``, line ``line`` — what "Page 5, line 1," with no clause names."""
        for p in self.bill.walk():
            if p.quoted or p.kind not in (Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING, Kind.SCHEDULE):
                continue
            if any(s.page == page and s.line == line and s.start < max(p.own_end, 1) for s in p.lines):
                return p
        return None

    def clause_on_line(self, page: int, line: int) -> Provision | None:
        return next((c for c in self.bill.clauses() if any(s.page == page and s.line == line for s in c.lines)),
                    None)

    def heading_scope(self, unit: Provision, parsed: Parsed) -> tuple[Provision, etree._Element, int, int, str]:
        """A heading's own words (its number and heading, not the provisions under it) as the region."""
        el = self.element(unit)
        end = unit.own_end if unit.children else len(unit.text)
        addr = parsed.address
        if addr.line is not None and unit.lines:
            lo, hi = self.line_region(unit, addr.page, addr.line)
            return unit, el, lo, min(hi, end) if lo < end else hi, ""  # "Part 2, page 5, line 3": in the Part
        note = (f" (the print has no line markers, so page {addr.page}, line {addr.line} could not be checked)"
                if addr.line is not None else "")
        return unit, el, 0, end, note

    def title_unit(self) -> Provision | None:
        """The long title read as one provision (None when the bill has none)."""
        if self._title is None:
            el = long_title_element(self.root)
            self._title = read_unit(el) if el is not None else None
        return self._title

    def title_scope(self, parsed: Parsed) -> tuple[Provision, etree._Element, int, int, str]:
        """"Title, line 9, …": the long title. LawMaker prints carry no line markers in it, so its lines cannot be
        checked: the words are looked for in the whole title, and "at end" is its end (the outcome says so)."""
        el = long_title_element(self.root)
        top = self.title_unit()
        if el is None or top is None:
            raise Failure("not-found", "the bill has no long title")
        addr = parsed.address
        if addr.line is not None and top.lines:
            lo, hi = self.line_region(top, None, addr.line)
            return top, el, lo, hi, ""
        note = f" (the long title has no line markers, so line {addr.line} could not be checked)" if addr.line \
            else ""
        return top, el, 0, len(top.text), note

    def line_region(self, top: Provision, page: int | None, line: int) -> tuple[int, int]:
        if not top.lines:
            raise Failure("not-found", f"{top.describe()} carries no printed page/line numbers (the bill was "
                                       "imported without a print); address it by clause, subsection and paragraph")
        matches = [s for s in top.lines if s.line == line and (page is None or s.page == page)]
        if not matches:
            first, last = top.lines[0], top.lines[-1]
            where = f"page {page}, line {line}" if page is not None else f"line {line}"
            raise Failure("not-found", f"{top.describe()} has no words on {where}; it is printed from page "
                                       f"{first.page} line {first.line} to page {last.page} line {last.line}")
        if len(matches) > 1 and page is None and len({m.page for m in matches}) > 1:
            matches = [m for m in matches if m.page == matches[0].page]
        lo, hi = min(m.start for m in matches), max(m.end for m in matches)
        if len(matches) > 1:
            self.split_lines[(id(top.text), lo, hi)] = [(m.start, m.end) for m in matches]
        return lo, hi

    @staticmethod
    def _page(pt: Point, parsed: Parsed) -> int | None:
        """The page of a point's line: as given, else the address's — or the next page when the line number is
        lower than the address's ("from “x” to end of line 2" on a range that turns the page)."""
        page = pt.page if pt.page is not None else parsed.address.page
        if page is not None and pt.page is None and pt.line is not None and parsed.address.line is not None \
                and pt.line < parsed.address.line:
            page += 1
        return page

    def provision_end(self, top: Provision, pt: Point, after: int) -> int:
        """Where "the end of subsection (1)" is: the end of that provision's text, the one the range starts in
        when there are several with that label; "the end of the clause" is the end of the clause addressed."""
        if pt.provision == "clause":
            if top.kind is not Kind.CLAUSE:
                raise Failure("not-found", f"the range ends at the end of the clause, but it is in {top.describe()}")
            end = len(top.text)
            while end > after and top.text[end - 1] in " \n":
                end -= 1
            return end
        kinds = {"subsection": {Kind.SUBSECTION, Kind.SUBPARAGRAPH}, "paragraph": {Kind.PARAGRAPH},
                 "sub-paragraph": {Kind.SUBPARAGRAPH, Kind.SUBSUBPARAGRAPH}}.get(pt.provision, set())
        label = pt.labels[-1].lower() if pt.labels else ""
        el = self.index.get(top.eid or "")
        spans = []
        if el is not None:
            stack = list(self.editor.map_of(el).provisions)
            while stack:
                span = stack.pop()
                stack.extend(span.children)
                p = self.bill.by_eid(span.node.get("eId") or "")
                if p is not None and p.kind in kinds and (p.label or "").lower() == label and not p.quoted:
                    spans.append(span)
        around = [s for s in spans if s.start <= after <= s.end] or [s for s in spans if s.end > after]
        if not around:
            shown = as_written(pt.provision, pt.labels[-1] if pt.labels else "")  # as the instruction wrote it
            raise Failure("not-found", f"no {pt.provision} {shown} in {top.describe()} for the range to end at")
        end = min(around, key=lambda s: s.end - s.start).end
        while end > after and top.text[end - 1] in " \n":
            end -= 1
        return end

    @staticmethod
    def skip_label(text: str, pos: int) -> int:
        """"at beginning": after the provision's own number."""
        m = re.match(r"\(?[0-9A-Za-z]{1,6}\)?\s", text[pos : pos + 10])
        return pos + m.end() if (m and pos == 0) or (m and text[pos - 1] == "\n") else pos

    def point(self, top: Provision, text: str, pt: Point, lo: int, hi: int, parsed: Parsed, *, is_end: bool,
              after: int) -> int:
        """One end of a "leave out from … to …" range, as an offset in ``text``.

        House practice (the Commons' own guide: "A and B are the words immediately before and after the proposed
        deletion"): “x” in "from “x”" and “y” in "to “y”" are kept; the range is the words between them.
        """
        if pt.kind == "beginning":
            if pt.line is not None:  # "from beginning of line 31"
                return self.skip_label(text, self.line_region(top, self._page(pt, parsed), pt.line)[0])
            return self.skip_label(text, lo)
        if pt.kind == "end-of-provision":  # "to the end of subsection (1)"
            return self.provision_end(top, pt, after)
        if pt.kind == "end-of-line":
            line = pt.line if pt.line is not None else parsed.address.line  # "to end of line": the line addressed
            if line is None:
                raise Failure("not-found", "“to end of line” names no line, and the address gives none")
            return self.line_region(top, self._page(pt, parsed), line)[1]
        region_lo, region_hi = lo, hi
        if pt.line is not None:
            region_lo, region_hi = self.line_region(top, self._page(pt, parsed), pt.line)
        elif is_end:
            region_lo, region_hi = after, len(text)
        hits = [h for h in self.find(text, pt.words, region_lo, region_hi, top) if h[0] >= after]
        if is_end and pt.line is None and pt.occurrence is None:
            hits = hits[:1]  # "to “y”": the next “y” after the start
        chosen = self.choose(hits, pt.words, text, region_lo, region_hi, False, pt.occurrence)
        # the words quoted at either end are kept: the range is what lies between them
        return chosen[0][0] if is_end else chosen[0][1]

    def path_provision(self, parsed: Parsed) -> Provision | None:
        """The provision an address's path names ("Clause 5(2)(a)" → that paragraph), or None without a path."""
        addr = parsed.address
        if not addr.path:
            return None
        if addr.clause is not None:
            ref = "clause " + addr.clause + "".join(f"({p})" for p in addr.path)
        elif addr.schedule is not None:
            ref = f"schedule {addr.schedule}, paragraph {addr.path[0]}" + "".join(f"({p})" for p in addr.path[1:])
        else:
            return None
        return self.bill.find(ref)

    def _nearest_labelled(self, p: Provision) -> Provision | None:
        """The nearest ancestor with a label of its own (not a Part, Chapter or cross-heading)."""
        return next((a for a in self.bill.ancestors(p) if a.label and a.kind not in (
            Kind.PART, Kind.CHAPTER, Kind.CROSSHEADING)), None)

    # -- provisions by label ------------------------------------------------------------------------------------
    def provisions(self, top: Provision, op: LeaveOutProvisions, parsed: Parsed) -> tuple[list[Provision], str]:
        """The provisions "leave out subsection (2)" / "paragraphs (a) to (c)" names, in order, and a note for
        the outcome ("" when there is nothing to say).

        The first label is looked for where the address points (on its printed line when it has one); the
        others are that provision's siblings, as in any list of labels a clerk writes. When the one provision of
        that label is not printed on the line given, it is still taken (the clerk's line may be a line out), and
        the note says where it is printed.
        """
        kinds = {"subsection": {Kind.SUBSECTION, Kind.SUBPARAGRAPH}, "paragraph": {Kind.PARAGRAPH},
                 "sub-paragraph": {Kind.SUBPARAGRAPH, Kind.SUBSUBPARAGRAPH}}[op.kind]
        wanted = [label.lower() for label in op.labels]
        written = [as_written(op.kind, label) for label in op.labels]  # for messages: "(a)", "3A"
        addr = parsed.address
        base = self.path_provision(parsed) or top
        pool = [p for p in base.walk() if p.kind in kinds and (p.label or "").lower() == wanted[0] and p is not base]
        note = ""
        if base is not top:
            # "Clause 49(5), leave out paragraph (a)": the (a) of subsection (5) itself before any deeper one
            near = [p for p in pool if self._nearest_labelled(p) is base]
            pool = near or pool
        if addr.line is None or not self.printed:
            # without a printed line: the bill's own provisions, else (text inserted into an Act) quoted ones
            pool = [p for p in pool if not p.quoted] or pool
        elif pool:
            on_line = [p for p in pool if any(s.line == addr.line and (addr.page is None or s.page == addr.page)
                                              for s in p.lines)]
            starting = [p for p in on_line if p.lines and (p.lines[0].line, p.lines[0].page) ==
                        (addr.line, addr.page if addr.page is not None else p.lines[0].page)]
            if not on_line and len(pool) == 1 and pool[0].lines:
                where = pool[0].lines[0]
                at = f"page {addr.page}, line {addr.line}" if addr.page is not None else f"line {addr.line}"
                note = (f" — note: {op.kind} {written[0]} is not printed on {at}; it starts on page {where.page}, "
                        f"line {where.line}")
            pool = starting or on_line or pool
        if not pool:
            raise Failure("not-found", f"no {op.kind} {written[0]} at that place in {top.describe()}")
        if len(pool) > 1:
            raise Failure("ambiguous", f"{top.describe()} has {len(pool)} {op.kind}s {written[0]} at that place; "
                                       "give the page and line")
        first = pool[0]
        parent = self.bill.parent(first)
        siblings = list(parent.children) if parent is not None else [first]
        found = [first]
        for label, shown in zip(wanted[1:], written[1:], strict=True):
            match = [p for p in siblings if p.kind in kinds and (p.label or "").lower() == label]
            if not match:
                raise Failure("not-found", f"no {op.kind} {shown} beside {written[0]} in {top.describe()}")
            found.append(match[0])
        if op.through:
            i, j = siblings.index(found[0]), siblings.index(found[-1])
            if j < i:
                raise Failure("not-found", f"{written[-1]} comes before {written[0]} in {top.describe()}")
            return siblings[i : j + 1], note
        return found, note
