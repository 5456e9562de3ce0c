"""Sized groups in composed sentences: every list shape, and asides that are not arms."""

from __future__ import annotations

import pytest

from etl.extract.trial_arms import sized_groups


def groups(text: str) -> list[tuple[str, int]]:
    return [(label, n) for label, n, _, _ in sized_groups(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In total, 900 patients were randomly assigned to drug A (n=300), drug B (n = 301), or placebo (n=299).",
            [("drug A", 300), ("drug B", 301), ("placebo", 299)],
        ),
        (
            "Patients were randomised to ablation plus drug A (n=40) or ablation alone (n=38).",
            [("ablation plus drug A", 40), ("ablation alone", 38)],
        ),
        (
            "Of 600 patients screened, 420 were enrolled and randomised (280 to drug A and 140 to placebo).",
            [("drug A", 280), ("placebo", 140)],
        ),
        (
            "Sixty treatment-naive and 95 pretreated patients were treated.",
            [("treatment-naive", 60), ("pretreated", 95)],
        ),
    ],
)
def test_sized_lists(text: str, expected: list[tuple[str, int]]):
    assert groups(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Long-term survivors with drug A (n = 103) included participants across subgroups.",
        "Median age was 64 years (n = 300).",
        "Drug A (n=300) and drug B (n=301) had similar baseline characteristics.",
    ],
)
def test_asides_are_not_arms(text: str):
    assert groups(text) == []


def test_offsets_cover_the_statement():
    text = "Patients were randomized to drug A (n=10) or drug B (n=12)."
    for label, n, start, end in sized_groups(text):
        assert label in text[start:end] and str(n) in text[start:end]


def test_groups_named_by_numerals_keep_their_head_noun():
    groups = sized_groups(
        "Patients were divided into Cohorts A (n = 20) receiving drug X; B (n = 22) receiving "
        "drug Y; and C (n = 19) receiving both."
    )
    assert [(label, n) for label, n, _, _ in groups] == [
        ("Cohort A", 20),
        ("Cohort B", 22),
        ("Cohort C", 19),
    ]
