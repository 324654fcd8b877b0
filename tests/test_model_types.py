"""The bill model and a comparison are frozen dataclasses, which check nothing when they are made (issue 12: pydantic
cost ~35–60 ms of every ``lawtrack diff``, importing and building its validators).

So the reader and ``compare`` must hand over values of exactly the types the fields declare. These tests validate
each record they made with pydantic, on every real bill that ships with the repository, and check that validation
changes nothing: the same values, of the same types. And ``lawtrack diff`` in a fresh process imports no pydantic.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields
from itertools import pairwise
from pathlib import Path

import pytest

import lawtrack
from lawtrack.diff.compare import BillDiff, ProvisionDiff
from lawtrack.model.bill import BillMetadata
from lawtrack.model.record import Record
from tests.conftest import BILLS, ROOT, SHIPPED_AT, shared_file

#: Every bill and Act that ships (amendment papers aside), the Markdown Act included: it is read into LawMaker XML.
LAWMAKER_BILLS = sorted(p for p in SHIPPED_AT.values() if p.suffix == ".md" or b"<bill" in p.read_bytes()[:4000])
SH_PRINTS = sorted((ROOT / "bills" / "social-housing-regulation").glob("*.xml"))


def _as_validated(made: Record) -> Record:
    """What validating the same field values gives."""
    return type(made).model_validate({f.name: getattr(made, f.name) for f in fields(made)})  # type: ignore[arg-type]


def _same(made: Record, validated: Record) -> None:
    assert validated is not made and validated == made
    for f in fields(made):  # type: ignore[arg-type]
        ours, theirs = getattr(made, f.name), getattr(validated, f.name)
        assert type(ours) is type(theirs), (type(made).__name__, f.name, type(ours), type(theirs))
        if isinstance(ours, tuple):
            assert [type(x) for x in ours] == [type(x) for x in theirs], (type(made).__name__, f.name)


def test_the_bills_shipped_cover_both_readers() -> None:
    # three Social Housing prints, the Housing Act 2004 and the bill amending it, the Victims and Prisoners Act
    assert len(LAWMAKER_BILLS) >= 6
    assert any(p.suffix == ".md" for p in LAWMAKER_BILLS)
    assert len(SH_PRINTS) == 3


@pytest.mark.parametrize("path", LAWMAKER_BILLS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_bills_metadata_is_what_validation_makes(path: Path) -> None:
    md = lawtrack.load_bill(path).metadata
    assert md.short_title  # a real document: the check below compares something
    assert isinstance(md, BillMetadata)
    _same(md, _as_validated(md))


@pytest.mark.parametrize("key", ["dpdi314", "scot"])
def test_the_corpus_bills_metadata_is_what_validation_makes(key: str) -> None:
    """The DPDI Bill (Commons) and the Scottish bill (Holyrood's placeholders) from the shared corpus."""
    md = lawtrack.load_bill(shared_file(f"lawmaker/{BILLS[key]}")).metadata
    assert md.short_title and md.variables
    _same(md, _as_validated(md))


@pytest.mark.parametrize(("old", "new"), list(pairwise(SH_PRINTS)), ids=lambda p: p.name[:2])
def test_a_comparisons_diffs_are_what_validation_makes(old: Path, new: Path) -> None:
    diff = lawtrack.compare(lawtrack.load_bill(old), lawtrack.load_bill(new))
    kinds = {p.change for p in diff.provisions}
    assert "changed" in kinds and "unchanged" in kinds
    for p in diff.provisions:
        assert isinstance(p, ProvisionDiff)
        _same(p, _as_validated(p))
    validated = _as_validated(diff)
    assert isinstance(validated, BillDiff)
    _same(diff, validated)


def test_added_and_removed_units_are_what_validation_makes() -> None:
    """The ``added`` and ``removed`` branches set fewer fields (no eId on the missing side)."""
    hl54, hl60, _ = SH_PRINTS
    old, new = lawtrack.load_bill(hl54), lawtrack.load_bill(hl60)
    diff = lawtrack.compare(old, new)
    back = lawtrack.compare(new, old)
    units = [p for d in (diff, back) for p in d.provisions if p.change in ("added", "removed")]
    assert {p.change for p in units} == {"added", "removed"}
    for p in units:
        assert (p.old_eid is not None) is (p.change == "removed")
        assert (p.new_eid is not None) is (p.change == "added")
        _same(p, _as_validated(p))


def test_lawtrack_diff_imports_no_pydantic(tmp_path: Path) -> None:
    """``lawtrack diff --format html`` in a fresh process reads, compares and renders without importing pydantic."""
    old, new = SH_PRINTS[:2]
    page, seen = tmp_path / "diff.html", tmp_path / "modules.txt"
    code = ("import sys\nfrom lawtrack.cli import run\ntry:\n    run(sys.argv[2:])\nexcept SystemExit:\n    pass\n"
            "open(sys.argv[1], 'w').write(' '.join(sorted(m for m in sys.modules if m.startswith('pydantic'))))")
    subprocess.run([sys.executable, "-c", code, str(seen), "diff", str(old), str(new), "--format", "html", "-o",
                    str(page)], capture_output=True, text=True, check=True, cwd=ROOT)
    assert "Clause" in page.read_text(encoding="utf-8")
    assert seen.read_text(encoding="utf-8") == ""


def test_the_pydantic_interface_is_kept() -> None:
    """Scripts written against the pydantic models keep working: dump, copy, validate, schema."""
    bill = lawtrack.load_bill(SH_PRINTS[0])
    p = bill.provision("clause 1")
    dumped = p.model_dump(mode="json")
    assert dumped["kind"] == "clause" and dumped["num"] == "1" and dumped["children"][0]["num"] == "(a)"
    assert dumped["lines"][0] == [1, 2, 0, 24]  # a LineSpan is a named tuple: a JSON array
    assert type(p).model_validate(p.model_dump()) == p
    assert type(p).model_construct(**{f.name: getattr(p, f.name) for f in fields(p)}) == p
    assert p.model_copy(update={"heading": "x"}).heading == "x" and p.heading == "Fundamental objectives"
    schema = type(p).model_json_schema()  # recursive: the provision is a definition
    assert schema["$ref"] == "#/$defs/Provision" and "children" in schema["$defs"]["Provision"]["properties"]
    assert bill.metadata.model_dump(include={"number"}) == {"number": "HL Bill 54"}
    whole = bill.model_dump(mode="json", include={"metadata", "source"})
    assert whole == {"metadata": bill.metadata.model_dump(mode="json"), "source": bill.source}
    # a pydantic model that holds a bill checks it is one, and dumps it as its fields
    from lawtrack.amendments.outcome import ApplyResult

    held = ApplyResult(bill=bill, outcomes=())
    assert held.bill is bill
    dumped_bill = held.model_dump(mode="json", include={"bill"})["bill"]  # (nested include is not applied to it)
    assert set(dumped_bill) == {"metadata", "provisions", "source", "notes"} and dumped_bill["source"] == bill.source
    assert dumped_bill["provisions"][0] == bill.provisions[0].model_dump(mode="json")
    with pytest.raises(ValueError, match="instance of Bill"):
        ApplyResult(bill="not a bill", outcomes=())


def test_a_pydantic_model_made_now_that_holds_a_bill_checks_and_dumps_it() -> None:
    """The schema a bill gives pydantic, asked for while the test runs (ApplyResult's was made at import)."""
    from pydantic import BaseModel, ValidationError

    class Holder(BaseModel):
        bill: lawtrack.Bill
        label: str = ""

    bill = lawtrack.load_bill(SH_PRINTS[0])
    held = Holder(bill=bill, label="HL 54")
    assert held.bill is bill
    dumped = held.model_dump(mode="json")
    assert set(dumped) == {"bill", "label"} and set(dumped["bill"]) == {"metadata", "provisions", "source", "notes"}
    assert dumped["bill"] == bill.model_dump(mode="json")
    assert dumped["bill"]["notes"] == list(bill.notes) and dumped["bill"]["source"] == bill.source
    assert dumped["bill"]["metadata"]["short_title"] == "Social Housing (Regulation) Bill [HL]"
    schema = Holder.model_json_schema(mode="serialization")
    assert schema["properties"]["bill"]["$ref"] == "#/$defs/_BillFields", schema["properties"]
    for wrong in ("not a bill", None, bill.metadata):
        with pytest.raises(ValidationError, match="instance of Bill"):
            Holder(bill=wrong)


def test_a_bill_dumps_its_notes_and_source() -> None:
    from lawtrack.formats.lawmaker import bill_from_tree

    bill = lawtrack.load_bill(SH_PRINTS[0])
    noted = bill_from_tree(bill.tree(), "here.xml", notes=("one thing not read",))
    dumped = noted.model_dump()
    assert (dumped["source"], dumped["notes"]) == ("here.xml", ("one thing not read",))
    assert dumped["metadata"] == bill.metadata.model_dump() and len(dumped["provisions"]) == len(bill.provisions)


def test_writers_are_looked_up_by_kind_as_registered() -> None:
    from lawtrack.model import bill as model_bill

    def fake(bill: lawtrack.Bill) -> str:
        return "written"

    model_bill.register_writers(fake=fake)
    try:
        assert model_bill._writer("fake") is fake
    finally:
        model_bill._WRITERS.pop("fake", None)
    with pytest.raises(lawtrack.LawtrackError) as raised:
        model_bill._writer("fake")
    # the error says what the caller must do: import the formats, which register the writers
    assert str(raised.value) == ("<input>: no fake writer is registered (expected lawtrack.formats imported "
                                 "(it registers them))")


def test_a_bills_repr_names_its_four_fields_in_order() -> None:
    bill = lawtrack.load_bill(SH_PRINTS[0])
    text = repr(bill)
    assert text.startswith("Bill(metadata=BillMetadata(") and text.endswith(f", notes={bill.notes!r})")
    assert f"), provisions=({bill.provisions[0]!r}, " in text and f", source={bill.source!r}, notes=" in text
