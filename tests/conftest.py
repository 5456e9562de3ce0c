from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from etl.documents.ids import document_id

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def files_frame(texts: dict[str, str]) -> pl.DataFrame:
    """A frame like etl.documents.read_folder's, from in-memory texts (no I/O)."""
    return pl.DataFrame(
        [
            {
                "document_id": document_id(name),
                "source_file": name,
                "sha256": "0" * 64,
                "n_bytes": len(text.encode()),
                "n_chars": len(text),
                "encoding": "utf-8",
                "n_invalid_bytes": 0,
                "text": text,
            }
            for name, text in texts.items()
        ]
    )


@pytest.fixture
def make_files():
    return files_frame
