"""XML exports are parsed as they are read from disk: the same records and spans whatever the
size of the chunks the file arrives in, no text of the file kept, and the spans its rows point at
read back from the file."""

from __future__ import annotations

import hashlib
import html
import io
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.documents.read import read_folder
from etl.documents.source_spans import read_spans
from etl.documents.structured import render_structured
from etl.documents.structured.xml_nodes import Node, iter_records
from tests.documents.structured.formats import CTGOV_XML, PUBMED

# non-ASCII words, an entity, attributes in both quotes: what moves byte and character offsets
WIDE = (
    PUBMED.replace("Moreau", "Møreau–Ünal")
    .replace("Median overall survival", "Médiane ≥ overall survival")
    .replace('Label="METHODS"', "Label='MÉTHODS'")
)


def _records(source, chunk_size: int) -> list[Node]:
    labels = frozenset({"Label"})
    return list(iter_records(source, "PubmedArticle", spanned=labels, chunk_size=chunk_size))


@settings(max_examples=40, deadline=None)
@given(chunk_size=st.integers(min_value=1, max_value=300))
def test_records_and_spans_do_not_depend_on_the_chunks(chunk_size):
    whole = _records(WIDE, 1 << 20)
    streamed = _records(io.BytesIO(WIDE.encode("utf-8")), chunk_size)
    assert [(n.start, n.end) for n in streamed] == [(n.start, n.end) for n in whole]
    for a, b in zip(streamed, whole, strict=True):
        assert a.text() == b.text()
        # every run of text is the file's own characters at its span (entities decoded)
        for text, start, end in a.runs():
            assert html.unescape(WIDE[start:end]) == text
    section = streamed[0].find("MedlineCitation/Article/Abstract").children[0]
    start, end = section.attr_spans["Label"]
    assert WIDE[start:end] == "MÉTHODS"


def test_the_book_chapters_of_an_export_are_counted_not_read():
    export = PUBMED.replace(
        "</PubmedArticleSet>",
        "<PubmedBookArticle><BookDocument/></PubmedBookArticle>\n</PubmedArticleSet>",
    )
    counted = {"PubmedBookArticle": 0}
    records = list(
        iter_records(io.BytesIO(export.encode()), "PubmedArticle", counted, chunk_size=16)
    )
    assert len(records) == 2 and counted == {"PubmedBookArticle": 1}


def test_an_export_is_read_from_disk_and_keeps_no_text(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "export.xml").write_text(WIDE, encoding="utf-8")
    (folder / "legacy.xml").write_text(CTGOV_XML, encoding="utf-8")
    (folder / "note.txt").write_text("Median OS was 9.1 months.", encoding="utf-8")
    files = read_folder(folder).files.sort("source_file")
    export = files.row(0, named=True)
    assert export["source_file"] == "export.xml" and export["text"] is None
    assert export["sha256"] == hashlib.sha256(WIDE.encode()).hexdigest()
    assert export["n_chars"] == len(WIDE) and Path(export["path"]).is_file()
    assert files.row(1, named=True)["text"] is None  # (legacy registry XML)
    assert files.row(2, named=True)["text"] == "Median OS was 9.1 months."
    rendered = render_structured(files)
    (export_id,) = files.filter(pl.col("source_file") == "export.xml").get_column("document_id")
    assert rendered.records.filter(pl.col("document_id") == export_id).height == 2
    # the rendering is what a text export of the same articles would say
    assert "Médiane ≥ overall survival was 14.2 months" in rendered.files.get_column("text")[0]


def test_an_export_that_is_not_utf8_is_read_whole_and_its_bad_bytes_reported(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "export.xml").write_bytes(PUBMED.replace("Moreau", "Mor\xe9au").encode("latin-1"))
    read = read_folder(folder)
    assert read.files.get_column("text")[0] is not None
    assert read.rejections.get_column("rule").to_list() == ["invalid_utf8"]


def test_the_spans_rows_point_at_are_read_back_from_the_file(tmp_path: Path):
    path = tmp_path / "export.xml"
    path.write_text(WIDE, encoding="utf-8")
    start = WIDE.index("Médiane")
    wanted = [(start, start + 30), (start + 8, start + 12), (0, 5), (len(WIDE) - 3, len(WIDE))]
    found = read_spans(str(path), [*wanted, (len(WIDE), len(WIDE) + 9)])
    assert found == {(a, b): WIDE[a:b] for a, b in wanted}  # (beyond the end: not found)


def test_a_file_declaring_another_encoding_is_read_as_the_text_it_decodes_to(tmp_path: Path):
    # (a Latin-1 export: read whole as Windows-1252, its spans still those of its text)
    latin = WIDE.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("–", "-")
    latin = latin.replace("≥", ">=")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "export.xml").write_bytes(latin.encode("latin-1"))
    files = read_folder(folder).files
    rendered = render_structured(files)
    text = rendered.files.get_column("text")[0]
    assert "MÉTHODS\n" in text and "Médiane >= overall survival was 14.2 months" in text
