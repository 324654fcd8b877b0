"""Whether an amendment was tabled against the print of the bill it is applied to (pure)."""

from __future__ import annotations

import re

from lawtrack.amendments.model import Amendment
from lawtrack.model.bill import Bill


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def other_bill(bill: Bill, amendment: Amendment) -> str | None:
    """Why an amendment was tabled to a different bill altogether (None when it is for this one, or says not)."""
    md = bill.metadata
    if amendment.bill_title and md.short_title and md.source_format == "lawmaker":
        a, b = _norm(amendment.bill_title).replace(" [hl]", ""), _norm(md.short_title).replace(" [hl]", "")
        if a != b:
            return f"tabled to the {amendment.bill_title}, not the {md.short_title}"
    return None


def print_mismatch(bill: Bill, amendment: Amendment, *, same_bill: bool = False) -> str | None:
    """Why an amendment was tabled against a different print than ``bill`` (None when it matches). With
    ``same_bill``, a different title is taken to be the same bill (renamed, or forced by the user)."""
    md = bill.metadata
    elsewhere = None if same_bill else other_bill(bill, amendment)
    if elsewhere:
        return elsewhere
    if amendment.bill_version and md.stage_version and _norm(amendment.bill_version) != _norm(md.stage_version):
        return (f"tabled against the print “{amendment.bill_version}”"
                f"{f' ({amendment.bill_number})' if amendment.bill_number else ''}, but this bill is "
                f"“{md.stage_version}”{f' ({md.number})' if md.number else ''}: its pages and lines differ")
    if amendment.bill_number and md.number and _norm(amendment.bill_number) != _norm(md.number):
        return f"tabled against {amendment.bill_number}, but this bill is {md.number}"
    if (amendment.bill_version or amendment.bill_number) and not (md.stage_version or md.number):
        tabled = " ".join(x for x in (amendment.bill_number, f"“{amendment.bill_version}”"
                                      if amendment.bill_version else None) if x)
        have = {"markdown": "Markdown", "lawmaker": "LawMaker XML"}.get(md.source_format, md.source_format)
        return (f"tabled against {tabled}, which lawtrack does not have as LawMaker XML: it has this bill's "
                f"text only as {md.short_title} ({have}, with no printed pages or lines), so the page and line "
                "references cannot be found")
    return None
