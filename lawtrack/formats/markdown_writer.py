"""Write a bill as Markdown in the legalize-uk layout read by :mod:`lawtrack.formats.markdown_reader`."""

from __future__ import annotations

import json
import re
from copy import deepcopy

from lxml import etree

from lawtrack.formats.akn import AKN_NS, akn, local
from lawtrack.formats.markdown_inline import escape, escape_label_start, escape_line_start, xml_inline_to_md
from lawtrack.formats.markdown_reader import FRONT_MATTER_VAR
from lawtrack.model.bill import Bill


def _yaml_scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _front_matter_of(bill: Bill) -> dict[str, str]:
    fm = {k[len(FRONT_MATTER_VAR) :]: v for k, v in bill.metadata.variables if k.startswith(FRONT_MATTER_VAR)}
    if fm:
        return fm
    md = bill.metadata
    fields = {
        "title": md.short_title,
        "long_title": md.long_title,
        "bill_number": md.number,
        "house": md.house,
        "session": md.session,
        "stage_version": md.stage_version,
        "identifier": md.project_id,
        "publication_date": md.publication_date,
        "work_uri": md.work_uri,
        "expression_uri": md.expression_uri,
    }
    return {k: v for k, v in fields.items() if v}


class _Writer:
    def __init__(self) -> None:
        self.blocks: list[str] = []

    def add(self, block: str) -> None:
        self.blocks.append(block)

    def heading(self, level: int, text: str) -> None:
        self.add("#" * level + " " + text)

    def container(self, el: etree._Element, in_schedule: bool) -> None:
        for child in el:
            tag = local(child.tag)
            if tag == "part" or tag == "chapter":
                self.titled(child, tag.title())
                self.container(child, in_schedule)
            elif tag == "hcontainer":
                name = child.get("name")
                if name == "crossheading":
                    self.heading(3, _heading_md(child))
                    self.container(child, in_schedule)
                elif name == "schedules":
                    self.container(child, True)
                elif name == "schedule":
                    num = _num_text(child) or "Schedule"
                    head = _heading_md(child)
                    self.heading(2, num + (f" — {head}" if head else ""))
                    self.container(child, True)
                else:
                    self.top(child)
            elif tag in ("section", "paragraph", "article", "level"):
                self.top(child)
            elif tag in ("intro", "content", "wrapUp"):
                self.text_blocks(child)

    def text_blocks(self, holder: etree._Element) -> None:
        """Paragraphs (with their quoted structures) and tables of a container that is not a provision."""
        for block in holder:
            btag = local(block.tag)
            if btag == "p":
                self.add(escape_line_start(xml_inline_to_md(block)))
                for mod in block.iter(akn("mod")):
                    self.quoted(mod)
            elif btag == "tblock":
                self.table(block)

    def titled(self, el: etree._Element, word: str) -> None:
        num = _num_text(el) or word
        head = _heading_md(el)
        self.heading(2, num + (f" — {head}" if head else ""))

    def top(self, el: etree._Element) -> None:
        head = _heading_md(el)
        num = _num_text(el)
        if head:
            self.heading(4, head)
        if num is not None:
            self.heading(5, escape(num.strip().strip("()")))
        self.provision_body(el, item=False)

    def provision_body(self, el: etree._Element, *, item: bool) -> None:
        first = True
        label = _num_text(el) if item else None
        for child in el:
            tag = local(child.tag)
            if tag in ("num", "heading"):
                continue
            if tag in ("intro", "content", "wrapUp"):
                if item and first and tag != "wrapUp":
                    block = child.find(akn("p"))
                    if block is not None:
                        words = xml_inline_to_md(block)
                        lead = f"({label.strip().strip('()')}) " if label else ""
                        self.add(("- " + lead + (words if label else escape_label_start(words))).rstrip())
                        first = False
                        for mod in block.iter(akn("mod")):
                            self.quoted(mod)
                        rest = etree.Element(akn(tag))
                        rest.extend(deepcopy(b) for b in child if b is not block)
                        self.text_blocks(rest)
                        continue
                self.text_blocks(child)
                first = False
                continue
            if first and item:
                self.add("- " + (f"({label.strip().strip('()')})" if label else ""))
                first = False
            if tag == "tblock":
                self.table(child)
            elif local(child.tag) in _PROVISION_TAGS:
                self.provision_body(child, item=True)
        if first and item:
            self.add("- " + (f"({label.strip().strip('()')})" if label else ""))

    def quoted(self, mod: etree._Element) -> None:
        for qs in mod.iter(akn("quotedStructure")):
            if qs.getparent() is not mod:
                continue
            lines: list[str] = []
            tables: list[etree._Element] = []
            self.quoted_levels(qs, 0, lines, tables)
            if lines:
                self.add("\n".join(lines))
            for t in tables:
                self.table(t)
            for sibling in qs.itersiblings():
                if local(sibling.tag) == "quotedStructure":
                    break
                if local(sibling.tag) == "inline" and sibling.get("name") == "AppendText" and sibling.text:
                    self.add(escape_line_start(escape(sibling.text)))

    def quoted_levels(self, el: etree._Element, depth: int, lines: list[str], tables: list[etree._Element]) -> None:
        for child in el:
            tag = local(child.tag)
            if tag in _PROVISION_TAGS:
                num = _num_text(child)
                words = " ".join(xml_inline_to_md(p) for part in child if local(part.tag) in
                                 ("intro", "content", "wrapUp") for p in part if local(p.tag) == "p")
                label = f"({num.strip().strip('()')})" if num else ""
                text = " ".join(x for x in (label, words if label else escape_label_start(words)) if x)
                lines.append(">" + " " + "  " * depth + text)
                self.quoted_levels(child, depth + 1, lines, tables)
            elif tag == "tblock":
                tables.append(child)

    def table(self, tblock: etree._Element) -> None:
        rows: list[str] = []
        for table in tblock.iter(akn("table")):
            for i, tr in enumerate(table.iter(akn("tr"))):
                cells = [xml_inline_to_md(c) for c in tr if local(c.tag) in ("td", "th")]
                rows.append("| " + " | ".join(cells) + " |")
                if i == 0:
                    rows.append("| " + " | ".join("---" for _ in cells) + " |")
        if rows:
            self.add("\n".join(rows))


