"""The time point a record gives its rates of an endpoint once, for the rates that do not say it.

A survival rate is a rate at a time. Some abstracts declare that time once, in a sentence
without values, for every rate after it: "Outcomes are reported as 5-year EFS rates. EFS was
0.64 ± 0.12 for ...". ``RecordLandmarks`` gives the later rates of that endpoint that say no
time point the declared one, per record, in reading order. (Only a declaration: a time point said
with values is theirs. "The 3-year OS was 82%. Survival rates were 91% and 59% ..." leaves the
second sentence's rates without one, as a careful reader copying them does: they may be event
rates, "OS event rates were 14.7% and 21.8%".)
"""

from __future__ import annotations

import re

from etl.extract.facts import Fact
from etl.extract.value_endpoints import compares_times, landmarks_named
from etl.regex_prefilter import Prefiltered
from etl.vocab.endpoints import endpoint_mentions

# what a sentence without a value must hold to name a time point before an endpoint ("5-year",
# "3-yrs", "24-month")
# what says how the rates after it are given ("reported as", "expressed as", "are given as"):
# a sentence that only names a landmark declares none ("Historically, 5-year OS is poor")
_DECLARES = re.compile(
    r"\b(?:reported|expressed|given|presented|shown|estimated|calculated)\s+as\b", re.IGNORECASE
)
_TIME_BEFORE_NAME = Prefiltered(re.compile(r"\d[-\u2010 ]?(?:years?|yrs?|months?|mo)\b", re.I))


def _key(endpoint: str, label: str) -> str:
    """An endpoint as its rates are grouped: its code, or an OTHER endpoint's wording."""
    return endpoint if endpoint != "OTHER" else "OTHER:" + " ".join(label.lower().split())


class RecordLandmarks:
    """The last time point the record gave the rates of each timed endpoint (module doc)."""

    def __init__(self) -> None:
        self._at: dict[str, float] = {}

    def note(self, text: str, mentions: list[tuple[int, int, str, str]] | None) -> None:
        """A sentence without values that names a time point before a timed endpoint ("reported
        as 5-year EFS rates") sets that endpoint's landmark. ``mentions`` are the sentence's
        endpoint mentions (None: not looked for yet, looked for only if it may name one)."""
        if not _TIME_BEFORE_NAME.search(text) or not _DECLARES.search(text):
            return
        if mentions is None:
            mentions = endpoint_mentions(text)
        for endpoint, label, months in landmarks_named(text, mentions):
            self._at[_key(endpoint, label)] = months

    def apply(self, facts: list[Fact]) -> None:
        """The rates of ``facts`` (one sentence's) without a time point take their endpoint's
        landmark."""
        if not self._at:
            return
        for f in facts:
            if (
                f.timepoint_months is None
                and f.unit == "percent"
                and f.measure == "rate"
                and compares_times(f.endpoint, f.endpoint_label)
            ):
                f.timepoint_months = self._at.get(_key(f.endpoint, f.endpoint_label))
