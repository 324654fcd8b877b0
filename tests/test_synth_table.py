"""The generator of House-style amendments that the apply properties and benchmarks use, checked by hand: which
words it may quote, and that every amendment it writes says what its expected edit does (read with a regular
expression here, not with lawtrack's parser)."""

from __future__ import annotations

import random
import re
from collections import Counter

import lawtrack
from lawtrack.amendments.synth import FILLERS, Generated, candidate_pool, candidates, generate
from tests import minibill

# Clause 2 printed as:  1-9 "2 Reports" / 1-10 "(1) The report must—" /
#                      2-1 "(iii) name the court, the court (within reason)"
CLAUSE_2 = """
<section GUID="_c2" eId="sec_2"><num><?L 1-9?>2</num><heading>Reports</heading>
 <subsection GUID="_c2s1" eId="sec_2__subsec_1"><num><?L 1-10?>(1)</num><intro><p>The report must—</p></intro>
  <level class="para1" GUID="_c2s1i" eId="sec_2__subsec_1__para_iii"><num><?L 2-1?>(iii)</num><content><p>name the
   court, the court (within reason)</p></content></level>
 </subsection>
</section>"""


def _bill() -> lawtrack.Bill:
    return lawtrack.load_bill(minibill.xml(clause_2=CLAUSE_2), name="<mini bill>")


def test_the_words_it_may_quote_are_those_once_on_their_line_and_not_a_label() -> None:
    bill = _bill()
    clause = bill.provision("clause 2")
    got = candidates(clause)
    # "(iii)" is a label; "the" and "court" are twice on line 2-1; "2" and "(1)" are not words; a word only opening
    # or only closing a bracket is no label
    assert [(page, line, word) for page, line, _, _, word in got] == [
        (1, 9, "Reports"), (1, 10, "The"), (1, 10, "report"), (1, 10, "must"), (2, 1, "name"), (2, 1, "within"),
        (2, 1, "reason")]
    for page, line, start, end, word in got:
        assert clause.text[start:end] == word
        assert any(s.page == page and s.line == line and s.start <= start and end <= s.end for s in clause.lines)
    three = bill.provision("clause 3")  # 2-3 "3 Short title" / 2-4 "This Act may be cited as the Mini Act 2026."
    assert [w for *_, w in candidates(three)] == ["Short", "title", "This", "may", "cited", "the", "Mini"]


def test_the_pool_is_every_clause_word_pair_in_bill_order() -> None:
    bill = _bill()
    pool = candidate_pool(bill)
    assert [c.label for c, _ in pool] == sorted((c.label or "" for c, _ in pool), key=int)
    assert [cand for c, cand in pool if c.label == "2"] == candidates(bill.provision("clause 2"))


_FORM = re.compile(r"^Clause (?P<clause>\w+), page (?P<page>\d+), line (?P<line>\d+), (?:"
                   r"leave out “(?P<gone>[^”]+)”(?: and insert “(?P<put>[^”]+)”)?"
                   r"|(?P<where>after|before) “(?P<at>[^”]+)” insert “(?P<new>[^”]+)”)$")


def _form(g: Generated, bill: lawtrack.Bill) -> str:
    """Read one generated amendment by hand and check its expected edit against the bill's text."""
    m = _FORM.match(g.amendment.instruction)
    assert m, g.amendment.instruction
    exp = g.expected
    clause = bill.provision(f"clause {m['clause']}")
    assert exp.clause == m["clause"]
    page, line = int(m["page"]), int(m["line"])
    on_line = [s for s in clause.lines if (s.page, s.line) == (page, line)]
    word = m["gone"] or m["at"]
    at = exp.start if m["where"] != "after" else exp.start - len(word)
    assert clause.text[at:at + len(word)] == word
    assert any(s.start <= at and at + len(word) <= s.end for s in on_line)
    if m["where"]:
        assert (exp.start == exp.end, exp.words, exp.kind) == (True, m["new"], m["where"])
        assert m["new"] in FILLERS
        return m["where"]
    assert (exp.end - exp.start, exp.kind) == (len(word), "replace")
    if m["put"] is None:
        assert exp.words == ""
        return "leave out"
    assert exp.words == m["put"]
    if m["put"] == word.upper():
        return "upper case"
    assert m["put"] in FILLERS
    return "substitute"


def test_every_amendment_says_what_its_expected_edit_does_and_all_five_forms_are_drawn() -> None:
    bill = lawtrack.load_bill(minibill.xml(), name="<mini bill>")
    generated = generate(bill, 40, random.Random(7), per_line=3)
    forms = Counter(_form(g, bill) for g in generated)
    assert set(forms) == {"leave out", "substitute", "after", "before", "upper case"}
    assert [g.amendment.number for g in generated] == [str(n) for n in range(1, len(generated) + 1)]


def test_at_most_per_line_on_each_printed_line_in_bill_order() -> None:
    bill = lawtrack.load_bill(minibill.xml(), name="<mini bill>")
    pool = candidate_pool(bill)
    lines = Counter((c.label, cand[0], cand[1]) for c, cand in pool)
    for per_line in (1, 2, 3):
        generated = generate(bill, 10_000, random.Random(per_line), per_line=per_line, pool=pool)
        used = Counter((g.expected.clause, *map(int, re.findall(r"page (\d+), line (\d+)", g.amendment.instruction)[0]))
                       for g in generated)
        assert used == Counter({key: min(n, per_line) for key, n in lines.items()})  # as many as allowed
        order = [(int(g.expected.clause), g.expected.start) for g in generated]
        assert order == sorted(order)
    one = generate(bill, 10_000, random.Random(1))  # one per line unless told
    assert len(one) == len(lines)
    assert len(generate(bill, 5, random.Random(1))) == 5


def test_the_pool_given_is_the_pool_used() -> None:
    bill = lawtrack.load_bill(minibill.xml(), name="<mini bill>")
    pool = candidate_pool(bill)
    only_3 = [(c, cand) for c, cand in pool if c.label == "3"]
    assert {g.expected.clause for g in generate(bill, 50, random.Random(2), per_line=9, pool=only_3)} == {"3"}
    assert [g.amendment.instruction for g in generate(bill, 20, random.Random(3), pool=pool)] == [
        g.amendment.instruction for g in generate(bill, 20, random.Random(3))]


def test_lines_of_the_same_number_on_two_pages_are_two_lines() -> None:
    # clause 2 runs on to page 2, line 10 (as on page 1): a line is a page and a line number
    data = minibill.xml()
    for old, new in [(b"<?L 2-3?>", b"<?L 2-13?>"), (b"<?L 2-4?>", b"<?L 2-14?>"), (b"<?L 2-5?>", b"<?L 2-15?>"),
                     (b"<?L 2-6?>", b"<?L 2-16?>"), (b"<?L 2-7?>", b"<?L 2-17?>"), (b"<?L 2-8?>", b"<?L 2-18?>"),
                     (b"be\n  combined with the", b"be\n  combined <?L 2-10?>with the")]:
        assert old in data, old
        data = data.replace(old, new)
    bill = lawtrack.load_bill(data, name="<mini bill>")
    assert {(s.page, s.line) for s in bill.provision("clause 2").lines} == {(1, 9), (1, 10), (2, 1), (2, 2), (2, 10)}
    pool = candidate_pool(bill)
    lines = {(c.label, cand[0], cand[1]) for c, cand in pool}
    assert ("2", 1, 10) in lines and ("2", 2, 10) in lines
    generated = generate(bill, 10_000, random.Random(5), pool=pool)
    assert len(generated) == len(lines)  # one on each
