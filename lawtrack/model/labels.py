"""Provision labels: "(1)", "(1A)", "(a)", "(za)", "(i)", "(iv)", "(A)", "(I)" — and how they nest.

UK drafting numbers subsections (1), paragraphs (a), sub-paragraphs (i), then (A) and (I). Inserted provisions
take suffixes: (1A), (aa), (za), (ia). A flat list of labels is enough to rebuild the nesting, except that
"(i)" is both the ninth paragraph and the first sub-paragraph (likewise v, x, l, c, d, m): the predecessor decides.
"""

from __future__ import annotations

import re
from enum import IntEnum

_ROMAN_RE = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


class Tier(IntEnum):
    """Nesting depth of a label family under a clause (or under a Schedule paragraph)."""

    NUMBER = 1  # (1), (1A)         subsection / sub-paragraph of a Schedule paragraph
    ALPHA = 2  # (a), (aa), (za)    paragraph
    ROMAN = 3  # (i), (ia), (iv)    sub-paragraph
    UPPER = 4  # (A), (AA)          sub-sub-paragraph
    UPPER_ROMAN = 5  # (I), (II)


def roman_value(label: str) -> int | None:
    """Value of a lower-case Roman numeral, ignoring an inserted-letter suffix ("ia" → 1); None if not Roman."""
    base = label.lower()
    if not base or not _ROMAN_RE.match(base):
        return None
    total = 0
    prev = 0
    for ch in reversed(base):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _split_inserted(label: str) -> tuple[str, str]:
    """("ia" → "i", "a") when "ia" is a Roman numeral with an inserted letter; else (label, "")."""
    m = re.match(r"^([ivxlcdm]+)([a-hj-uwyz]+)$", label)
    if m and roman_value(m.group(1)) is not None:
        return m.group(1), m.group(2)
    return label, ""


def is_alpha_successor(prev: str, label: str) -> bool:
    """Whether ``label`` can follow ``prev`` as its next sibling paragraph (h → i, a → aa, z → za …)."""
    p, n = prev.lower(), label.lower()
    if len(p) == 1 and len(n) == 1:
        return ord(n) == ord(p) + 1
    if n.startswith(p) and len(n) == len(p) + 1:
        return True  # inserted: a → aa
    if len(n) == len(p) and n[:-1] == p[:-1]:
        return ord(n[-1]) == ord(p[-1]) + 1  # aa → ab
    return len(n) == 1 and len(p) == 2 and ord(n) == ord(p[0]) + 1  # aa → b


def is_roman_successor(prev: str, label: str) -> bool:
    pb, ps = _split_inserted(prev.lower())
    nb, ns = _split_inserted(label.lower())
    pv, nv = roman_value(pb), roman_value(nb)
    if pv is None or nv is None:
        return False
    if nb == pb:
        return bool(ns) and (not ps or ns > ps)  # i → ia → ib
    return nv == pv + 1 and not ns


def candidate_tiers(label: str) -> list[Tier]:
    """Every tier a label could belong to, most likely first."""
    if not label:
        return []
    if label[0].isdigit():
        return [Tier.NUMBER]
    if label.isupper():
        tiers = []
        if roman_value(label.lower()) is not None:
            tiers.append(Tier.UPPER_ROMAN)
        tiers.insert(0, Tier.UPPER)
        return tiers
    base, _ = _split_inserted(label.lower())
    if roman_value(base) is not None:
        if len(label) == 1 and label not in "ivx":
            return [Tier.ALPHA, Tier.ROMAN]  # l, c, d, m: paragraphs far more often
        return [Tier.ROMAN, Tier.ALPHA] if len(label) > 1 else [Tier.ALPHA, Tier.ROMAN]
    return [Tier.ALPHA]


def choose_tier(label: str, open_labels: dict[Tier, str]) -> Tier:
    """Decide the tier of ``label`` given the label last seen at each currently open tier.

    ``open_labels`` maps each tier that is open (has an item on the current path) to that item's label.
    """
    tiers = candidate_tiers(label)
    if len(tiers) == 1:
        return tiers[0]
    upper = label.isupper()
    alpha_tier = Tier.UPPER if upper else Tier.ALPHA
    roman_tier = Tier.UPPER_ROMAN if upper else Tier.ROMAN
    prev_roman = open_labels.get(roman_tier)
    prev_alpha = open_labels.get(alpha_tier)
    if prev_roman is not None and is_roman_successor(prev_roman, label):
        return roman_tier
    if prev_alpha is not None and is_alpha_successor(prev_alpha, label):
        return alpha_tier
    if label.lower() == "i" and prev_alpha is not None:
        return roman_tier  # the first sub-paragraph under an open paragraph
    if prev_roman is not None:
        return roman_tier
    if len(label) > 1 and prev_alpha is not None and roman_value(_split_inserted(label.lower())[0]) is not None:
        return roman_tier
    return alpha_tier if prev_alpha is not None or label.lower() not in {"i", "v", "x"} else tiers[0]


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def preceding_label(label: str, *, roman: bool = False) -> tuple[str, str] | None:
    """Where an inserted provision goes, read from its label as UK drafting numbers insertions:
    ("after", "3") for "3A", ("after", "3A") for "3B", ("after", "c") for "d", ("after", "a") for "aa",
    ("before", "a") for "za", ("after", "iii") for "iv" (with ``roman``); None for a first label ("1", "a", "i")."""
    if not label:
        return None
    if m := re.fullmatch(r"([0-9]+)([A-Z]*)", label):
        digits, letters = m.groups()
        if letters:
            if letters == "A":
                return "after", digits
            if letters[-1] == "A":
                return "after", digits + letters[:-1]
            return "after", digits + letters[:-1] + chr(ord(letters[-1]) - 1)
        return ("after", str(int(digits) - 1)) if int(digits) > 1 else None
    lower = label.lower()
    if roman:
        base, suffix = _split_inserted(lower)
        value = roman_value(base)
        if value is not None:
            if suffix:
                prev = base + suffix[:-1] + (chr(ord(suffix[-1]) - 1) if suffix[-1] != "a" else "")
                return "after", prev
            return ("after", _roman(value - 1)) if value > 1 else None
    if not lower.isalpha():
        return None
    if lower.startswith("z") and len(lower) == 2:
        return ("before", lower[1]) if lower[1] == "a" else ("after", "z" + chr(ord(lower[1]) - 1))
    if len(lower) == 1:
        return ("after", chr(ord(lower) - 1)) if lower != "a" else None
    if lower[-1] == "a":
        return "after", lower[:-1]
    return "after", lower[:-1] + chr(ord(lower[-1]) - 1)


def as_written(noun: str, label: str) -> str:
    """A label as an instruction writes it after its noun: "subsection (3)", "paragraph (a)", "sub-paragraph
    (ii)" — but a Schedule's paragraphs are numbered without brackets: "paragraph 3", "paragraph 12A"."""
    return label if noun == "paragraph" and label[:1].isdigit() else f"({label})"
