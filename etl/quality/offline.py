"""Reports that open with no network: what a page would fetch from elsewhere is taken out.

GX writes its Data Docs with scripts, style sheets, fonts and a logo from CDNs; the reports
folder must open from a USB stick, and a reader's browser must not call third parties. So every
``<script src>``, ``<link href>`` and ``<img src>`` that points off the page is removed (the Data
Docs then show as plain, unstyled HTML tables), and a link is kept only to the registries and
literature databases a reader follows on purpose (``LINKED_SITES``)."""

from __future__ import annotations

import re
from pathlib import Path

LINKED_SITES = ("clinicaltrials.gov", "pubmed.ncbi.nlm.nih.gov", "doi.org", "www.ncbi.nlm.nih.gov")
_REMOTE = r"""(?:https?:)?//[^"']*"""
_SCRIPT = re.compile(rf"""<script\b[^>]*\bsrc=["']{_REMOTE}["'][^>]*>\s*</script>""", re.I)
_LINK = re.compile(rf"""<link\b[^>]*\bhref=["']{_REMOTE}["'][^>]*/?>""", re.I)
_IMG = re.compile(rf"""<img\b[^>]*\bsrc=["']{_REMOTE}["'][^>]*/?>""", re.I)
_ANCHOR = re.compile(rf"""(<a\b[^>]*?)\s+href=["'](?P<url>{_REMOTE})["']""", re.I)
_CSS_IMPORT = re.compile(rf"""@import\s+(?:url\()?["']?{_REMOTE}["']?\)?\s*;""", re.I)


def linked_site(url: str) -> bool:
    """Is ``url`` a plain link to a registry or a literature database?"""
    host = re.sub(r"^(?:https?:)?//", "", url).split("/", 1)[0].lower()
    return host in LINKED_SITES


def offline_html(text: str) -> str:
    """``text`` without anything fetched from another site; links to other sites than
    LINKED_SITES lose their address (their words stay)."""
    text = _SCRIPT.sub("", text)
    text = _LINK.sub("", text)
    text = _IMG.sub("", text)
    text = _CSS_IMPORT.sub("", text)
    return _ANCHOR.sub(lambda m: m.group(0) if linked_site(m.group("url")) else m.group(1), text)


def make_offline(folder: Path) -> int:
    """Rewrite every HTML file below ``folder`` with offline_html; the number rewritten."""
    changed = 0
    for path in sorted(folder.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        clean = offline_html(text)
        if clean != text:
            path.write_text(clean, encoding="utf-8")
            changed += 1
    return changed
