"""Akoma Ntoso / LawMaker vocabulary shared by the readers and writers."""

from __future__ import annotations

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
UKL_NS = "https://www.legislation.gov.uk/namespaces/UK-AKN"
NSMAP = {None: AKN_NS, "ukl": UKL_NS}
A = "{" + AKN_NS + "}"
U = "{" + UKL_NS + "}"


def akn(tag: str) -> str:
    return A + tag


def local(tag: object) -> str:
    """Local name of an element tag; "" for comments and processing instructions."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]
