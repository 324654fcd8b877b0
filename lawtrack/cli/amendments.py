"""``lawtrack explain``, ``paper``, ``apply`` and ``export-paper``: amendments read, applied and written."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lawtrack.cli.common import INPUT, OUTPUT, console, convert, esc, load_bill_arg, print_json, tell, write_output
from lawtrack.errors import LawtrackError

if TYPE_CHECKING:
    from lawtrack.amendments.outcome import ApplyResult
    from lawtrack.model.bill import Bill


@click.command("explain")
@click.argument("instruction")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def explain_cmd(instruction: str, as_json: bool) -> None:
    """Show how lawtrack reads an amendment INSTRUCTION (address, operation, quoted words).

    Write an inserted structure as "—" at the end. Exit status 1 when the instruction cannot be read.

    \b
    Examples:
      lawtrack explain "Clause 2, page 3, line 15, leave out “may” and insert “must”"
      lawtrack explain "Clause 1, page 1, line 16, at end insert—" --json
    """
    from lawtrack.amendments.explain import explain
    from lawtrack.amendments.instructions import parse_instruction
    from lawtrack.amendments.model import OBJECT

    text = instruction
    if text.rstrip().endswith(("—", "-")):
        text = text.rstrip() + OBJECT
    data = explain(parse_instruction(text))
    if as_json:
        print_json(data)
    elif data["parsed"]:
        console().print(f"[bold]address[/]    {esc(data['address'])}", markup=True)
        console().print(f"[bold]operation[/]  {esc(data['operation'])}  (LawMaker type {esc(data['lawmaker_type'])})",
                        markup=True)
        console().print(f"[bold]meaning[/]    {esc(data['meaning'])}", markup=True)
    else:
        console().print(f"[bold red]cannot parse[/] at character {data['position'] + 1}: {esc(data['error'])}",
                        markup=True)
    if not data["parsed"]:
        sys.exit(1)


@click.command("paper")
@click.argument("paper_file", type=INPUT)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def paper_cmd(paper_file: Path, as_json: bool) -> None:
    """Read an amendment paper: one row per amendment with its parsed operation and cross-checks.

    \b
    Examples:
      lawtrack paper bills/victims-and-prisoners/victims_prisoners_rm_pbc_0628.xml
      lawtrack paper bills/victims-and-prisoners/victims_prisoners_rm_rep_0906.xml --json
    """
    from rich.table import Table

    from lawtrack.amendments.load import load_paper
    from lawtrack.amendments.report import paper_rows

    paper = load_paper(paper_file)
    rows = paper_rows(paper)
    if as_json:
        print_json({
            "paper": {"title": paper.title, "bill": paper.bill_title, "print": paper.bill_version,
                      "bill_number": paper.bill_number, "stage": paper.stage, "house": paper.house,
                      "date": paper.date},
            "orders": [o.model_dump() for o in paper.orders],
            "amendments": rows,
        })
        return
    table = Table(title=esc(f"{paper.bill_title} — {paper.stage} — {paper.date} (against “{paper.bill_version}”)"))
    for col in ("No.", "dNum", "type", "where and what", "check"):
        table.add_column(col, overflow="fold")
    for r in rows:
        check = "ok" if r["consistent"] else (r["error"] or "; ".join(r["disagreements"]))
        cells = (r["number"], r["dnum"] or "", r["type"] or "", r["summary"] or r["instruction"], check)
        table.add_row(*(esc(x) for x in cells))
    console().print(table)
    parsed = sum(1 for r in rows if r["error"] is None)
    agree = sum(1 for r in rows if r["consistent"])
    console().print(f"{len(rows)} amendments, {parsed} parsed, {agree} agree with the paper's own markup; "
                    f"{len(paper.orders)} order component(s) kept separately", markup=False)


def keeling_output(original: Bill, result: ApplyResult, suffix: str) -> bytes:
    """The Keeling view of applied amendments, in the format ``suffix`` names."""
    from lawtrack.diff.keeling import keeling

    units = keeling(original, result)
    title = f"{original.metadata.short_title}: Keeling view with amendments applied"

    def link(number: str) -> str:
        return f"#amendment-{number}"

    if suffix == ".html":
        from lawtrack.render.html import keeling_html

        return keeling_html(units, link, title=title).encode()
    if suffix == ".md":
        from lawtrack.render.markdown import keeling_markdown

        return keeling_markdown(units, link, title=title).encode()
    if suffix == ".xml":
        from lawtrack.render.akn import keeling_xml

        return keeling_xml(units, title=title)
    raise LawtrackError(f"cannot write a Keeling view as {suffix or 'a file without a suffix'}",
                        expected=".html, .xml or .md")


@click.command("apply")
@click.argument("bill_file", type=INPUT)
@click.argument("amendments", nargs=-1, required=True, type=INPUT)
@click.option("-o", "--output", type=OUTPUT, help="Write the amended bill (.xml, .md or .json).")
@click.option("--report", "report", help="Write the JSON report to FILE, or '-' for standard output.")
@click.option("--keeling", type=OUTPUT,
              help="Write a Keeling view (.html, .xml or .md): the amended bill, each change linked to its amendment.")
@click.option("--force", is_flag=True, help="Apply amendments tabled to another bill (refused otherwise).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report (the same as --report -).")
def apply_cmd(bill_file: Path, amendments: tuple[Path, ...], output: Path | None, report: str | None,
              keeling: Path | None, force: bool, as_json: bool) -> None:
    """Apply AMENDMENTS (papers, Markdown drafts or folders) to BILL_FILE (a bill or a bills/*.toml manifest).

    Exit status 0 only when every amendment applied; each amendment's outcome says why when it did not.

    \b
    Examples:
      lawtrack apply bills/victims-and-prisoners.toml amendments/victims-and-prisoners -o amended.md
      lawtrack apply bills/victims-and-prisoners.toml amendments/victims-and-prisoners --report - --keeling k.html
    """
    from lawtrack.amendments.apply import apply
    from lawtrack.amendments.load import load_amendments
    from lawtrack.amendments.prints import other_bill

    if as_json:
        if report not in (None, "-"):
            raise click.UsageError("--json prints the report; --report writes it to a file: give one")
        report = "-"
    b = load_bill_arg(bill_file)
    found = load_amendments(*amendments)
    elsewhere = next(((a, why) for a in found if (why := other_bill(b, a))), None)
    if elsewhere is not None and not force:
        a, why = elsewhere
        raise LawtrackError(f"amendment {a.label} was {why}: lawtrack refuses the paper whole", source=a.source,
                            line=a.source_line, expected=f"amendments to the {b.metadata.short_title}, or --force")
    result = apply(b, found, force=force)
    if output is not None:
        write_output(output, convert(result.bill, output.suffix.lower()))
    if keeling is not None:
        write_output(keeling, keeling_output(b, result, keeling.suffix.lower()))
    data = {
        "bill": b.metadata.short_title,
        "print": b.metadata.stage_version,
        "applied": sum(1 for o in result.outcomes if o.status == "applied"),
        "total": len(result.outcomes),
        "outcomes": [o.model_dump() for o in result.outcomes],
    }
    if report == "-":
        print_json(data)
    else:
        if report:
            write_output(Path(report), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        for o in result.outcomes:
            colour = {"applied": "green", "conflict": "magenta"}.get(o.status, "red")
            console().print(f"[{colour}]{o.status:>11}[/] {o.number or o.dnum or '?':>6}  {o.detail}", markup=True)
        console().print(f"{data['applied']} of {data['total']} amendments applied")
    if not result.all_applied:
        sys.exit(1)


@click.command("export-paper")
@click.argument("amendments", nargs=-1, required=True, type=INPUT)
@click.option("-o", "--output", required=True, type=OUTPUT)
@click.option("--bill", "bill_title", help="Bill title (default: from the first amendment).")
@click.option("--stage", help="Stage, e.g. 'Report Stage'.")
def export_paper(amendments: tuple[Path, ...], output: Path, bill_title: str | None, stage: str | None) -> None:
    """Write Markdown drafts (or any amendments) as a LawMaker amendment paper that others can read.

    \b
    Example:
      lawtrack export-paper amendments/victims-and-prisoners -o firewall.xml
    """
    from lawtrack.amendments.load import load_amendments
    from lawtrack.amendments.paper_writer import write_paper

    found = load_amendments(*amendments)
    if not found:
        raise LawtrackError("no amendments found", source=" ".join(map(str, amendments)))
    first = found[0]
    data = write_paper(found, bill_title=bill_title or first.bill_title or "", stage=stage or first.stage,
                       bill_version=first.bill_version, bill_number=first.bill_number, house=first.house,
                       date=first.paper_date)
    write_output(output, data)
    tell(f"wrote {len(found)} amendment(s) to {output}")
