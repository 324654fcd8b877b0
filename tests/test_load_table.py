"""``load_paper`` and ``load_amendments``, checked by hand: what is read from files and folders, in what order, and
the exact error (file, line, what was expected) for each kind of bad input."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from lawtrack.amendments.load import AMENDMENTS_EXPECTED, PAPER_EXPECTED, load_amendments, load_paper
from lawtrack.amendments.outcome import Failure
from lawtrack.errors import LawtrackError
from lawtrack.formats.xmlsafe import MAX_XML_BYTES

PAPER = Path(__file__).resolve().parent.parent / "bills" / "victims-and-prisoners" / "victims_prisoners_rm_rep_0906.xml"
PAPER_NUMBERS = ["NC1", "NC2", "NC3", "2", "1", "3"]  # marshalled order, as printed on the paper
DRAFT = "---\nnumber: {n}\n---\nClause 1, page 1, line 2, leave out “may” and insert “must”\n"


def _draft(path: Path, number: str) -> Path:
    path.write_text(DRAFT.format(n=number), encoding="utf-8")
    return path


def test_a_paper_is_read_with_its_source() -> None:
    paper = load_paper(PAPER)
    assert [a.number for a in paper.amendments] == PAPER_NUMBERS
    assert {a.source for a in paper.amendments} == {str(PAPER)}


def test_a_paper_given_to_load_amendments_is_read_as_a_paper_not_as_markdown() -> None:
    found = load_amendments(PAPER)
    assert [a.number for a in found] == PAPER_NUMBERS
    assert found[0].type == "newClause" and found[0].bill_version == "As amended in Public Bill Committee"


def test_a_folder_is_read_in_name_order_with_papers_and_drafts_and_nothing_else(tmp_path: Path) -> None:
    _draft(tmp_path / "02-b.md", "B")
    shutil.copyfile(PAPER, tmp_path / "01-paper.XML")  # the suffix in any case
    _draft(tmp_path / "03-c.MD", "C")
    _draft(tmp_path / "README.md", "R")  # a folder's README is not an amendment
    _draft(tmp_path / "readme-too.md", "R2")
    _draft(tmp_path / "notes.txt", "T")
    (tmp_path / "04-folder.md").mkdir()  # a folder named like a draft is not a draft
    found = load_amendments(tmp_path)
    assert [a.number for a in found] == [*PAPER_NUMBERS, "B", "C"]
    assert [Path(a.source).name for a in found][-3:] == ["01-paper.XML", "02-b.md", "03-c.MD"]


def test_every_path_given_is_read_in_the_order_given(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    _draft(one / "a.md", "A")
    _draft(two / "b.md", "B")
    loose = _draft(tmp_path / "c.md", "C")
    assert [a.number for a in load_amendments(two, one, loose)] == ["B", "A", "C"]
    assert [a.number for a in load_amendments(loose, one)] == ["C", "A"]
    assert load_amendments() == []


@pytest.mark.parametrize(("content", "message", "line"), [
    (b"", "file is empty", 1),
    (b"  \n\t\n", "file is empty", 1),
    (b"%PDF-1.7\n...", "this is a PDF document, which lawtrack cannot read", 1),
    (b"<!doctype html><html><body>Amendment paper</body></html>", "this is an HTML page, which lawtrack cannot read",
     1),
])
@pytest.mark.parametrize(("load", "expected"), [(load_paper, PAPER_EXPECTED), (load_amendments, AMENDMENTS_EXPECTED)])
def test_each_unreadable_file_is_named_with_what_was_expected(tmp_path: Path, load: Callable[[Path], object],
                                                              expected: str, content: bytes, message: str,
                                                              line: int) -> None:
    path = tmp_path / "paper.xml"
    path.write_bytes(content)
    with pytest.raises(LawtrackError) as caught:
        load(path)
    assert (caught.value.message, caught.value.source, caught.value.line, caught.value.expected) == (
        message, str(path), line, expected)


@pytest.mark.parametrize(("load", "expected"), [(load_paper, PAPER_EXPECTED), (load_amendments, AMENDMENTS_EXPECTED)])
def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path, load: Callable[[Path], object], expected: str) -> None:
    path = tmp_path / "huge.xml"
    with open(path, "wb") as fh:
        fh.truncate(MAX_XML_BYTES + 1)  # sparse: no disk used
    with pytest.raises(LawtrackError) as caught:
        load(path)
    assert (caught.value.message, caught.value.source, caught.value.expected) == (
        f"file is larger than the {MAX_XML_BYTES:,}-byte limit", str(path), f"{expected} of at most that size")


def test_a_folder_given_as_a_paper_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LawtrackError) as caught:
        load_paper(tmp_path)
    assert (caught.value.message, caught.value.source, caught.value.expected) == (
        "this is a folder, not a file", str(tmp_path), PAPER_EXPECTED)


def test_a_folder_with_no_drafts_is_refused(tmp_path: Path) -> None:
    _draft(tmp_path / "README.md", "R")
    with pytest.raises(LawtrackError) as caught:
        load_amendments(tmp_path)
    assert (caught.value.message, caught.value.source, caught.value.expected) == (
        "the folder holds no amendment drafts or papers", str(tmp_path),
        "*.md drafts or *.xml papers (README.md is not read)")


@pytest.mark.parametrize("load", [load_paper, load_amendments])
def test_a_file_that_starts_as_utf16_but_is_not_is_named(tmp_path: Path, load: Callable[[Path], object]) -> None:
    path = tmp_path / "paper.xml"
    path.write_bytes(b"\xff\xfe<\x00a\x00\x00\xd8")  # a lone high surrogate
    with pytest.raises(LawtrackError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert caught.value.message.startswith("the file starts like UTF-16-LE but is not")


def test_a_utf16_paper_is_read(tmp_path: Path) -> None:
    path = tmp_path / "paper.xml"
    path.write_bytes(b"\xff\xfe" + PAPER.read_text(encoding="utf-8").encode("utf-16-le"))
    assert [a.number for a in load_paper(path).amendments] == PAPER_NUMBERS


def test_a_draft_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(b"---\nnumber: 1\n---\nClause 1, leave out \x93may\x94\n")  # Windows-1252 quotes
    with pytest.raises(LawtrackError) as caught:
        load_amendments(path)
    assert (caught.value.message, caught.value.source, caught.value.line) == (
        "not UTF-8 text (byte offset 38)", str(path), 4)  # 4 + 10 + 4 + 20 bytes before it


def test_a_failure_says_its_detail() -> None:
    failure = Failure("not-found", "the words “may” are not on page 1, line 2", ("3",))
    assert (str(failure), failure.status, failure.detail, failure.conflicts) == (
        "the words “may” are not on page 1, line 2", "not-found", "the words “may” are not on page 1, line 2",
        ("3",))
    assert Failure("ambiguous", "twice").conflicts == ()
