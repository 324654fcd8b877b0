"""``lawtrack keeling``: what a bill does to an Act — the table of amendments and the Keeling schedule."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from lawtrack.cli.common import INPUT, OUTPUT, console, json_format, load_bill_arg, print_json, tell, write_output
from lawtrack.errors import LawtrackError

if TYPE_CHECKING:
    from lawtrack.acts.schedule import KeelingSchedule


def schedule_json(k: KeelingSchedule) -> dict[str, object]:
    return {"act": k.act_title, "bill": k.bill_title,
            "rows": [r.model_dump(mode="json") for r in k.rows],
            "unread": [u.model_dump(mode="json") for u in k.unread]}


def render_schedule(k: KeelingSchedule, suffix: str, *, everything: bool = False) -> bytes:
    """The Keeling schedule in the format ``suffix`` names (.html, .md or .xml): the changed provisions, or the
    whole Act with ``everything``."""
    units = list(k.units) if everything else k.changed_units()
    rows = [r.model_dump(mode="json") for r in k.rows]
    unread = [u.model_dump(mode="json") for u in k.unread]
    intro = (f"The {k.act_title} as the {k.bill_title} would amend it: {len(k.rows)} amending provision(s), "
             f"{sum(1 for r in k.rows if r.status == 'applied')} applied.")
    if suffix == ".html":
        from lawtrack.render.html import act_keeling_html

        return act_keeling_html(units, rows, title=k.title, intro=intro, unread=unread).encode()
    if suffix == ".md":
        from lawtrack.render.markdown import act_keeling_markdown

        return act_keeling_markdown(units, rows, title=k.title, intro=intro, unread=unread).encode()
    if suffix == ".xml":
        from lawtrack.render.akn import keeling_xml

        return keeling_xml(units, title=k.title)
    raise LawtrackError(f"cannot write a Keeling schedule as {suffix or 'a file without a suffix'}",
                        expected=".html, .md or .xml")


@click.command("keeling")
@click.argument("act_file", type=INPUT)
@click.argument("bill_file", type=INPUT)
@click.option("-o", "--output", type=OUTPUT, help="Write the Keeling schedule (.html, .md or LawMaker .xml).")
@click.option("--table", is_flag=True, help="Print the table of amendments (the default when there is no -o).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="How to print the table: text, or JSON ({'act', 'bill', 'rows', 'unread'}).")
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON (the same as --format json).")
@click.option("--all", "everything", is_flag=True, help="The whole Act in the schedule, not only what changes.")
def keeling_cmd(act_file: Path, bill_file: Path, output: Path | None, table: bool, fmt: str,
                everything: bool, as_json: bool) -> None:
    """What BILL does to the Act ACT: one row per amending provision, applied to the Act, and the Keeling
    schedule (the Act's text with every change marked and linked to the bill provision that makes it).

    \b
    Examples:
      lawtrack keeling bills/housing-act-2004/act.xml bills/housing-act-2004/bill.xml --table
      lawtrack keeling ACT.xml BILL.xml --json
      lawtrack keeling ACT.xml BILL.xml -o keeling.html
    """
    from lawtrack.acts.schedule import keeling

    fmt = json_format(as_json, fmt, "text")
    act, bill = load_bill_arg(act_file), load_bill_arg(bill_file)
    k = keeling(act, bill)
    if not k.rows and not k.unread:
        tell(f"{bill_file} does not amend the {k.act_title}: the table of amendments is empty")
    if output is not None:
        write_output(output, render_schedule(k, output.suffix.lower(), everything=everything))
        tell(f"wrote {output}")
        if not table and fmt == "text":
            return
    if fmt == "json":
        print_json(schedule_json(k))
        return
    from lawtrack.acts.table import table_text

    console().print(table_text(k.rows, k.unread), markup=False, highlight=False, soft_wrap=True)
