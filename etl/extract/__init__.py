"""Pure extractors: frames of records in, frames of sentences and facts out."""

from etl.extract.sentences import sentences_frame, split_spans

__all__ = ["sentences_frame", "split_spans"]
