"""Amendment pages as blocks: the Markdown and the HTML written from one page agree, with Python-Markdown (under
the site's own extensions) as the judge of what the Markdown means."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from lawtrack.site.blocks import Bullets, Heading, Html, Link, Page, Para, Raw, Strong, Text, para, to_markdown
from lawtrack.site.page_html import TocItem, content_html, href, slugify, unique
from tests.conftest import ROOT


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of the site's mkdocs.yml."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    settings_: dict[str, Any] = {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict):
            (name, value), = ext.items()
            names.append(name)
            settings_[name] = value
        else:
            names.append(ext)
    return markdown.Markdown(extensions=names, extension_configs=settings_)


MD = _site_markdown()


def normal(text: str) -> str:
    """HTML (a whole page, or a fragment) as a tree, with runs of white space as one space and none at either
    end of a text."""
    whole = "<html" in text[:1000].lower()
    root = lxml_html.document_fromstring(text) if whole else lxml_html.fragment_fromstring(text, create_parent="div")
    for el in root.iter():
        el.text = " ".join(el.text.split()) if el.text else None
        el.tail = " ".join(el.tail.split()) if el.tail else None
    return str(lxml_html.tostring(root, encoding="unicode"))


def python_markdown(page: Page) -> tuple[str, list[dict[str, Any]]]:
    body = to_markdown(page).split("---\n", 2)[2]
    MD.reset()
    out = MD.convert(body)
    return out, MD.toc_tokens  # type: ignore[attr-defined]


def _tree(items: tuple[TocItem, ...] | list[TocItem]) -> list[tuple[int, str, str, list[Any]]]:
    """The table of contents; titles are HTML, compared as the text they show ("&#61;" is "=")."""
    return [(i.level, i.ident, html.unescape(i.title), _tree(i.children)) for i in items]


def _tokens(tokens: list[dict[str, Any]]) -> list[tuple[int, str, str, list[Any]]]:
    return [(t["level"], t["id"], html.unescape(t["name"]), _tokens(t["children"])) for t in tokens]


# text people write: letters, digits, single spaces, punctuation, and every character Markdown or HTML gives a
# meaning
TEXT = st.text(alphabet=st.sampled_from(list("abc XYZ019 .,;:()—’“”'\"&<>*_`[]#|!{}\\-+=~^$%@/é")), min_size=1,
               max_size=30).map(lambda s: " ".join(s.split())).filter(bool)


def _inline() -> st.SearchStrategy[Any]:
    return st.one_of(st.builds(Text, TEXT), st.builds(Strong, TEXT),
                     st.builds(Link, TEXT, st.sampled_from(["https://example.org/a?b=1&c=2", "../../keeling/#sec_1"])),
                     st.just(Raw('<span class="lt-badge">Decision: agreed</span>')))


LINE = st.lists(_inline(), min_size=1, max_size=4).map(tuple)
BLOCK = st.one_of(
    st.builds(Heading, st.integers(2, 3), st.tuples(st.builds(Text, TEXT))),
    st.builds(Para, st.lists(LINE, min_size=1, max_size=3).map(tuple), st.booleans()),
    st.just(Html('<div class="lt-diff"><ins class="lt-ins">a &amp; b</ins></div>')),
    st.builds(Bullets, st.lists(LINE, min_size=1, max_size=3).map(tuple)),
)


def _no_list_after_list(blocks: list[Any]) -> list[Any]:
    """Two lists in a row are one list in Markdown: a page never has them (``Page``)."""
    return [b for i, b in enumerate(blocks)
            if not (i and isinstance(b, Bullets) and isinstance(blocks[i - 1], Bullets))]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(TEXT, st.lists(BLOCK, max_size=6).map(_no_list_after_list))
@example("Amendment 1: *bold*", [Heading(2, (Text("Notes"),)), Heading(2, (Text("Notes"),))])
@example("A", [Para(((Strong("Bill:"), Text(" X")), (Strong("Stage:"), Text(" Y"))), breaks=True)])
@example("0", [Heading(2, (Text("="),))])  # md_text writes a leading "=" as "&#61;"
def test_html_is_what_python_markdown_makes_of_the_markdown(title: str, blocks: list[Any]) -> None:
    page = Page(title, tuple(blocks))
    expected, tokens = python_markdown(page)
    got = content_html(page, "bill/amendments/1.md")
    assert normal(got.content) == normal(expected)
    assert _tree(got.toc) == _tokens(tokens[0]["children"] if tokens and tokens[0]["level"] == 1 else tokens)


#: Text that Markdown would read as structure, written by md_text as text (each was a list, a rule, a heading,
#: code or a second paragraph before).
STRUCTURE = ["- a", "+ a", "1. a", " 2. a", "---", "    code", "x:\n\n- y", "a  \nb", "A {#id}", "a {: .x}",
             "| a | b |", "<div>x</div>", "&amp; &#39;", "[^1]", "<https://x.org>", "```", "=== a", "# a #"]


@pytest.mark.parametrize("text", STRUCTURE)
def test_text_that_looks_like_markdown_stays_text(text: str) -> None:
    for blocks in ([para(Text(text))], [Para(((Text("first"),), (Text(text),)), breaks=True)],
                   [Bullets(((Text(text),),))], [Heading(2, (Text(text),))]):
        page = Page(text, tuple(blocks))
        expected, _ = python_markdown(page)
        assert normal(content_html(page, "b/amendments/1.md").content) == normal(expected)
        shown = lxml_html.fragment_fromstring(expected, create_parent="div").text_content()
        assert " ".join(text.split()) in " ".join(shown.split())


@pytest.mark.parametrize(("target", "path", "expected"), [
    ("../index.md", "bills/b/papers/p/amendments/11.md", "../../"),  # the paper, from one of its amendments
    ("27.md", "bills/b/amendments/26.md", "../27/"),
    ("27.md#what-it-does", "bills/b/amendments/26.md", "../27/#what-it-does"),
    ("26.md", "bills/b/amendments/26.md", "./"),
    ("../index.md", "bills/b/amendments/26.md", "../../"),  # the bill's page
    ("../../index.md", "bills/b/amendments/26.md", "../../../"),  # bills/index.md
    ("../../keeling/#sec_1", "bills/b/amendments/1.md", "../../keeling/#sec_1"),  # a URL already
    ("https://example.org/x.md", "bills/b/amendments/1.md", "https://example.org/x.md"),
    ("/abs/x.md", "bills/b/amendments/1.md", "/abs/x.md"),
])
def test_links_to_pages_become_their_urls_as_mkdocs_writes_them(target: str, path: str, expected: str) -> None:
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    assert href(target, path) == expected
    if target.split("#")[0].endswith(".md") and not target.startswith(("/", "https:")):  # MkDocs' own answer
        dest = posixpath.normpath(posixpath.join(posixpath.dirname(path), target.split("#")[0]))
        url = get_relative_url(File(dest, "d", "s", True).url, File(path, "d", "s", True).url)
        assert expected.split("#")[0] == url


def test_heading_ids_are_unique_as_the_toc_extension_makes_them() -> None:
    page = Page("Notes", (Heading(2, (Text("Notes"),)), Heading(3, (Text("Notes"),)), Heading(2, (Text("Notes_1"),)),
                          Heading(2, (Text("—"),))))
    got = content_html(page, "b/amendments/1.md")
    assert [i.ident for i in got.toc] == ["notes_1", "notes_3", "_1"]  # "notes_1" is taken: the next free one
    assert [c.ident for c in got.toc[0].children] == ["notes_2"]
    _, tokens = python_markdown(page)
    assert _tree(got.toc) == _tokens(tokens[0]["children"])
    assert slugify("Clause 26A — Victims’ data") == "clause-26a-victims-data"
    used: set[str] = {"a_1"}
    assert unique("a", used) == "a" and unique("a", used) == "a_2"


# -- the shell: a page built by MkDocs for the placeholder, cut where each page's own parts go -------------------

SHELL = """<html><head><title>LTSHELLTITLE - site</title>
<link rel="canonical" href="https://s/b/amendments/_lawtrack-shell/"></head>
<body><a href="#ltshelltitle" class="md-skip">Skip</a><div class="md-header__topic">LTSHELLTITLE</div>
<nav class="md-nav md-nav--secondary" aria-label="Table of contents">
<ul><li><a href="#ltshelltoc">LTSHELLTOC</a></li></ul></nav>
<article><h1 id="ltshelltitle">LTSHELLTITLE<a class="headerlink" href="#ltshelltitle">&para;</a></h1>
<h2 id="ltshelltoc">LTSHELLTOC</h2>
<p>LTSHELLBODY</p>
</article></body></html>"""


def test_a_page_is_the_shell_with_its_own_title_contents_and_article() -> None:
    from lawtrack.site.shell import fill, parse_shell

    shell = parse_shell(SHELL, "shell.html")
    assert shell.toc_title == "Table of contents"
    page = content_html(Page("Amendment 7: Café & co", (Heading(2, (Text("Notes"),)), Heading(3, (Text("A"),)),
                                                        para(Text("x")))), "b/amendments/7.md")
    out = fill(shell, page, "7")
    assert "LTSHELL" not in out and "ltshell" not in out and "_lawtrack-shell" not in out
    assert "<title>Amendment 7: Café ＆ co - site</title>" in out  # the title as page_title makes it safe
    assert 'href="https://s/b/amendments/7/"' in out
    assert f'href="#{page.anchor}" class="md-skip"' in out and page.anchor == "amendment-7-cafe-co"
    toc = out[out.index('<nav class="md-nav md-nav--secondary"'):out.index("<article>")]
    assert toc.index('href="#notes"') < toc.index('<nav class="md-nav" aria-label="Notes">') < toc.index('href="#a"')
    assert out.count("<article>") == 1 and "<p>x</p>" in out and "LTSHELLBODY" not in out


@pytest.mark.parametrize(("broken", "message"), [
    (SHELL.replace('<nav class="md-nav md-nav--secondary"', "<nav"), "no table of contents"),
    (SHELL.replace("<p>LTSHELLBODY</p>", ""), "no table of contents"),
    (SHELL.replace("<body>", '<body data-x="LTSHELLTOC">'), "does not fill (LTSHELLTOC)"),
])
def test_a_theme_page_lawtrack_cannot_fill_is_an_error_naming_it(broken: str, message: str) -> None:
    from lawtrack.errors import LawtrackError
    from lawtrack.site.shell import parse_shell

    with pytest.raises(LawtrackError, match=re.escape(message)) as err:
        parse_shell(broken, "site/b/amendments/_lawtrack-shell/index.html")
    assert err.value.source == "site/b/amendments/_lawtrack-shell/index.html"


def test_the_sitemap_lists_the_pages_in_place_of_their_placeholder(tmp_path: Path) -> None:
    from lawtrack.site.build import _sitemap

    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n    <url>\n         <loc>https://s/bills/b/</loc>\n'
        "    </url>\n    <url>\n         <loc>https://s/bills/b/amendments/_lawtrack-shell/</loc>\n"
        "         <lastmod>2026-12-03</lastmod>\n    </url>\n</urlset>", encoding="utf-8")
    _sitemap(tmp_path, {"/bills/b/amendments/": ["1", "nc36"]})
    text = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert re.findall(r"<loc>([^<]*)</loc>", text) == ["https://s/bills/b/", "https://s/bills/b/amendments/1/",
                                                       "https://s/bills/b/amendments/nc36/"]
    assert text.count("<lastmod>2026-12-03</lastmod>") == 2


def test_only_a_material_site_gets_the_amendment_pages_written_into_its_shell(tmp_path: Path) -> None:
    from lawtrack.errors import LawtrackError
    from lawtrack.site.build import _settings, _theme

    (tmp_path / "base.yml").write_text("theme:\n  name: material\nexclude_docs: drafts/\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: x\n")
    assert _theme(_settings(tmp_path / "mkdocs.yml")) == "material"  # through INHERIT, as MkDocs reads it
    assert _settings(tmp_path / "mkdocs.yml")["exclude_docs"] == "drafts/"
    assert _theme({"theme": "readthedocs"}) == "readthedocs" and _theme({}) is None
    (tmp_path / "bad.yml").write_text("INHERIT: missing.yml\n")
    with pytest.raises(LawtrackError, match="cannot read the MkDocs configuration"):
        _settings(tmp_path / "bad.yml")
    from lawtrack.site.build import _exclude

    docs = tmp_path / "docs"
    settings = yaml.safe_load(_exclude({"exclude_docs": "drafts/\n*.tmp", "not_in_nav": "/old.md"}, docs,
                                       docs / "bills", {"b/amendments/1.md": Page("1", ()),
                                                        "b/papers/p/amendments/2.md": Page("2", ())}))
    assert settings["exclude_docs"].splitlines() == [
        "drafts/", "*.tmp",  # the site's own, kept
        "/bills/b/amendments/*.md", "!/bills/b/amendments/_lawtrack-shell.md",
        "/bills/b/papers/p/amendments/*.md", "!/bills/b/papers/p/amendments/_lawtrack-shell.md"]
    assert settings["not_in_nav"].splitlines() == [
        "/old.md", "/bills/b/amendments/_lawtrack-shell.md", "/bills/b/papers/p/amendments/_lawtrack-shell.md"]
