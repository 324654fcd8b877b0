"""``lawtrack bill show`` and ``lawtrack bill convert``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lawtrack.cli.common import (
    INPUT,
    OUTPUT,
    Group,
    console,
    convert,
    esc,
    load_bill_arg,
    print_json,
    tell,
    write_output,
)

if TYPE_CHECKING:
    from rich.tree import Tree

    from lawtrack.model.provision import Provision


@click.group(cls=Group)
def bill() -> None:
    """Read, show and convert bills (LawMaker XML or Markdown)."""


def _outline_tree(entry: dict[str, Any], tree: Tree) -> None:
    label = esc(" ".join(x for x in (entry.get("num"), entry.get("heading")) if x) or entry["kind"])
    pages = entry.get("pages")
    if pages:
        label += f"  [dim]p{pages['first'][0]}.{pages['first'][1]}–p{pages['last'][0]}.{pages['last'][1]}[/]"
    node = tree.add(label)
    for child in entry.get("children", []):
        _outline_tree(child, node)


def _show_provision(p: Provision) -> None:
    title = " ".join(x for x in (p.num, p.heading) if x)
    console().print(f"[bold]{esc(title)}[/]  [dim]{esc(p.eid or '')} {esc(p.guid or '')}[/]", markup=True)
    if p.lines:
        for span in p.lines:
            words = p.text[span.start : span.end].replace("\n", " ")
            console().print(f"[dim]{span.page:>3}.{span.line:<3}[/] {esc(words)}", markup=True, highlight=False)
    else:
        console().print(p.text, markup=False)


@bill.command("show")
@click.argument("file", type=INPUT)
@click.option("--provision", "ref", help="Show one provision: 'clause 5(2)(a)', 'schedule 2, paragraph 3', eId, GUID.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def bill_show(file: Path, ref: str | None, as_json: bool) -> None:
    """Outline of a bill (numbers, headings, page ranges), or one provision with its page/line anchors.

    FILE is LawMaker XML, Markdown, or a bills/*.toml manifest.

    \b
    Examples:
      lawtrack bill show bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml
      lawtrack bill show bills/victims-and-prisoners.toml --provision "clause 2(3)" --json
    """
    from rich.tree import Tree

    from lawtrack.formats.json_bill import provision_dict
    from lawtrack.outline import outline

    b = load_bill_arg(file)
    if ref:
        p = b.provision(ref)
        if as_json:
            print_json(provision_dict(p))
        else:
            _show_provision(p)
        return
    data = outline(b)
    if as_json:
        print_json(data)
        return
    tree = Tree(f"[bold]{esc(data['title'])}[/] — {esc(data.get('number') or '')} "
                f"{esc(data.get('stage_version') or '')}")
    for entry in data["outline"]:
        _outline_tree(entry, tree)
    console().print(tree)
    console().print(f"{data['clauses']} clauses, {data['schedules']} Schedules", markup=False)
    for note in data["notes"]:
        tell(click.style("note:", fg="yellow") + f" {note}")


@bill.command("convert")
@click.argument("src", type=INPUT)
@click.argument("dst", type=OUTPUT)
def bill_convert(src: Path, dst: Path) -> None:
    """Convert a bill between LawMaker XML, Markdown and JSON (chosen by DST's suffix).

    \b
    Examples:
      lawtrack bill convert bills/social-housing-regulation.toml bill-177.md
      lawtrack bill convert bill-177.md bill-177.json
    """
    b = load_bill_arg(src)
    write_output(dst, convert(b, dst.suffix.lower()))
    tell(f"wrote {dst}")
