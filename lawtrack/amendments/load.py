"""``load_amendments``: papers (XML), Markdown drafts, or folders of them (I/O shell)."""

from __future__ import annotations

from pathlib import Path

from lawtrack.amendments.markdown import read_markdown_amendment
from lawtrack.amendments.model import Amendment, AmendmentPaper
from lawtrack.amendments.paper import read_paper
from lawtrack.errors import LawtrackError
from lawtrack.formats.load import detect_format


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LawtrackError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from None


def load_paper(path: str | Path) -> AmendmentPaper:
    p = Path(path)
    return read_paper(_read(p), str(p))


def load_amendments(*paths: str | Path) -> list[Amendment]:
    """Amendments from LawMaker papers, Markdown files or folders of them, in the order given (a folder's
    files in name order: number them so that name order is marshalled order)."""
    out: list[Amendment] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.suffix.lower() in (".md", ".xml") and f.is_file()
                           and not f.name.lower().startswith("readme"))
            out.extend(load_amendments(*files))
            continue
        data = _read(p)
        if not data.strip():
            raise LawtrackError("file is empty", source=str(p), line=1, expected="an amendment paper or draft")
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
