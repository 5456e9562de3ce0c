"""XML → small element trees with the source span of every run of text, streamed.

Read with the standard library's expat parser, the way defusedxml hardens it: a document that
declares entities or asks for external ones is refused (no entity expansion, no network), and
only the elements under a chosen record tag are kept in memory at a time, so a PubMed export of
any size is read in one pass. Spans are Python ``str`` offsets into the text the file decodes to.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.parsers import expat

import etl.documents.decode  # noqa: F401  (registers the "etl-legacy" decoding errors)

_CHUNK = 1 << 20


class XmlRefused(ValueError):
    """A document this reader will not parse (entity declarations, external entities)."""


@dataclass(slots=True)
class Node:
    tag: str
    attrs: dict[str, str]
    start: int  # offset of "<" of its start tag
    end: int = -1  # offset just past its end tag
    attr_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # attribute values
    children: list[Node] = field(default_factory=list)
    # its own text and its children, in document order: (text, raw start, raw end) or a Node
    content: list[tuple[str, int, int] | Node] = field(default_factory=list)

    def find(self, path: str) -> Node | None:
        node: Node | None = self
        for tag in path.split("/"):
            node = next((c for c in node.children if c.tag == tag), None) if node else None
        return node

    def find_all(self, path: str) -> list[Node]:
        *head, last = path.split("/")
        parent = self.find("/".join(head)) if head else self
        return [c for c in parent.children if c.tag == last] if parent else []

    def runs(self) -> list[tuple[str, int, int]]:
        """Its text and its descendants' (inline markup such as <i> left out), with raw spans."""
        out: list[tuple[str, int, int]] = []
        for item in self.content:
            if isinstance(item, Node):
                out.extend(item.runs())
            else:
                out.append(item)
        return out

    def text(self) -> str:
        return "".join(r[0] for r in self.runs())

    def text_of(self, path: str) -> str | None:
        node = self.find(path)
        value = " ".join(node.text().split()) if node is not None else ""
        return value or None


class _Window:
    """The bytes of the stream still needed, and byte offsets → str offsets of the text
    the stream decodes to (asked in increasing order; a file's bytes are read once)."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.base = 0  # offset in the stream of data[0]
        self.byte, self.char = 0, 0  # the last offset converted

    def extend(self, chunk: bytes) -> None:
        self.data += chunk

    def at(self, byte: int) -> int:
        """The index in ``data`` of the stream's byte ``byte``."""
        return byte - self.base

    def char_at(self, byte: int) -> int:
        if byte < self.byte:
            raise ValueError(f"offset {byte} asked after {self.byte}")
        piece = bytes(self.data[self.at(self.byte) : self.at(byte)])
        # (one character per byte UTF-8 rejects, as etl.documents.decode reads them)
        self.char += len(piece) if piece.isascii() else len(piece.decode("utf-8", "etl-legacy"))
        self.byte = byte
        return self.char

    def last_tag_start(self) -> int:
        """The offset of the last "<" held (the end of what is held when there is none)."""
        i = self.data.rfind(b"<")
        return self.base + (i if i >= 0 else len(self.data))

    def release(self, keep_from: int) -> None:
        """Forget the bytes before ``keep_from`` (converted up to there first, or up to the start
        of the character it falls in)."""
        end = self.base + len(self.data)
        k = min(keep_from, end)
        if k == end:  # (the last character may be incomplete: it is kept)
            while k > self.byte and self.data[self.at(k) - 1] & 0xC0 == 0x80:
                k -= 1
            if k > self.byte and self.data[self.at(k) - 1] >= 0xC0:
                k -= 1
        else:
            while k > self.byte and self.data[self.at(k)] & 0xC0 == 0x80:
                k -= 1
        if k > self.byte:
            self.char_at(k)
        del self.data[: self.at(self.byte)]
        self.base = self.byte


