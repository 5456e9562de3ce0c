"""Controlled vocabularies (declared once, reused by pandera, dbt and GX)."""

from etl.vocab.codes import CODE_SETS, codes, vocab_frame

__all__ = ["CODE_SETS", "codes", "vocab_frame"]
