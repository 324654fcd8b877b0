"""Inline Markdown ↔ Akoma Ntoso inline markup.

Markdown links become ``<ref href>``, emphasis ``<i>``, strong emphasis ``<b>``; back again, ``<def>``, ``<term>``
and ``<i>`` become ``*…*``. Raw HTML in Markdown is never interpreted: it stays text.
"""

from __future__ import annotations

import re

from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.token import Token

from lawtrack.formats.akn import akn, local

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_WS = re.compile(r"\s+")
_ESCAPE = re.compile(r"([\\`*_\[\]<>&|])")
_LINE_START = re.compile(r"^([#>\-+|]|\d+[.)]|\[\^)")


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def md_inline_into(parent: etree._Element, markdown: str) -> None:
    """Parse inline Markdown and append it to ``parent`` as text and inline elements."""
    tokens = _MD.parseInline(markdown)
    children: list[Token] = tokens[0].children or [] if tokens else []
    stack = [parent]
    for tok in children:
        top = stack[-1]
        if tok.type == "text":
            _append_text(top, tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            _append_text(top, " ")
        elif tok.type == "code_inline":
            _append_text(top, tok.markup + tok.content + tok.markup)
        elif tok.type == "link_open":
            el = etree.SubElement(top, akn("ref"))
            el.set("href", str(tok.attrGet("href") or ""))
            stack.append(el)
        elif tok.type == "em_open":
            stack.append(etree.SubElement(top, akn("i")))
        elif tok.type == "strong_open":
            stack.append(etree.SubElement(top, akn("b")))
        elif tok.type in ("link_close", "em_close", "strong_close"):
            if len(stack) > 1:
                stack.pop()
        elif tok.type == "image":
            _append_text(top, tok.content)
        else:  # html_inline cannot occur (html off); keep anything else as its source text
            _append_text(top, tok.content)


def escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def escape_line_start(text: str) -> str:
    """Escape what would make a plain line read as a heading, list item, quote or table row."""
    m = _LINE_START.match(text)
    if m:
        first = m.group(1)
        if first[0].isdigit():
            return first[:-1] + "\\" + first[-1] + text[len(first) :]
        return "\\" + text
    return text


_EMPHASIS = frozenset({"i", "def", "term", "em"})
_STRONG = frozenset({"b", "strong"})
_SKIP = frozenset({"authorialNote", "quotedStructure"})


def xml_inline_to_md(el: etree._Element, *, include_tail: bool = False) -> str:
    """Render the inline content of ``el`` (not its quoted structures) as Markdown."""
    out: list[str] = []
    _render(el, out)
    if include_tail and el.tail:
        out.append(escape(el.tail))
    return _WS.sub(" ", "".join(out)).strip()


def escape_label_start(text: str) -> str:
    """Escape an opening bracket that would read as a provision label "(a)"."""
    return "\\" + text if text.startswith("(") else text


def _render(el: etree._Element, out: list[str]) -> None:
    if el.text:
        out.append(escape(el.text))
    for child in el:
        tag = local(child.tag)
        if tag == "inline" and child.get("name") == "AppendText":
            pass  # written after the quoted structure it follows
        elif tag and tag not in _SKIP:
            inner: list[str] = []
            _render(child, inner)
            body = "".join(inner)
            if tag in ("ref", "a") and child.get("href") and body.strip():
                out.append(f"[{body}]({_link(child.get('href', ''))})")
            elif tag in _EMPHASIS and body.strip():
                out.append(f"*{body}*")
            elif tag in _STRONG and body.strip():
                out.append(f"**{body}**")
            elif tag == "quotedText":
                out.append(escape(child.get("startQuote", "")) + body + escape(child.get("endQuote", "")))
            else:
                out.append(body)
        if child.tail:
            out.append(escape(child.tail))


def _link(href: str) -> str:
    if re.search(r"[\s()<>]", href):
        return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return href
