"""Markdown amendment drafts: the format, its errors, the firewall drafts, and exchange as a LawMaker paper."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawtrack import LawtrackError
from lawtrack.amendments.apply import apply
from lawtrack.amendments.load import load_amendments
from lawtrack.amendments.markdown import read_markdown_amendment
from lawtrack.amendments.paper import read_paper
from lawtrack.amendments.paper_writer import write_paper
from lawtrack.cli import main
from lawtrack.manifest import load_manifest
from lawtrack.model.provision import Provision
from tests.conftest import ROOT

FIREWALL = ROOT / "amendments" / "victims-and-prisoners"


def test_firewall_drafts_read_and_apply_cleanly() -> None:
    bill = load_manifest(ROOT / "bills" / "victims-and-prisoners.toml").load()
    drafts = load_amendments(FIREWALL)
    assert [a.number for a in drafts] == ["NC36", "96", ""]
    nc36, lords96, code = drafts
    assert nc36.type == "newClause" and lords96.type == "newClause" and code.type == "insert"
    assert lords96.proposer is not None and lords96.proposer.name == "Baroness Meacher"
    assert [s.name for s in lords96.supporters] == ["Baroness Lister of Burtersett", "Baroness Brinton",
                                                     "The Lord Bishop of Gloucester"]
    assert lords96.heading == "Victims of specified offences: data-sharing for immigration purposes"
    result = apply(bill, drafts)
    assert [o.status for o in result.outcomes] == ["applied"] * 3, result.outcomes
    amended = result.bill
    new96 = amended.provision("clause 26A")
    assert new96.heading == lords96.heading
    assert [c.label for c in new96.children] == ["1", "2", "3", "4", "5"]
    assert [c.label for c in amended.provision("clause 26A(3)").children] == ["a", "b", "c", "d", "e"]
    assert "Paragraph 4 of Schedule 2 to the Data Protection Act 2018" in amended.provision("clause 26A(4)").text
    assert result.outcomes[0].placed_by_lawtrack and not result.outcomes[1].placed_by_lawtrack
    assert amended.provision("clause 2(3)(b)").text.endswith("specialist services, whatever their immigration "
                                                            "status);")
    assert bill.find("clause 26A") is None


def test_broken_front_matter_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\nbill: Victims and Prisoners Bill\nproposer: [unclosed\n---\nLeave out Clause 4\n")
    with pytest.raises(LawtrackError) as info:
        load_amendments(path)
    assert str(path) in str(info.value) and info.value.line is not None and info.value.line >= 3
    path.write_text("---\nbil: typo\n---\nLeave out Clause 4\n")
    with pytest.raises(LawtrackError, match="unknown front matter field 'bil'"):
        load_amendments(path)
    path.write_text("---\nbill: X\n---\n\n")
    with pytest.raises(LawtrackError, match="no instruction"):
        load_amendments(path)


def _relabelled(p: Provision, old: str, new: str) -> Provision:
    eid = p.eid or ""
    return p.model_copy(update={"eid": new + eid[len(old):] if eid.startswith(old) else p.eid,
                                "children": tuple(_relabelled(c, old, new) for c in p.children)})


def test_draft_written_as_a_paper_reads_back_the_same() -> None:
    drafts = load_amendments(FIREWALL)
    data = write_paper(drafts, bill_title="Victims and Prisoners Bill", stage="Report stage", house="House of Lords")
    paper = read_paper(data, "<written>")
    assert len(paper.amendments) == 3
    for before, after in zip(drafts, paper.amendments, strict=True):
        assert after.number == before.number
        assert after.instruction == before.instruction
        assert after.type == before.type
        assert after.explanatory_statement == before.explanatory_statement
        assert after.proposer == before.proposer and after.supporters == before.supporters
        # the same provisions, labelled inside the paper as LawMaker labels them (eIds are unique per paper)
        prefix = f"amnd_{before.number}__cont__qstr__sec"
        assert after.inserted == tuple(tuple(_relabelled(p, "sec_0", prefix) for p in s) for s in before.inserted)
        assert all((p.eid or "").startswith(prefix) for s in after.inserted for top in s for p in top.walk())
    assert paper.amendments[1].target_provision is None  # a new clause has no target provision
    assert paper.amendments[2].target_provision == "sec_2"


def test_straight_quotes_and_inline_markdown_in_a_draft() -> None:
    a = read_markdown_amendment('---\nnumber: "7"\n---\nClause 2(3), leave out "information" and insert *"advice"*\n')
    assert a.instruction == 'Clause 2(3), leave out "information" and insert "advice"'
    assert a.type == "substitute"


def test_apply_cli_report_and_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "amended.md"
    report = tmp_path / "report.json"
    result = runner.invoke(main, ["apply", str(ROOT / "bills" / "victims-and-prisoners.toml"), str(FIREWALL),
                                  "-o", str(out), "--report", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert [o["status"] for o in data["outcomes"]] == ["applied"] * 3
    assert set(data["outcomes"][0]) >= {"number", "dnum", "status", "detail"}
    assert "#### Victims of specified offences: data-sharing for immigration purposes" in out.read_text()
    bad = tmp_path / "bad.md"
    bad.write_text("---\nnumber: \"9\"\n---\nClause 2(3), leave out “no such words”\n")
    result = runner.invoke(main, ["apply", str(ROOT / "bills" / "victims-and-prisoners.toml"), str(bad),
                                  "--report", "-"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["outcomes"][0]["status"] == "not-found"


def test_export_paper_cli(tmp_path: Path) -> None:
    out = tmp_path / "paper.xml"
    result = CliRunner().invoke(main, ["export-paper", str(FIREWALL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    paper = read_paper(out.read_bytes())
    assert [a.number for a in paper.amendments] == ["NC36", "96", ""]
    assert paper.bill_title == "Victims and Prisoners Bill"


def test_every_front_matter_field_is_written_under_its_own_name_and_read_back() -> None:
    from lawtrack.amendments.markdown import read_markdown_amendment, write_markdown_amendment
    from lawtrack.amendments.model import Amendment, Person

    a = Amendment(number="NC36", dnum="HoC238", star="★", stage="Report Stage", paper_date="2023-12-12",
                  bill_title="Victims and Prisoners Bill", bill_version="As amended in Public Bill Committee",
                  bill_number="Bill 30", house="House of Commons", proposer=Person(name="Jess Phillips"),
                  supporters=(Person(name="Sarah Champion"),), explanatory_statement="Keeps victims' data apart.",
                  instruction="Leave out Clause 5")
    text = write_markdown_amendment(a)
    head = text.split("---\n")[1]
    assert [line.split(":")[0] for line in head.splitlines() if line and line[0] not in " -"] == [
        "bill", "stage", "house", "number", "dnum", "star", "paper_date", "bill_version", "bill_number", "proposer",
        "supporters", "explanatory_statement"]
    back = read_markdown_amendment(text)
    for field in ("number", "dnum", "star", "stage", "paper_date", "bill_title", "bill_version", "bill_number",
                  "house", "proposer", "supporters", "explanatory_statement", "instruction"):
        assert getattr(back, field) == getattr(a, field), field
    assert write_markdown_amendment(Amendment(number="", instruction="Leave out Clause 5")) == (
        "---\n---\nLeave out Clause 5\n")
