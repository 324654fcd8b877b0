"""Apply amendments to a bill: a pure function from (bill, amendments) to (amended bill, one outcome each).

Every address is resolved against the bill as given — the print the amendments were tabled against — before
anything changes, so page/line references stay valid however many amendments come before. Conflicting
amendments are reported, not guessed at: the later one (in marshalled order) is not applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree
from pydantic import BaseModel, ConfigDict

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.locate import find_words, fold, spaced
from lawtrack.amendments.model import (
    Amendment,
    InsertWords,
    LeaveOutClause,
    LeaveOutLines,
    LeaveOutProvisions,
    LeaveOutRange,
    LeaveOutWords,
    NewProvision,
    Parsed,
    Point,
)
from lawtrack.amendments.structure import (
    child_eid,
    num_label,
    place,
    refresh_ids,
    structure_elements,
)
from lawtrack.amendments.xmledit import EditError, Editor
from lawtrack.formats.akn import AKN_NS, akn, local
from lawtrack.formats.lawmaker import ProvisionSpan, rebuild_bill
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Kind, Provision

Status = Literal["applied", "not-found", "ambiguous", "conflict", "unparsed", "wrong-print", "skipped"]


class Outcome(BaseModel):
    """What happened to one amendment."""

    model_config = ConfigDict(frozen=True)

    number: str
    dnum: str | None = None
    status: Status
    detail: str
    conflicts_with: tuple[str, ...] = ()
    #: True when lawtrack chose where to put a new clause (the paper gave no position).
    placed_by_lawtrack: bool = False
    #: eIds (in the amended bill) of the provisions this amendment inserted or changed.
    provisions: tuple[str, ...] = ()
    #: Where it acted, as (clause or Schedule eId, start, end) offsets in that provision's original text.
    spans: tuple[tuple[str, int, int], ...] = ()


class ApplyResult(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    bill: Bill
    outcomes: tuple[Outcome, ...]

    @property
    def all_applied(self) -> bool:
        return all(o.status == "applied" for o in self.outcomes)

    def outcome(self, number: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.number == number), None)


class _Fail(Exception):
    def __init__(self, status: Status, detail: str, conflicts: tuple[str, ...] = ()) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.conflicts = conflicts


@dataclass
class _Claim:
    key: str  # eId of the clause/Schedule whose text the offsets refer to
    start: int
    end: int
    number: str
    whole: bool = False  # the whole provision goes (leave out Clause)


@dataclass
class _Plan:
    claims: list[_Claim] = field(default_factory=list)
    edits: list[Callable[[Editor], None]] = field(default_factory=list)
    inserts: list[Callable[[], list[etree._Element]]] = field(default_factory=list)
    detail: str = ""
    placed_by_lawtrack: bool = False
    heading: str | None = None
    touched: list[str] = field(default_factory=list)


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def print_mismatch(bill: Bill, amendment: Amendment) -> str | None:
    """Why an amendment was tabled against a different print than ``bill`` (None when it matches)."""
    md = bill.metadata
    if amendment.bill_title and md.short_title and md.source_format == "lawmaker":
        a, b = _norm(amendment.bill_title).replace(" [hl]", ""), _norm(md.short_title).replace(" [hl]", "")
        if a != b:
            return f"tabled to the {amendment.bill_title}, not the {md.short_title}"
    if amendment.bill_version and md.stage_version and _norm(amendment.bill_version) != _norm(md.stage_version):
        return (f"tabled against the print “{amendment.bill_version}”"
                f"{f' ({amendment.bill_number})' if amendment.bill_number else ''}, but this bill is "
                f"“{md.stage_version}”{f' ({md.number})' if md.number else ''}: its pages and lines differ")
    if amendment.bill_number and md.number and _norm(amendment.bill_number) != _norm(md.number):
        return f"tabled against {amendment.bill_number}, but this bill is {md.number}"
    if (amendment.bill_version or amendment.bill_number) and not (md.stage_version or md.number):
        tabled = " ".join(x for x in (amendment.bill_number, f"“{amendment.bill_version}”"
                                      if amendment.bill_version else None) if x)
        have = {"markdown": "Markdown", "lawmaker": "LawMaker XML"}.get(md.source_format, md.source_format)
        return (f"tabled against {tabled}, which lawtrack does not have as LawMaker XML: it has this bill's "
                f"text only as {md.short_title} ({have}, with no printed pages or lines), so the page and line "
                "references cannot be found")
    return None


class _Applier:
    def __init__(self, bill: Bill, amendments: Sequence[Amendment]) -> None:
        self.bill = bill
        self.amendments = amendments
        self.root = bill.copy_tree()
        self.index: dict[str, etree._Element] = {}
        for el in self.root.iter():
            if isinstance(el.tag, str) and el.get("eId"):
                self.index.setdefault(el.get("eId", ""), el)
        self.editor = Editor()
        self.claims_by_key: dict[str, list[_Claim]] = {}
        self.headings: dict[str, str] = {}
        self.taken = set(self.index)
        self.new_labels: set[str] = set()
        self.folded: dict[int, str] = {}
        self.placed_after: dict[int, etree._Element] = {}

        #: A printed line may appear as several spans (table columns side by side): region → its spans.
        self.split_lines: dict[tuple[int, int, int], list[tuple[int, int]]] = {}

    def find(self, text: str, words: str, lo: int, hi: int) -> list[tuple[int, int]]:
        key = id(text)
        if key not in self.folded:
            self.folded[key] = fold(text)
        hits = find_words(text, words, lo, hi, self.folded[key])
        spans = self.split_lines.get((key, lo, hi))
        if spans:
            hits = [h for h in hits if any(a <= h[0] < b for a, b in spans)]
        return hits

    # -- lookups ------------------------------------------------------------------------------------------------
    def element(self, p: Provision) -> etree._Element:
        el = self.index.get(p.eid or "")
        if el is None:
            raise _Fail("not-found", f"{p.describe()} has no eId in the document and cannot be edited")
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
            raise _Fail("not-found", "provision not found inside its clause")
        return found

    def scope(self, parsed: Parsed) -> tuple[Provision, etree._Element, int, int]:
        """The clause or Schedule addressed, its element, and the text region [lo, hi) the address names."""
        addr = parsed.address
        if addr.clause is not None:
            top = self.bill.find(f"clause {addr.clause}")
            if top is None:
                raise _Fail("not-found", f"the bill has no Clause {addr.clause}")
            path_ref = ("clause " + addr.clause + "".join(f"({p})" for p in addr.path)) if addr.path else None
        elif addr.schedule is not None:
            top = self.bill.find(f"schedule {addr.schedule}" if addr.schedule else "schedule")
            if top is None:
                raise _Fail("not-found", f"the bill has no Schedule {addr.schedule}")
            path_ref = (f"schedule {addr.schedule}, paragraph {addr.path[0]}"
                        + "".join(f"({p})" for p in addr.path[1:])) if addr.path else None
        else:
            raise _Fail("not-found", "the instruction names no clause or Schedule")
        top_el = self.element(top)
        lo, hi = 0, len(top.text)
        if path_ref:
            sub = self.bill.find(path_ref)
            if sub is None:
                raise _Fail("not-found", f"the bill has no {path_ref}")
            span = self.span_of(top_el, self.element(sub))
            lo, hi = span.start, span.end
        if addr.line is not None:
            lo, hi = self.line_region(top, addr.page, addr.line)
        return top, top_el, lo, hi

    def line_region(self, top: Provision, page: int | None, line: int) -> tuple[int, int]:
        if not top.lines:
            raise _Fail("not-found", f"{top.describe()} carries no printed page/line numbers (the bill was "
                                     "imported without a print); address it by clause, subsection and paragraph")
        matches = [s for s in top.lines if s.line == line and (page is None or s.page == page)]
        if not matches:
            first, last = top.lines[0], top.lines[-1]
            where = f"page {page}, line {line}" if page is not None else f"line {line}"
            raise _Fail("not-found", f"{top.describe()} has no words on {where}; it is printed from page "
                                     f"{first.page} line {first.line} to page {last.page} line {last.line}")
        if len(matches) > 1 and page is None and len({m.page for m in matches}) > 1:
            matches = [m for m in matches if m.page == matches[0].page]
        lo, hi = min(m.start for m in matches), max(m.end for m in matches)
        if len(matches) > 1:
            self.split_lines[(id(top.text), lo, hi)] = [(m.start, m.end) for m in matches]
        return lo, hi

    # -- the plan of one amendment -------------------------------------------------------------------------------
    def plan(self, amendment: Amendment, parsed: Parsed) -> _Plan:
        op = parsed.operation
        if (amendment.target_provision or "").startswith("amnd_") or (
            parsed.address.clause is None and parsed.address.schedule is None and parsed.address.line is not None
            and parsed.address.page is None and not isinstance(op, LeaveOutClause)
        ):
            raise _Fail("skipped", f"amends amendment {amendment.target_provision or '(unknown)'}, not the bill "
                                   "itself")
        if isinstance(op, NewProvision):
            return self.plan_new(amendment, op)
        if isinstance(op, LeaveOutClause):
            return self.plan_leave_out_clause(amendment, parsed, op)
        top, top_el, lo, hi = self.scope(parsed)
        key = top.eid or ""
        text = top.text
        plan = _Plan(touched=[key])
        number = amendment.label

        def claim(start: int, end: int) -> None:
            plan.claims.append(_Claim(key, start, end, number))

        if isinstance(op, LeaveOutWords):
            hits = self.choose(self.find(text, op.words, lo, hi), op.words, text, lo, hi, op.each_place,
                               op.occurrence)
            words = op.insert.words if op.insert else ""
            for s, e in hits:
                claim(s, e)
                plan.edits.append(_delete(top_el, _absorb_space(text, s, e, words), e, words))
            if op.insert and op.insert.structure:
                self.plan_structure(plan, amendment, top_el, hits[-1][1])
            plan.detail = f"left out “{op.words}”" + (f" and inserted {op.insert.describe()}" if op.insert else "")
        elif isinstance(op, InsertWords):
            if op.where in ("after", "before"):
                hits = self.choose(self.find(text, op.anchor, lo, hi), op.anchor, text, lo, hi, op.each_place, None)
                points = [e if op.where == "after" else s for s, e in hits]
            elif op.where == "at-end":
                points = [hi]
            else:
                points = [self.skip_label(text, lo)]
            for pos in points:
                claim(pos, pos)
                if op.insert.words:
                    before = text[pos - 1] if pos > 0 else ""
                    after = text[pos] if pos < len(text) else ""
                    words = spaced(op.insert.words, before, after)
                    lean = "after" if op.where in ("before", "at-beginning") else "before"
                    plan.edits.append(_insert(top_el, pos, words, lean))
            if op.insert.structure:
                self.plan_structure(plan, amendment, top_el, points[-1])
            where = {"after": f"after “{op.anchor}”", "before": f"before “{op.anchor}”", "at-end": "at the end",
                     "at-beginning": "at the beginning"}[op.where]
            plan.detail = f"inserted {op.insert.describe()} {where}"
        elif isinstance(op, LeaveOutRange):
            start = self.point(top, text, op.start, lo, hi, parsed, is_end=False, after=lo)
            end = self.point(top, text, op.end, lo, hi, parsed, is_end=True, after=start)
            while start < end and text[start] in " \n":
                start += 1
            if end <= start:
                raise _Fail("not-found", f"the range ends before it starts (characters {start}–{end})")
            claim(start, end)
            words = op.insert.words if op.insert else ""
            plan.edits.append(_delete(top_el, _absorb_space(text, start, end, words), end, words))
            if op.insert and op.insert.structure:
                self.plan_structure(plan, amendment, top_el, end)
            plan.detail = f"left out “{_short(text[start:end])}”" + (
                f" and inserted {op.insert.describe()}" if op.insert else "")
        elif isinstance(op, LeaveOutLines):
            page = parsed.address.page
            first_lo, _ = self.line_region(top, page, op.first)
            last_page = page + 1 if page is not None and op.last < op.first else page
            _, last_hi = self.line_region(top, last_page, op.last)
            claim(first_lo, last_hi)
            words = op.insert.words if op.insert else ""
            plan.edits.append(_delete(top_el, first_lo, last_hi, words))
            if op.insert and op.insert.structure:
                self.plan_structure(plan, amendment, top_el, last_hi)
            plan.detail = f"left out lines {op.first} to {op.last}: “{_short(text[first_lo:last_hi])}”"
        elif isinstance(op, LeaveOutProvisions):
            targets = self.provisions(top, op, parsed)
            spans = [self.span_of(top_el, self.element(p)) for p in targets]
            for sp in spans:
                claim(sp.start, sp.end)
                plan.edits.append(_remove(sp.node))
            if op.insert and op.insert.words:
                pos = spans[0].start
                words = spaced(op.insert.words, text[pos - 1] if pos else "", "")
                plan.edits.append(_insert(top_el, pos, words, "before"))
            if op.insert and op.insert.structure:
                first_node = spans[0].node
                self.plan_structure(plan, amendment, top_el, spans[0].start, before=first_node)
            labels = ", ".join(f"({p.label})" for p in targets)
            plan.detail = f"left out {op.kind} {labels}" + (f" and inserted {op.insert.describe()}"
                                                             if op.insert else "")
        at = parsed.address
        where = top.describe() + "".join(f"({p})" for p in at.path)
        plan.detail += f" in {where}" + (f" (page {at.page}, line {at.line})" if at.line else "")
        return plan

    def choose(self, hits: list[tuple[int, int]], words: str, text: str, lo: int, hi: int, each: bool,
               occurrence: int | None) -> list[tuple[int, int]]:
        line = text[lo:hi].replace("\n", " ")
        if not hits:
            raise _Fail("not-found", f"“{words}” is not there; the text reads: “{_short(line, 160)}”")
        if each:
            return hits
        if occurrence is not None:
            idx = occurrence - 1 if occurrence > 0 else len(hits) + occurrence
            if not 0 <= idx < len(hits):
                raise _Fail("not-found", f"“{words}” occurs {len(hits)} time(s) there, not {occurrence}")
            return [hits[idx]]
        if len(hits) > 1:
            where = ", ".join(f"character {s - lo + 1}" for s, _ in hits)
            raise _Fail("ambiguous", f"“{words}” appears {len(hits)} times ({where} of “{_short(line, 160)}”); "
                                     "say which (“in each place”, “where it first occurs”) or quote more words")
        return hits

    @staticmethod
    def skip_label(text: str, pos: int) -> int:
        m = re.match(r"\(?[0-9A-Za-z]{1,6}\)?\s", text[pos : pos + 10])
        return pos + m.end() if (m and pos == 0) or (m and text[pos - 1] == "\n") else pos

    def point(self, top: Provision, text: str, pt: Point, lo: int, hi: int, parsed: Parsed, *, is_end: bool,
              after: int) -> int:
        if pt.kind == "beginning":
            return self.skip_label(text, lo)
        if pt.kind == "end-of-line":
            page = pt.page if pt.page is not None else parsed.address.page
            if page is not None and pt.line is not None and parsed.address.line is not None \
                    and pt.page is None and pt.line < parsed.address.line:
                page += 1
            assert pt.line is not None
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

    def provisions(self, top: Provision, op: LeaveOutProvisions, parsed: Parsed) -> list[Provision]:
        kinds = {"subsection": {Kind.SUBSECTION, Kind.SUBPARAGRAPH}, "paragraph": {Kind.PARAGRAPH},
                 "sub-paragraph": {Kind.SUBPARAGRAPH, Kind.SUBSUBPARAGRAPH}}[op.kind]
        if top.kind is Kind.SCHEDULE and op.kind == "sub-paragraph":
            kinds = kinds | {Kind.SUBPARAGRAPH}
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
            raise _Fail("not-found", f"no {op.kind} ({missing[0]}) at that place in {top.describe()}")
        firsts = [by_label[label][0] for label in wanted]
        for label in wanted:
            if len(by_label[label]) > 1:
                raise _Fail("ambiguous", f"{top.describe()} has {len(by_label[label])} {op.kind}s ({label}) at "
                                         "that place; give the page and line")
        if op.through:
            parent = self.bill.parent(firsts[0])
            siblings = list(parent.children) if parent is not None else []
            try:
                i, j = siblings.index(firsts[0]), siblings.index(firsts[-1])
            except ValueError:
                raise _Fail("not-found", f"({wanted[0]}) and ({wanted[-1]}) are not in the same list") from None
            return siblings[i : j + 1]
        return firsts

    def plan_structure(self, plan: _Plan, amendment: Amendment, top_el: etree._Element, pos: int,
                       before: etree._Element | None = None) -> None:
        spans = self.editor.map_of(top_el).provisions
        seed = amendment.dnum or amendment.label
        xml = amendment.inserted_xml

        def insert() -> list[etree._Element]:
            new = [el for blob in xml for el in structure_elements(blob, amendment.source or "<amendment>")]
            if not new:
                return []
            if before is not None:
                parent = before.getparent()
                for el in new:
                    before.addprevious(el)
            else:
                parent = place(spans, pos, new, self.placed_after)
                if parent is None:
                    raise _Fail("not-found", "no provision there to place the inserted text after")
            for el in new:
                refresh_ids(el, child_eid(parent, el, num_label(el)), seed, self.taken)
            return new

        plan.inserts.append(insert)

    def plan_leave_out_clause(self, amendment: Amendment, parsed: Parsed, op: LeaveOutClause) -> _Plan:
        ref = f"clause {op.clause}" if op.clause is not None else f"schedule {op.schedule}".strip()
        target = self.bill.find(ref)
        if target is None:
            raise _Fail("not-found", f"the bill has no {ref.title()}")
        el = self.element(target)
        plan = _Plan(touched=[target.eid or ""])
        plan.claims.append(_Claim(target.eid or "", 0, len(target.text), amendment.label, whole=True))
        plan.edits.append(_remove(el))
        plan.detail = f"left out {target.describe()}"
        addr = parsed.address
        if addr.line is not None and target.lines and (target.lines[0].page, target.lines[0].line) != (
                addr.page if addr.page is not None else target.lines[0].page, addr.line):
            plan.detail += (f" (note: it starts at page {target.lines[0].page}, line {target.lines[0].line}, "
                            f"not page {addr.page}, line {addr.line})")
        return plan

    def plan_new(self, amendment: Amendment, op: NewProvision) -> _Plan:
        plan = _Plan()
        first = amendment.inserted[0][0] if amendment.inserted and amendment.inserted[0] else None
        plan.heading = first.heading if first is not None else None
        if not amendment.inserted_xml:
            raise _Fail("not-found", "the amendment has no text for its new " + op.kind)
        seed = amendment.dnum or amendment.label
        if op.kind == "schedule":
            plan.detail = "inserted a new Schedule at the end of the Schedules"
            plan.placed_by_lawtrack = True
            plan.inserts.append(lambda: self.insert_schedule(amendment, seed))
            return plan
        anchor_ref = op.after or op.before
        if anchor_ref is not None:
            anchor = self.bill.find(f"clause {anchor_ref}")
            if anchor is None:
                raise _Fail("not-found", f"the bill has no Clause {anchor_ref} to place the new clause "
                                         f"{'after' if op.after else 'before'}")
            anchor_el = self.element(anchor)
            plan.detail = f"inserted a new clause {'after' if op.after else 'before'} {anchor.describe()}"
        else:
            clauses = self.bill.clauses()
            if not clauses:
                raise _Fail("not-found", "the bill has no clauses to add a new clause after")
            anchor = clauses[-1]
            anchor_el = self.element(anchor)
            plan.placed_by_lawtrack = True
            plan.detail = (f"inserted a new clause at the end of the body, after {anchor.describe()} (the paper "
                           "gives no position; placed by lawtrack)")
        base = anchor.label or "new"
        if op.before is not None:
            prev = self.previous_clause(anchor)
            base = prev.label if prev is not None and prev.label else base
        plan.inserts.append(lambda: self.insert_clause(amendment, seed, anchor_el, op.before is not None, base))
        return plan

    def previous_clause(self, clause: Provision) -> Provision | None:
        clauses = self.bill.clauses()
        i = clauses.index(clause)
        return clauses[i - 1] if i > 0 else None

    def next_label(self, base: str) -> str:
        existing = {c.label for c in self.bill.clauses()} | self.new_labels
        for suffix in "ABCDEFGHJKLMNPQRSTUVWXYZ":
            label = f"{base}{suffix}"
            if label not in existing:
                self.new_labels.add(label)
                return label
        raise _Fail("not-found", f"no free number after Clause {base}")

    def insert_clause(self, amendment: Amendment, seed: str, anchor_el: etree._Element, before: bool,
                      base: str) -> list[etree._Element]:
        new = [el for blob in amendment.inserted_xml
               for el in structure_elements(blob, amendment.source or "<amendment>")]
        out = []
        for el in new:
            label = self.next_label(base)
            num = el.find(akn("num"))
            if num is None:
                num = etree.Element(akn("num"))
                el.insert(0, num)
            for child in list(num):
                num.remove(child)
            num.text = label
            refresh_ids(el, f"sec_{label}", seed, self.taken)
            out.append(el)
            base = label
        anchor = anchor_el
        for el in out:
            if before:
                anchor_el.addprevious(el)
            else:
                anchor.addnext(el)
                el.tail = anchor.tail
                anchor = el
        return out

    def insert_schedule(self, amendment: Amendment, seed: str) -> list[etree._Element]:
        body = self.root.find(f"{{{AKN_NS}}}bill/{{{AKN_NS}}}body")
        if body is None:
            raise _Fail("not-found", "the bill has no body")
        container = next((c for c in body if local(c.tag) == "hcontainer" and c.get("name") == "schedules"), None)
        if container is None:
            container = etree.SubElement(body, akn("hcontainer"), name="schedules", eId="scheds")
        count = sum(1 for c in container if c.get("name") == "schedule")
        out = []
        for blob in amendment.inserted_xml:
            for el in structure_elements(blob, amendment.source or "<amendment>"):
                count += 1
                refresh_ids(el, f"sched_{count}", seed, self.taken)
                container.append(el)
                out.append(el)
        return out

    # -- conflicts ------------------------------------------------------------------------------------------
    def conflicts(self, plan: _Plan) -> tuple[str, ...]:
        found: list[str] = []
        for new in plan.claims:
            for old in self.claims_by_key.get(new.key, ()):
                if old.number in found:
                    continue
                if old.whole or new.whole:
                    found.append(old.number)
                elif new.start < new.end and old.start < old.end:
                    if new.start < old.end and old.start < new.end:
                        found.append(old.number)
                elif _point_inside(new, old) or _point_inside(old, new):
                    found.append(old.number)
        if plan.heading and _norm(plan.heading) in self.headings:
            found.append(self.headings[_norm(plan.heading)])
        return tuple(found)

    # -- driver ---------------------------------------------------------------------------------------------
    def run(self) -> ApplyResult:
        outcomes: list[Outcome | None] = []
        accepted: list[tuple[int, Amendment, _Plan]] = []
        for i, amendment in enumerate(self.amendments):
            parsed = parse_instruction(amendment.instruction, amendment.inserted)
            if not isinstance(parsed, Parsed):
                outcomes.append(Outcome(number=amendment.label, dnum=amendment.dnum, status="unparsed",
                                        detail=f"{parsed.reason} (character {parsed.position + 1})"))
                continue
            mismatch = print_mismatch(self.bill, amendment)
            needs_print = parsed.address.line is not None or parsed.address.page is not None
            if mismatch and needs_print:
                outcomes.append(Outcome(number=amendment.label, dnum=amendment.dnum, status="wrong-print",
                                        detail=mismatch))
                continue
            try:
                plan = self.plan(amendment, parsed)
                clash = self.conflicts(plan)
                if clash:
                    raise _Fail("conflict", f"conflicts with amendment {', '.join(clash)}: "
                                            "they change the same words", clash)
                for edit in plan.edits:
                    edit(self.editor)
            except _Fail as exc:
                outcomes.append(Outcome(number=amendment.label, dnum=amendment.dnum, status=exc.status,
                                        detail=exc.detail, conflicts_with=exc.conflicts))
                continue
            except EditError as exc:
                outcomes.append(Outcome(number=amendment.label, dnum=amendment.dnum, status="not-found",
                                        detail=str(exc)))
                continue
            if mismatch:
                plan.detail += f" — note: {mismatch}"
            for c in plan.claims:
                self.claims_by_key.setdefault(c.key, []).append(c)
            if plan.heading:
                self.headings[_norm(plan.heading)] = amendment.label
            accepted.append((i, amendment, plan))
            outcomes.append(None)
        # structural insertions first (they use the original provision spans), then text edits and removals
        inserted: dict[int, list[str]] = {}
        new_elements: list[etree._Element] = []
        for i, amendment, plan in accepted:
            try:
                for make in plan.inserts:
                    made = make()
                    new_elements.extend(made)
                    inserted.setdefault(i, []).extend(el.get("eId", "") for el in made)
            except _Fail as exc:
                outcomes[i] = Outcome(number=amendment.label, dnum=amendment.dnum, status=exc.status,
                                      detail=exc.detail)
        self.editor.apply()
        for i, amendment, plan in accepted:
            if outcomes[i] is None:
                outcomes[i] = Outcome(number=amendment.label, dnum=amendment.dnum, status="applied",
                                      detail=plan.detail[:1].upper() + plan.detail[1:],
                                      placed_by_lawtrack=plan.placed_by_lawtrack,
                                      provisions=tuple(inserted.get(i, [])) + tuple(plan.touched),
                                      spans=tuple((c.key, c.start, c.end) for c in plan.claims))
        amended = rebuild_bill(self.bill, self.root, self.editor.changed + new_elements,
                               f"{self.bill.source} (amended)")
        return ApplyResult(bill=amended, outcomes=tuple(o for o in outcomes if o is not None))


def _absorb_space(text: str, start: int, end: int, words: str) -> int:
    """House style: words left out (with nothing in their place) just before punctuation take the space
    before them too, so "the occupiers of each dwelling," less “of each dwelling” reads "the occupiers,"."""
    if not words and start > 0 and text[start - 1] == " " and (end == len(text) or text[end] in ",.;:)”’—\n"):
        return start - 1
    return start


def _point_inside(point: _Claim, span: _Claim) -> bool:
    """An insertion point strictly inside text another amendment leaves out (pre-emption)."""
    return point.start == point.end and span.start < point.start < span.end


def _delete(el: etree._Element, start: int, end: int, words: str) -> Callable[[Editor], None]:
    return lambda ed: ed.delete(el, start, end, words)


def _insert(el: etree._Element, pos: int, words: str, lean: str) -> Callable[[Editor], None]:
    return lambda ed: ed.insert(el, pos, words, lean=lean)


def _remove(el: etree._Element) -> Callable[[Editor], None]:
    return lambda ed: ed.remove(el)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def apply(bill: Bill, amendments: Sequence[Amendment]) -> ApplyResult:
    """Apply ``amendments`` (in the order given: marshalled order) to ``bill``; ``bill`` is not changed."""
    return _Applier(bill, amendments).run()