_ATTRIBUTE = re.compile(rb"""\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG_NAME = re.compile(rb"[^\s/>]*")


def _attribute_spans(window: _Window, start: int) -> dict[str, tuple[int, int]]:
    """The byte spans of the attribute values of the start tag at ``start`` (its "<")."""
    data, i = window.data, window.at(start) + 1
    name = _TAG_NAME.match(data, i)
    i = name.end() if name else i
    spans: dict[str, tuple[int, int]] = {}
    while (m := _ATTRIBUTE.match(data, i)) is not None:
        group = 2 if m.group(2) is not None else 3
        spans[m.group(1).decode("utf-8", "replace")] = (
            window.base + m.start(group),
            window.base + m.end(group),
        )
        i = m.end()
    return spans


def iter_records(
    source: str | BinaryIO,
    record_tag: str,
    counted: dict[str, int] | None = None,
    spanned: frozenset[str] = frozenset(),
    chunk_size: int = _CHUNK,
) -> Iterator[Node]:
    """The ``record_tag`` elements of ``source`` (a file opened in binary, read in chunks, or a
    text), each a tree with spans, one after the other; only the bytes of the record being read
    are held. ``counted``: tags (outside records) whose elements are counted into it;
    ``spanned``: the attributes whose values' spans are wanted (``Node.attr_spans``). Raises
    XmlRefused for a document this reader refuses, and expat.ExpatError (with the line and
    column) where the XML is malformed or cut short, after the records before it."""
    stream = io.BytesIO(source.encode("utf-8")) if isinstance(source, str) else source
    window = _Window()
    # (the bytes are UTF-8 whatever the file declares: a streamed file was checked to be, and a
    # text is encoded so; a declared "ISO-8859-1" must not make expat read them otherwise)
    parser = expat.ParserCreate("utf-8")
    parser.buffer_text = False

    def refuse(*_: object) -> None:
        raise XmlRefused("the XML declares entities or asks for external ones: not read")

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    stack: list[Node] = []
    done: list[Node] = []
    # the run of text whose end is not known yet: (its node, its text, its byte start)
    pending: list = [None, "", 0]

    def close_run(at_byte: int) -> None:
        node = pending[0]
        if node is not None:
            node.content.append((pending[1], pending[2], at_byte))
            pending[0] = None

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        here = parser.CurrentByteIndex
        if pending[0] is not None:
            close_run(here)
        if stack:
            parent = stack[-1]
        elif tag == record_tag:
            parent = None
        else:
            if counted is not None and tag in counted:
                counted[tag] += 1
            return
        wanted = attrs and not spanned.isdisjoint(attrs)
        node = Node(tag, attrs, here, attr_spans=_attribute_spans(window, here) if wanted else {})
        if parent is not None:
            parent.children.append(node)
            parent.content.append(node)
        stack.append(node)

    def on_end(tag: str) -> None:
        here = parser.CurrentByteIndex
        if pending[0] is not None:
            close_run(here)
        if stack:
            node = stack.pop()
            node.end = window.data.index(b">", here - window.base) + window.base + 1
            if not stack:
                done.append(node)

    def on_chars(chunk: str) -> None:
        here = parser.CurrentByteIndex
        if pending[0] is not None:
            close_run(here)
        if stack:
            pending[0], pending[1], pending[2] = stack[-1], chunk, here

    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    parser.CharacterDataHandler = on_chars
    while chunk := stream.read(chunk_size):
        window.extend(chunk)
        parser.Parse(chunk, False)
        yield from _finished(done, window)
        # (the bytes before the record being read are done with; between records, those before
        # the last "<": a tag cut by the chunk's end starts there, as no "<" lies inside a tag)
        window.release(stack[0].start if stack else window.last_tag_start())
    parser.Parse(b"", True)
    yield from _finished(done, window)


def _finished(done: list[Node], window: _Window) -> Iterator[Node]:
    while done:
        yield _in_chars(done.pop(0), window)


def _in_chars(node: Node, window: _Window) -> Node:
    """``node``'s byte offsets as str offsets (in document order, so each is asked once)."""
    delta = window.char_at(node.start) - node.start
    if window.data[window.at(node.start) : window.at(node.end)].isascii():
        # (a record in ASCII: one character a byte, its offsets all shifted alike)
        window.char_at(node.end)
        if delta:
            _shift(node, delta)
        return node
    marks: set[int] = set()

    def walk(n: Node) -> None:
        marks.update((n.start, n.end))
        marks.update(b for span in n.attr_spans.values() for b in span)
        for item in n.content:
            if isinstance(item, Node):
                walk(item)
            else:
                marks.update((item[1], item[2]))

    walk(node)
    converted = {byte: window.char_at(byte) for byte in sorted(marks)}
    _apply(node, converted)
    return node


def _shift(node: Node, delta: int) -> None:
    node.start += delta
    node.end += delta
    if node.attr_spans:
        node.attr_spans = {k: (a + delta, b + delta) for k, (a, b) in node.attr_spans.items()}
    content = node.content
    for i, item in enumerate(content):
        if isinstance(item, Node):
            _shift(item, delta)
        else:
            content[i] = (item[0], item[1] + delta, item[2] + delta)


def _apply(node: Node, converted: dict[int, int]) -> None:
    node.start, node.end = converted[node.start], converted[node.end]
    node.attr_spans = {k: (converted[a], converted[b]) for k, (a, b) in node.attr_spans.items()}
    for i, item in enumerate(node.content):
        if isinstance(item, Node):
            _apply(item, converted)
        else:
            node.content[i] = (item[0], converted[item[1]], converted[item[2]])


def attribute_span(node: Node, name: str) -> tuple[int, int] | None:
    """Where the value of attribute ``name`` of ``node`` lies in the file's text."""
    return node.attr_spans.get(name)
