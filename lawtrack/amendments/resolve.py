"""Where an amendment acts: its address resolved against the bill *as given* (the print it was tabled against).

A :class:`Resolver` turns "Clause 5, page 4, line 12" into the clause, its element in the working copy and the
region of its text that the address names; finds quoted words in that region; and finds the provisions a
"leave out subsection (2)" names. Nothing here changes the document.
"""

from __future__ import annotations

import re

from lxml import etree

from lawtrack.amendments.locate import find_words, fold
from lawtrack.amendments.model import LeaveOutProvisions, Parsed, Point
from lawtrack.amendments.outcome import Failure
from lawtrack.amendments.xmledit import Editor
from lawtrack.formats.lawmaker import ProvisionSpan
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Resolver:
    """Address resolution over ``bill`` (the print as tabled) and the working copy indexed in ``index``."""

    def __init__(self, bill: Bill, index: dict[str, etree._Element], editor: Editor) -> None:
        self.bill = bill
        self.index = index
        self.editor = editor
        self.folded: dict[int, str] = {}
        #: A printed line may appear as several spans (table columns side by side): region → its spans.
        self.split_lines: dict[tuple[int, int, int], list[tuple[int, int]]] = {}

    # -- words --------------------------------------------------------------------------------------------------
    def find(self, text: str, words: str, lo: int, hi: int) -> list[tuple[int, int]]:
        key = id(text)
        if key not in self.folded:
            self.folded[key] = fold(text)
        hits = find_words(text, words, lo, hi, self.folded[key])
        spans = self.split_lines.get((key, lo, hi))
        if spans:
            hits = [h for h in hits if any(a <= h[0] < b for a, b in spans)]
        return hits

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
    def scope(self, parsed: Parsed) -> tuple[Provision, etree._Element, int, int]:
        """The clause or Schedule addressed, its element, and the text region [lo, hi) the address names."""
        addr = parsed.address
        if addr.clause is not None:
            top = self.bill.find(f"clause {addr.clause}")
            if top is None:
                raise Failure("not-found", f"the bill has no Clause {addr.clause}")
            path_ref = ("clause " + addr.clause + "".join(f"({p})" for p in addr.path)) if addr.path else None
        elif addr.schedule is not None:
            top = self.bill.find(f"schedule {addr.schedule}" if addr.schedule else "schedule")
            if top is None:
                raise Failure("not-found", f"the bill has no Schedule {addr.schedule}")
            path_ref = (f"schedule {addr.schedule}, paragraph {addr.path[0]}"
                        + "".join(f"({p})" for p in addr.path[1:])) if addr.path else None
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
        if addr.line is not None:
            lo, hi = self.line_region(top, addr.page, addr.line)
        return top, top_el, lo, hi

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
    def skip_label(text: str, pos: int) -> int:
        """"at beginning": after the provision's own number."""
        m = re.match(r"\(?[0-9A-Za-z]{1,6}\)?\s", text[pos : pos + 10])
        return pos + m.end() if (m and pos == 0) or (m and text[pos - 1] == "\n") else pos

    def point(self, top: Provision, text: str, pt: Point, lo: int, hi: int, parsed: Parsed, *, is_end: bool,
              after: int) -> int:
        """One end of a "leave out from … to …" range, as an offset in ``text``."""
        if pt.kind == "beginning":
            return self.skip_label(text, lo)
        if pt.kind == "end-of-line":
            page = pt.page if pt.page is not None else parsed.address.page
            if page is not None and pt.line is not None and parsed.address.line is not None \
                    and pt.page is None and pt.line < parsed.address.line:
                page += 1
            if pt.line is None:  # pragma: no cover - the parser always gives the line
                raise Failure("not-found", "“to end of line” names no line")
            return self.line_region(top, page, pt.line)[1]
        region_lo, region_hi = lo, hi
        if pt.line is not None:
            page = pt.page if pt.page is not None else parsed.address.page
            if page is not None and pt.page is None and parsed.address.line is not None \
                    and pt.line < parsed.address.line:
                page += 1
            region_lo, region_hi = self.line_region(top, page, pt.line)
        elif is_end:
            region_lo, region_hi = after, len(text)
        hits = [h for h in self.find(text, pt.words, region_lo, region_hi) if h[0] >= after]
        if is_end and pt.line is None:
            hits = hits[:1]  # "to “y”": the next “y” after the start
        chosen = self.choose(hits, pt.words, text, region_lo, region_hi, False, pt.occurrence)
        return chosen[0][1]

    # -- provisions by label ------------------------------------------------------------------------------------
    def provisions(self, top: Provision, op: LeaveOutProvisions, parsed: Parsed) -> list[Provision]:
        """The provisions "leave out subsection (2)" / "paragraphs (a) to (c)" names, in order."""
        kinds = {"subsection": {Kind.SUBSECTION, Kind.SUBPARAGRAPH}, "paragraph": {Kind.PARAGRAPH},
                 "sub-paragraph": {Kind.SUBPARAGRAPH, Kind.SUBSUBPARAGRAPH}}[op.kind]
        wanted = [label.lower() for label in op.labels]
        pool = [p for p in top.walk() if p.kind in kinds and (p.label or "").lower() in wanted]
        if parsed.address.line is None:
            pool = [p for p in pool if not p.quoted]  # without a printed line, only the bill's own provisions
        addr = parsed.address
        if addr.line is not None and pool:
            on_line = [p for p in pool if any(s.line == addr.line and (addr.page is None or s.page == addr.page)
                                              for s in p.lines)]
            starting = [p for p in on_line if p.lines and p.lines[0].line == addr.line]
            pool = starting or on_line or pool
        by_label: dict[str, list[Provision]] = {}
        for p in pool:
            by_label.setdefault((p.label or "").lower(), []).append(p)
        missing = [label for label in wanted if label not in by_label]
        if missing:
            raise Failure("not-found", f"no {op.kind} ({missing[0]}) at that place in {top.describe()}")
        firsts = [by_label[label][0] for label in wanted]
        for label in wanted:
            if len(by_label[label]) > 1:
                raise Failure("ambiguous", f"{top.describe()} has {len(by_label[label])} {op.kind}s ({label}) at "
                                           "that place; give the page and line")
        if op.through:
            parent = self.bill.parent(firsts[0])
            siblings = list(parent.children) if parent is not None else []
            try:
                i, j = siblings.index(firsts[0]), siblings.index(firsts[-1])
            except ValueError:
                raise Failure("not-found", f"({wanted[0]}) and ({wanted[-1]}) are not in the same list") from None
            return siblings[i : j + 1]
        return firsts
