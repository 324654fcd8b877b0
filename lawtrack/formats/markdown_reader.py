"""Bills and Acts as Markdown, in the layout of legislation.gov.uk conversions (legalize-uk).

Layout: YAML front matter; ``#`` title; ``##`` Parts, Chapters, Schedules and Parts of Schedules; ``###``
cross-headings; ``####`` headings; ``#####`` section (or Schedule paragraph) numbers; ``- (1)`` / ``- (a)`` /
``- (i)`` list items, flat or indented as Markdown nests them, whose nesting is rebuilt from their labels; ``>``
blockquotes (two-space indentation for nesting) for text inserted into other Acts; pipe tables; ``[^key]:``
editorial notes.

The reader builds a LawMaker document (so a Markdown bill has XML, eIds and GUIDs like any other) and derives the
model from it with the LawMaker reader. It never crashes on the real defects of such files (stray heading runs,
empty Schedules, editorial notes): it imports what is there and lists what it skipped in ``Bill.notes``.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass

from lxml import etree

from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import NSMAP, akn, local
from lawtrack.formats.frontmatter import read_front_matter
from lawtrack.formats.markdown_inline import (
    md_inline_into,
)
from lawtrack.formats.xmlsafe import refuse_invalid_characters
from lawtrack.model.bill import Bill
from lawtrack.model.labels import Tier, choose_tier

FRONT_MATTER_VAR = "varMd_"
_GUID_NS = uuid.UUID("6f0f3b1e-8a3e-5d4e-9a57-6c6177747261")  # lawtrack's namespace for derived GUIDs

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^[ \t]*[-*+]\s+(.*)$")  # indented items too: nesting comes from the labels
_LABEL = re.compile(r"^\(([0-9]+[A-Za-z]*\.?|[a-zA-Z]{1,6}[0-9]*\.?)\)(?:\s+(.*))?$")
_QUOTE = re.compile(r"^>( ?)(.*)$")
_FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:")
_TITLED = re.compile(r"^(Part|Chapter|Schedule)\s+([0-9]+[A-Z]*)?\s*(?:[—–-]\s*(.*))?$", re.I)
_DEFINITION_START = re.compile(r"^\**[“‘\"]")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(slots=True)
class _Line:
    no: int
    kind: str  # heading, item, quote, table, footnote, para, blank
    text: str
    level: int = 0


def _front_matter(text: str, source: str) -> tuple[dict[str, str], list[str], int]:
    front = read_front_matter(text, source)
    fm = {k: v if isinstance(v, str) else json.dumps(v, default=str) for k, v in front.data.items()}
    return fm, front.lines, front.offset


def _scan(lines: list[str], offset: int) -> list[_Line]:
    out: list[_Line] = []
    for i, raw in enumerate(lines):
        no = offset + i + 1
        line = raw.rstrip()
        if not line.strip():
            out.append(_Line(no, "blank", ""))
        elif m := _HEADING.match(line):
            out.append(_Line(no, "heading", m.group(2), len(m.group(1))))
        elif m := _QUOTE.match(line):
            body = m.group(2)
            stripped = body.lstrip(" ")
            out.append(_Line(no, "quote", stripped, (len(body) - len(stripped)) // 2))
        elif line.startswith("|"):
            out.append(_Line(no, "table", line))
        elif _FOOTNOTE.match(line):
            out.append(_Line(no, "footnote", line))
        elif m := _ITEM.match(line):
            out.append(_Line(no, "item", m.group(1)))
        else:
            out.append(_Line(no, "para", line.strip()))
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())[:40] or "x"


class _Builder:
    """Feeds scanned lines into a LawMaker document."""

    def __init__(self, fm: dict[str, str], source: str) -> None:
        self.source = source
        self.fm = fm
        self.notes: list[str] = []
        self.identifier = fm.get("identifier") or fm.get("title") or "markdown-bill"
        self.root = etree.Element(akn("akomaNtoso"), nsmap=NSMAP)  # type: ignore[arg-type]
        self.bill = etree.SubElement(self.root, akn("bill"), name=str(fm.get("type_code") or "ukpga"))
        self.meta = etree.SubElement(self.bill, akn("meta"))
        self.preface = etree.SubElement(self.bill, akn("preface"))
        self.body = etree.SubElement(self.bill, akn("body"))
        self.eids: set[str] = set()
        self.title: str | None = fm.get("title")
        # structure state
        self.part: etree._Element | None = None  # current Part or Chapter container in body or schedule
        self.chapter: etree._Element | None = None
        self.xhdg: etree._Element | None = None
        self.schedules: etree._Element | None = None
        self.schedule: etree._Element | None = None
        self.top: etree._Element | None = None  # current clause or Schedule paragraph
        self.stack: list[tuple[Tier | str, etree._Element]] = []
        self.pending_heading: tuple[str, int] | None = None
        self.last_p: etree._Element | None = None
        self.quote: etree._Element | None = None
        self.quote_stack: list[tuple[int, etree._Element]] = []
        self.last_kind = ""
        self.table_rows: list[_Line] = []
        self.ended = False  # after "## Editorial notes"
        self.skipped_footnotes = 0
        self.stray_run: tuple[int, int, int, str] | None = None

    # -- element helpers ------------------------------------------------------------------------------------
    def _ids(self, el: etree._Element, eid: str) -> etree._Element:
        base, n = eid, 2
        while eid in self.eids:
            eid = f"{base}_{n}"
            n += 1
        self.eids.add(eid)
        el.set("GUID", "_" + str(uuid.uuid5(_GUID_NS, f"{self.identifier}#{eid}")))
        el.set("eId", eid)
        return el

    def _new(self, parent: etree._Element, tag: str, eid: str, **attrs: str) -> etree._Element:
        el = etree.SubElement(parent, akn(tag), attrib=attrs)
        return self._ids(el, eid)

    @staticmethod
    def _num(el: etree._Element, text: str) -> None:
        etree.SubElement(el, akn("num")).text = text

    def _heading(self, el: etree._Element, text: str) -> None:
        h = etree.SubElement(el, akn("heading"))
        md_inline_into(h, text)

    def _p(self, parent: etree._Element, markdown: str) -> etree._Element:
        p = etree.SubElement(parent, akn("p"))
        md_inline_into(p, markdown)
        self.last_p = p
        return p

    def _text_block(self, el: etree._Element, markdown: str) -> None:
        """Give a provision its words, as ``content`` (or ``intro`` once it has children)."""
        self._p(etree.SubElement(el, akn("content")), markdown)

    def _container(self) -> etree._Element:
        if self.xhdg is not None:
            return self.xhdg
        if self.schedule is not None:
            return self.part if self.part is not None else self.schedule
        if self.xhdg is not None:
            return self.xhdg
        if self.chapter is not None:
            return self.chapter
        return self.part if self.part is not None else self.body

    def _close_top(self) -> None:
        self._flush_table()
        self.top = None
        self.stack = []
        self.last_p = None
        self.quote = None

    def note(self, line: int, what: str) -> None:
        self.notes.append(f"line {line}: {what}")

    def _stray_heading(self, text: str, line: int) -> None:
        """Runs of headings with nothing under them are one defect: report each run once."""
        run = self.stray_run
        if run and run[1] >= line - 3:
            self.stray_run = (run[0], line, run[2] + 1, run[3])
        else:
            self._close_stray_run()
            self.stray_run = (line, line, 1, text)

    def _close_stray_run(self) -> None:
        if self.stray_run:
            first, last, count, text = self.stray_run
            if count == 1:
                self.note(first, f"skipped heading with no provision after it: {text!r}")
            else:
                self.notes.append(f"lines {first}-{last}: skipped a run of {count} headings with no provisions "
                                  f"(first {text!r})")
            self.stray_run = None

    # -- feeding ----------------------------------------------------------------------------------------------
    def feed(self, ln: _Line) -> None:
        if ln.kind != "table" and self.table_rows:
            self._flush_table()
        if ln.kind == "blank":
            return
        if self.ended:
            if ln.kind == "footnote":
                self.skipped_footnotes += 1
            elif ln.kind == "heading":
                self._stray_heading(ln.text, ln.no)
            else:
                self._close_stray_run()
                self.note(ln.no, f"skipped {ln.kind} after the editorial notes: {ln.text[:60]!r}")
            return
        if ln.kind not in ("quote", "table") and self.last_kind == "quote":
            self.quote = None
        handler = getattr(self, "_on_" + ln.kind)
        handler(ln)
        self.last_kind = ln.kind if ln.kind != "table" else self.last_kind

    def _on_footnote(self, ln: _Line) -> None:
        self.skipped_footnotes += 1

    def _on_heading(self, ln: _Line) -> None:
        text = ln.text.strip()
        if self.stray_run and ln.level != 4:
            self._close_stray_run()
        if self.pending_heading and ln.level != 5:
            self._stray_heading(*self.pending_heading)
            self.pending_heading = None
        if ln.level == 1:
            if self.title is None:
                self.title = text
            return
        if ln.level == 2:
            self._on_h2(ln, text)
        elif ln.level == 3:
            self._close_top()
            parent = self.part if (self.part is not None and self.schedule is None) else self._container()
            if self.chapter is not None and self.schedule is None:
                parent = self.chapter
            prefix = f"{parent.get('eId')}__" if parent is not self.body and parent.get("eId") else ""
            self.xhdg = self._new(parent, "hcontainer", f"{prefix}xhdg_{_slug(text)}", name="crossheading")
            self._heading(self.xhdg, text)
        elif ln.level == 4:
            self.pending_heading = (text, ln.no)
        elif ln.level == 5:
            self._on_number(ln, text)
        else:
            self.note(ln.no, f"skipped level-{ln.level} heading {text!r}")

    def _on_h2(self, ln: _Line, text: str) -> None:
        self._close_top()
        if text.lower().startswith("editorial notes"):
            self.ended = True
            return
        m = _TITLED.match(text)
        if m is None:
            self.note(ln.no, f"skipped unrecognised '##' heading {text!r}")
            return
        word, number, heading = m.group(1).title(), m.group(2) or "", (m.group(3) or "").strip()
        if word == "Schedule":
            if self.schedules is None:
                self.schedules = self._new(self.body, "hcontainer", "scheds", name="schedules", **{"class": "schs"})
                self._heading(self.schedules, "Schedules")
            self.schedule = self._new(self.schedules, "hcontainer", f"sched_{number or '1'}", name="schedule",
                                      **{"class": "sch"})
            self._num(self.schedule, f"Schedule {number}".strip())
            if heading:
                self._heading(self.schedule, heading)
            self.part = self.chapter = self.xhdg = None
            return
        if word == "Part":
            parent = self.schedule if self.schedule is not None else self.body
            prefix = (self.schedule.get("eId", "") + "__") if self.schedule is not None else ""
            self.part = self._new(parent, "part", f"{prefix}pt_{number}")
            self.chapter = self.xhdg = None
            target = self.part
        else:
            parent = self.part if self.part is not None else (self.schedule or self.body)
            prefix = (parent.get("eId", "") + "__") if parent is not self.body else ""
            self.chapter = self._new(parent, "chapter", f"{prefix}chp_{number}")
            self.xhdg = None
            target = self.chapter
        self._num(target, f"{word} {number}".strip())
        if heading:
            self._heading(target, heading)

    def _on_number(self, ln: _Line, text: str) -> None:
        self._close_top()
        number = text.strip().strip("()")
        heading = self.pending_heading[0] if self.pending_heading else None
        self.pending_heading = None
        if not re.fullmatch(r"[0-9]+[A-Z]*", number):
            self.note(ln.no, f"'#####' heading {text!r} is not a provision number; kept as a level")
        container = self._container()
        if self.schedule is not None:
            eid = f"{self.schedule.get('eId')}__para_{number}"
            self.top = self._new(container, "paragraph", eid, **{"class": "schProv1"})
        else:
            self.top = self._new(container, "section", f"sec_{number}", **{"class": "prov1"})
        self._num(self.top, number)
        if heading:
            self._heading(self.top, heading)

    def _ensure_top(self, ln: _Line) -> etree._Element:
        if self.top is None:
            container = self._container()
            if container is self.body and self.schedule is None and self.part is None:
                self.note(ln.no, "text before the first provision kept as an unnumbered level")
            eid = (f"{container.get('eId')}__" if container is not self.body else "") + "level"
            self.top = self._new(container, "level", eid, **{"class": "unnumberedParagraph"})
        return self.top

    def _item_parent(self, top: etree._Element) -> etree._Element:
        """The open item (or the clause) a new list item goes under; its ``content`` becomes ``intro``."""
        parent = self.stack[-1][1] if self.stack else top
        for child in parent:
            if local(child.tag) == "content":
                child.tag = akn("intro")
        return parent

    def _on_item(self, ln: _Line) -> None:
        top = self._ensure_top(ln)
        text = ln.text
        m = _LABEL.match(text)
        in_schedule = self.schedule is not None and local(top.tag) == "paragraph"
        if m:
            label, words = m.group(1), m.group(2) or ""
            open_labels: dict[Tier, str] = {}
            for tier, el in self.stack:
                if isinstance(tier, Tier):
                    open_labels[tier] = el.findtext(akn("num"), "").strip("()")
            tier = choose_tier(label, open_labels)
            # close everything at or below this tier (definitions close when a numbered tier at/above them comes)
            while self.stack:
                t, _el = self.stack[-1]
                if (isinstance(t, Tier) and t >= tier) or (t == "def" and tier <= Tier.NUMBER) or t == "unnum":
                    self.stack.pop()
                else:
                    break
            parent = self._item_parent(top)
            tag, cls, key = _TIER_ELEMENT[tier]
            if tier is Tier.NUMBER:
                tag, key = ("subparagraph", "subpara") if in_schedule else ("subsection", "subsec")
                cls = "schProv2" if in_schedule else "prov2"
            el = self._new(parent, tag, f"{parent.get('eId')}__{key}_{label}", **{"class": cls})
            self._num(el, f"({label})")
            self._text_block(el, words)
            self.stack.append((tier, el))
            return
        if _DEFINITION_START.match(text):
            while self.stack and (self.stack[-1][0] == "unnum" or self.stack[-1][0] == "def" or
                                  (isinstance(self.stack[-1][0], Tier) and self.stack[-1][0] > Tier.NUMBER
                                   and self._inside_def())):
                self.stack.pop()
            parent = self._item_parent(top)
            term = re.sub(r"[*“”‘’\"]", "", text.split("”")[0].split("’")[0])
            el = self._new(parent, "hcontainer", f"{parent.get('eId')}__def_{_slug(term)}", name="definition",
                           **{"class": "definition"})
            self._text_block(el, text)
            self.stack.append(("def", el))
            return
        while self.stack and self.stack[-1][0] == "unnum":
            self.stack.pop()
        parent = self._item_parent(top)
        el = self._new(parent, "level", f"{parent.get('eId')}__level", **{"class": "unnumberedParagraph"})
        self._text_block(el, text)
        self.stack.append(("unnum", el))

    def _inside_def(self) -> bool:
        return any(t == "def" for t, _ in self.stack)

    def _on_para(self, ln: _Line) -> None:
        text = ln.text
        if self.last_kind == "quote" and self.last_p is not None and not re.search(r"\w", text) and len(text) <= 3:
            mod = self.last_p.find(akn("mod"))
            if mod is not None:
                etree.SubElement(mod, akn("inline"), name="AppendText").text = text
                return
        top = self._ensure_top(ln)
        has_items = any(local(c.tag) not in ("num", "heading", "content", "intro", "wrapUp") for c in top)
        content = top.find(akn("content"))
        if not has_items and content is not None:
            self._p(content, text)
        elif not has_items and top.find(akn("intro")) is None:
            self._text_block(top, text)
        else:
            self._p(etree.SubElement(top, akn("wrapUp")), text)

    def _on_quote(self, ln: _Line) -> None:
        if self.quote is None:
            holder = self.last_p
            if holder is None:
                top = self._ensure_top(ln)
                holder = self._p(etree.SubElement(top, akn("content")), "")
            mod = holder.find(akn("mod"))
            if mod is None:
                mod = etree.Element(akn("mod"))
                mod.text, holder.text = holder.text, None
                for child in list(holder):
                    mod.append(child)
                holder.append(mod)
            owner: etree._Element | None = holder
            while owner is not None and owner.get("eId") is None:
                owner = owner.getparent()
            eid = f"{owner.get('eId') if owner is not None else 'body'}__qstr"
            self.quote = self._new(mod, "quotedStructure", eid, startQuote="“", endQuote="”")
            self.quote_stack = []
        depth = ln.level
        while self.quote_stack and self.quote_stack[-1][0] >= depth:
            self.quote_stack.pop()
        parent = self.quote_stack[-1][1] if self.quote_stack else self.quote
        m = _LABEL.match(ln.text)
        key = "p" + m.group(1) if m else "l"
        el = self._new(parent, "level", f"{parent.get('eId')}__{key}")
        if m:
            self._num(el, f"({m.group(1)})")
            words = m.group(2) or ""
        else:
            words = ln.text
        if words:
            p = etree.SubElement(etree.SubElement(el, akn("content")), akn("p"))
            md_inline_into(p, words)
        self.quote_stack.append((depth, el))

    def _on_table(self, ln: _Line) -> None:
        self.table_rows.append(ln)

    def _flush_table(self) -> None:
        rows, self.table_rows = self.table_rows, []
        if not rows:
            return
        if self.quote is not None:
            host = self.quote
        elif self.stack:
            host = self.stack[-1][1]
        else:
            host = self._ensure_top(rows[0])
        tblock = etree.SubElement(host, akn("tblock"))
        table = etree.SubElement(tblock, akn("table"))
        header = True
        for row in rows:
            if _TABLE_SEP.match(row.text):
                header = False
                continue
            tr = etree.SubElement(table, akn("tr"))
            for cell in _split_row(row.text):
                md_inline_into(etree.SubElement(tr, akn("th" if header else "td")), cell)
            header = False if header and rows.index(row) > 0 else header

    def finish(self) -> etree._Element:
        self._flush_table()
        if self.pending_heading:
            self._stray_heading(*self.pending_heading)
        self._close_stray_run()
        if self.skipped_footnotes:
            self.notes.append(f"skipped {self.skipped_footnotes} editorial notes (footnote definitions)")
        for sched in self.body.iter(akn("hcontainer")):
            if sched.get("name") == "schedule" and next(sched.iter(akn("paragraph")), None) is None:
                self.notes.append(f"{sched.findtext(akn('num'))} has no numbered paragraphs")
        title = self.title or "Untitled"
        refs = etree.SubElement(self.meta, akn("references"), source="#author")
        values = {"varBillTitle": title}
        if "long_title" in self.fm:
            values["varLongTitle"] = self.fm["long_title"]
        for key, value in self.fm.items():
            values[FRONT_MATTER_VAR + re.sub(r"[^A-Za-z0-9_]", "_", key)] = value
        for eid, value in values.items():
            etree.SubElement(refs, akn("TLCConcept"), eId=eid, href="#varOntologies", showAs=value)
        if "long_title" in self.fm:
            lt = etree.SubElement(self.preface, akn("longTitle"))
            etree.SubElement(lt, akn("p")).text = self.fm["long_title"]
        return self.root


_TIER_ELEMENT: dict[Tier, tuple[str, str, str]] = {
    Tier.NUMBER: ("subsection", "prov2", "subsec"),
    Tier.ALPHA: ("level", "para1", "para"),
    Tier.ROMAN: ("level", "para2", "subpara"),
    Tier.UPPER: ("level", "para3", "subsubpara"),
    Tier.UPPER_ROMAN: ("level", "para4", "subsubsubpara"),
}


def _split_row(text: str) -> list[str]:
    body = text.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, current, escaped = [], [], False
    for ch in body:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    cells.append("".join(current).strip())
    return cells


def read_markdown(text: str, source: str = "<markdown>") -> Bill:
    """Read a bill or Act in the legalize-uk Markdown layout. Never raises on odd content, only on broken YAML."""
    from lawtrack.formats.lawmaker import bill_from_tree

    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    refuse_invalid_characters(text, source, "bill")
    fm, lines, offset = _front_matter(text, source)
    builder = _Builder(fm, source)
    for ln in _scan(lines, offset):
        builder.feed(ln)
    root = builder.finish()
    bill = bill_from_tree(root, source, source_format="markdown", notes=tuple(builder.notes))
    if not bill.clauses() and not bill.schedules() and not any(True for _ in bill.walk() if _.num):
        raise LawtrackError(
            "no provisions found: this does not look like a bill or Act in Markdown",
            source=source,
            line=offset + 1,
            expected="'##### 1' section numbers with '- (1)' items, or LawMaker XML",
        )
    return bill


def markdown_fragment(text: str, source: str = "<markdown>", line_offset: int = 0) -> list[etree._Element]:
    """Provisions written in the bill Markdown layout, as LawMaker elements (for amendments' inserted text).

    A fragment that opens with a ``####`` heading is one new clause (its number is left empty); one that opens with
    ``## Schedule — Heading`` is a new Schedule (``##### 1`` paragraphs); otherwise its ``- (1)`` / ``- (a)`` items
    are the inserted provisions.
    """
    scanned = _scan(text.replace("\r\n", "\n").split("\n"), line_offset)
    significant = [ln for ln in scanned if ln.kind != "blank"]
    builder = _Builder({"identifier": f"fragment:{source}:{line_offset}"}, source)
    if significant and significant[0].kind == "heading" and significant[0].level == 2:
        # "## Schedule — Heading" then "##### 1" paragraphs: whole Schedules, laid out as in a bill
        for ln in scanned:
            builder.feed(ln)
        builder.finish()
        return [el for el in builder.body.iter(akn("hcontainer")) if el.get("name") == "schedule"]
    whole_clause = bool(significant) and significant[0].kind == "heading"
    if not whole_clause:
        builder.feed(_Line(line_offset, "heading", "0", 5))
    for ln in scanned:
        if ln.kind == "heading" and ln.level == 4 and whole_clause:
            builder.feed(ln)
            builder.feed(_Line(ln.no, "heading", "0", 5))
        else:
            builder.feed(ln)
    builder.finish()
    sections = [el for el in builder.body.iter(akn("section"))]
    if not sections:
        return []
    if whole_clause:
        out = []
        for sec in sections:
            num = sec.find(akn("num"))
            if num is not None:
                num.text = ""
            out.append(sec)
        return out
    return [c for c in sections[0] if local(c.tag) not in ("num", "heading", "intro", "content", "wrapUp")]
