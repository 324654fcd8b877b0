"""Drafting amendments from an edited version: House-style instructions that parse back and apply."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import OBJECT, Parsed
from lawtrack.diff.exact import exact_diff
from lawtrack.drafting import draft, draft_with_notes
from tests.conftest import bill_path, nodes


def text_differences(result: lawtrack.Bill, new: lawtrack.Bill) -> list[str]:
    """Every unit (clauses, Schedule paragraphs and own text, headings, the long title) that differs, modulo what
    a reprint renumbers — an amended bill keeps its numbers and its cross-references, the reprint renumbers both."""
    return [f"{d.kind} {d.old_ref or d.new_ref}: {d.reason}" for d in exact_diff(result, new).differences]


@pytest.mark.parametrize("house", ["commons", "lords"])
def test_hl60_to_bill177_round_trips(house: str) -> None:
    old, new = lawtrack.load_bill(bill_path("hl60")), lawtrack.load_bill(bill_path("b177"))
    drafted = draft(old, new, house=house)  # type: ignore[arg-type]
    assert drafted, "Bill 177 differs from HL Bill 60 (the privilege amendment)"
    result = apply(old, drafted)
    assert [o.status for o in result.outcomes] == ["applied"] * len(drafted)
    assert text_differences(result.bill, new) == []


def test_hl54_to_hl60_drafts_parse_back_and_apply() -> None:
    old, new = lawtrack.load_bill(bill_path("hl54")), lawtrack.load_bill(bill_path("hl60"))
    out = draft_with_notes(old, new, house="lords")
    assert len(out.amendments) > 50
    # Clause 15 gained opening words where it had none: no word-level amendment can put them before its first
    # paragraph (they would land in the heading), so the clause is put in its own place as it now reads
    assert [n.split(":")[0] for n in out.notes] == ["Clause 15"]
    substitution = "Leave out Clause 15 and insert the following new Clause—" + OBJECT
    assert substitution in [a.instruction for a in out.amendments]
    for a in out.amendments:
        parsed = parse_instruction(a.instruction, a.inserted)
        assert isinstance(parsed, Parsed) and parsed.lawmaker_type == a.type
    new_clauses = [a for a in out.amendments if a.type == "newClause"]
    assert new_clauses and all(a.instruction.startswith("After Clause ") for a in new_clauses)
    result = apply(old, out.amendments)
    assert [o.status for o in result.outcomes] == ["applied"] * len(out.amendments)
    assert len(result.bill.clauses()) == len(new.clauses())


@pytest.mark.parametrize("house", ["commons", "lords"])
def test_hl54_to_hl60_round_trips(house: str) -> None:
    old, new = lawtrack.load_bill(bill_path("hl54")), lawtrack.load_bill(bill_path("hl60"))
    result = apply(old, draft(old, new, house=house))  # type: ignore[arg-type]
    assert text_differences(result.bill, new) == []


def test_word_level_drafts_in_house_style() -> None:
    old = lawtrack.load_bill(bill_path("hl54"))
    root = old.copy_tree()
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    p = nodes(root, "//a:section[@eId='sec_3']//a:subsection[@eId='sec_3__subsec_2']/a:intro/a:p", namespaces=ns)[0]
    p.text = p.text.replace("collection", "gathering of information")
    from lxml import etree

    new = lawtrack.load_bill(etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True))
    drafted = draft(old, new)
    assert [a.instruction for a in drafted] == [
        "Clause 3, page 2, line 20, leave out “collection” and insert “gathering of information”"]
    assert text_differences(apply(old, drafted).bill, new) == []


HOSTILE_TITLES = ['The "Quoted" Bill', "Colons: and #hashes Bill", "It's a — 'mixed' “quote” Bill",
                  "Bill\twith\ttabs", "- Looks like a list", "null", "yes", "123", "[HL] {braces} Bill"]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_draft_command_markdown_drafts_read_back_and_apply(tmp_path: Path, title: str) -> None:
    from click.testing import CliRunner

    from lawtrack.cli import main
    from tests import minibill

    old, new = tmp_path / "old.xml", tmp_path / "new.xml"
    old.write_bytes(minibill.xml(title=title))
    new.write_bytes(minibill.xml(title=title, edit=("Secretary of State may", "Secretary of State must")))
    out = tmp_path / "drafts"
    result = CliRunner().invoke(main, ["draft", str(old), str(new), "--format", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    drafts = lawtrack.load_amendments(out)
    assert [a.instruction for a in drafts] == ["Clause 1, page 1, line 2, leave out “may” and insert “must”"]
    assert drafts[0].bill_title == " ".join(lawtrack.load_bill(old).metadata.short_title.split())
    applied = apply(lawtrack.load_bill(old), drafts)
    assert applied.all_applied, applied.outcomes
    assert applied.bill.provision("clause 1(1)").text == lawtrack.load_bill(new).provision("clause 1(1)").text


def test_draft_command_text_and_paper_formats(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from lawtrack.cli import main
    from tests import minibill

    old, new = tmp_path / "old.xml", tmp_path / "new.xml"
    old.write_bytes(minibill.xml())
    new.write_bytes(minibill.xml(edit=("<p>Omit\n    section 2.</p>", "<p>Omit sections 2 and 3.</p>")))
    runner = CliRunner()
    text = runner.invoke(main, ["draft", str(old), str(new)])
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert lines and all(re.match(r"\d+\. Schedule 1, page 2, line 8, ", line) for line in lines), lines
    paper = runner.invoke(main, ["draft", str(old), str(new), "--house", "lords", "--format", "xml", "-o",
                                 str(tmp_path / "paper.xml")])
    assert paper.exit_code == 0
    read = lawtrack.load_paper(tmp_path / "paper.xml")
    assert read.house == "House of Lords" and read.bill_version == "As introduced"
    assert len(read.amendments) == len(lines)
    result = apply(lawtrack.load_bill(old), list(read.amendments))
    assert result.all_applied
    assert result.bill.provision("schedule 1, paragraph 2(2)").text == "(2) Omit sections 2 and 3."
