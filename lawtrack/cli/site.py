"""``lawtrack site``: the campaign site, generated from bills/, the drafts and the tracking store."""

from __future__ import annotations

import os
from pathlib import Path

import click

from lawtrack.cli.common import Group, console, db_option, tell


def _db(db: str | None) -> Path:
    from lawtrack.track.store import default_path

    chosen = db or os.environ.get("LAWTRACK_DB")
    return Path(chosen) if chosen else default_path()


@click.group(cls=Group)
def site() -> None:
    """The campaign site: generated pages for every bill under bills/, built with MkDocs."""


@site.command("generate")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("docs/bills"))
@click.option("--bills", "bills_dir", default="bills", type=click.Path(file_okay=False, path_type=Path))
@db_option
def site_generate(out: Path, bills_dir: Path, db: str | None) -> None:
    """Write the Markdown pages, static JSON and Atom feeds (builder-agnostic).

    \b
    Example:
      lawtrack site generate --out docs/bills
    """
    from lawtrack.site.generate import generate

    written = generate(out, bills_dir=bills_dir, db=_db(db))
    tell(f"generated pages for {len(written)} bill(s) in {out}")


@site.command("build")
@db_option
@click.option("--builder", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs")
@click.option("--amendment-pages", type=click.Choice(["direct", "builder"]), default="direct", show_default=True,
              help="direct: lawtrack writes the amendment pages into the theme's page (MkDocs + Material; much "
                   "faster for thousands of amendments, one search entry each); builder: the builder builds them.")
def site_build(db: str | None, builder: str, amendment_pages: str) -> None:
    """Generate the pages, then build the site into site/.

    \b
    Example:
      lawtrack site build
    """
    from lawtrack.site.build import build

    out = build(root=Path("."), db=_db(db), builder=builder, amendment_pages=amendment_pages)
    console().print(f"site built in {out}/ — open {out}/index.html", markup=False)
