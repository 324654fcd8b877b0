"""``lawtrack diff``: two versions of a bill compared provision by provision, word by word."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lawtrack.cli.common import INPUT, OUTPUT, console, json_format, load_bill_arg, tell, write_output
from lawtrack.errors import LawtrackError

if TYPE_CHECKING:
    from lawtrack.diff.compare import BillDiff
    from lawtrack.model.bill import Bill


@click.command("diff")
@click.argument("old_file", type=INPUT)
@click.argument("new_file", type=INPUT)
@click.option("--format", "fmt", type=click.Choice(["term", "html", "md", "json", "akn"]), default="term")
@click.option("--provision", "ref", help="Only this provision (as numbered in NEW, or OLD if it was removed).")
@click.option("--ignore-renumbering", is_flag=True,
              help="Compare every unit exactly, setting aside only what a reprint renumbers (numbers, labels, "
                   "cross-references to renumbered provisions, quote glyphs, runs of spaces); list what still "
                   "differs and why.")
@click.option("-o", "--output", type=OUTPUT)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the same as --format json).")
def diff_cmd(old_file: Path, new_file: Path, fmt: str, ref: str | None, ignore_renumbering: bool,
             output: Path | None, as_json: bool) -> None:
    """Compare two versions of a bill: added, removed, moved, renumbered and changed provisions, word by word.

    \b
    Examples:
      lawtrack diff bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml \\
                    bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml
      lawtrack diff OLD.xml NEW.xml --format html -o diff.html
      lawtrack diff OLD.xml NEW.xml --format json --provision "clause 12"
      lawtrack diff AMENDED.xml REPRINT.xml --ignore-renumbering --format json
    """
    from lawtrack.diff.compare import compare

    fmt = json_format(as_json, fmt, "term")
    old, new = load_bill_arg(old_file), load_bill_arg(new_file)
    if ignore_renumbering:
        _exact(old, new, fmt, ref, output)
        return
    result = compare(old, new)
    if ref:
        in_new, in_old = new.find(ref), old.find(ref)
        if in_new is not None:
            keep = tuple(p for p in result.provisions if p.new_eid == in_new.eid)
        else:
            keep = tuple(p for p in result.provisions if in_old is not None and p.old_eid == in_old.eid)
        if not keep:
            raise LawtrackError(f"no provision {ref!r} in either version", expected="e.g. 'clause 5'")
        result = replace(result, provisions=keep)
    if fmt == "term" and output is None:
        from lawtrack.render.terminal import bill_diff_terminal

        console().print(bill_diff_terminal(result))
        return
    data = render_diff(result, fmt)
    if output is None:
        click.echo(data.decode("utf-8"))
    else:
        write_output(output, data)
        tell(f"wrote {output}")


def _exact(old: Bill, new: Bill, fmt: str, ref: str | None, output: Path | None) -> None:
    from lawtrack.diff.exact import exact_diff

    if fmt in ("html", "akn"):
        raise LawtrackError(f"--ignore-renumbering lists units as text or JSON, not {fmt}",
                            expected="--format term, md or json")
    result = exact_diff(old, new)
    if ref:
        wanted = {x for x in (old.find(ref), new.find(ref)) if x is not None}
        if not wanted:
            raise LawtrackError(f"no provision {ref!r} in either version", expected="e.g. 'clause 5'")
        names = {f"Clause {p.label}" for p in wanted} | {p.describe() for p in wanted}
        result.differences = [d for d in result.differences if d.old_ref in names or d.new_ref in names]
    if fmt == "json":
        from lawtrack.render.json import exact_diff_json

        data = exact_diff_json(result).encode()
    elif fmt == "md":
        from lawtrack.render.markdown import exact_diff_markdown

        data = exact_diff_markdown(result).encode()
    else:
        from lawtrack.render.terminal import exact_diff_text

        data = exact_diff_text(result).encode()
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_output(output, data)
        tell(f"wrote {output}")


def render_diff(result: BillDiff, fmt: str) -> bytes:
    if fmt == "html":
        from lawtrack.render.html import bill_diff_html

        return bill_diff_html(result).encode()
    if fmt == "md":
        from lawtrack.render.markdown import bill_diff_markdown

        return bill_diff_markdown(result).encode()
    if fmt == "akn":
        from lawtrack.render.akn import bill_diff_xml

        return bill_diff_xml(result)
    if fmt == "term":
        from rich.console import Console as RichConsole

        from lawtrack.render.terminal import bill_diff_terminal

        capture = RichConsole(record=True, width=120)
        capture.print(bill_diff_terminal(result))
        return capture.export_text().encode()
    from lawtrack.render.json import bill_diff_json

    return bill_diff_json(result).encode()