def _num_text(el: etree._Element) -> str | None:
    """Printed number of a provision element, without line anchors or margin notes."""
    num = el.find(akn("num"))
    if num is None:
        return None
    parts = [num.text or ""]
    for child in num:
        if local(child.tag) != "authorialNote":
            parts.append("".join(str(t) for t in child.itertext()) if local(child.tag) else "")
        parts.append(child.tail or "")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


_PROVISION_TAGS = frozenset({"section", "subsection", "paragraph", "subparagraph", "level", "hcontainer", "article"})


def _heading_md(el: etree._Element) -> str:
    h = el.find(akn("heading"))
    return xml_inline_to_md(h) if h is not None else ""


def write_markdown(bill: Bill) -> str:
    """Write the bill in the legalize-uk layout; reading the result gives back an equal bill."""
    fm = _front_matter_of(bill)
    out = ["---", *(f"{k}: {_yaml_scalar(v)}" for k, v in fm.items()), "---"]
    writer = _Writer()
    writer.heading(1, escape(bill.metadata.short_title or "Untitled"))
    bill_el = bill.tree().find(f"{{{AKN_NS}}}bill")
    body = bill_el.find(akn("body")) if bill_el is not None else None
    if body is not None:
        writer.container(body, False)
    return "\n".join(out) + "\n" + "\n\n".join(writer.blocks) + "\n"


def provision_markdown(quoted_structure: bytes) -> str:
    """The provisions of a serialised ``quotedStructure`` in the bill Markdown layout (for amendment drafts)."""
    from lawtrack.formats.xmlsafe import parse_xml

    root = parse_xml(quoted_structure, "<structure>")
    writer = _Writer()
    for child in root:
        tag = local(child.tag)
        if tag == "section":
            head = _heading_md(child)
            if head:
                writer.heading(4, head)
            writer.provision_body(child, item=False)
        elif tag in _PROVISION_TAGS:
            writer.provision_body(child, item=True)
    return "\n\n".join(writer.blocks)
