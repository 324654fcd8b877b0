"""Bad input: one clear LawtrackError naming the file, line and column; nothing expanded, read or fetched."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import lawtrack
from lawtrack import LawtrackError
from tests.conftest import bill_path, shared_file


def _load_error(data: bytes, tmp_path: Path, name: str = "bad.xml") -> LawtrackError:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LawtrackError) as info:
        lawtrack.load_bill(path)
    assert str(path) in str(info.value), "the error names the file"
    return info.value


def test_truncated_xml(tmp_path: Path) -> None:
    data = bill_path("hl54").read_bytes()[:20000]
    err = _load_error(data, tmp_path)
    assert err.line is not None and err.line > 1
    assert err.column is not None
    assert "not well-formed XML" in err.message


def test_non_lawmaker_xml(tmp_path: Path) -> None:
    err = _load_error(b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', tmp_path)
    assert "root element is <rss>" in err.message
    assert err.line == 2
    assert err.expected and "akomaNtoso" in err.expected


def test_amendment_paper_is_not_a_bill(tmp_path: Path) -> None:
    paper = shared_file("lawmaker/victims-and-prisoners-bill/victims_prisoners_rm_rep_0906.xml")
    err = _load_error(paper.read_bytes(), tmp_path)
    assert "<amendmentList>" in err.message


def test_empty_file(tmp_path: Path) -> None:
    err = _load_error(b"", tmp_path, "empty.xml")
    assert err.message == "file is empty" and err.line == 1
    err = _load_error(b"  \n\t ", tmp_path, "blank.md")
    assert "empty" in err.message


def test_binary_junk(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 10
    err = _load_error(junk, tmp_path, "junk.bin")
    assert "UTF-8" in err.message or "well-formed" in err.message
    err = _load_error(b"<" + junk, tmp_path, "junk.xml")
    assert "well-formed" in err.message


def test_markdown_that_is_not_legislation(tmp_path: Path) -> None:
    err = _load_error(b"# Shopping\n\nmilk, eggs\n", tmp_path, "notes.md")
    assert "no provisions found" in err.message


def test_markdown_with_broken_front_matter(tmp_path: Path) -> None:
    err = _load_error(b"---\ntitle: [unclosed\n---\n##### 1\n\ntext\n", tmp_path, "fm.md")
    assert "front matter" in err.message and err.line is not None and err.line >= 2


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.xml"
    with path.open("wb") as fh:
        fh.write(b"<akomaNtoso>")
        fh.seek(50 * 1024 * 1024)
        fh.write(b"</akomaNtoso>")
    with pytest.raises(LawtrackError, match="larger than the"):
        lawtrack.load_bill(path)
    with pytest.raises(LawtrackError, match="larger than the"):
        lawtrack.load_bill(path.read_bytes())


def test_xxe_external_entity_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>\n'
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill><body>&e;</body></bill>'
        "</akomaNtoso>"
    ).encode()
    err = _load_error(data, tmp_path)
    assert "DTD" in err.message
    assert "TOP-SECRET" not in str(err)


def test_billion_laughs_is_not_expanded(tmp_path: Path) -> None:
    lol = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ]
    data = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [' + "".join(lol) + "]>\n<lolz>&lol9;</lolz>").encode()
    err = _load_error(data, tmp_path)
    assert "DTD" in err.message


@pytest.fixture()
def counting_server() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY x "fetched">')

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()


def test_network_dtd_is_never_fetched(tmp_path: Path, counting_server: tuple[str, list[str]]) -> None:
    url, hits = counting_server
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM "{url}/evil.dtd">\n'
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill/></akomaNtoso>'
    ).encode()
    err = _load_error(data, tmp_path)
    assert "DTD" in err.message
    assert hits == []


def test_parser_flags_refuse_entities_even_without_the_doctype_check() -> None:
    """The parser itself is configured safely, independent of the up-front refusal."""
    from lxml import etree

    from lawtrack.formats.xmlsafe import _parser

    data = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    root = etree.fromstring(data, _parser())
    assert "root:" not in "".join(str(t) for t in root.itertext())
