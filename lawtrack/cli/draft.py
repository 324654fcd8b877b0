"""``lawtrack draft``: the amendments that turn one version of a bill into another, in House style."""

from __future__ import annotations

from pathlib import Path

import click

from lawtrack.cli.common import INPUT, json_format, load_bill_arg, tell, write_output


@click.command("draft")
@click.argument("old_file", type=INPUT)
@click.argument("new_file", type=INPUT)
@click.option("--house", type=click.Choice(["commons", "lords"]), default="commons")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "xml", "json"]), default="text")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File (text, xml, json) or folder (md).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the same as --format json).")
def draft_cmd(old_file: Path, new_file: Path, house: str, fmt: str, output: Path | None, as_json: bool) -> None:
    """Write the amendments that turn OLD into NEW, in House style (page/line from OLD's print).

    \b
    Examples:
      lawtrack draft bills/social-housing-regulation/2_lords-report_as-amended-on-report_HL-Bill-60.xml \\
                     bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml
      lawtrack draft OLD.xml NEW.xml --house lords --format xml -o paper.xml
      lawtrack draft OLD.xml EDITED.md --format md -o amendments/drafted
      lawtrack draft OLD.xml NEW.xml --json
    """
    from lawtrack.amendments.model import OBJECT
    from lawtrack.drafting import draft_with_notes

    fmt = json_format(as_json, fmt, "text")
    old, new = load_bill_arg(old_file), load_bill_arg(new_file)
    result = draft_with_notes(old, new, house="lords" if house == "lords" else "commons")
    for note in result.notes:
        tell(f"note: {note}")
    if fmt == "json":
        import json

        from lawtrack.amendments.model import AmendmentPaper
        from lawtrack.amendments.report import paper_rows

        paper = AmendmentPaper(bill_title=old.metadata.short_title, bill_version=old.metadata.stage_version,
                               bill_number=old.metadata.number, amendments=tuple(result.amendments))
        report = json.dumps({"bill": old.metadata.short_title, "print": old.metadata.stage_version,
                             "house": house, "notes": list(result.notes), "amendments": paper_rows(paper)},
                            ensure_ascii=False, indent=2) + "\n"
        if output is None:
            click.echo(report, nl=False)
        else:
            write_output(output, report)
        return
    if fmt == "xml":
        from lawtrack.amendments.paper_writer import write_paper

        data = write_paper(result.amendments, bill_title=old.metadata.short_title,
                           bill_version=old.metadata.stage_version, bill_number=old.metadata.number,
                           house="House of Lords" if house == "lords" else "House of Commons")
        if output is None:
            click.echo(data.decode())
        else:
            write_output(output, data)
        return
    if fmt == "md":
        from lawtrack.amendments.markdown import write_markdown_amendment

        folder = output or Path("amendments") / "drafted"
        for a in result.amendments:
            write_output(folder / f"{int(a.number):04d}.md", write_markdown_amendment(a))
        tell(f"wrote {len(result.amendments)} draft(s) to {folder}")
        return
    lines = [f"{a.number}. {a.instruction.replace(OBJECT, ' [text as in the new version]')}" for a in result.amendments]
    text = "\n".join(lines) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text)
