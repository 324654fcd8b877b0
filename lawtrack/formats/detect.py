"""What kind of document a file holds, from its first bytes (pure: bytes in, a verdict out).

lawtrack reads LawMaker XML and Markdown. Files people commonly pass by mistake — the PDF of a bill, its HTML
page from bills.parliament.uk, a Word document — are recognised and refused with a message that says what they
are and what lawtrack expected, instead of a parser error about byte 0xe2.
"""

from __future__ import annotations

import re

from lawtrack.errors import LawtrackError

_BOM = b"\xef\xbb\xbf"
_HTML = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word, OpenDocument or other zipped document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office 97-2003 document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)


def detect_format(data: bytes) -> str:
    """"xml", "markdown" or "json" from the first bytes."""
    head = data.lstrip(_BOM + b" \t\r\n")[:64]
    if head.startswith(b"<"):
        return "xml"
    if head.startswith(b"{"):
        return "json"
    return "markdown"


def foreign_kind(data: bytes) -> str | None:
    """What a document is when it is one lawtrack does not read ("a PDF document", "an HTML page"), else None."""
    head = data[:4096].lstrip(_BOM + b" \t\r\n")
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if _HTML.match(head):
        return "an HTML page"
    return None


def refuse_foreign(data: bytes, source: str, expected: str) -> None:
    """Raise a :class:`LawtrackError` naming ``source`` when ``data`` is a kind of document lawtrack cannot read."""
    kind = foreign_kind(data)
    if kind is not None:
        raise LawtrackError(f"this is {kind}, which lawtrack cannot read", source=source, line=1, expected=expected)


_XML_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[A-Za-z0-9._-]+\2""")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def as_utf8(data: bytes, source: str) -> bytes:
    """The document as UTF-8: UTF-16 and UTF-32 (with a byte-order mark, or XML without one) are transcoded,
    and an XML declaration naming their encoding is made to say UTF-8. Other bytes are returned as they are."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    bom = b""
    if encoding is not None:
        bom = next(b for b, name in _BOMS if name == encoding)
    elif data[:4] == b"<\x00?\x00":
        encoding = "utf-16-le"
    elif data[:4] == b"\x00<\x00?":
        encoding = "utf-16-be"
    if encoding is None:
        return data
    try:
        text = data[len(bom):].decode(encoding)
    except UnicodeDecodeError as exc:
        raise LawtrackError(f"the file starts like {encoding.upper()} but is not ({exc.reason} at byte {exc.start})",
                            source=source, expected="UTF-8 (or UTF-16 with a byte-order mark)") from None
    out = text.encode("utf-8")
    return _XML_ENCODING.sub(rb"\1\2UTF-8\2", out, count=1)
