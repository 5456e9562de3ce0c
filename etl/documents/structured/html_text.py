"""An HTML page → the text a reader sees of it, each run with its span in the page.

Parsed with the standard library's HTML parser (it reads broken markup as browsers do, and it
says where each tag and run of text starts, which is what keeps every sentence's span in the
page exact; trafilatura or selectolax give text without positions). What a reader does not
read produces no text: scripts, style sheets, forms, and the page's chrome (navigation,
headers, footers, cookie and consent banners, share and subscribe boxes, told by element or by
class / id / role). Blocks (paragraphs, headings, list items, rows) end lines; a table's cells
are separated by tabs, so a table reads as the tab-separated tables the text readers know.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from etl.documents.structured.pieces import Renderer

_SKIPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "iframe",
        "object",
        "canvas",
        "dialog",
    }
)
_CHROME = re.compile(
    r"cookie|consent|gdpr|banner|navbar|\bnav\b|menu|breadcrumb|share|social|newsletter|"
    r"subscribe|advert|\bads?\b|sidebar|footer|masthead|popup|modal|related",
    re.IGNORECASE,
)
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "br",
        "hr",
        "body",
        "html",
        "address",
        "summary",
        "details",
    }
)
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
        "param",
    }
)


_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_SPACE = re.compile(r"\s")


def _pieces(raw: str, start: int) -> list[tuple[str, int, int]]:
    """``raw`` (markup text from offset ``start``) → decoded pieces with their spans."""
    out: list[tuple[str, int, int]] = []
    at = 0
    for m in _REFERENCE.finditer(raw):
        decoded = html.unescape(m.group())
        if decoded == m.group():
            continue  # (an ampersand that refers to nothing: plain text)
        if m.start() > at:
            out.append((_SPACE.sub(" ", raw[at : m.start()]), start + at, start + m.start()))
        out.append((_SPACE.sub(" ", decoded), start + m.start(), start + m.end()))
        at = m.end()
    if at < len(raw):
        out.append((_SPACE.sub(" ", raw[at:]), start + at, start + len(raw)))
    return out


class _PageText(HTMLParser):
    def __init__(self, page: str, out: Renderer) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.out = page, out
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", page)]
        self.skipping: list[str] = []  # the open elements whose content is left out
        self.pending: tuple[str, int] | None = None  # a run whose end is the next event's start
        self.at_line_start, self.cells_in_row = True, 0

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _close_run(self) -> None:
        if self.pending is None:
            return
        data, start = self.pending
        self.pending = None
        end = self._here()
        self._emit(data, start, end)

    def _emit(self, data: str, start: int, end: int) -> None:
        """A run of text: white space stands one for one as spaces (a line break in the markup
        is none on the page) and each character reference is a piece of its own, so that the
        rest stays linear and a sentence that starts or ends in the run keeps its exact span."""
        raw = self.page[start:end]
        if html.unescape(raw) != data:  # (never expected: the parser's text is the raw run's)
            raw, pieces = data, [(data, start, end)]
        else:
            pieces = _pieces(raw, start)
        if not data.strip():
            if data and not self.at_line_start:
                self.out.say(" ")
            return
        if self.at_line_start:  # (a line starts at its first word)
            while pieces and not pieces[0][0].strip():
                pieces.pop(0)
            if pieces:
                text, s, e = pieces[0]
                cut = len(text) - len(text.lstrip())
                pieces[0] = (text[cut:], s + cut if len(text) == e - s else s, e)
        for text, s, e in pieces:
            self.out.add(text, s, e)
        self.at_line_start = False

    def _break(self) -> None:
        if not self.at_line_start:
            self.out.say("\n")
            self.at_line_start = True
            self.cells_in_row = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_run()
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        role = next((v for k, v in attrs if k == "role"), None)
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        if tag in _SKIPPED or hidden or role in _CHROME_ROLES or (marks and _CHROME.search(marks)):
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _BLOCKS:
            self._break()
        elif tag in _CELLS:
            if self.cells_in_row:
                self.out.say("\t")
                self.at_line_start = False
            self.cells_in_row += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_run()
        if not self.skipping and tag in ("br", "hr"):
            self._break()

    def handle_endtag(self, tag: str) -> None:
        self._close_run()
        if self.skipping:
            if tag in self.skipping:  # (close what was left open inside it too)
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        self._close_run()
        if not self.skipping:
            self.pending = (data, self._here())

    def finish(self) -> None:
        self.close()
        if self.pending is not None:
            data, start = self.pending
            self.pending = None
            self._emit(data, start, len(self.page))
        self._break()


def render_html(page: str, out: Renderer) -> None:
    """The readable text of ``page``, rendered into ``out``."""
    parser = _PageText(page, out)
    parser.feed(page)
    parser.finish()
