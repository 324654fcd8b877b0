"""Real amendment papers: every amendment read, every instruction parsed and consistent with its markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawtrack.amendments.consistency import disagreements
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.load import load_paper
from lawtrack.amendments.model import Parsed
from lawtrack.cli import main
from tests.conftest import shared_file

PAPERS = {
    "vpb_pbc": ("lawmaker/victims-and-prisoners-bill/victims_prisoners_rm_pbc_0628.xml", 82, 2),
    "vpb_rep_0906": ("lawmaker/victims-and-prisoners-bill/victims_prisoners_rm_rep_0906.xml", 6, 1),
    "vpb_rep_0908": ("lawmaker/victims-and-prisoners-bill/victims_prisoners_rm_rep_0908.xml", 6, 1),
    "energy": ("lawmaker/other-amendment-papers/energy_rm_rep_0904.xml", 309, 1),
    "dpdi_0721": ("lawmaker/data-protection-digital-information-bill/datapro_rm_rep_0721.xml", 2, 1),
    "dpdi_0825": ("lawmaker/data-protection-digital-information-bill/datapro_rm_rep_0825.xml", 2, 1),
}


@pytest.mark.parametrize("key", sorted(PAPERS))
def test_every_amendment_parses_and_agrees_with_its_markup(key: str) -> None:
    path, count, orders = PAPERS[key]
    paper = load_paper(shared_file(path))
    assert len(paper.amendments) == count
    assert len(paper.orders) == orders
    for a in paper.amendments:
        result = parse_instruction(a.instruction, a.inserted)
        assert isinstance(result, Parsed), (a.number, a.instruction, result)
        assert result.lawmaker_type == a.type, (a.number, a.instruction)
        assert disagreements(a, result) == [], (a.number, a.instruction)


def test_total_is_407() -> None:
    assert sum(len(load_paper(shared_file(p)).amendments) for p, _, _ in PAPERS.values()) == 407


def test_amendment_fields_from_the_committee_paper() -> None:
    paper = load_paper(shared_file(PAPERS["vpb_pbc"][0]))
    assert paper.bill_title == "Victims and Prisoners Bill"
    assert paper.bill_version == "As Introduced"
    assert paper.stage == "Committee Stage"
    assert paper.date == "2023-06-28"
    assert paper.orders[0].kind == "hcOrder" and paper.orders[0].heading == "Order of the House"
    by_number = {a.number: a for a in paper.amendments}
    a3 = by_number["3"]
    assert a3.proposer is not None and a3.proposer.name == "Layla Moran" and a3.proposer.id == "person-4656"
    assert [s.name for s in a3.supporters][:2] == ["Sarah Champion", "Wera Hobhouse"]
    assert a3.dnum and a3.dnum.startswith("HoC")
    assert a3.bill_number == "Bill 286"
    nc = [a for a in paper.amendments if a.number.startswith("NC")]
    assert len(nc) == 19 and all(a.type == "newClause" and a.heading for a in nc)
    # amendments to an amendment (NC4's (a) and (b)) are read too
    assert {"(a)", "(b)"} <= set(by_number)
    assert by_number["(a)"].target_provision == "amnd_NC4"


def test_explanatory_statements_and_stars() -> None:
    p906 = load_paper(shared_file(PAPERS["vpb_rep_0906"][0]))
    p908 = load_paper(shared_file(PAPERS["vpb_rep_0908"][0]))
    a906 = {a.number: a for a in p906.amendments}
    a908 = {a.number: a for a in p908.amendments}
    assert a906["NC3"].explanatory_statement and "IPP advocate" in a906["NC3"].explanatory_statement
    assert a906["2"].star == "★" and a908["2"].star is None
    assert "Maria Eagle" in [s.name for s in a906["NC1"].supporters]
    assert "Maria Eagle" not in [s.name for s in a908["NC1"].supporters]
    assert "Ms Harriet Harman" in [s.name for s in a908["NC1"].supporters]
    assert a906["1"].instruction == a908["1"].instruction
    # the inserted structure is modelled as provisions
    assert [p.num for p in a906["1"].inserted[0]] == ["(e)"]


def test_paper_cli_json_shape() -> None:
    result = CliRunner().invoke(main, ["paper", str(shared_file(PAPERS["vpb_pbc"][0])), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    rows = data["amendments"]
    assert len(rows) == 82
    for row in rows:
        assert set(row) >= {"number", "dnum", "type", "target", "operations", "error", "consistent"}
        assert row["error"] is None and row["consistent"] is True
    first_insert = next(r for r in rows if r["type"] == "insert")
    assert first_insert["operations"][0]["op"] == "insert"


def test_a_bill_is_not_a_paper(tmp_path: Path) -> None:
    from lawtrack import LawtrackError
    from tests.conftest import bill_path

    with pytest.raises(LawtrackError, match="not an amendment paper"):
        load_paper(bill_path("hl54"))
