"""The ``lawtrack`` command line (imperative shell). Every command has JSON output for scripts."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.tree import Tree

from lawtrack.errors import LawtrackError
from lawtrack.fileio import write_atomic
from lawtrack.formats.json_bill import provision_dict
from lawtrack.formats.load import load_bill
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Provision
from lawtrack.outline import outline

console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(exc: LawtrackError) -> None:
    click.echo(f"lawtrack: error: {exc}", err=True)
    sys.exit(2)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LawtrackError as exc:
            _fail(exc)


@click.group(cls=_Group)
@click.version_option(package_name="lawtrack")
def main() -> None:
    """lawtrack: UK bills, their amendments and their progress through Parliament."""


@main.group(cls=_Group)
def bill() -> None:
    """Read, show and convert bills (LawMaker XML or Markdown)."""


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _outline_tree(entry: dict[str, Any], tree: Tree) -> None:
    label = " ".join(x for x in (entry.get("num"), entry.get("heading")) if x) or entry["kind"]
    pages = entry.get("pages")
    if pages:
        label += f"  [dim]p{pages['first'][0]}.{pages['first'][1]}–p{pages['last'][0]}.{pages['last'][1]}[/]"
    node = tree.add(label)
    for child in entry.get("children", []):
        _outline_tree(child, node)


def _show_provision(p: Provision) -> None:
    title = " ".join(x for x in (p.num, p.heading) if x)
    console.print(f"[bold]{title}[/]  [dim]{p.eid or ''} {p.guid or ''}[/]", markup=True)
    if p.lines:
        for span in p.lines:
            words = p.text[span.start : span.end].replace("\n", " ")
            console.print(f"[dim]{span.page:>3}.{span.line:<3}[/] {words}", markup=True, highlight=False)
    else:
        console.print(p.text, markup=False)


@bill.command("show")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--provision", "ref", help="Show one provision: 'clause 5(2)(a)', 'schedule 2, paragraph 3', eId, GUID.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def bill_show(file: Path, ref: str | None, as_json: bool) -> None:
    """Outline of a bill (numbers, headings, page ranges), or one provision with its page/line anchors."""
    b = load_bill(file)
    if ref:
        p = b.provision(ref)
        if as_json:
            _print_json(provision_dict(p))
        else:
            _show_provision(p)
        return
    data = outline(b)
    if as_json:
        _print_json(data)
        return
    tree = Tree(f"[bold]{data['title']}[/] — {data.get('number') or ''} {data.get('stage_version') or ''}")
    for entry in data["outline"]:
        _outline_tree(entry, tree)
    console.print(tree)
    console.print(f"{data['clauses']} clauses, {data['schedules']} Schedules")
    for note in data["notes"]:
        err.print(f"[yellow]note:[/] {note}", markup=True)


def _convert(b: Bill, suffix: str) -> bytes:
    if suffix == ".xml":
        return b.to_xml()
    if suffix in (".md", ".markdown"):
        return b.to_markdown().encode("utf-8")
    if suffix == ".json":
        return b.to_json().encode("utf-8")
    raise LawtrackError(f"cannot write a bill as {suffix or 'a file without a suffix'}", expected=".xml, .md or .json")


@bill.command("convert")
@click.argument("src", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("dst", type=click.Path(dir_okay=False, path_type=Path))
def bill_convert(src: Path, dst: Path) -> None:
    """Convert a bill between LawMaker XML, Markdown and JSON (chosen by DST's suffix)."""
    b = load_bill(src)
    write_atomic(dst, _convert(b, dst.suffix.lower()))
    err.print(f"wrote {dst}")


@main.command("demo")
@click.option("--bills", "bills_dir", default="bills", type=click.Path(file_okay=False, path_type=Path))
def demo(bills_dir: Path) -> None:
    """The main job, offline: model every bill named under bills/ and summarise it."""
    from lawtrack.manifest import manifests

    found = manifests(bills_dir)
    if not found:
        raise LawtrackError("no bill manifests", source=str(bills_dir), expected="bills/*.toml")
    for m in found:
        b = m.load()
        data = outline(b)
        console.print(f"[bold]{m.bill.title}[/] ({m.bill.session}, Bills API id {m.bill.bills_api_id})", markup=True)
        console.print(f"  modelled from {m.source.description or m.source.path}")
        console.print(f"  {data['clauses']} clauses, {data['schedules']} Schedules; "
                      f"{sum(1 for _ in b.walk())} provisions")
        for entry in data["outline"]:
            if entry["kind"] == "part":
                console.print(f"  {entry['num']} — {entry['heading']}: {_count_clauses(entry)} clauses")
        for note in b.notes:
            console.print(f"  [dim]import note: {note}[/]", markup=True)


def _count_clauses(entry: dict[str, Any]) -> int:
    return (1 if entry["kind"] == "clause" else 0) + sum(_count_clauses(c) for c in entry.get("children", []))


if __name__ == "__main__":  # pragma: no cover
    main()
