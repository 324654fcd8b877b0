"""Frozen, typed models: bills and their provisions."""

from lawtrack.model.address import ProvisionRef, parse_ref
from lawtrack.model.bill import Bill, BillMetadata, LineHit
from lawtrack.model.provision import Kind, LineSpan, Mark, Provision

__all__ = ["Bill", "BillMetadata", "Kind", "LineHit", "LineSpan", "Mark", "Provision", "ProvisionRef", "parse_ref"]
