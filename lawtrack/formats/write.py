"""Write a bill as LawMaker XML, Markdown or JSON (pure: a bill in, bytes or text out)."""

from __future__ import annotations

from lawtrack.model.bill import Bill


def to_xml(bill: Bill) -> bytes:
    """The bill's LawMaker document, byte for byte as read (lossless).

    >>> import lawtrack
    >>> bill = lawtrack.load_bill("bills/social-housing-regulation/3_commons_as-brought-from-the-lords_Bill-177.xml")
    >>> lawtrack.to_xml(bill)[:38]
    b'<?xml version="1.0" encoding="UTF-8"?>'
    """
    from lawtrack.formats.lawmaker import write_lawmaker

    return write_lawmaker(bill.tree())


def to_markdown(bill: Bill) -> str:
    """The bill as legislation Markdown (the legalize-uk layout lawtrack reads back to the same model).

    >>> import lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> bill = lawtrack.load_bill(hl54)
    >>> lawtrack.load_bill(lawtrack.to_markdown(bill).encode()).provision("clause 1").heading
    'Fundamental objectives'
    """
    from lawtrack.formats.markdown_writer import write_markdown

    return write_markdown(bill)


def to_json(bill: Bill, *, indent: int | None = 2) -> str:
    """The bill as JSON: metadata and the provision tree with text, printed lines and marks.

    >>> import json, lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> data = json.loads(lawtrack.to_json(lawtrack.load_bill(hl54)))
    >>> data["metadata"]["number"], data["provisions"][0]["kind"]
    ('HL Bill 54', 'crossheading')
    """
    from lawtrack.formats.json_bill import write_json

    return write_json(bill, indent=indent)
