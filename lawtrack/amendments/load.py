"""``load_amendments``: papers (XML), Markdown drafts, or folders of them (I/O shell)."""

from __future__ import annotations

from pathlib import Path

from lawtrack.amendments.markdown import read_markdown_amendment
from lawtrack.amendments.model import Amendment, AmendmentPaper
from lawtrack.amendments.paper import read_paper
from lawtrack.errors import LawtrackError
from lawtrack.fileio import read_limited
from lawtrack.formats.detect import as_utf8, detect_format, refuse_foreign
from lawtrack.formats.xmlsafe import MAX_XML_BYTES

PAPER_EXPECTED = "a LawMaker amendment paper (XML)"
AMENDMENTS_EXPECTED = "LawMaker amendment papers (.xml), Markdown drafts (.md) or folders of them"


def _read(path: Path, expected: str) -> bytes:
    data = as_utf8(read_limited(path, MAX_XML_BYTES, expected=expected), str(path))
    if not data.strip():
        raise LawtrackError("file is empty", source=str(path), line=1, expected=expected)
    refuse_foreign(data, str(path), expected)
    return data


def load_paper(path: str | Path) -> AmendmentPaper:
    """A LawMaker amendment paper with its metadata and amendments in marshalled order.

    >>> import lawtrack
    >>> paper = lawtrack.load_paper("bills/victims-and-prisoners/victims_prisoners_rm_rep_0906.xml")
    >>> paper.stage, paper.bill_version, [a.number for a in paper.amendments]
    ('Report Stage', 'As amended in Public Bill Committee', ['NC1', 'NC2', 'NC3', '2', '1', '3'])
    """
    p = Path(path)
    return read_paper(_read(p, PAPER_EXPECTED), str(p))


def load_amendments(*paths: str | Path) -> list[Amendment]:
    """Amendments from LawMaker papers, Markdown files or folders of them, in the order given (a folder's
    files in name order: number them so that name order is marshalled order).

    >>> import lawtrack
    >>> [a.number for a in lawtrack.load_amendments("amendments/victims-and-prisoners")]
    ['NC36', '96', '']
    """
    out: list[Amendment] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.suffix.lower() in (".md", ".xml") and f.is_file()
                           and not f.name.lower().startswith("readme"))
            if not files:
                raise LawtrackError("the folder holds no amendment drafts or papers", source=str(p),
                                    expected="*.md drafts or *.xml papers (README.md is not read)")
            out.extend(load_amendments(*files))
            continue
        data = _read(p, AMENDMENTS_EXPECTED)
        if detect_format(data) == "xml":
            out.extend(read_paper(data, str(p)).amendments)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LawtrackError(f"not UTF-8 text (byte offset {exc.start})", source=str(p),
                                    line=data[: exc.start].count(b"\n") + 1) from None
            out.append(read_markdown_amendment(text, str(p)))
    return out
