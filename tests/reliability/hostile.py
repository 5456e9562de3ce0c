"""A folder of hostile input files, generated (nothing of it is committed): what scrapers and
copy-paste produce. ``write_hostile(folder)`` writes them; ``expected_rules()`` is {file name: the
rule its problem is reported under, or None where the file is read as it should be}."""

from __future__ import annotations

import os
from pathlib import Path

from tests.fixtures import docs

_INTRO = (
    "BACKGROUND: Drug W is an oral multikinase inhibitor that has been studied in several tumour "
    "types in the last decade, with mixed results across settings and lines of therapy. "
)
_PROSE = (
    "METHODS: We reviewed the records of patients treated at our centre and summarised the course "
    "of their disease, their treatment and their follow-up in the outpatient clinic."
)


def _abstract(results: str) -> str:
    return f"{_INTRO * 2}RESULTS: {results} CONCLUSIONS: Drug W is active."


# each line an abstract whose numbers are hostile: "what the sentence says" → what must happen
NUMBERS = {
    "Median overall survival was 16.4 months (95% CI, 19.58 to 14.16) with drug W.": "malformed_interval",
    "The objective response rate was 45% (95% CI 0.5-500%) with drug W.": "impossible_interval",
    "The hazard ratio for death was 0.91 (95% CI 0.5-500) for drug W versus placebo.": "fct_outcomes.ratio_ci_plausible",
    "The hazard ratio for progression was 0.62 (95% CI 0.51-0.75; P = 1.2).": "impossible_p_value",
    "Median overall survival was 1,025 days with drug W and 812 days with placebo (P<.0001).": None,
}


def expected_rules() -> dict[str, str | None]:
    rules: dict[str, str | None] = {
        "empty.txt": "empty_file",
        "nul.txt": "binary_file",
        "latin1.txt": "invalid_utf8",
        "mixed.txt": "invalid_utf8",
        "bom.txt": None,
        "crlf.txt": None,
        "truncated.txt": "truncated_utf8",
        "page.html": None,  # (an HTML page is read as the text it shows)
        "big.txt": None,
        "one_line.txt": None,
        "numbers.txt": "malformed_interval",
        "loop_a": "unreadable_file",
        "loop_b": "unreadable_file",
        "pipe": "not_a_regular_file",
        "dangling.txt": "unreadable_file",
        "image.png": "binary_file",
        "chrome.txt": "unknown_kind",
        "sub/nested.txt": None,
    }
    if os.geteuid() != 0:  # (root reads any file whatever its mode)
        rules["locked.txt"] = "unreadable_file"
    return rules


def write_hostile(folder: Path) -> dict[str, str | None]:
    folder.mkdir(parents=True, exist_ok=True)
    good = "\n".join(_abstract(s) for s in ("Median PFS was 6·1 months (95% CI 4·0-7·9).",) * 3)
    files = {
        "empty.txt": b"",
        "nul.txt": b"Median OS \x00\x00\x00 was 10 months" * 100,
        "latin1.txt": _abstract(
            "Median PFS was 6·1 months (95% CI 4·0-7·9) in the Médicament group."
        ).encode("latin-1"),
        "mixed.txt": (_abstract("Median PFS was 5·2 months with drug W.") + "\n").encode()
        + _abstract("Median OS was 9·8 months in the Médicament group.").encode("cp1252"),
        "bom.txt": b"\xef\xbb\xbf" + good.encode(),
        "crlf.txt": good.replace("\n", "\r\n").encode(),
        # the last character cut in the middle: "·" is two bytes, only the first is kept
        "truncated.txt": (good + "\n" + _abstract("Median OS was 8·1 months.")).encode()[:-1]
        + "·".encode()[:1],
        "page.html": f"<!DOCTYPE html><html><body><p>{_abstract('Median OS was 10 months.')}"
        "</p></body></html>".encode(),
        "big.txt": _big().encode(),
        "one_line.txt": _one_line().encode(),
        "numbers.txt": "\n".join(_abstract(s) for s in NUMBERS).encode(),
        "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        "chrome.txt": b"Site map | Contact | Privacy",  # a kind of text the reader does not know
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    os.symlink(folder / "loop_b", folder / "loop_a")
    os.symlink(folder / "loop_a", folder / "loop_b")
    os.mkfifo(folder / "pipe")
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_text(docs.REGISTRY)  # (sub-folders are read too)
    if os.geteuid() != 0:
        (folder / "locked.txt").write_bytes(good.encode())
        os.chmod(folder / "locked.txt", 0)
    return expected_rules()


def _big() -> str:
    """20 MB: an abstract collection of about 1,000 long abstracts, the last with a result."""
    line = _INTRO + " ".join([_PROSE] * 120)
    n = 20 * 1024 * 1024 // (len(line) + 1) + 1
    return "\n".join([line] * n + [_abstract("Median OS was 12·4 months (95% CI 10·1-14·9).")])


def _one_line() -> str:
    """One line of 5 MB, with a result at its end."""
    sentence = " Patients were seen in the outpatient clinic every three months by the team."
    return _INTRO + sentence * (5 * 1024 * 1024 // len(sentence)) + " Median PFS was 4·2 months."
