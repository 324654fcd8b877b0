"""Hand-checked tables for the LawMaker reader's small parts (``lawtrack/formats/lawmaker.py``), written from
mutation testing: what each part gives for inputs chosen by hand, not what the reader happens to print.

The reader caches what it knows of each tag (``_TAGS``), so a test that reads a whole bill says little about
``_tag_info`` once the cache holds the bill's tags: these call it directly.
"""

from __future__ import annotations

import pytest

from lawtrack.formats import lawmaker as lm
from lawtrack.formats.akn import AKN_NS
from lawtrack.model.provision import Kind

AKN = "{" + AKN_NS + "}"
UKL = "{https://www.legislation.gov.uk/namespaces/UK-AKN}"


@pytest.mark.parametrize(
    ("qname", "expected"),
    [
        (AKN + "section", ("section", Kind.CLAUSE, False)),
        (AKN + "part", ("part", Kind.PART, False)),
        (AKN + "p", ("p", None, False)),
        (AKN + "hcontainer", ("hcontainer", Kind.OTHER, True)),  # its kind is in its name="…"
        (AKN + "level", ("level", Kind.LEVEL, True)),  # … in its class="…"
        (AKN + "subparagraph", ("subparagraph", Kind.SUBPARAGRAPH, True)),  # class="schProv3" is deeper
        # a provision's name in another namespace is not a provision
        (UKL + "section", ("section", None, False)),
        ("{urn:example}hcontainer", ("hcontainer", None, True)),
        ("section", ("section", None, False)),  # no namespace at all
        (UKL + "a", ("a", None, False)),
    ],
)
def test_what_a_tag_says(qname: str, expected: tuple[str, Kind | None, bool], monkeypatch: pytest.MonkeyPatch
                         ) -> None:
    cache: dict[str, tuple[str, Kind | None, bool]] = {}
    monkeypatch.setattr(lm, "_TAGS", cache)
    assert lm._tag_info(qname) == expected
    assert cache == {qname: expected}  # remembered for the next element with that tag


def test_the_tag_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile document may invent any number of tags: the cache stops at 4,096 and still answers."""
    full: dict[str, tuple[str, Kind | None, bool]] = {f"{{urn:x}}t{i}": (f"t{i}", None, False) for i in range(4096)}
    monkeypatch.setattr(lm, "_TAGS", full)
    assert lm._tag_info(AKN + "section") == ("section", Kind.CLAUSE, False)
    assert len(full) == 4096 and AKN + "section" not in full
    one_short = dict(list(full.items())[:4095])
    monkeypatch.setattr(lm, "_TAGS", one_short)
    assert lm._tag_info(AKN + "section") == ("section", Kind.CLAUSE, False)
    assert len(one_short) == 4096 and one_short[AKN + "section"] == ("section", Kind.CLAUSE, False)


def test_provision_elements_with_no_tag_known_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    """The provision elements of the mini bill in reading order, each tag met for the first time."""
    from tests import minibill

    monkeypatch.setattr(lm, "_TAGS", {})
    body = minibill.bill().tree().find(f".//{AKN}body")
    assert body is not None
    found = [(el.get("eId"), el.get("GUID")) for el in lm.provision_elements(body)]
    assert found == [
        ("sec_1", "_c1"), ("sec_1__subsec_1", "_c1s1"), ("sec_1__subsec_2", "_c1s2"),
        ("sec_1__subsec_2__para_a", "_c1s2a"), ("sec_1__subsec_2__para_b", "_c1s2b"),
        ("sec_1__subsec_2__para_c", "_c1s2c"), ("sec_1__subsec_3", "_c1s3"),
        ("sec_2", "_c2"), ("sec_2__subsec_1", "_c2s1"), ("sec_2__subsec_2", "_c2s2"),
        ("sec_3", "_c3"),
        ("scheds", None), ("sched_1", "_s1"), ("sched_1__para_1", "_s1p1"), ("sched_1__para_2", "_s1p2"),
        ("sched_1__para_2__subpara_1", "_s1p2s1"), ("sched_1__para_2__subpara_2", "_s1p2s2"),
    ]
    assert lm._TAGS[AKN + "level"] == ("level", Kind.LEVEL, True)


@pytest.mark.parametrize(
    ("guid_copies", "expected_count"), [(0, 0), (1, 1), (2, 2), (3, 2)],  # 2 stands for "more than one"
)
def test_how_many_elements_have_a_guid(guid_copies: int, expected_count: int) -> None:
    from tests import minibill

    data = minibill.xml()
    if guid_copies == 0:
        data = data.replace(b'GUID="_c3"', b'GUID="_gone"')
    for _ in range(guid_copies - 1):  # more elements with clause 3's GUID: give it to clause 2's subsections
        data = data.replace(b'GUID="_c2s', b'GUID="_c3" x="', 1)
    assert data.count(b'GUID="_c3"') == guid_copies
    lazy = lawtrack_lazy(data)
    count, element = lazy.only_with("GUID", "_c3")
    assert count == expected_count
    if guid_copies == 1:
        assert element is not None and element.get("eId") == "sec_3"  # a clause of the bill: may be read alone
    else:
        assert element is None


def test_an_element_that_is_not_a_clause_is_counted_but_not_handed_over() -> None:
    from tests import minibill

    lazy = lawtrack_lazy(minibill.xml())
    assert lazy.only_with("eId", "sec_1__subsec_2") == (1, None)
    assert lazy.only_with("eId", "sec_9") == (0, None)
    with pytest.raises(ValueError, match="expected eId or GUID"):
        lazy.only_with("class", "para1")


def lawtrack_lazy(data: bytes) -> lm.LawmakerProvisions:
    import lawtrack

    lazy = lawtrack.load_bill(data)._lazy
    assert isinstance(lazy, lm.LawmakerProvisions)
    return lazy
