"""Marks of written text that several readers must agree on, declared once.

A bullet opens an item of a list: the record splitter (etl.documents.abstracts), the lead-in of a
list (etl.extract.records), a registry's outcome lines (etl.extract.registry) and the readings a
bullet restates (etl.extract.restated) all take the same marks, so that a list written with "▪"
or "●" reads as one written with "•" or "-".
"""

from __future__ import annotations

# (the hyphen last: the class reads as a set of characters, not a range)
BULLET_MARKS = "•▪◦●■‣∙·*–-"
BULLET = f"[{BULLET_MARKS}]"

# the marks a brand name carries ("PADCEV®", "Drug™"), no part of the name a reader gives a group
TRADEMARK_MARKS = "®™©℠"
