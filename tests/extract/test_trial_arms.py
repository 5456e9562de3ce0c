"""Sized groups in composed sentences: every list shape, and asides that are not arms."""

from __future__ import annotations

import pytest

from etl.documents.stage import stage_documents
from etl.extract import sentences_frame, trial_arms_frame
from etl.extract.trial_arms import sized_groups, stated_groups
from tests.conftest import files_frame


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count assigned to each group, the verb told once or each time
        (
            "In all, 211 patients were randomised to drug K + drug M and 209 to drug L.",
            [("drug K + drug M", 211), ("drug L", 209)],
        ),
        (
            "Overall, 300 participants were randomly assigned to drug K plus drug M, and 150 "
            "were assigned to drug M alone.",
            [("drug K plus drug M", 300), ("drug M alone", 150)],
        ),
        # sizes counted in patients
        (
            "Of 512 patients screened, 330 were randomly assigned to receive either drug K "
            "(220 patients) or drug L (110 patients).",
            [("drug K", 220), ("drug L", 110)],
        ),
        # the group named without its doses and schedules, however long the phrase
        (
            "In the trial, 601 patients were randomly assigned to receive drug K at 10 mg once "
            "daily plus drug M at 300 mg once every 2 weeks (n = 300) or a taxane of the "
            "investigator's choice (n = 301).",
            [("drug K plus drug M", 300), ("taxane of the investigator's choice", 301)],
        ),
        (
            "Patients were randomized 1:1 to receive drug K 250 mg plus drug M 90 mg (n = 400) "
            "or drug K 250 mg (n = 398) every 2 weeks.",
            [("drug K plus drug M", 400), ("drug K", 398)],
        ),
        # what the phrase before the group says of it is not its name
        (
            "After randomization, pts received up to 4 courses of K+MOP (n=210) or LMOP (n=208).",
            [("K+MOP", 210), ("LMOP", 208)],
        ),
        # no assignment told, but the groups named as arms
        (
            "Event-free survival at 3 years reached 80.1% (95% CI, 77.0%-83.0%) in the drug K arm "
            "(n = 610) versus 75.2% (95% CI, 70.3%-79.1%) in the placebo arm (n = 305).",
            [("drug K", 610), ("placebo", 305)],
        ),
        (
            "Two years on, 70.3% and 61.8% were alive in the K-MCP (n = 420) and placebo/MCOP "
            "(n = 421) arms.",
            [("K-MCP", 420), ("placebo/MCOP", 421)],
        ),
        # a "versus" list of three, each group's doses in its bracket, "and" inside a name
        (
            "A randomised phase 3 study of 900 patients comparing chemotherapy (by histology) plus "
            "drug K (1000 mg daily; n=300) versus chemotherapy plus drug K and drug L (50 mg "
            "daily; n=301) versus chemotherapy alone (n=299) as first-line treatment.",
            [
                ("chemotherapy plus drug K", 300),
                ("chemotherapy plus drug K and drug L", 301),
                ("chemotherapy alone", 299),
            ],
        ),
    ],
)
def test_more_list_shapes(text: str, expected: list[tuple[str, int]]):
    assert groups(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Results: In total, 412 patients (KALIFOX, n=205; Gem+Tax, n=207) entered the study.",
            [("KALIFOX", 205), ("Gem+Tax", 207)],
        ),
        (
            "Results: Among 318 pts randomized (drug K + drug M, n = 212; drug M, n = 106), "
            "follow-up lasted 20 months.",
            [("drug K + drug M", 212), ("drug M", 106)],
        ),
        (
            "Results: The analysis population comprised 540 participants (KIB: 271; CTL: 269).",
            [("KIB", 271), ("CTL", 269)],
        ),
        (
            "Results: Four hundred twelve participants (C1 = 300; C2 = 112) started drug K.",
            [("C1", 300), ("C2", 112)],
        ),
    ],
)
def test_a_total_broken_down_in_brackets(text: str, expected: list[tuple[str, int]]):
    assert [(label, n) for label, n, _, _ in stated_groups(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # counts of a subset, with percentages: not the groups' sizes
        "By the last visit, 58 pts remained on drug K (KIB: 41 [12.1%]; CTL: 17 [5.0%]).",
        # a breakdown that does not add up, told without sizes
        "Overall, 400 patients (KIB: 30; CTL: 17) had a response.",
        # sizes of results given without naming the groups as arms
        "Responses were seen in 21.5% of C1 (n = 200) and in 14.3% of C2 (n = 98).",
    ],
)
def test_counts_that_are_not_groups_sizes(text: str):
    assert stated_groups(text) == []


