import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.documents.stage import stage_documents
from tests.conftest import files_frame
from tests.fixtures import docs


def _stage(texts: dict[str, str]):
    return stage_documents(files_frame(texts))


def _slices(staged, texts):
    names = dict(staged.documents.select("document_id", "source_file").iter_rows())
    return [
        texts[names[d]][s:e]
        for d, s, e in staged.publications.select(
            "document_id", "char_start", "char_end"
        ).iter_rows()
    ]


def test_listing_entries_with_and_without_authors():
    staged = _stage({"listing.txt": docs.LISTING})
    pubs = staged.publications.sort("record_index")
    assert pubs.height == 3
    first, second, third = pubs.to_dicts()
    assert first["authors"] == "Moreau L, Okafor B, Lindqvist A, et al."
    assert first["title"].startswith("Drug X versus placebo")
    assert (first["journal"], first["year"], first["volume"], first["issue"], first["pages"]) == (
        "Lancet Oncol",
        2019,
        "20",
        "4",
        "512-521",
    )
    assert first["nct_ids"] == "NCT01234567"
    assert first["study_type"] == "rct"
    assert (second["journal"], second["volume"], second["issue"], second["pages"]) == (
        "J Hepatol Res",
        "12",
        None,
        "88",
    )
    assert third["authors"] is None and third["title"] == "An anonymous editorial on drug X."


def test_listing_entry_spans_are_exact_and_take_continued_abstracts():
    texts = {"listing.txt": docs.LISTING}
    staged = _stage(texts)
    records = _slices(staged, texts)
    assert records[0].startswith("Moreau L") and records[0].endswith("P = .0081).")
    assert records[1].endswith("without any doubt at all.")  # the prose block after a blank line
    assert all("Site footer" not in r and "Found this page" not in r for r in records)


def test_one_abstract_per_line_blank_lines_skipped():
    texts = {"abstracts.txt": docs.ABSTRACTS}
    staged = _stage(texts)
    records = _slices(staged, texts)
    assert len(records) == 4
    assert records == [line.strip() for line in docs.ABSTRACTS.split("\n") if line.strip()]
    assert staged.publications.get_column("title").null_count() == 4


def test_whole_page_kinds_are_one_record_with_a_title():
    staged = _stage({"reg.txt": docs.REGISTRY, "vendor.txt": docs.VENDOR})
    titles = dict(staged.documents.select("source_file", "title").iter_rows())
    assert titles["reg.txt"] == "Study of Drug Q in Recurrent Glioma"
    assert titles["vendor.txt"] == "Compound W hydrochloride: clinical data sheet"
    years = dict(staged.publications.select("source_file", "year").iter_rows())
    assert years["vendor.txt"] == 2025
    assert (
        staged.publications.filter(pl.col("source_file") == "reg.txt").item(0, "nct_ids")
        == "NCT07654321"
    )


def test_unknown_kind_is_read_and_reported():
    staged = _stage({"chrome.txt": "Site map | Contact | Privacy"})
    assert staged.publications.height == 1
    assert staged.rejections.get_column("rule").to_list() == ["unknown_kind"]


def test_crlf_and_bom_offsets_stay_exact():
    text = "\ufeff" + docs.ABSTRACTS.replace("\n", "\r\n")
    texts = {"crlf.txt": text}
    staged = _stage(texts)
    for piece in _slices(staged, texts):
        assert piece == piece.strip() and "\r" not in piece


lines = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\n"), max_size=80
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(lines, max_size=12), st.sampled_from([docs.LISTING, docs.ABSTRACTS, docs.VENDOR, ""])
)
def test_spans_are_always_inside_and_trimmed(extra, base):
    text = base + "\n".join(extra)
    texts = {"x.txt": text}
    staged = _stage(texts)
    for d in staged.publications.select("char_start", "char_end").iter_rows():
        assert 0 <= d[0] < d[1] <= len(text)
    for piece in _slices(staged, texts):
        assert piece and piece == piece.strip()


