"""The reader and ``compare`` construct their pydantic models without validation (``model_construct``), so that
reading or comparing bills never builds pydantic's validators (issue 12: ~37 ms of every ``lawtrack diff``).

That is safe only if every value handed over is already what validation would make of it. These tests validate
each model the reader and ``compare`` made, on every real bill that ships with the repository, and check that
validation changes nothing: the same values, of the same types, with the same fields set.
"""

from __future__ import annotations

import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from pydantic import BaseModel

import lawtrack
from lawtrack.diff.compare import BillDiff, ProvisionDiff
from lawtrack.model.bill import BillMetadata
from tests.conftest import BILLS, ROOT, SHIPPED_AT, shared_file

#: Every bill and Act that ships (amendment papers aside), the Markdown Act included: it is read into LawMaker XML.
LAWMAKER_BILLS = sorted(p for p in SHIPPED_AT.values() if p.suffix == ".md" or b"<bill" in p.read_bytes()[:4000])
SH_PRINTS = sorted((ROOT / "bills" / "social-housing-regulation").glob("*.xml"))


def _as_validated(made: BaseModel) -> BaseModel:
    """What validating the same field values gives (only the fields the model says were set)."""
    return type(made).model_validate({name: getattr(made, name) for name in made.model_fields_set})


def _same(made: BaseModel, validated: BaseModel) -> None:
    assert validated == made
    assert validated.model_fields_set == made.model_fields_set
    for name in type(made).model_fields:
        ours, theirs = getattr(made, name), getattr(validated, name)
        assert type(ours) is type(theirs), (type(made).__name__, name, type(ours), type(theirs))
        if isinstance(ours, tuple):
            assert [type(x) for x in ours] == [type(x) for x in theirs], (type(made).__name__, name)


def test_the_bills_shipped_cover_both_readers() -> None:
    # three Social Housing prints, the Housing Act 2004 and the bill amending it, the Victims and Prisoners Act
    assert len(LAWMAKER_BILLS) >= 6
    assert any(p.suffix == ".md" for p in LAWMAKER_BILLS)
    assert len(SH_PRINTS) == 3


@pytest.mark.parametrize("path", LAWMAKER_BILLS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_bills_metadata_is_what_validation_makes(path: Path) -> None:
    md = lawtrack.load_bill(path).metadata
    assert md.short_title  # a real document: the check below compares something
    assert md.model_fields_set == set(BillMetadata.model_fields)  # the reader gives every field
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
        assert ("old_eid" in p.model_fields_set) is (p.change == "removed")
        _same(p, _as_validated(p))


def test_reading_and_comparing_build_no_pydantic_validator(tmp_path: Path) -> None:
    """``lawtrack diff --format html`` in a fresh process leaves the models it made without validators: what
    validation would cost is not paid on the way."""
    old, new = SH_PRINTS[:2]
    page, seen = tmp_path / "diff.html", tmp_path / "complete.txt"
    code = ("import sys\nfrom lawtrack.cli import run\ntry:\n    run(sys.argv[2:])\nexcept SystemExit:\n    pass\n"
            "from lawtrack.model.bill import BillMetadata\nfrom lawtrack.diff.compare import BillDiff, ProvisionDiff\n"
            "open(sys.argv[1], 'w').write(','.join(c.__name__ for c in (BillMetadata, BillDiff, ProvisionDiff)"
            " if c.__pydantic_complete__))")
    subprocess.run([sys.executable, "-c", code, str(seen), "diff", str(old), str(new), "--format", "html", "-o",
                    str(page)], capture_output=True, text=True, check=True, cwd=ROOT)
    assert "Clause" in page.read_text(encoding="utf-8")
    assert seen.read_text(encoding="utf-8") == ""
