"""Text conventions shared by every stage: offsets and white space follow Python ``str``."""

from __future__ import annotations

import sys

# Python's notion of white space (str.isspace), which differs from Rust/polars' on \x1c-\x1f.
WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
