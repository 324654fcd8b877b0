"""Choosing the words an amendment quotes (pure string work).

A quotation is widened word by word from the words that change until ``apply()`` would find it once, where it
was meant (see :mod:`lawtrack.drafting.check`). It never runs outside the region it may quote from — one
printed line, and one element of the text: a heading, a defined term, or the words around them, so that the words
put in land in the same element as the words they replace. A label is quoted whole ("(a)", never "a)"), and a
quotation never has unbalanced quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: "where it first occurs" … as the parser reads them.
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_STEPS = 40
_LABEL_AHEAD = re.compile(r"[0-9A-Za-z]{1,6}\)")


def balanced(words: str) -> bool:
    return words.count("“") == words.count("”") and words.count("‘") <= words.count("’")


def normal(words: str) -> str:
    """Words as an amendment quotes them: runs of whitespace (a line break in the print) as one space."""
    return " ".join(words.split())


def next_word_end(text: str, e: int, hi: int) -> int | None:
    """The end of the word after ``e`` (with the punctuation that closes it), if it starts before ``hi``."""
    i = e
    while i < hi and not text[i].isalnum():
        i += 1
    if i >= hi:
        return None
    while i < hi and (text[i].isalnum() or text[i] in "’'-"):
        i += 1
    while i < hi and text[i] in ",;:.)”’":
        i += 1
    return i


def prev_word_start(text: str, s: int, lo: int) -> int | None:
    """The start of the word before ``s`` (a label "(a)" whole), if it starts at or after ``lo``."""
    i = s
    while i > lo and not text[i - 1].isalnum():
        i -= 1
    if i <= lo:
        return None
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "’'-"):
        i -= 1
    if i > lo and text[i - 1] == "(" and _LABEL_AHEAD.match(text[i:]):
        i -= 1  # a label is quoted whole, "(a)", never as "a)"
    return i


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _whole_words(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """Widen [s, e) to whole words: a change inside a word ("organisation" to "organization") quotes the word."""
    while s > lo and s < len(text) and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < hi and e > 0 and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    if s > lo and text[s - 1] == "(" and _LABEL_AHEAD.match(text[s:]):
        s -= 1
    return s, e


def widenings(text: str, s: int, e: int, lo: int, hi: int, direction: str = "both") -> Iterator[tuple[int, int]]:
    """Ever wider quotations around text[s:e] within [lo, hi), narrowest first.

    ``direction`` keeps one end fixed: "left" widens to the left only (for "after “…” insert"), "right" to
    the right only (for "before “…” insert").
    """
    if direction == "both":
        s, e = _whole_words(text, s, e, lo, hi)
    seen: set[tuple[int, int]] = set()
    for _ in range(_STEPS):
        if e > s and text[s:e].strip() and balanced(text[s:e]) and (s, e) not in seen:
            seen.add((s, e))
            yield s, e
        right = next_word_end(text, e, hi) if direction in ("both", "right") else None
        left = prev_word_start(text, s, lo) if direction in ("both", "left") else None
        if right is not None and (left is None or balanced(text[s:right]) or not balanced(text[left:e])):
            e = right
        elif left is not None:
            s = left
        else:
            return
