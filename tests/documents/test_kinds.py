import polars as pl
import pytest

from etl.documents.kinds import document_kind_expr
from tests.conftest import files_frame
from tests.fixtures import docs


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (docs.LISTING, "publication_listing"),
        (docs.ABSTRACTS, "abstract_collection"),
        (docs.REGISTRY, "registry_record"),
        (docs.VENDOR, "vendor_sheet"),
        (docs.NEWS, "other"),
        ("", "other"),
        ("<!DOCTYPE html><html><body>Median OS 10 months</body></html>", "other"),
        ('<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle>x</PubmedArticle>', "pubmed_xml"),
        ('{"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}}}', "ctgov_json"),
    ],
)
def test_kind_is_told_from_content(text, kind):
    frame = files_frame({"any-name.txt": text}).with_columns(document_kind_expr())
    assert frame.get_column("document_kind").to_list() == [kind]


def test_kind_does_not_depend_on_the_file_name():
    frame = files_frame({"registry.txt": docs.ABSTRACTS, "abstracts.txt": docs.REGISTRY})
    kinds = dict(
        frame.with_columns(document_kind_expr()).select("source_file", "document_kind").iter_rows()
    )
    assert kinds == {"registry.txt": "abstract_collection", "abstracts.txt": "registry_record"}


def test_an_abstract_mentioning_a_registry_label_stays_an_abstract():
    text = (
        "Inclusion criteria were broad; we enrolled 300 patients in a randomised trial of drug A. "
        * 5
    ).strip()
    frame = files_frame({"a.txt": text}).with_columns(document_kind_expr())
    assert frame.item(0, "document_kind") == "abstract_collection"


def test_kind_expr_is_columnar():
    frame = files_frame({f"f{i}.txt": t for i, t in enumerate([docs.LISTING, docs.VENDOR])})
    assert isinstance(document_kind_expr(), pl.Expr)
    assert frame.with_columns(document_kind_expr()).height == 2
