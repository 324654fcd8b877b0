"""Amendment pages in the site's look without building each one with MkDocs (Material theme).

A site has a few dozen bill pages and thousands of amendment pages. MkDocs pays ~10 ms a page for Markdown,
its templates and the search index; the amendment pages are instead written from their blocks
(``lawtrack.site.page_html``) into a *shell*: the page MkDocs itself builds for a placeholder in the same folder
(``_lawtrack-shell.md``). Pages of one folder share everything but their title, their article and their table of
contents, so the shell is split at the placeholder's markers and each page is the shell with its own three parts.
The placeholder asks to be left out of the search index, and its page is removed once used. Each amendment
page gets one entry in the search index (its title and paragraphs, not its redlines), where MkDocs would add one
per section with the full redline: the index stays small for a session's thousands of amendments.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lawtrack.errors import LawtrackError
from lawtrack.site.page_html import PageHtml, TocItem, text_of

NAME = "_lawtrack-shell"
_TITLE = "LTSHELLTITLE"
_TOC = "LTSHELLTOC"
_BODY = "LTSHELLBODY"

#: The placeholder page: a title, one heading for the table of contents, one paragraph.
PLACEHOLDER = (f"---\ntitle: {_TITLE}\nsearch:\n  exclude: true\n---\n\n# {_TITLE}\n\n## {_TOC}\n\n{_BODY}\n")

_NAV = '<nav class="md-nav md-nav--secondary"'


@dataclass(frozen=True)
class Shell:
    """A built placeholder page, cut where a page's own parts go."""

    parts: tuple[str, ...]  # the text between the holes
    holes: tuple[str, ...]  # what each hole is: "title", "anchor", "toc", "content", "name"
    toc_title: str  # the theme's label of the table of contents ("Table of contents")


def parse_shell(text: str, source: str) -> Shell:
    """Cut the page MkDocs built for the placeholder; ``source`` names it in errors."""
    start = text.find(f'<h1 id="{_TITLE.lower()}">')
    body = f"<p>{_BODY}</p>"
    end = text.find(body, start)
    nav = text.find(_NAV)
    nav_end = text.find("</nav>", nav)
    if start < 0 or end < 0 or nav < 0 or nav_end < 0 or not nav < nav_end < start:
        raise LawtrackError("the theme's page has no table of contents before its article", source=source,
                            expected="MkDocs with the Material theme (or build with amendment pages by MkDocs)")
    label = text.find('aria-label="', nav)
    toc_title = text[label + len('aria-label="'): text.find('"', label + len('aria-label="'))]
    # the pieces: [before nav] toc [nav .. article] content [after article], then titles, anchors and names
    pieces: list[tuple[str, str | None]] = [(text[:nav], "toc"), (text[nav_end + len("</nav>"): start], "content"),
                                            (text[end + len(body):], None)]
    parts: list[str] = []
    holes: list[str] = []
    for piece, hole in pieces:
        for i, chunk in enumerate(_cut(piece)):
            if i:
                holes.append(chunk[0])
            parts.append(chunk[1])
        if hole:
            holes.append(hole)
    shell = Shell(parts=tuple(parts), holes=tuple(holes), toc_title=toc_title)
    leftover = [m for m in (_TITLE, _TITLE.lower(), _TOC, _TOC.lower(), _BODY) if any(m in p for p in parts)]
    if leftover:
        raise LawtrackError(f"the theme's page shows the placeholder in a place lawtrack does not fill ({leftover[0]})",
                            source=source, expected="MkDocs with the Material theme")
    return shell


def _cut(piece: str) -> list[tuple[str, str]]:
    """``piece`` cut at each title, heading anchor and placeholder name: (the hole before, the text after)."""
    marks = {f"#{_TITLE.lower()}": "anchor", _TITLE: "title", NAME: "name"}
    out: list[tuple[str, str]] = []
    hole = ""
    rest = piece
    while True:
        found = [(rest.find(m), m) for m in marks if rest.find(m) >= 0]
        if not found:
            out.append((hole, rest))
            return out
        at, mark = min(found)
        out.append((hole, rest[:at] + ("#" if mark.startswith("#") else "")))
        hole, rest = marks[mark], rest[at + len(mark):]


def toc_html(items: tuple[TocItem, ...] | list[TocItem], title: str) -> str:
    """Material's table of contents (its ``partials/toc.html`` and ``toc-item.html``)."""
    out = [f'<nav class="md-nav md-nav--secondary" aria-label="{title}">']
    if items:
        out += ['<label class="md-nav__title" for="__toc">', '<span class="md-nav__icon md-icon"></span>', title,
                "</label>", '<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>']
        out += [_item(i) for i in items]
        out.append("</ul>")
    out.append("</nav>")
    return "\n".join(out)


def _item(item: TocItem) -> str:
    out = ['<li class="md-nav__item">', f'<a href="#{item.ident}" class="md-nav__link">',
           f'<span class="md-ellipsis">{item.title}</span>', "</a>"]
    if item.children:
        label = escape(" ".join(text_of(item.title).split()), quote=True)
        out += [f'<nav class="md-nav" aria-label="{label}">', '<ul class="md-nav__list">',
                *(_item(c) for c in item.children), "</ul>", "</nav>"]
    out.append("</li>")
    return "\n".join(out)


def fill(shell: Shell, page: PageHtml, name: str) -> str:
    """The page ``name`` (its folder's last part) in the shell."""
    values = {"title": escape(page.title, quote=False), "anchor": page.anchor, "name": name,
              "toc": toc_html(page.toc, shell.toc_title), "content": page.content}
    out = [shell.parts[0]]
    for hole, part in zip(shell.holes, shell.parts[1:], strict=True):
        out += [values[hole], part]
    return "".join(out)
