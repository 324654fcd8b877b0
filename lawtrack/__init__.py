"""lawtrack: UK bills as typed LawMaker XML, amendments parsed and applied, bills tracked through Parliament.

``import lawtrack`` is the whole public API (documented in docs/python-api.md, generated from the docstrings
of these names). Each name is imported on first use (PEP 562), so ``import lawtrack`` itself is cheap:

    >>> import lawtrack
    >>> bill = lawtrack.load_bill("bills/victims-and-prisoners/ukpga-2024-21.md")
    >>> result = lawtrack.apply(bill, lawtrack.load_amendments("amendments/victims-and-prisoners"))
    >>> result.all_applied
    True

Module paths below ``lawtrack`` are not a stable interface; these names are.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name → (module, attribute in it)
_EXPORTS: dict[str, tuple[str, str]] = {
    # errors
    "LawtrackError": ("lawtrack.errors", "LawtrackError"),
    # the bill model
    "Bill": ("lawtrack.model.bill", "Bill"),
    "BillMetadata": ("lawtrack.model.bill", "BillMetadata"),
    "LineHit": ("lawtrack.model.bill", "LineHit"),
    "Provision": ("lawtrack.model.provision", "Provision"),
    "Kind": ("lawtrack.model.provision", "Kind"),
    "LineSpan": ("lawtrack.model.provision", "LineSpan"),
    "Mark": ("lawtrack.model.provision", "Mark"),
    # reading and writing bills
    "load_bill": ("lawtrack.formats.load", "load_bill"),
    "to_xml": ("lawtrack.formats.write", "to_xml"),
    "to_markdown": ("lawtrack.formats.write", "to_markdown"),
    "to_json": ("lawtrack.formats.write", "to_json"),
    # amendments
    "Amendment": ("lawtrack.amendments.model", "Amendment"),
    "AmendmentPaper": ("lawtrack.amendments.model", "AmendmentPaper"),
    "Parsed": ("lawtrack.amendments.model", "Parsed"),
    "Unparsed": ("lawtrack.amendments.model", "Unparsed"),
    "load_amendments": ("lawtrack.amendments.load", "load_amendments"),
    "load_paper": ("lawtrack.amendments.load", "load_paper"),
    "read_paper": ("lawtrack.amendments.paper", "read_paper"),
    "parse_instruction": ("lawtrack.amendments.instructions.parser", "parse_instruction"),
    "apply": ("lawtrack.amendments.apply", "apply"),
    "ApplyResult": ("lawtrack.amendments.outcome", "ApplyResult"),
    "Outcome": ("lawtrack.amendments.outcome", "Outcome"),
    # comparing and drafting
    "compare": ("lawtrack.diff.compare", "compare"),
    "BillDiff": ("lawtrack.diff.compare", "BillDiff"),
    "ProvisionDiff": ("lawtrack.diff.compare", "ProvisionDiff"),
    "word_diff": ("lawtrack.diff.words", "word_diff"),
    "keeling_view": ("lawtrack.diff.keeling", "keeling"),
    "draft": ("lawtrack.drafting.drafter", "draft"),
    "draft_with_notes": ("lawtrack.drafting.drafter", "draft_with_notes"),
    "DraftResult": ("lawtrack.drafting.drafter", "DraftResult"),
    # what a bill does to the Acts it amends
    "keeling": ("lawtrack.acts.schedule", "keeling"),
    "KeelingSchedule": ("lawtrack.acts.schedule", "KeelingSchedule"),
    "AmendmentRow": ("lawtrack.acts.model", "Row"),
    # tracking
    "BillsClient": ("lawtrack.track.client", "BillsClient"),
    "Store": ("lawtrack.track.store", "Store"),
    "sync": ("lawtrack.track.sync", "sync"),
}

__all__ = [
    "Amendment",
    "AmendmentPaper",
    "AmendmentRow",
    "ApplyResult",
    "Bill",
    "BillDiff",
    "BillMetadata",
    "BillsClient",
    "DraftResult",
    "KeelingSchedule",
    "Kind",
    "LawtrackError",
    "LineHit",
    "LineSpan",
    "Mark",
    "Outcome",
    "Parsed",
    "Provision",
    "ProvisionDiff",
    "Store",
    "Unparsed",
    "apply",
    "compare",
    "draft",
    "draft_with_notes",
    "keeling",
    "keeling_view",
    "load_amendments",
    "load_bill",
    "load_paper",
    "parse_instruction",
    "read_paper",
    "sync",
    "to_json",
    "to_markdown",
    "to_xml",
    "word_diff",
]

if TYPE_CHECKING:
    from lawtrack.acts.model import Row as AmendmentRow
    from lawtrack.acts.schedule import KeelingSchedule, keeling
    from lawtrack.amendments.apply import apply
    from lawtrack.amendments.instructions.parser import parse_instruction
    from lawtrack.amendments.load import load_amendments, load_paper
    from lawtrack.amendments.model import Amendment, AmendmentPaper, Parsed, Unparsed
    from lawtrack.amendments.outcome import ApplyResult, Outcome
    from lawtrack.amendments.paper import read_paper
    from lawtrack.diff.compare import BillDiff, ProvisionDiff, compare
    from lawtrack.diff.keeling import keeling as keeling_view
    from lawtrack.diff.words import word_diff
    from lawtrack.drafting.drafter import DraftResult, draft, draft_with_notes
    from lawtrack.errors import LawtrackError
    from lawtrack.formats.load import load_bill
    from lawtrack.formats.write import to_json, to_markdown, to_xml
    from lawtrack.model.bill import Bill, BillMetadata, LineHit
    from lawtrack.model.provision import Kind, LineSpan, Mark, Provision
    from lawtrack.track.client import BillsClient
    from lawtrack.track.store import Store
    from lawtrack.track.sync import sync


def __getattr__(name: str) -> Any:
    found = _EXPORTS.get(name)
    if found is None:
        raise AttributeError(f"module 'lawtrack' has no attribute {name!r}")
    value = getattr(importlib.import_module(found[0]), found[1])
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
