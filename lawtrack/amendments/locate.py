"""Find quoted words in a provision's printed text (pure string work).

Matching is exact after light normalisation that keeps offsets: curly and straight quotes match each other,
any whitespace matches any whitespace, dashes match dashes. Matches must sit on word boundaries, so “the”
never matches inside “there”.
"""

from __future__ import annotations

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\n": " ", "\t": " ", "–": "-", "—": "-",
                       "\u00a0": " "})


def fold(text: str) -> str:
    """Same length as ``text``; quote, dash and space variants made equal."""
    return text.translate(_FOLD)


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch in "-'’"


def _boundary_ok(text: str, start: int, end: int, words: str) -> bool:
    """Quoted words are whole words: “commercial” is not in “non-commercial”, nor “the” in “there”."""
    if words[:1].isalnum() and start > 0 and _wordish(text[start - 1]) and (
            text[start - 1].isalnum() or (start > 1 and text[start - 2].isalnum())):
        return False
    return not (words[-1:].isalnum() and end < len(text) and _wordish(text[end]) and (
        text[end].isalnum() or (end + 1 < len(text) and text[end + 1].isalnum())))


def find_words(text: str, words: str, lo: int = 0, hi: int | None = None,
               folded: str | None = None) -> list[tuple[int, int]]:
    """Every (start, end) where ``words`` occur in ``text`` starting in ``[lo, hi)`` (they may run past hi).

    ``folded`` may pass ``fold(text)`` when the caller searches the same text many times.
    """
    if not words:
        return []
    hay = folded if folded is not None else fold(text)
    needle = " ".join(fold(words).split())
    hi = len(text) if hi is None else hi
    out: list[tuple[int, int]] = []
    i = hay.find(needle, lo)
    while i != -1 and i < hi:
        end = i + len(needle)
        if _boundary_ok(text, i, end, needle):
            out.append((i, end))
        i = hay.find(needle, i + 1)
    return out


_QUOTE_MARKS = frozenset("“”‘’\"'")


def find_words_loosely(text: str, words: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Like :func:`find_words`, but with every quotation mark ignored on both sides — for quoted words whose
    marks were unbalanced on the paper (“(the electricity code”) is found in “(“the electricity code”)”)."""
    keep = [i for i, ch in enumerate(text) if ch not in _QUOTE_MARKS]
    stripped = "".join(text[i] for i in keep)
    needle = "".join(ch for ch in words if ch not in _QUOTE_MARKS).strip()
    if not needle:
        return []
    hi = len(text) if hi is None else hi
    out = []
    for s, e in find_words(stripped, needle):
        start, end = keep[s], keep[e - 1] + 1
        if end < len(text) and text[end] in "”’" and text[start - 1 : start] in ("“", "‘"):
            end += 1  # the quotation closes with the words it opened with
        if lo <= start < hi:
            out.append((start, end))
    return out


def spaced(words: str, before: str, after: str) -> str:
    """Words to insert between ``before`` and ``after`` characters, with the spaces House style implies."""
    out = words
    if out and before and not before.isspace() and before not in "(“‘—–" and out[0] not in ",.;:)”’—– ":
        out = " " + out
    if out and after and not after.isspace() and after not in ",.;:)”’—–" and out[-1] not in "(“‘—– ":
        out = out + " "
    return out
