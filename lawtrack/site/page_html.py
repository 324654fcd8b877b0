"""A page of blocks (``lawtrack.site.blocks``) as the HTML MkDocs makes of its Markdown (pure).

The site's Markdown extensions are ``attr_list``, ``md_in_html``, ``tables`` and ``toc`` with permalinks; this
writes what Python-Markdown writes for the blocks' Markdown under them: headings with the ``toc`` extension's ids
(its slugify, made unique by ``_1``, ``_2``…) and permalinks, paragraphs, hard line breaks, lists, raw HTML blocks
as they are. Links to other pages' ``.md`` files become those pages' URLs, as MkDocs rewrites them (directory
URLs). A test builds the same pages both ways and compares them.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field

from lawtrack.render.markdown import page_title
from lawtrack.site.blocks import Block, Bullets, Heading, Html, Inline, Link, Page, Para, Strong, Text

_IDCOUNT = re.compile(r"^(.*)_([0-9]+)$")
_TAG = re.compile(r"<[^>]*>")


@dataclass
class TocItem:
    """A heading in the page's table of contents: ``title`` is HTML (as the heading shows it)."""

    level: int
    ident: str
    title: str
    children: list[TocItem] = field(default_factory=list)


@dataclass(frozen=True)
class PageHtml:
    title: str  # the page's title as the builder shows it in <title> and the header (no markup)
    anchor: str  # the id of the page's heading
    content: str  # the article: the page's heading and its blocks
    toc: tuple[TocItem, ...]  # the table of contents, without the page's own heading


def text_of(fragment: str) -> str:
    """The text an HTML fragment lawtrack made shows: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", fragment))


def slugify(value: str) -> str:
    """The ``toc`` extension's heading id: ASCII, lower-case, words joined by "-".

    >>> slugify("Clause 26A — Victims’ personal data: no sharing")
    'clause-26a-victims-personal-data-no-sharing'
    """
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def unique(ident: str, used: set[str]) -> str:
    """``ident``, or ``ident_1``, ``ident_2``… for one already used on the page (as the ``toc`` extension does).

    >>> used = set(); [unique(x, used) for x in ("a", "a", "a_1", "")]
    ['a', 'a_1', 'a_2', '_1']
    """
    if ident in used or not ident:
        m = _IDCOUNT.match(ident)
        base, count = (m.group(1), int(m.group(2))) if m else (ident, 0)
        while True:
            count += 1
            ident = f"{base}_{count}"
            if ident not in used:
                break
    used.add(ident)
    return ident


def page_url(path: str) -> str:
    """The URL (relative to the site, no trailing slash) of the page whose Markdown file is ``path``."""
    stem = path[: -len(".md")] if path.endswith(".md") else path
    return stem[: -len("/index")] if stem.endswith("/index") else "" if stem == "index" else stem


def href(target: str, path: str) -> str:
    """A link as MkDocs writes it on the page whose file is ``path``: a relative link to a ``.md`` file becomes
    that page's URL relative to this page's; any other link is kept.

    >>> href("../index.md", "bill/papers/p/amendments/11.md")
    '../../'
    >>> href("../../keeling/#sec_1", "bill/amendments/1.md")
    '../../keeling/#sec_1'
    """
    file, hash_, fragment = target.partition("#")
    if not file.endswith(".md") or "://" in file or file.startswith(("/", "mailto:")):
        return target
    dest = posixpath.normpath(posixpath.join(posixpath.dirname(path), file))
    rel = posixpath.relpath(page_url(dest) or ".", page_url(path) or ".")
    return ("./" if rel == "." else rel + "/") + hash_ + fragment


def _inline(parts: tuple[Inline, ...], path: str) -> str:
    out = []
    for p in parts:
        if isinstance(p, Text):
            out.append(html.escape(p.text, quote=False))
        elif isinstance(p, Strong):
            out.append(f"<strong>{html.escape(p.text, quote=False)}</strong>")
        elif isinstance(p, Link):
            out.append(f'<a href="{html.escape(href(p.href, path))}">{html.escape(p.text, quote=False)}</a>')
        else:
            out.append(p.html)
    return "".join(out)


def _heading(block: Heading, path: str, used: set[str], toc: list[TocItem]) -> str:
    inner = _inline(block.parts, path)
    title = " ".join(_TAG.sub("", inner).split())
    ident = unique(slugify(html.unescape(title)), used)
    toc.append(TocItem(block.level, ident, title))
    return (f'<h{block.level} id="{ident}">{inner}<a class="headerlink" href="#{ident}" '
            f'title="Permanent link">&para;</a></h{block.level}>')


def _block(block: Block, path: str, used: set[str], toc: list[TocItem]) -> str:
    if isinstance(block, Heading):
        return _heading(block, path, used, toc)
    if isinstance(block, Para):
        lines = [_inline(line, path) for line in block.lines]
        return "<p>" + ("<br />\n" if block.breaks else "\n").join(lines) + "</p>"
    if isinstance(block, Html):
        return block.html + "\n"
    return "<ul>\n" + "".join(f"<li>{_inline(item, path)}</li>\n" for item in block.items) + "</ul>"


def search_text(page: Page, path: str) -> str:
    """What the search index holds for the page: its paragraphs and lists, as HTML (the facts, the statement,
    how lawtrack reads the instruction, the notes). Not the redlines, whose words are the bill's."""
    out = []
    for b in page.blocks:
        if isinstance(b, Para | Bullets):
            out.append(_block(b, path, set(), []))
    return " ".join(out)


def nest(flat: list[TocItem]) -> list[TocItem]:
    """Headings as a tree: each under the nearest heading before it of a higher level."""
    top: list[TocItem] = []
    stack: list[TocItem] = []
    for item in flat:
        while stack and stack[-1].level >= item.level:
            stack.pop()
        (stack[-1].children if stack else top).append(item)
        stack.append(item)
    return top


def content_html(page: Page, path: str) -> PageHtml:
    """The page whose Markdown file is ``path`` (relative to the site's pages) as HTML."""
    used: set[str] = set()
    flat: list[TocItem] = []
    parts = [_heading(Heading(1, (Text(page.title),)), path, used, flat)]
    parts += [_block(b, path, used, flat) for b in page.blocks]
    toc = nest(flat)
    return PageHtml(title=page_title(page.title), anchor=flat[0].ident, content="\n".join(parts),
                    toc=tuple(toc[0].children))  # as Material shows it: the page's own heading's children
