"""Build the campaign site with MkDocs, atomically (shell).

Everything is built aside in ``build/site-work-<pid>/`` — the generated pages next to a copy of ``docs/``, and
the site MkDocs makes of them — and only then put in place: ``site/`` (and ``docs/bills/``) are at every moment
the old build or the new one, whole. A build that fails or is killed changes nothing; its leftovers are removed
by the next build.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from lawtrack.errors import LawtrackError
from lawtrack.fileio import replace_dir, write_aside
from lawtrack.site.blocks import Page
from lawtrack.site.generate import CSS, clear_leftovers, generate
from lawtrack.site.page_html import content_html, search_text
from lawtrack.site.shell import NAME, PLACEHOLDER, fill, parse_shell

_WORK = "site-work-"


def build(*, root: Path = Path("."), db: Path | None = None, site_dir: Path | None = None,
          builder: str = "mkdocs", amendment_pages: str = "direct") -> Path:
    """Generate the pages and build the site; return the site folder (``site/`` unless ``site_dir``).

    ``amendment_pages``: ``"direct"`` (with MkDocs and the Material theme) writes the amendment pages' HTML into
    the page MkDocs builds for a placeholder in their folder (``lawtrack.site.shell``), a fraction of a
    millisecond a page where MkDocs takes ~10 ms, and gives each one entry in the search index (title and
    paragraphs); ``"builder"`` (and any other builder or theme) has the builder build them like any other page."""
    if amendment_pages not in ("direct", "builder"):
        raise LawtrackError(f"unknown way to build amendment pages: {amendment_pages!r}", expected="direct or builder")
    root = root.resolve()
    site = (site_dir or root / "site").resolve()
    config = root / "mkdocs.yml"
    if not config.exists():
        raise LawtrackError("no mkdocs.yml", source=str(config), expected="the site's MkDocs configuration")
    settings_of = _settings(config) if amendment_pages == "direct" and builder == "mkdocs" else {}
    direct = _theme(settings_of) == "material"  # the shell is cut where Material puts a page's parts
    scratch = root / "build"
    clear_leftovers(scratch, _WORK)
    work = scratch / f"{_WORK}{os.getpid()}"
    if work.exists():
        shutil.rmtree(work)
    try:
        docs = work / "docs"
        shutil.copytree(root / "docs", docs, ignore=shutil.ignore_patterns("bills", ".bills.*", "lawtrack.css"))
        pages: dict[str, Page] = {}
        generate(docs / "bills", bills_dir=root / "bills", db=db, amendment_pages=pages if direct else None)
        write_aside(docs / "assets" / "lawtrack.css", CSS)
        # the site's own configuration, pointed at the copy (MkDocs resolves INHERIT against this file)
        settings = f"INHERIT: {config}\ndocs_dir: {docs}\nsite_dir: {work / 'site'}\n"
        if direct:
            settings += _exclude(settings_of, docs, docs / "bills", pages)
        write_aside(work / "mkdocs.yml", settings)
        if direct:
            with placeholders(docs / "bills", pages):
                _run(builder, work / "mkdocs.yml", root)
            write_pages(work / "site" / "bills", pages)
        else:
            _run(builder, work / "mkdocs.yml", root)
        if (root / "docs" / "bills").exists() or site_dir is None:
            replace_dir(docs / "bills", root / "docs" / "bills")  # for other builders and for reading
        site.parent.mkdir(parents=True, exist_ok=True)
        replace_dir(work / "site", site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return site


def _run(builder: str, config: Path, root: Path) -> None:
    if builder == "zensical":
        cmd = [sys.executable, "-m", "zensical", "build", "-f", str(config)]
    else:
        cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False, env=env)
    if proc.returncode != 0:
        raise LawtrackError(f"{builder} build failed: {proc.stderr.strip()[-2000:]}", source=str(root / "mkdocs.yml"))


def _folders(pages: dict[str, Page]) -> dict[str, list[str]]:
    """The amendment pages by folder (paths relative to the generated pages' folder)."""
    out: dict[str, list[str]] = {}
    for rel in pages:
        out.setdefault(str(PurePosixPath(rel).parent), []).append(rel)
    return out


@contextmanager
def placeholders(generated: Path, pages: dict[str, Page]) -> Iterator[None]:
    """While MkDocs builds: one placeholder in each folder of amendment pages; after, none."""
    made = [generated / folder / f"{NAME}.md" for folder in _folders(pages)]
    try:
        for placeholder in made:
            placeholder.write_text(PLACEHOLDER, encoding="utf-8")
        yield
    finally:
        for placeholder in made:
            placeholder.unlink(missing_ok=True)


def _settings(config: Path) -> dict[str, Any]:
    """The site's MkDocs configuration as MkDocs reads it (``INHERIT`` and ``!ENV`` resolved)."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with config.open("rb") as f:
            return yaml_load(f) or {}
    except ConfigurationError as exc:
        raise LawtrackError(f"cannot read the MkDocs configuration: {exc}", source=str(config)) from None


def _theme(settings: dict[str, Any]) -> str | None:
    theme = settings.get("theme")
    return str(theme.get("name")) if isinstance(theme, dict) else str(theme) if theme else None


def _exclude(settings: dict[str, Any], docs: Path, generated: Path, pages: dict[str, Page]) -> str:
    """The settings that add to the site's own: ``exclude_docs`` gets the amendment pages (only the placeholders
    in their folders are built; excluded pages are still known to MkDocs, so links to them from the bill pages
    become their URLs), ``not_in_nav`` the placeholders (whatever the site's navigation)."""
    where = [(generated / folder).relative_to(docs).as_posix() for folder in _folders(pages)]
    added = {"exclude_docs": [p for w in where for p in (f"/{w}/*.md", f"!/{w}/{NAME}.md")],
             "not_in_nav": [f"/{w}/{NAME}.md" for w in where]}
    out = []
    for key, patterns in added.items():
        lines = [line for line in str(settings.get(key) or "").splitlines() if line.strip()] + patterns
        out.append(f"{key}: {json.dumps(chr(10).join(lines) + chr(10))}\n")
    return "".join(out)


def write_pages(site: Path, pages: dict[str, Page]) -> None:
    """Each amendment page's HTML in the shell MkDocs built for its folder's placeholder (``site`` is where the
    generated pages' folder was built); the placeholder's page is removed, and the sitemap lists the pages in its
    place."""
    entries: dict[str, list[str]] = {}
    found: list[dict[str, str]] = []
    for folder, rels in _folders(pages).items():
        built = site / folder / NAME / "index.html"
        if not built.exists():
            raise LawtrackError("MkDocs did not build the placeholder page where lawtrack expected it",
                                source=str(built), expected="use_directory_urls: true, or amendment pages "
                                                            "built by the builder (build(amendment_pages=...))")
        shell = parse_shell(built.read_text(encoding="utf-8"), str(built))
        shutil.rmtree(built.parent)
        names = []
        for rel in rels:
            name = PurePosixPath(rel).stem
            path = f"{site.name}/{rel}"
            page = content_html(pages[rel], path)
            write_aside(site / folder / name / "index.html", fill(shell, page, name))
            names.append(name)
            found.append({"location": f"{site.name}/{folder}/{name}/", "title": page.title,
                          "text": search_text(pages[rel], path)})
        entries[f"/{site.name}/{folder}/"] = names
    _sitemap(site.parent, entries)
    _search(site.parent, found)


def _search(site: Path, found: list[dict[str, str]]) -> None:
    """The search index (Material's ``search/search_index.json``, when the site has one) with one entry per
    amendment page: its title and its paragraphs."""
    index = site / "search" / "search_index.json"
    if not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data["docs"] = [*data.get("docs", []), *found]
    write_aside(index, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


_URL = re.compile(r"[ \t]*<url>\s*<loc>([^<]*)</loc>(.*?)</url>\n?", re.S)


def _sitemap(site: Path, entries: dict[str, list[str]]) -> None:
    """The sitemap (when MkDocs wrote one with pages in it, i.e. with a ``site_url``) with each placeholder's
    entry replaced by one per page of its folder."""
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")

    def entry(m: re.Match[str]) -> str:
        loc = m.group(1)
        for folder, names in entries.items():
            if loc.endswith(f"{folder}{NAME}/"):
                return "".join(m.group(0).replace(f"/{NAME}/", f"/{name}/") for name in names)
        return m.group(0)

    new = _URL.sub(entry, text)
    if new != text:
        write_aside(sitemap, new)
        gz = site / "sitemap.xml.gz"
        if gz.exists():
            write_aside(gz, gzip.compress(new.encode("utf-8"), mtime=0))
