"""Controlled vocabularies (declared once, reused by pandera, dbt and GX)."""

from etl.vocab.codes import CODE_SETS, code, codes, vocab_frame, vocab_vars

__all__ = ["CODE_SETS", "code", "codes", "vocab_frame", "vocab_vars"]
