"""Parse untrusted XML safely: no entity expansion, no DTD loading, no network, bounded size.

LawMaker documents never need a DTD, so a document that declares one is refused outright: this shuts out XXE,
billion-laughs and network DTDs with one clear message instead of relying on each parser flag alone.
"""

from __future__ import annotations

import re

from lxml import etree

from lawtrack.errors import LawtrackError

#: Largest document accepted. The largest real bill we know (DPDI Bill 314) is 1.9 MB, the largest
#: amendment paper 2.8 MB; a limit well above both keeps memory bounded for hostile input.
MAX_XML_BYTES = 32 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=False,
    )


def parse_xml(data: bytes, source: str = "<input>", max_bytes: int = MAX_XML_BYTES) -> etree._Element:
    """Parse ``data`` and return the root element, or raise :class:`LawtrackError` naming the place."""
    if len(data) > max_bytes:
        raise LawtrackError(
            f"document is {len(data):,} bytes, larger than the {max_bytes:,}-byte limit",
            source=source,
            expected="a LawMaker document of at most that size",
        )
    if not data.strip():
        raise LawtrackError("document is empty", source=source, line=1, column=1, expected="XML")
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        line = data[: max(data.find(b"<!DOCTYPE"), data.find(b"<!ENTITY"), 0)].count(b"\n") + 1
        raise LawtrackError(
            "document declares a DTD or entities, which LawMaker XML never does; nothing was expanded or fetched",
            source=source,
            line=line,
            expected="XML without <!DOCTYPE> or <!ENTITY>",
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno, None)
        raise LawtrackError(
            f"not well-formed XML: {exc.msg}", source=source, line=line, column=column, expected="well-formed XML"
        ) from None
    if root.getroottree().docinfo.internalDTD is not None:  # belt and braces
        raise LawtrackError("document declares a DTD", source=source, line=1, expected="XML without a DTD")
    return root


#: Characters XML 1.0 cannot hold: C0 controls other than tab, newline and carriage return, and two non-characters.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD (for text that comes from elsewhere,
    such as the Bills API, on its way into a feed or a paper)."""
    return XML_INVALID.sub("\ufffd", text)


def refuse_invalid_characters(text: str, source: str, what: str) -> None:
    """A :class:`LawtrackError` naming the line of the first character XML cannot hold."""
    bad = XML_INVALID.search(text)
    if bad is not None:
        raise LawtrackError(f"the {what} contains the control character U+{ord(bad.group()):04X}", source=source,
                            line=text.count("\n", 0, bad.start()) + 1, expected="text without control characters")
