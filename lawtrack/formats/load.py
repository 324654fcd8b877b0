"""``load_bill``: read a bill from a path or bytes, detecting LawMaker XML or Markdown."""

from __future__ import annotations

from pathlib import Path

from lawtrack.errors import LawtrackError
from lawtrack.fileio import read_limited
from lawtrack.formats.detect import as_utf8, detect_format, refuse_foreign
from lawtrack.formats.xmlsafe import MAX_XML_BYTES
from lawtrack.model.bill import Bill

BILL_EXPECTED = "a bill as LawMaker XML (Akoma Ntoso) or as Markdown"


def _read(path: Path) -> bytes:
    return read_limited(path, MAX_XML_BYTES, expected=BILL_EXPECTED)


def load_bill(source: str | Path | bytes, *, name: str | None = None) -> Bill:
    """Load a bill from LawMaker XML or Markdown (a path, or the document's bytes).

    >>> import lawtrack
    >>> hl54 = "bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
    >>> bill = lawtrack.load_bill(hl54)
    >>> bill.metadata.number, bill.metadata.stage_version
    ('HL Bill 54', 'As amended in Committee')
    >>> bill.provision("clause 1").heading
    'Fundamental objectives'
    >>> [hit.provision.eid for hit in bill.at_line(1, 3)]
    ['sec_1']

    Raises :class:`~lawtrack.errors.LawtrackError` naming the file, line and column of bad input.
    """
    if isinstance(source, bytes):
        data, label = source, name or "<bytes>"
    else:
        path = Path(source)
        data, label = _read(path), name or str(path)
    data = as_utf8(data, label)
    if not data.strip():
        raise LawtrackError("file is empty", source=label, line=1, column=1, expected=BILL_EXPECTED)
    refuse_foreign(data, label, BILL_EXPECTED)
    kind = detect_format(data)
    if kind == "xml":
        from lawtrack.formats.lawmaker import read_lawmaker

        return read_lawmaker(data, label)
    if kind == "json":
        raise LawtrackError(
            "JSON is an output format of lawtrack, not an input for bills", source=label, line=1, column=1,
            expected="LawMaker XML or Markdown",
        )
    from lawtrack.formats.markdown_reader import read_markdown

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LawtrackError(
            f"not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start})",
            source=label, line=line, expected="LawMaker XML or UTF-8 Markdown",
        ) from None
    return read_markdown(text, label)
