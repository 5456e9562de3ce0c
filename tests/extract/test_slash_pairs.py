"""Values of two groups written as slashed pairs after the groups' slashed names. Sentences
written for the tests."""

from __future__ import annotations

from tests.conftest import parsed_with_groups


def _read(sentence: str) -> list[tuple]:
    facts = parsed_with_groups(sentence, ["DKC", "DC"])
    return [(f.endpoint, f.measure, f.value, f.arm) for f in facts]


def test_slashed_pairs_after_the_slashed_groups_are_one_value_of_each():
    sentence = (
        "Late side effects in DKC/ DC arms were: dysphagia 11/8; hearing loss 5/9 (of which "
        "grade 3 40.0%/22.2%)."
    )
    assert _read(sentence) == [
        ("AE", "count", 11.0, "DKC"),
        ("AE", "count", 8.0, "DC"),
        ("AE", "count", 5.0, "DKC"),
        ("AE", "count", 9.0, "DC"),
        ("AE", "rate", 40.0, "DKC"),
        ("AE", "rate", 22.2, "DC"),
    ]


def test_slashed_groups_named_in_the_other_order_keep_their_order():
    assert [(r[2], r[3]) for r in _read("Side effects in DC/DKC arms were: rash 4/12.")] == [
        (4.0, "DC"),
        (12.0, "DKC"),
    ]


def test_a_fraction_of_a_whole_stays_a_fraction():
    read = _read("Of the patients in the DKC/DC arms, 10/40 (25%) and 5/41 (12%) responded.")
    assert [r[2] for r in read] == [25.0, 12.0]


def test_pairs_with_their_unit_before_the_slashed_groups_are_theirs_too():
    assert _read("Median OS was 12.1/9.8 months for DKC/DC.") == [
        ("OS", "median", 12.1, "DKC"),
        ("OS", "median", 9.8, "DC"),
    ]


def test_a_bare_pair_before_the_slashed_groups_stays_a_fraction():
    assert _read("Overall, 10/40 patients in the DKC/DC arms responded.") == []
