"""Endpoint abbreviations a record defines for itself ("time to treatment discontinuation
(TTD)") name that endpoint wherever the record uses them. Documents written for the tests."""

from __future__ import annotations

from tests.conftest import outcomes_of


def test_an_endpoint_abbreviation_the_record_defines_names_its_endpoint_later():
    text = (
        "Drug A plus chemotherapy versus chemotherapy in advanced lung cancer: a phase 3 trial\n"
        "Methods: Patients were randomly assigned to drug A plus chemotherapy or chemotherapy "
        "alone. Secondary endpoints included time to treatment discontinuation (TTD).\n"
        "Results: Median overall survival was 20.1 versus 15.0 months. Median TTD was 12.2 versus "
        "6.5 months (HR 0.40; 95% CI 0.30-0.52).\n"
    )
    outcomes = outcomes_of({"abstract.txt": text})
    rows = outcomes.select("endpoint", "endpoint_label", "value").rows()
    assert rows[2:] == [
        ("OTHER", "time to treatment discontinuation", 12.2),
        ("OTHER", "time to treatment discontinuation", 6.5),
        ("OTHER", "time to treatment discontinuation", 0.40),
    ]
