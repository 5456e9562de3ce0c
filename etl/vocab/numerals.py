"""Numbers written in words, declared once: the value of each word ("five" -> 5), and the
alternation of the words of 1 up to a bound that a pattern accepts where a digit may stand
("at five years", "every six weeks", "lived for at least two years")."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "no": 0,
    "none": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}


def number_words(up_to: int) -> str:
    """The words of the numbers 1 to ``up_to`` as a regex alternation (longest first, so that
    "seventeen" is not read as "seven"), without a group: put it inside one."""
    words = [w for w, n in NUMBER_WORDS.items() if 1 <= n <= up_to]
    return "|".join(sorted(words, key=len, reverse=True))
