"""A folder of hostile input files, generated (nothing of it is committed): what scrapers and
copy-paste produce. ``write_hostile(folder)`` → {file name: the rule its problem is reported under,
or None where the file is read as it should be}."""

from __future__ import annotations

import os
from pathlib import Path

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


def write_hostile(folder: Path) -> dict[str, str | None]:
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes, rule: str | None) -> None:
        (folder / name).write_bytes(data)
        expected[name] = rule

    good = "\n".join(_abstract(s) for s in ("Median PFS was 6·1 months (95% CI 4·0-7·9).",) * 3)
    put("empty.txt", b"", "empty_file")
    put("nul.txt", b"Median OS \x00\x00\x00 was 10 months" * 100, "binary_file")
    put(
        "latin1.txt",
        _abstract("Median PFS was 6·1 months (95% CI 4·0-7·9) in the Médicament group.").encode(
            "latin-1"
        ),
        "invalid_utf8",
    )
    put(
        "mixed.txt",
        (_abstract("Median PFS was 5·2 months with drug W.") + "\n").encode()
        + _abstract("Median OS was 9·8 months in the Médicament group.").encode("cp1252"),
        "invalid_utf8",
    )
    put("bom.txt", b"\xef\xbb\xbf" + good.encode(), None)
    put("crlf.txt", good.replace("\n", "\r\n").encode(), None)
    put(
        "truncated.txt",
        (good + "\n" + _abstract("Median OS was 8·1 months.")).encode()[:-1] + "·".encode()[:1],
        "truncated_utf8",
    )
    put(
        "page.html",
        f"<!DOCTYPE html><html><body><p>{_abstract('Median OS was 10 months.')}</p></body></html>".encode(),
        "html_document",
    )
    # 20 MB: an abstract collection of about 55,000 abstracts, the last with a result
    line = _INTRO + _PROSE
    n = 20 * 1024 * 1024 // (len(line) + 1) + 1
    big = "\n".join([line] * n + [_abstract("Median OS was 12·4 months (95% CI 10·1-14·9).")])
    put("big.txt", big.encode(), None)
    # one line of 5 MB, with a result at its end
    sentence = " Patients were seen in the outpatient clinic every three months by the team."
    one_line = (
        _INTRO + sentence * (5 * 1024 * 1024 // len(sentence)) + " Median PFS was 4·2 months."
    )
    put("one_line.txt", one_line.encode(), None)
    put("numbers.txt", "\n".join(_abstract(s) for s in NUMBERS).encode(), "malformed_interval")
    os.symlink(folder / "loop_b", folder / "loop_a")
    os.symlink(folder / "loop_a", folder / "loop_b")
    expected["loop_a"] = expected["loop_b"] = "unreadable_file"
    os.mkfifo(folder / "pipe")
    expected["pipe"] = "not_a_regular_file"
    if os.geteuid() != 0:  # (root reads any file whatever its mode)
        put("locked.txt", good.encode(), "unreadable_file")
        os.chmod(folder / "locked.txt", 0)
    return expected
