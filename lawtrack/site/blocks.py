"""A page as a list of blocks (pure): one description of a page, written out as Markdown for any MkDocs-compatible
builder (``to_markdown``, here) or straight to HTML (``lawtrack.site.page_html``).

The site has thousands of amendment pages and a few dozen others. The others are Markdown that MkDocs builds; the
amendment pages are built as blocks, so that the same page can be written as Markdown (what ``docs/bills/``
holds, for reading and for other builders) and as the HTML MkDocs would make of that Markdown, without paying
MkDocs for each page. The blocks are the few forms those pages use, each with one meaning in both outputs:

- inline: ``Text`` (plain text, escaped on output), ``Strong`` (bold plain text), ``Link`` (plain text, an href),
  ``Raw`` (inline markup lawtrack made and escaped itself);
- blocks: ``Heading``, ``Para`` (lines; ``breaks`` for hard line breaks between them), ``Html`` (a raw HTML block
  lawtrack made), ``Bullets`` (a list of one-line items).
"""

from __future__ import annotations

from dataclasses import dataclass

from lawtrack.render.markdown import md_text, page_start


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    """``href`` as written in Markdown: a URL, or a path to another page's ``.md`` file relative to this page's
    file (which a builder turns into that page's URL)."""

    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Raw:
    html: str


Inline = Text | Strong | Link | Raw


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    parts: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Para:
    lines: tuple[tuple[Inline, ...], ...]
    breaks: bool = False


@dataclass(frozen=True, slots=True)
class Html:
    html: str


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[tuple[Inline, ...], ...]


Block = Heading | Para | Html | Bullets


@dataclass(frozen=True, slots=True)
class Page:
    """``title`` is the page's title and its first heading; ``blocks`` follow that heading (never two
    ``Bullets`` in a row, which Markdown reads as one list)."""

    title: str
    blocks: tuple[Block, ...]


def para(*parts: Inline) -> Para:
    """A paragraph of one line."""
    return Para((parts,))


def _inline_md(parts: tuple[Inline, ...]) -> str:
    out = []
    for p in parts:
        if isinstance(p, Text):
            out.append(md_text(p.text))
        elif isinstance(p, Strong):
            out.append(f"**{md_text(p.text)}**")
        elif isinstance(p, Link):
            out.append(f"[{md_text(p.text)}]({p.href})")
        else:
            out.append(p.html)
    return "".join(out)


def _block_md(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + _inline_md(block.parts)]
    if isinstance(block, Para):
        end = "  " if block.breaks else ""
        return [_inline_md(line) + end for line in block.lines]
    if isinstance(block, Html):
        return [block.html]
    return [f"- {_inline_md(item)}" for item in block.items]


def to_markdown(page: Page) -> str:
    """The page as Markdown: front matter with its title, the title as a heading, then each block and a blank
    line.

    >>> print(to_markdown(Page("A *bold* claim", (para(Strong("Bill:"), Text(" X")), Bullets(((Text("a"),),))))))
    ---
    title: A *bold* claim
    ---
    <BLANKLINE>
    # A \\*bold\\* claim
    <BLANKLINE>
    **Bill:** X
    <BLANKLINE>
    - a
    <BLANKLINE>
    """
    lines = page_start(page.title)
    for block in page.blocks:
        lines += [*_block_md(block), ""]
    return "\n".join(lines)
