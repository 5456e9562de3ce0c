"""How a journal's results paragraph words its comparisons: deaths counted per group before the
verb, a response defined in brackets, a share among responders, ratios listed for a list of
endpoints "respectively". Sentences written for the tests."""

from __future__ import annotations

import pytest

from etl.extract.grammar import parse_sentence

_GROUPS = ("drug K group", "placebo group")


def _read(sentence: str) -> list[tuple]:
    return [
        (f.endpoint, f.measure, f.value, f.timepoint_months, f.arm, f.comparator)
        for f in parse_sentence(sentence, comparison=("drug K", "placebo"), arms=list(_GROUPS))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # deaths counted by group, the verb after the groups
        (
            "At the data cutoff, 41 patients in the drug K group and 63 in the placebo group had"
            " died.",
            [
                ("OS", "count", 41.0, None, "drug K group", None),
                ("OS", "count", 63.0, None, "placebo group", None),
            ],
        ),
        (
            "Overall, 70 patients in the drug K group and 98 in the placebo group had disease"
            " progression or had died.",
            [
                ("PFS", "count", 70.0, None, "drug K group", None),
                ("PFS", "count", 98.0, None, "placebo group", None),
            ],
        ),
        # deaths placed in their groups by a verb before the first group
        (
            "By the cutoff, 14 deaths had occurred in the drug K group and 26 in the placebo"
            " group.",
            [
                ("OS", "count", 14.0, None, "drug K group", None),
                ("OS", "count", 26.0, None, "placebo group", None),
            ],
        ),
        # a drug's form is no part of its group's name
        (
            "The response rate was 11% with drug K tablets and 3% with placebo.",
            [
                ("ORR", "rate", 11.0, None, "drug K", None),
                ("ORR", "rate", 3.0, None, "placebo", None),
            ],
        ),
        # a clause of its own names its endpoint after its values, not the clause before it
        (
            "Progression-free survival at 12 months was 57% in the drug K group and 49% in the"
            " placebo group (P = 0.01); 43% of the patients in the drug K group and 36% in the"
            " placebo group had a response.",
            [
                ("PFS", "rate", 57.0, 12.0, "drug K group", None),
                ("PFS", "rate", 49.0, 12.0, "placebo group", None),
                ("ORR", "rate", 43.0, None, "drug K group", None),
                ("ORR", "rate", 36.0, None, "placebo group", None),
            ],
        ),
        # a response defined in brackets is the response named before them
        (
            "An overall response (complete or partial response) occurred in 38.5% of the patients"
            " in the drug K group and 21.0% in the placebo group.",
            [
                ("ORR", "rate", 38.5, None, "drug K group", None),
                ("ORR", "rate", 21.0, None, "placebo group", None),
            ],
        ),
        # who a share is among is no endpoint of it: the responses still ongoing are
        (
            "Among patients with an overall response, 71% in the drug K group, as compared with"
            " 40% in the placebo group, had ongoing responses at 18 months.",
            [
                ("DOR", "rate", 71.0, 18.0, "drug K group", None),
                ("DOR", "rate", 40.0, 18.0, "placebo group", None),
            ],
        ),
        # a ratio for each endpoint of a list, in its order
        (
            "Progression-free and overall survival favoured drug K (hazard ratio, 0.42 [95% CI,"
            " 0.30 to 0.58]; and hazard ratio, 0.77 [95% CI, 0.61 to 0.97], respectively).",
            [
                ("PFS", "hazard_ratio", 0.42, None, "drug K", "placebo"),
                ("OS", "hazard_ratio", 0.77, None, "drug K", "placebo"),
            ],
        ),
        # a gain named before its time is a difference, not a median
        (
            "The improvement in median PFS time in the drug K group compared with the placebo"
            " group was 4.3 months.",
            [("PFS", "difference", 4.3, None, "drug K", "placebo")],
        ),
        (
            "PFS and OS were longer with drug K (HR 0.55 and 0.81, respectively).",
            [
                ("PFS", "hazard_ratio", 0.55, None, "drug K", "placebo"),
                ("OS", "hazard_ratio", 0.81, None, "drug K", "placebo"),
            ],
        ),
    ],
)
def test_results_paragraph_shapes(sentence: str, expected: list[tuple]):
    assert _read(sentence) == expected


def test_ratios_of_a_list_without_respectively_keep_the_nearest_endpoint():
    # (two ratios after a list, not said to be in its order: each is read as before)
    read = _read("PFS and OS were longer with drug K (HR 0.55; 95% CI, 0.40 to 0.75).")
    assert [r[:3] for r in read] == [("OS", "hazard_ratio", 0.55)]