_DIGEST = (
    "Here are several abstracts selected from the proceedings of an invented meeting, with news"
    " of each.\n"
    "Reviewed by A. Writer, MD\n"
    "Abstract 9001: Final results of a phase III trial of drug K vs drug L in older adults\n"
    "Question Asked: Is overall survival better with drug K?\n"
    "Conclusion: Median overall survival was 9.6 vs 6.0 months (HR 0.69; P = .005).\n"
    "Abstract 9002: Drug M after drug N in chronic leukemia: results from the ZENITH-4 study\n"
    "Conclusion: At week 48, 52% of the 190 patients remained in remission.\n"
)


def test_a_meeting_digest_of_numbered_abstracts_is_a_collection_of_them():
    staged = _stage({"digest.txt": _DIGEST})
    assert staged.documents["document_kind"].to_list() == ["abstract_collection"]
    pubs = staged.publications.sort("record_index")
    # the page's own introduction, then one record per numbered abstract, its heading its title
    assert pubs["title"].to_list()[1:] == [
        "Abstract 9001: Final results of a phase III trial of drug K vs drug L in older adults",
        "Abstract 9002: Drug M after drug N in chronic leukemia: results from the ZENITH-4 study",
    ]
    records = _slices(staged, {"digest.txt": _DIGEST})
    assert "9.6 vs 6.0 months" in records[1] and "52%" not in records[1]
    assert "52%" in records[2]


# three abstracts of one search, pasted one after the other with a rule between each two
_PIECE = (
    "Drug {k} given for {n} weeks improved the outcome of adults with {d} in a randomized trial "
    "of {m} patients. Event-free survival at 5 years was {a}% with drug {k} versus {b}% with "
    "observation (P = .01), and overall survival was similar in both groups over the whole "
    "follow-up of the study, which was registered and approved by each site's review board."
)
_RULED = "\n\n---\n\n".join(
    _PIECE.format(k=k, n=n, d=d, m=m, a=a, b=b)
    for k, n, d, m, a, b in [
        ("K", 12, "leukemia", 412, 81, 72),
        ("L", 24, "lymphoma", 318, 77, 70),
        ("M", 36, "myeloma", 506, 64, 58),
    ]
)


def test_pieces_ruled_off_from_each_other_are_a_collection_of_them():
    staged = _stage({"search.txt": _RULED})
    assert staged.documents["document_kind"].to_list() == ["abstract_collection"]
    records = _slices(staged, {"search.txt": _RULED})
    assert len(records) == 3
    assert ["81%" in r for r in records] == [True, False, False]
    assert all("---" not in r for r in records)


# a structured abstract as a journal's page is copied: each heading glued to the end of the
# paragraph before it
_GLUED = (
    "Abstract\nImportance\nEarly results of the phase 3 HERON-5 trial showed a benefit of drug K "
    "after surgery; mature data are now available.Objective\nTo report 5-year outcomes of drug K "
    "versus drug L.Design, setting, and participants\nThis open-label, randomized trial enrolled "
    "adults at 60 hospitals.Interventions\nA total of 400 patients were randomized to drug K or "
    "drug L.Results\nMedian overall survival was 52.1 months with drug K and 35.4 months with "
    "drug L (HR, 0.68; 95% CI, 0.55-0.84).Conclusions and relevance\nDrug K remains a standard."
)


def test_headings_glued_to_the_paragraph_before_them_keep_one_abstract_one_record():
    staged = _stage({"jama.txt": _GLUED})
    assert staged.documents["document_kind"].to_list() == ["abstract"]
    assert staged.publications.height == 1
    lines = staged.record_lines.sort("char_start")
    # each heading is a line of its own, its span still the text's
    for heading in ("Objective", "Design, setting, and participants", "Conclusions and relevance"):
        (row,) = lines.filter(pl.col("line") == heading).iter_rows(named=True)
        assert _GLUED[row["char_start"] : row["char_end"]] == heading
