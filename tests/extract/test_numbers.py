import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.numbers import (
    IntervalError,
    find_p_values,
    make_interval,
    parse_number,
    parse_word_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("16.43", 16.43),
        ("10·6", 10.6),
        (".0245", 0.0245),
        ("·0001", 0.0001),
        ("1,171", 1171.0),
        ("0", 0.0),
    ],
)
def test_numbers_as_written(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["", "1.2.3", "abc", "1,17", "--1", "5.", ".", "-1", "1e5", "inf", "1_000", "12a"]
)
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_word_numbers():
    assert parse_word_number("nine") == 9
    assert parse_word_number("Twenty-one") == 21
    assert parse_word_number("no") == 0


@given(st.decimals(min_value=0, max_value=10_000, places=3, allow_nan=False))
def test_number_round_trip(d):
    assert parse_number(str(d)) == pytest.approx(float(d))
    assert parse_number(str(d).replace(".", "·")) == pytest.approx(float(d))


@given(
    st.floats(min_value=0, max_value=500, allow_nan=False).map(lambda x: round(x, 2)),
    st.floats(min_value=0.01, max_value=500, allow_nan=False).map(lambda x: round(x, 2)),
)
def test_interval_round_trip_and_reversal(lo, width):
    hi = round(lo + width, 2)
    if hi > lo:
        iv = make_interval(f"{lo}", f"{hi}", "95")
        assert (iv.lower, iv.upper, iv.level) == (lo, hi, 95.0)
        with pytest.raises(IntervalError, match="reversed"):
            make_interval(f"{hi}", f"{lo}")


def test_odd_levels_are_rejected_with_a_reason():
    with pytest.raises(IntervalError, match="confidence level"):
        make_interval("1", "2", "5")
    assert make_interval("0.65", "0.93", "96.02").level == 96.02


@pytest.mark.parametrize(
    ("text", "value", "op"),
    [
        ("(P=0.0035)", 0.0035, "="),
        ("p < 0.001", 0.001, "<"),
        ("P = .0245", 0.0245, "="),
        ("one-sided p<0·0001", 0.0001, "<"),
        ("p value 0.003", 0.003, "="),
        ("P<.0001", 0.0001, "<"),
        ("p ≤ 0.05", 0.05, "<="),
        ("P = 1.2", 1.2, "="),
    ],
)
def test_p_values(text, value, op):
    (p,) = find_p_values(text)
    assert (p.value, p.operator) == (value, op)


def test_p_value_needs_the_letter_p_alone():
    assert find_p_values("PFS 5.9 months, HR 0.7") == []
