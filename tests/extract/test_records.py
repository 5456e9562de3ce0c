"""A value whose sentence names no endpoint takes the last one its record named before it, in
whatever sentence that was: one with numbers (read in full) or one without (looked through only
when a value needs it)."""

from __future__ import annotations

import pytest

from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, sentences_frame
from tests.conftest import files_frame, outcomes_of

_VALUE = "The median was 9.1 months (95% CI 8.0-12.0)."


def _endpoints(*documents: str) -> list[str]:
    staged = stage_documents(files_frame({f"{i}.txt": d for i, d in enumerate(documents)}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    return outcomes.sort("publication_id", "char_start").get_column("endpoint").to_list()


@pytest.mark.parametrize(
    ("before", "endpoint"),
    [
        # the latest name, in a sentence without numbers right before the value's
        (
            "Progression-free survival was the primary end point. Overall survival was secondary.",
            "OS",
        ),
        (
            "Overall survival was secondary. Progression-free survival was the primary end point.",
            "PFS",
        ),
        # sentences that name nothing do not hide an earlier name
        (
            "Time to progression was assessed. Patients were seen every visit. Safety was good.",
            "TTP",
        ),
        # a name in a sentence with numbers, then a later one in a sentence without
        ("Overall survival was 12.0 months. Progression-free survival was also assessed.", "PFS"),
        # and the other way round
        ("Progression-free survival was assessed. The overall survival was 12.0 months.", "OS"),
    ],
)
def test_a_value_with_no_endpoint_of_its_own_takes_the_last_one_named_before_it(
    before: str, endpoint: str
):
    assert _endpoints(f"{before} {_VALUE}")[-1] == endpoint


def test_no_endpoint_is_carried_from_one_document_to_the_next():
    # (a time with no time-to-event endpoint is not a result: here it has none)
    first = "Overall survival was the primary end point. Patients were seen every visit."
    assert _endpoints(first, f"Treatment was well tolerated. {_VALUE}") == []
    assert _endpoints(first + f" {_VALUE}") == ["OS"]


def test_a_hazard_ratio_without_an_endpoint_takes_the_last_time_to_an_event():
    # "Respective hazard ratios ... were 0.77 and 0.69": a ratio names no endpoint of its own; a
    # hazard ratio is of a time to an event, so the record's last one (never a response rate)
    got = _endpoints(
        "Overall survival was the primary end point and was met in all patients. "
        "The objective response rate was also assessed. "
        "Respective hazard ratios for the two higher-expression groups were 0.77 (P = .002) and "
        "0.69 (P = .0003)."
    )
    assert got == ["OS", "OS"]


def test_looking_back_for_a_ratio_endpoint_does_not_move_the_last_endpoint():
    # the hazard ratio walks back past the response rate to overall survival; the rate after
    # it still takes the endpoint named last (the response rate), not the one the ratio found
    got = _endpoints(
        "Overall survival was the primary end point. "
        "The objective response rate was also assessed. "
        "The hazard ratio was 0.70 (P = .01). The rate was 40% (95% CI 30-50)."
    )
    assert got == ["OS", "ORR"]


def _endpoint_labels(document: str) -> list[tuple[str, str]]:
    staged = stage_documents(files_frame({"0.txt": document}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    return outcomes.sort("char_start").select("endpoint", "endpoint_label").rows()


def test_a_hazard_ratio_takes_a_timed_endpoint_the_vocabulary_has_no_code_for():
    # disease-free survival has no code of its own (OTHER, its wording kept): still a time to an
    # event, so a later ratio is of it, not of the overall survival named before it
    got = _endpoint_labels(
        "Overall survival was a secondary end point. "
        "Subgroup analyses of disease-free survival were done with a Cox model. "
        "In patients younger than 65 years the hazard ratio was 0.74 (95% CI 0.55-0.99)."
    )
    assert got == [("OTHER", "disease-free survival")]


def test_a_hazard_ratio_is_never_of_the_follow_up():
    # the median follow-up is timed, but no ratio compares it: the ratio is of the survival
    got = _endpoint_labels(
        "Progression-free survival was the primary end point. "
        "The median follow-up was 20.1 months. "
        "The hazard ratio was 0.62 (95% CI 0.50-0.77)."
    )
    assert got == [("FOLLOWUP", "follow-up"), ("PFS", "Progression-free survival")]


def _ratios(document: str) -> list[tuple]:
    staged = stage_documents(files_frame({"news.txt": document}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    ratios = outcomes.filter(outcomes.get_column("measure") == "hazard_ratio")
    return ratios.sort("char_start").select("value", "arm_label", "comparator_label").rows()


def test_a_ratio_naming_no_groups_compares_those_of_the_record_s_last_ratio():
    """A news item declares no groups; its second ratio names none but follows one that does:
    it compares the same two."""
    document = (
        "Drug K Meets Its Primary Endpoint\n\n"
        "Progression-free survival was longer for drug K versus placebo (HR, 0.39; 95% CI, "
        "0.27-0.56). "
        "Time to next intervention was also longer (HR, 0.26; 95% CI, 0.15-0.43).\n"
    )
    assert _ratios(document) == [(0.39, "drug K", "placebo"), (0.26, "drug K", "placebo")]


def test_a_clause_opening_with_its_population_gives_it_to_the_values_of_a_one_group_study():
    """ "In low-risk patients, ... 80%; in high-risk patients, ... 69%" in a study of one group:
    each clause's values are of its population; "In all patients" names no group."""
    outcomes = outcomes_of(
        {
            "single.txt": "Forty adults received drug K. In low-risk patients, the 5-year PFS "
            "rate was 80%, and the 5-year OS rate was 81%; in high-risk patients, the 5-year PFS "
            "rate was 69%. In all patients, the objective response rate was 40%."
        }
    ).sort("char_start", "value_start")
    assert list(zip(outcomes["value"], outcomes["arm_label"], strict=True)) == [
        (80.0, "low-risk patients"),
        (81.0, "low-risk patients"),
        (69.0, "high-risk patients"),
        (40.0, None),
    ]


@pytest.mark.parametrize(
    "opening", ["In our patients", "Among patients with a response", "In most patients"]
)
def test_a_clause_opening_with_the_whole_or_the_responders_names_no_group(opening: str):
    outcomes = outcomes_of(
        {"single.txt": f"Forty adults received drug K. {opening}, the rate was 40%."}
    )
    assert outcomes["arm_label"].to_list() == [None]
