"""Amendments: papers and drafts read into typed amendments, instructions parsed, applied to bills."""

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import (
    Address,
    Amendment,
    AmendmentPaper,
    Insertion,
    Operation,
    OrderComponent,
    Parsed,
    Person,
    Unparsed,
)
from lawtrack.amendments.paper import read_paper

__all__ = [
    "Address",
    "Amendment",
    "AmendmentPaper",
    "Insertion",
    "Operation",
    "OrderComponent",
    "Parsed",
    "Person",
    "Unparsed",
    "parse_instruction",
    "read_paper",
]
