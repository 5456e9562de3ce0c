"""Pure extractors: frames of records in, frames of sentences and facts out."""

from etl.extract.outcomes import outcomes_frame
from etl.extract.sentences import sentences_frame, split_spans

__all__ = ["outcomes_frame", "sentences_frame", "split_spans"]
