"""Words found loosely, for quotations whose marks did not balance on the paper — checked by hand."""

from __future__ import annotations

import pytest

from lawtrack.amendments.locate import find_words_loosely

TEXT = "in the “(“the electricity code”) and “code” and the code”"


@pytest.mark.parametrize(("text", "words", "lo", "hi", "found"), [
    # the paper's “(the electricity code”) is the bill's (“the electricity code”), marks and all
    (TEXT, "(the electricity code”)", 0, None, ["(“the electricity code”)"]),
    # every quotation mark is ignored on both sides; a word just inside an opening mark takes its closing mark
    (TEXT, "“code”", 0, None, ["code", "code”", "code"]),
    (TEXT, "code", 0, None, ["code", "code”", "code"]),
    ("‘word’ and word", "word", 0, None, ["word’", "word"]),
    ("“word” x", "word", 0, None, ["word”"]),
    ("“word", "word", 0, None, ["word"]),  # no closing mark at the end of the text
    ("a word” b", "word", 0, None, ["word"]),  # a closing mark with no opening one is not taken
    # only hits that start in [lo, hi)
    (TEXT, "code", 26, None, ["code", "code”", "code"]),
    (TEXT, "code", 27, None, ["code”", "code"]),
    (TEXT, "code", 0, 38, ["code"]),
    (TEXT, "code", 0, 39, ["code", "code”"]),
    # words that are nothing but quotation marks find nothing
    (TEXT, "“”", 0, None, []),
    (TEXT, " ” ", 0, None, []),
])
def test_find_words_loosely(text: str, words: str, lo: int, hi: int | None, found: list[str]) -> None:
    hits = find_words_loosely(text, words, lo, hi)
    assert [text[a:b] for a, b in hits] == found
    assert hits == sorted(hits)
