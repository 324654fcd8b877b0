"""The command line: outline, one provision, conversion, JSON output and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import lawtrack
from lawtrack.cli import main
from tests.conftest import ROOT, bill_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_bill_show_outline_json() -> None:
    code, out, _ = run("bill", "show", str(bill_path("hl54")), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["number"] == "HL Bill 54" and data["clauses"] == 39 and data["schedules"] == 5
    first = data["outline"][0]["children"][0]
    assert first["num"] == "1" and first["heading"] == "Fundamental objectives"
    assert first["pages"] == {"first": [1, 2], "last": [1, 10]}


def test_bill_show_terminal_outline() -> None:
    code, out, _ = run("bill", "show", str(bill_path("hl54")))
    assert code == 0
    assert "1 Fundamental objectives" in out and "p1.2–p1.10" in out
    assert "39 clauses, 5 Schedules" in out


def test_bill_show_one_provision_with_anchors() -> None:
    code, out, _ = run("bill", "show", str(bill_path("hl54")), "--provision", "clause 1")
    assert code == 0
    assert "1.3   In section 92K of the Housing and Regeneration Act 2008 (fundamental" in out
    code, out, _ = run("bill", "show", str(bill_path("hl54")), "--provision", "clause 1(a)", "--json")
    assert json.loads(out)["eid"] == "sec_1__para_a"


def test_bill_show_bad_reference_is_a_clear_error() -> None:
    code, _, err = run("bill", "show", str(bill_path("hl54")), "--provision", "clause 3(9)")
    assert code == 2
    assert "no (9) in clause 3" in err


def test_bill_convert_between_formats(tmp_path: Path) -> None:
    md = tmp_path / "hl54.md"
    xml = tmp_path / "hl54.xml"
    js = tmp_path / "hl54.json"
    assert run("bill", "convert", str(bill_path("hl54")), str(md))[0] == 0
    assert run("bill", "convert", str(bill_path("hl54")), str(xml))[0] == 0
    assert run("bill", "convert", str(md), str(js))[0] == 0
    assert xml.read_bytes() == bill_path("hl54").read_bytes()
    assert md.read_text().startswith("---\ntitle: \"Social Housing (Regulation) Bill [HL]\"")
    assert json.loads(js.read_text())["metadata"]["source_format"] == "markdown"
    assert [c.heading for c in lawtrack.load_bill(md).clauses()][:2] == ["Fundamental objectives", "Advisory panel"]
    code, _, err = run("bill", "convert", str(bill_path("hl54")), str(tmp_path / "out.pdf"))
    assert code == 2 and "cannot write a bill as .pdf" in err
    assert not (tmp_path / "out.pdf").exists()


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("bill", "show", str(tmp_path / "nope.xml"))
    assert code == 2 and "nope.xml" in err and "cannot read file" in err


def test_demo_models_the_victims_and_prisoners_bill(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the demo writes its database into build/: never into the repository
    code, out, _ = run("demo", "--bills", str(ROOT / "bills"), "--no-site", "--db", str(tmp_path / "demo.sqlite"))
    assert code == 0, out
    assert "Victims and Prisoners Bill" in out and "82 clauses" in out


# -- text with square brackets is shown as written (the terminal's markup never reads bill text or file names) -----
_BRACKETS = "[bold]victims[/bold] of [/x] crime [HL]"


def test_terminal_output_shows_brackets_in_bill_text_as_written(tmp_path: Path) -> None:
    from tests import minibill

    src = tmp_path / "bill.xml"
    src.write_bytes(minibill.xml(edit=("support of victims", f"support of {_BRACKETS}"),
                                 title="Bracket [HL] [/b] Bill"))
    code, out, err = run("bill", "show", str(src), "--provision", "clause 1(1)")
    assert (code, err) == (0, "")
    assert f"support of {_BRACKETS}, and may revise" in out
    code, out, err = run("bill", "show", str(src))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Bracket [HL] [/b] Bill — Bill 1 As introduced"


def test_messages_name_an_output_file_with_brackets_as_written(tmp_path: Path) -> None:
    target = tmp_path / "diff [/x] [HL].json"
    code, _, err = run("diff", str(bill_path("hl60")), str(bill_path("b177")), "--format", "json", "-o", str(target))
    assert (code, err) == (0, f"wrote {target}\n")
    assert json.loads(target.read_text(encoding="utf-8"))["counts"]


def test_diff_of_one_provision_keeps_only_that_provision_and_the_bills_titles() -> None:
    code, out, _ = run("diff", str(bill_path("hl60")), str(bill_path("b177")), "--provision", "clause 44",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(p["old_ref"], p["change"]) for p in data["provisions"]] == [("Clause 44", "changed")]
    assert data["counts"] == {"changed": 1}
    assert data["old"]["version"] == "As amended on Report" and data["new"]["version"] == "As brought from the Lords"
    unchanged = json.loads(run("diff", str(bill_path("hl60")), str(bill_path("b177")), "--provision", "clause 2",
                               "--format", "json")[1])
    assert [(p["new_ref"], p["change"]) for p in unchanged["provisions"]] == [("Clause 2", "unchanged")]


def test_diff_of_a_provision_in_neither_version_says_so() -> None:
    code, _, err = run("diff", str(bill_path("hl60")), str(bill_path("b177")), "--provision", "clause 99")
    assert code != 0 and "no provision 'clause 99' in either version" in err


def test_every_command_that_prints_takes_json() -> None:
    """``--json`` is the same as each command's own way of asking for JSON (``--format json``, ``--report -``),
    so a script can say it the same way everywhere."""
    old, new = (str(p) for p in sorted((ROOT / "bills" / "social-housing-regulation").glob("*.xml"))[1:])
    act, bill = (str(ROOT / "bills" / "housing-act-2004" / name) for name in ("act.xml", "bill.xml"))
    amended = str(ROOT / "amendments" / "victims-and-prisoners")
    vpa = str(ROOT / "bills" / "victims-and-prisoners" / "ukpga-2024-21.md")
    for flag, same in (
            (["diff", old, new, "--json"], ["diff", old, new, "--format", "json"]),
            (["keeling", act, bill, "--json"], ["keeling", act, bill, "--format", "json"]),
            (["draft", old, new, "--json"], ["draft", old, new, "--format", "json"]),
            (["apply", vpa, amended, "--json"], ["apply", vpa, amended, "--report", "-"])):
        code, out, _ = run(*flag)
        assert code == 0, flag
        assert json.loads(out) == json.loads(run(*same)[1]), flag
    drafted = json.loads(run("draft", old, new, "--json")[1])
    assert drafted["bill"] == "Social Housing (Regulation) Bill [HL]" and drafted["amendments"]
    first = drafted["amendments"][0]
    assert first["instruction"].startswith("Clause 44, page 37, line 9, leave out") and first["error"] is None


def test_json_beside_another_format_is_refused() -> None:
    old, new = (str(p) for p in sorted((ROOT / "bills" / "social-housing-regulation").glob("*.xml"))[1:])
    code, _, err = run("diff", old, new, "--json", "--format", "html")
    assert code == 2 and "--json and --format html ask for two different outputs" in err
    code, _, err = run("apply", old, str(ROOT / "amendments"), "--json", "--report", "r.json")
    assert code == 2 and "--json prints the report; --report writes it to a file" in err
