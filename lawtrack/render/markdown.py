"""Markdown pages (for MkDocs): headings in Markdown, diffs as raw HTML blocks of escaped text.

A raw HTML block is not processed as Markdown, so nothing in bill or amendment text (emphasis, links,
``<script>``) can become markup: it is all escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import yaml

from lawtrack.diff.compare import BillDiff
from lawtrack.diff.exact import ExactDiff
from lawtrack.diff.keeling import KeelingUnit
from lawtrack.render.html import LEGEND, anchor, marked_html, segments_html

_TITLE_SAFE = str.maketrans({"<": "‹", ">": "›", "&": "＆", "\n": " ", "\r": " "})

def page_title(text: str) -> str:
    """A page's title for a site builder's ``<title>`` and navigation, which templates insert unescaped (and
    Material passes through ``striptags``, which decodes entities): no ``<``, ``>`` or ``&`` in any form."""
    return " ".join(text.translate(_TITLE_SAFE).split())


#: libyaml's dumper where PyYAML has it (5× faster; a site writes one title per page). It escapes characters
#: beyond U+FFFF where the pure-Python dumper writes them out, so those titles go to the pure-Python one and every
#: page's bytes are the same either way.
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page_start(title: str) -> list[str]:
    """The first lines of a page: front matter with its safe title (as YAML), then the heading, escaped."""
    safe = page_title(title)
    dumper = _DUMPER if not safe or max(safe) <= "\uffff" else yaml.SafeDumper
    front = yaml.dump({"title": safe}, Dumper=dumper, allow_unicode=True, width=10_000).strip()
    return ["---", front, "---", "", f"# {md_text(title)}", ""]


def md_text(text: str | None) -> str:
    r"""Escape text for a Markdown heading, paragraph line or table cell: no markup survives, inline or block.

    Characters with a meaning are escaped; runs of white space (newlines too) become one space, so the text
    stays one line of one paragraph (no hard breaks, no new paragraphs, no indented code); and a start that
    would begin a list, a rule or a heading underline is escaped.

    >>> print(md_text("1. See *this* & <that>"))
    1\. See \*this\* &amp; &lt;that&gt;
    >>> print(md_text("- a\n\n   b"))
    \- a b
    """
    from html import escape

    out = escape(text or "", quote=False)  # quotes are harmless in Markdown text, and entities would be
    for ch in "\\`*_[]#|!{}":                 # broken by the escaping of "#" below
        out = out.replace(ch, "\\" + ch)
    out = _SPACE.sub(" ", out)
    return _BLOCK_START.sub(_escape_start, out, count=1)


_SPACE = re.compile(r"\s{2,}|[^\S ]")
#: What makes a line a list item, a rule or a heading's underline: "-", "+", "=" or "1." at its start (after at
#: most one space: runs of spaces are one by then).
_BLOCK_START = re.compile(r"^( ?)(?:([-+])|(=)|(\d+)\.)")


def _escape_start(m: re.Match[str]) -> str:
    lead, sign, equals, number = m.groups()
    if sign:
        return f"{lead}\\{sign}"
    if equals:
        return f"{lead}&#61;"  # Python-Markdown has no escape for "="
    return f"{lead}{number}\\."


def bill_diff_markdown(diff: BillDiff, *, title: str | None = None) -> str:
    heading = title or f"{diff.old_title}: {diff.old_version or 'old'} → {diff.new_version or 'new'}"
    lines = [*page_start(heading), LEGEND, ""]
    counts = ", ".join(f"{v} {k}" for k, v in sorted(diff.counts().items()))
    lines += [md_text(counts), ""]
    renum = diff.renumbering()
    if renum:
        lines += ["## Renumbering", "", "| Old | New |", "| --- | --- |"]
        lines += [f"| {md_text(a)} | {md_text(b)} |" for a, b in renum]
        lines.append("")
    lines += ["## Changes", ""]
    for p in diff.provisions:
        if p.change == "unchanged":
            continue
        lines += [f"### {md_text(p.label)}" + (f" — {md_text(p.heading)}" if p.heading else ""), ""]
        was = f" (was {p.old_ref})" if p.old_ref and p.old_ref != p.new_ref else ""
        lines += [md_text(p.change + was), ""]
        if p.diff:
            lines += [segments_html(p.diff), ""]
    return "\n".join(lines) + "\n"


def keeling_markdown(units: Iterable[KeelingUnit], link: Callable[[str], str], *, title: str,
                     only_changed: bool = False) -> str:
    lines = [*page_start(title), LEGEND, ""]
    for u in units:
        if only_changed and u.change == "unchanged":
            continue
        ident = anchor(u.eid)
        heading_id = f" {{ #{ident} }}" if ident else ""
        lines += [f"## {md_text(u.ref)}" + (f" — {md_text(u.heading)}" if u.heading else "") + heading_id, ""]
        lines += [marked_html(u.segments, link), ""]
    return "\n".join(lines) + "\n"


def exact_diff_markdown(diff: ExactDiff) -> str:
    """``lawtrack diff --ignore-renumbering --format md``: what still differs once renumbering is set aside."""
    from lawtrack.render.terminal import exact_diff_text

    return exact_diff_text(diff, escape=md_text)


def act_keeling_markdown(units: Iterable[KeelingUnit], rows: Sequence[Mapping[str, object]], *, title: str,
                         intro: str = "", unread: Sequence[Mapping[str, object]] = ()) -> str:
    """An Act's Keeling schedule as a page of the site: the changed provisions, each change linked to its row
    in the table of amendments that follows."""
    from lawtrack.render.html import amendments_table_html, unread_html

    by_source = {str(r.get("source")): "src-" + (anchor(str(r.get("source_eid"))) or "row") for r in rows}

    def link(source: str) -> str:
        return "#" + by_source.get(source, "amendments")

    lines = [*page_start(title)]
    if intro:
        lines += [md_text(intro), ""]
    lines += [LEGEND, ""]
    for u in units:
        ident = anchor(u.eid)
        heading_id = f" {{ #{ident} }}" if ident else ""
        lines += [f"## {md_text(u.ref)}" + (f" — {md_text(u.heading)}" if u.heading else "") + heading_id, ""]
        lines += [marked_html(u.segments, link), ""]
    lines += ["## Table of amendments { #amendments }", "", amendments_table_html(rows), ""]
    if unread:
        lines += [unread_html(unread), ""]
    return "\n".join(lines) + "\n"
