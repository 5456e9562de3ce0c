"""Pure extractors: frames of records in, frames of sentences and facts out."""

from etl.extract.agents import agent_mentions_frame
from etl.extract.outcomes import outcomes_frame
from etl.extract.sentences import sentences_frame, split_spans
from etl.extract.trial_arms import trial_arms_frame
from etl.extract.trial_facts import trial_facts_frame
from etl.extract.trials import trial_mentions_frame

__all__ = [
    "agent_mentions_frame",
    "outcomes_frame",
    "sentences_frame",
    "split_spans",
    "trial_arms_frame",
    "trial_facts_frame",
    "trial_mentions_frame",
]