def _arms(text: str) -> list[tuple[str, int]]:
    staged = stage_documents(files_frame({"abstracts.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    frame = trial_arms_frame(sentences)
    for start, end in frame.select("char_start", "char_end").iter_rows():
        assert 0 <= start < end <= len(text)
    return [(label, n) for label, n in frame.sort("arm_order").select("label", "n_patients").rows()]


_PAD = " Safety, tolerability and quality of life were assessed throughout." * 5


def test_a_record_that_sizes_its_arms_one_sentence_at_a_time():
    text = (
        "METHODS: Sixty-two patients were enrolled. Twenty patients were randomized to 250 mg; "
        "that arm then closed. Among 42 patients on the 750 mg arm, 30 responded." + _PAD + "\n"
    )
    assert _arms(text) == [("250 mg", 20), ("750 mg", 42)]


def test_one_sized_arm_alone_is_no_list():
    text = "METHODS: Among 42 patients on the 750 mg arm, 30 responded." + _PAD + "\n"
    assert _arms(text) == []


def test_a_record_with_a_list_ignores_single_counts():
    text = (
        "METHODS: 300 patients were randomized to drug K (n = 150) or drug L (n = 150). Among 40 "
        "patients on the drug K arm, 10 had a response." + _PAD + "\n"
    )
    assert _arms(text) == [("drug K", 150), ("drug L", 150)]


def test_groups_named_in_results_are_no_arms_where_the_assignment_is_sized():
    text = (
        "METHODS: 300 patients were randomized to drug K (n = 150) or drug L (n = 150). RESULTS: "
        "The response rate was 40% in the marker-high group (n = 80) and 20% in the marker-low "
        "group (n = 220)." + _PAD + "\n"
    )
    assert _arms(text) == [("drug K", 150), ("drug L", 150)]


def test_groups_named_in_results_are_the_arms_where_no_assignment_is_sized():
    text = (
        "METHODS: Patients were randomized 2:1 to drug K or placebo. RESULTS: At 3 years, 80% "
        "were alive in the drug K arm (n = 610) and 75% in the placebo arm (n = 305)." + _PAD + "\n"
    )
    assert _arms(text) == [("drug K", 610), ("placebo", 305)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short name and the size in one bracket
        (
            "Adults were randomized to 12 cycles of drug K plus drug M (K-M, n = 216) or drug L "
            "plus drug M (L-M, n = 210).",
            [("drug K plus drug M", 216), ("drug L plus drug M", 210)],
        ),
        # "to receive treatment with", and a dose right after the group's name
        (
            "Overall, 220 patients were randomized to receive treatment with drug K, and 221 "
            "patients were randomized to receive drug L.",
            [("drug K", 220), ("drug L", 221)],
        ),
        (
            "Overall, 261 patients were assigned to receive drug K 5.4 mg/kg every 3 weeks and 263 "
            "patients were assigned to receive drug L 3.6 mg/kg every 3 weeks.",
            [("drug K", 261), ("drug L", 263)],
        ),
        # counts before the groups' names, in a bracket
        (
            "For the randomized groups (88 K+LD vs 44 LD-alone), median treatment duration was 83 days.",
            [("K+LD", 88), ("LD-alone", 44)],
        ),
        # who was given what
        (
            "Drug K was given to 92 individuals and a placebo to 62 others.",
            [("Drug K", 92), ("placebo", 62)],
        ),
        (
            "In all, 410 patients were randomly assigned, of whom 206 received drug K and 204 "
            "received chemotherapy.",
            [("drug K", 206), ("chemotherapy", 204)],
        ),
        # the subject and its verb, a schedule word or a partner are not the group's name
        (
            "Participating patients received once-daily drug K 240 mg (n = 111) or placebo (n = 110).",
            [("drug K", 111), ("placebo", 110)],
        ),
        (
            "Patients were randomized 1:1 to receive drug M, 75 mg/m2 (day 1), combined with drug K "
            "(n = 258), or placebo (n = 251).",
            [("drug K", 258), ("placebo", 251)],
        ),
        (
            "Patients were randomly assigned to drug K 420 mg (n = 136) or drug L 0.5-0.8 mg/kg "
            "≤12 cycles (n = 133).",
            [("drug K", 136), ("drug L", 133)],
        ),
        # a summary line that is the list and nothing else
        ("Drug K (n=406) vs. SOC (n=202)", [("Drug K", 406), ("SOC", 202)]),
    ],
)
def test_sizes_in_more_wordings(text: str, expected: list[tuple[str, int]]):
    assert groups(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a list of results by subgroup, or results between the sized groups
        "ORR was 40% in marker-high (n=300) vs 20% in marker-low (n=200).",
        "Drug K (n = 240) continued to improve OS vs drug L (n = 121).",
        # a total broken down stays the breakdown's to read
        "400 patients (A, n=200; B, n=200) were included.",
    ],
)
def test_sized_results_are_not_a_line_of_groups(text: str):
    assert groups(text) == []


def test_card_lines_that_open_with_each_groups_size():
    text = (
        "Interventions\nN=303 drug K plus drug M (drug K 3 mg/kg IV once every 2 weeks).\n"
        "N=302 platinum plus drug R chemotherapy (drug R 500 mg/m2 IV).\nPrimary outcome\n"
        "Overall survival\n"
    )
    staged = stage_documents(files_frame({"card.txt": text}))
    frame = trial_arms_frame(sentences_frame(staged.record_lines, staged.publications))
    assert sorted(frame.select("label", "n_patients").iter_rows()) == [
        ("drug K plus drug M", 303),
        ("platinum plus drug R chemotherapy", 302),
    ]


def test_a_size_given_to_each_arm_is_every_declared_groups():
    text = (
        "METHODS: The phase 3 trial compared drug K vs drug L in older patients. After "
        "stratification by stage, 150 patients were randomly assigned into each arm." + _PAD + "\n"
    )
    assert _arms(text) == [("drug K", 150), ("drug L", 150)]


def test_a_size_printed_with_an_equals_sign_a_pdf_turned_into_5():
    assert groups("Patients were randomized to drug K (n 5 260) or placebo (n 5 131).") == [
        ("drug K", 260),
        ("placebo", 131),
    ]


def test_groups_sized_with_or_without_an_agent_are_the_agent_and_its_absence():
    sentence = (
        "Patients were randomly assigned to drug L on day 1 of each cycle with (n = 206) or "
        "without (n = 204) drug K."
    )
    assert [(label, n) for label, n, *_ in sized_groups(sentence)] == [
        ("drug K", 206),
        ("without drug K", 204),
    ]


def test_the_options_a_group_is_made_of_are_not_arms():
    sentence = (
        "Patients were randomly assigned to drug K (n = 250) or investigator's choice (n = 125) "
        "of drug L (n = 100), drug M (n = 15), or drug N (n = 10)."
    )
    assert groups(sentence) == [("drug K", 250), ("investigator's choice", 125)]


def test_a_bracket_listing_each_group_with_its_size_after_the_randomisation_gives_the_groups():
    """ "randomized (A, n = 179; B, n = 179; C, n = 177)": three groups; the same bracket after
    another verb breaks a total down ("enrolled (men, n = 200; women, n = 200)")."""
    sentence = (
        "Overall, 535 patients were randomized (zentumab-orvex, n = 179; zentumab, n = 179; "
        "kalvex-orvex, n = 177)."
    )
    assert [(label, n) for label, n, *_ in sized_groups(sentence)] == [
        ("zentumab-orvex", 179),
        ("zentumab", 179),
        ("kalvex-orvex", 177),
    ]
    assert (
        sized_groups("Of 400 patients enrolled (men, n = 200; women, n = 200), all received A.")
        == []
    )


def test_a_bracket_list_with_capital_n_gives_the_groups_too():
    sentence = "In all, 300 patients were randomized (drug K, N = 150; placebo, N = 150)."
    assert [(label, n) for label, n, *_ in sized_groups(sentence)] == [
        ("drug K", 150),
        ("placebo", 150),
    ]
