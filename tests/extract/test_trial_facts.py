"""Design facts (phase, blinding, randomisation, enrolment, registry fields) in composed records."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.documents.stage import stage_documents
from etl.extract import sentences_frame, trial_facts_frame
from etl.extract.trial_facts import _conditions_of
from tests.conftest import files_frame

_PAD = " Safety, tolerability and quality of life were assessed throughout." * 5


def _record_facts(text: str, name: str = "abstracts.txt") -> dict[str, str]:
    staged = stage_documents(files_frame({name: text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    frame = trial_facts_frame(sentences, staged.documents)
    record = frame.filter(pl.col("scope") == "record")
    for start, end in record.select("char_start", "char_end").iter_rows():
        assert 0 <= start < end <= len(text)
    return dict(record.select("fact", "value").iter_rows())


@pytest.mark.parametrize(
    ("wording", "code"),
    [
        ("phase III", "3"),
        ("Phase IIa", "2"),
        ("phase II-III", "2/3"),
        ("Phase 1b/2", "1/2"),
        ("phase I/II", "1/2"),
        ("phase 2", "2"),
        ("Phase-III", "3"),
        ("phase 2 and 3", "2/3"),
    ],
)
def test_phase_in_every_spelling(wording: str, code: str):
    facts = _record_facts(f"In this open-label, {wording} trial, patients received drug A.{_PAD}\n")
    assert facts["phase"] == code


def test_the_records_own_phase_wins_over_the_background():
    facts = _record_facts(
        "BACKGROUND: Drug A showed encouraging activity in a phase 2 trial. METHODS: In this "
        "double-blind, phase 3 trial, 400 patients were randomly assigned to drug A or placebo."
        + _PAD
        + "\n"
    )
    assert (facts["phase"], facts["blinding"], facts["randomized"]) == ("3", "double-blind", "true")
    assert facts["n_enrolled"] == "400"


@pytest.mark.parametrize(
    ("sentence", "n"),
    [
        ("In total, 1171 patients were randomly assigned to drug A or drug B.", "1171"),
        ("We randomly assigned 87 patients with desmoid tumors to drug A or placebo.", "87"),
        ("Of 843 patients screened, 573 were enrolled and randomised.", "573"),
        ("Twenty-two patients with advanced disease were enrolled in this study.", "22"),
        # words that open with digits describe the people counted
        ("Methods 230 patients with grade 1-2 tumours were randomized to receive drug A.", "230"),
        ("A total of 900 patients aged 18 years or older were randomized.", "900"),
        (
            "Overall, 1395 patients aged 16-75 years with risk factors (stage I (a) or (b); stage "
            "II with (c)) were randomized into one of 4 arms.",
            "1395",
        ),
        # the whole a part is told of
        ("Of 501 enrolled patients, 74 (15%) had stage B disease.", "501"),
        # (the count screened is no description of the people randomized)
        ("Of 843 patients screened, 573 patients were randomly assigned.", "573"),
        # the part of the screened, its share in brackets
        ("In 2021, 410 (71%) of 577 screened patients were randomly assigned to treatment.", "410"),
        (
            "Seven hundred and nine of 713 randomly assigned patients received drug A or placebo.",
            "713",
        ),
    ],
)
def test_enrolment_phrasings(sentence: str, n: str):
    assert _record_facts(sentence + _PAD + "\n")["n_enrolled"] == n


def test_registry_labels_give_status_sponsor_condition_and_target():
    page = (
        "MedPath\n\nDrug A in Liver Cancer\n\nPhase 2\n\nConditions\n\nHepatocellular Carcinoma\n\n"
        "Registration Number\n\nNCT01234567\n\nLead Sponsor\n\nCity Hospital\n\nBrief Summary\n\n"
        "This study was a single arm, prospective, open clinical study.\n\nStatus\n\nRECRUITING\n\n"
        "Sex\n\nAll\n\nTarget Recruitment\n\n40\n\nInclusion Criteria\n\nAdults.\n"
    )
    facts = _record_facts(page, "registry.txt")
    assert facts["status"] == "RECRUITING"
    assert facts["sponsor"] == "City Hospital"
    assert facts["condition"] == "hepatocellular carcinoma"  # written as the text's conditions are
    assert facts["n_enrolled"] == "40"
    assert facts["phase"] == "2"
    assert facts["randomized"] == "false"


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        (
            "METHODS: In this phase 2 trial, patients with unresectable hepatocellular carcinomas "
            "received drug A.",
            "hepatocellular carcinoma",
        ),
        (
            "METHODS: We enrolled 40 patients with sorafenib-refractory advanced biliary tract "
            "cancer.",
            "biliary tract cancer",
        ),
        ("METHODS: This study enrolled adults with progressive desmoid tumours.", "desmoid tumor"),
    ],
)
def test_the_disease_studied_without_its_stage_or_treatment_state(sentence, condition):
    assert _record_facts(sentence + _PAD + "\n")["condition"] == condition


def test_the_records_own_disease_wins_over_the_background():
    text = (
        "BACKGROUND: Drug A previously showed activity in renal cell carcinoma. METHODS: In this "
        "phase 2 trial, we treated 30 patients with metastatic gastric cancer." + _PAD + "\n"
    )
    assert _record_facts(text)["condition"] == "gastric cancer"


_WORDS = ["a", "of", "C", "IIIb", "s", "Lung", "renal-cell", "treated", "advanced", "Kaposi's"]


@given(
    st.lists(st.sampled_from([*_WORDS, "cancer", "tumours", "CARCINOMA"]), max_size=12).map(
        " ".join
    )
)
def test_a_condition_is_lower_case_and_its_span_lies_in_the_text(text):
    for _fact, condition, start, end in _conditions_of(text):
        assert 0 <= start < end <= len(text)
        assert condition == condition.lower()
        assert text[start:end].lower().startswith(condition.split()[0])


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        (
            "METHODS: In this double-blind, placebo-controlled phase 3 trial, drug A was given.",
            "placebo_controlled",
        ),
        ("METHODS: We randomly assigned 90 patients to drug A or placebo.", "placebo_controlled"),
        ("METHODS: We retrospectively reviewed 120 patients treated with drug A.", "retrospective"),
    ],
)
def test_placebo_control_and_retrospective_review_are_design_facts(sentence, fact):
    assert _record_facts(sentence + _PAD + "\n")[fact] == "true"


@pytest.mark.parametrize(
    ("sentence", "n"),
    [
        # a breakdown in brackets between the count and its verb
        (
            "RESULTS: In total, 412 patients (drug K, n=205; drug L, n=207) were included in it.",
            "412",
        ),
        # the participle right after the people counted, and "pts"
        (
            "RESULTS: Among 318 pts randomized (drug K + drug M, n = 212; drug M, n = 106), "
            "follow-up lasted 20 months.",
            "318",
        ),
        # the people described at length, with commas and biomarker names, before the verb
        (
            "METHODS: 1204 adults with marker-negative, untreated, inoperable or widespread "
            "disease and a known ZK-2 score were randomized 1:1 to drug K or placebo.",
            "1204",
        ),
        (
            "RESULTS: Data were complete for all 366 patients who underwent randomization.",
            "366",
        ),
        # a bracketed total before the verb
        (
            "METHODS: Adults with untreated disease, whatever their marker X score (n = 902), "
            "were randomly assigned.",
            "902",
        ),
        # the whole population of the study, named
        ("RESULTS: In all, the intention-to-treat population included 540 participants.", "540"),
        (
            "RESULTS: Drug K prolonged survival among marker-high (N = 210), all-comer "
            "(N = 433) and marker-low (N = 223) patients.",
            "433",
        ),
        # the study enrolling, involving its patients
        (
            "ZETA-7, an open-label trial enrolling 612 previously untreated patients, compared "
            "drug K with drug L.",
            "612",
        ),
        (
            "The study, involving 377 patients at 40 centres, compared drug K with drug L.",
            "377",
        ),
        # a count in words with its hundreds
        ("METHODS: One hundred and twelve patients with advanced disease were enrolled.", "112"),
        # the first of a list of groups' sizes: the enrolment is the list's sum
        (
            "RESULTS: Overall, 300 participants were randomly assigned to drug K plus drug M, "
            "and 150 were assigned to drug M alone.",
            "450",
        ),
        ("RESULTS: In all, 211 patients were randomised to drug K and 209 to drug L.", "420"),
    ],
)
def test_enrolment_in_the_shapes_results_are_written(sentence: str, n: str):
    assert _record_facts(sentence + _PAD + "\n")["n_enrolled"] == n


@pytest.mark.parametrize(
    "sentence",
    [
        "RESULTS: The interim analysis covered the first 150 patients randomized.",
        "RESULTS: Of 700 patients screened, responses were seen in drug K recipients.",
    ],
)
def test_counts_that_are_not_the_enrolment(sentence: str):
    assert "n_enrolled" not in _record_facts(sentence + _PAD + "\n")


_PAGE = (
    "MedPath\n\nDrug K in Lung Cancer\n\nPhase 3\n\nConditions\n\nLung Cancer\n\n"
    "Registration Number\n\nNCT07777777\n\nSponsor:\nCollaborators:"
    "\n\nBrief Summary\n\nThis randomized study compares drug K with drug L.\n\n{enrolment}\n\n"
    "Inclusion Criteria\n\nAdults.\n"
)


@pytest.mark.parametrize(
    "enrolment",
    [
        "Actual Enrollment : 648 participants",  # label and value on one line
        "Actual Enrollment : | 648 participants |",  # a table's cells
        "Enrollment 648",  # no colon
        "Enrollment (Actual)\n\n648",  # the qualifier after the label
        "Actual Enrollment :\n648 participants",  # a colon after a space
    ],
)
def test_registry_enrolment_in_every_layout(enrolment: str):
    facts = _record_facts(_PAGE.format(enrolment=enrolment), "registry.txt")
    assert facts["n_enrolled"] == "648"
    assert "sponsor" not in facts  # "Sponsor:" with its value missing: the next label is none


@pytest.mark.parametrize(
    ("enrolment", "kind"),
    [
        ("Actual Enrollment : 648 participants", "actual"),
        ("Enrollment (Estimated)\n\n648", "estimated"),
        ("Anticipated Enrollment : 648", "estimated"),
        ("Enrollment 648", None),  # (the page does not say)
    ],
)
def test_a_registry_enrolment_says_whether_it_is_actual_or_estimated(enrolment, kind):
    facts = _record_facts(_PAGE.format(enrolment=enrolment), "registry.txt")
    assert facts["n_enrolled"] == "648"
    assert facts.get("enrolment_type") == kind


def test_a_tables_caption_states_the_design_of_the_trials_it_lists():
    text = (
        "Table 2. Outcomes of two randomized trials of drug S\n"
        "| Trial | Treatment | Control | Median OS, treatment | Median OS, control |\n"
        "|---|---|---|---|---|\n"
        "| WAVE-1 | Drug S (n = 120) | Drug T (n = 118) | 24.1 months | 19.0 months |\n"
        "| WAVE-2 | Drug S (n = 200) | Drug T (n = 100) | 16.4 months | 12.2 months |\n"
    )
    staged = stage_documents(files_frame({"table.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications, staged.table_rows)
    frame = trial_facts_frame(sentences, staged.documents).filter(pl.col("fact") == "randomized")
    rows = sentences.filter(pl.col("role") == "table_row")
    assert rows.height == 2
    stated = dict(frame.select("publication_id", "value").iter_rows())
    assert {stated.get(p) for p in rows.get_column("publication_id")} == {"true"}
    for start, end in frame.select("char_start", "char_end").iter_rows():
        assert text[start:end].lower() == "randomized"


def test_a_groups_count_of_the_randomized_is_no_enrolment():
    text = "In the drug A arm, 84 of 180 randomized patients (47%) received further therapy." + _PAD
    assert "n_enrolled" not in _record_facts(text + "\n")


def test_a_cards_label_over_its_count_is_the_enrolment():
    card = "Drug A in Liver Cancer\nRCT\nDouble-Blind\nSample\n733\nPatients\nDuration\n2 years\n"
    assert _record_facts(card, "card.txt")["n_enrolled"] == "733"


def test_a_size_given_to_each_arm_is_no_enrolment():
    # (the whole is that size times the groups: not stated, so not written)
    facts = _record_facts(
        "After stratification by stage, 150 patients were randomly assigned into each arm."
        + _PAD
        + "\n"
    )
    assert "n_enrolled" not in facts
