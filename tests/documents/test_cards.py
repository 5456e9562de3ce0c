"""A vendor page's big-number card (the number alone on its line, its interval under it, what it
is of after a blank line in short lower-case lines) is read as one sentence. Texts written for
the tests."""

from __future__ import annotations

from etl.documents.cards import join_cards
from tests.conftest import outcomes_of

_CARD = (
    "PRIMARY ENDPOINT\n"
    "SUSTAINED SUPPRESSION\n"
    "91.2%\n"
    "(95% CI: 88.0-93.6)\n"
    "\n"
    "of men achieved and kept\n"
    "suppression from Day 29\n"
    "through Week 48 with drug K\n"
    "\n"
    "82.4%\n"
    "(95% CI: 77.1-86.9)*\n"
    "\n"
    "of men treated with drug L\n"
    "\n"
    "STUDY DESIGN\n"
    "\n"
    "The ZEN study was a randomized phase 3 trial of drug K versus drug L in 900 men.\n"
)


def test_a_card_s_number_interval_and_description_are_one_line_of_the_same_length():
    joined = join_cards(_CARD)
    assert len(joined) == len(_CARD)
    assert "91.2% (95% CI: 88.0-93.6)  of men achieved and kept suppression from Day 29 " in joined
    assert "82.4% (95% CI: 77.1-86.9)*  of men treated with drug L\n" in joined
    # a heading after a blank line is its own line still
    assert "\nSTUDY DESIGN\n" in joined


def test_a_card_s_numbers_are_rates_with_their_intervals():
    outcomes = outcomes_of({"card.txt": _CARD})
    got = outcomes.select("value", "ci_lower", "ci_upper").rows()
    assert (91.2, 88.0, 93.6) in got
    assert (82.4, 77.1, 86.9) in got


def test_a_number_before_a_capitalised_line_is_left_alone():
    text = "Overall survival\n12.4\n\nMonths was the median in the trial.\n"
    assert join_cards(text) == text
