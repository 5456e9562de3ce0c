"""Pure extractors: frames of records in, frames of sentences and facts out."""

from etl.extract.outcomes import outcomes_frame
from etl.extract.sentences import sentences_frame, split_spans
from etl.extract.trials import trial_mentions_frame

__all__ = ["outcomes_frame", "sentences_frame", "split_spans", "trial_mentions_frame"]
