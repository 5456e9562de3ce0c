"""XML → small element trees with the source span of every run of text, streamed.

Read with the standard library's expat parser, the way defusedxml hardens it: a document that
declares entities or asks for external ones is refused (no entity expansion, no network), and
only the elements under a chosen record tag are kept in memory at a time, so a PubMed export of
any size is read in one pass. Spans are Python ``str`` offsets into the text the file decodes to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

_CHUNK = 1 << 20


class XmlRefused(ValueError):
    """A document this reader will not parse (entity declarations, external entities)."""


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    start: int  # offset of "<" of its start tag
    end: int = -1  # offset just past its end tag
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


class _Offsets:
    """Byte offsets of the UTF-8 encoded text → str offsets (asked in increasing order)."""

    def __init__(self, data: bytes) -> None:
        self.data, self.ascii = data, data.isascii()
        self.byte, self.char = 0, 0

    def char_at(self, byte: int) -> int:
        if self.ascii:
            return byte
        if byte < self.byte:
            self.byte, self.char = 0, 0
        self.char += len(self.data[self.byte : byte].decode("utf-8", "replace"))
        self.byte = byte
        return self.char


def iter_records(text: str, record_tag: str) -> Iterator[Node]:
    """The ``record_tag`` elements of ``text``, each a tree with spans, one after the other.
    Raises XmlRefused for a document this reader refuses, and expat.ExpatError (with the line and
    column) where the XML is malformed or cut short, after the records before it."""
    data = text.encode("utf-8")
    offsets = _Offsets(data)
    parser = expat.ParserCreate()
    parser.buffer_text = False

    def refuse(*_: object) -> None:
        raise XmlRefused("the XML declares entities or asks for external ones: not read")

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    stack: list[Node] = []
    done: list[Node] = []
    pending: list[tuple[str, int]] = []  # (text, byte start) of a run whose end is not known yet
    runs_of: list[Node] = []

    def close_run(at_byte: int) -> None:
        if pending:
            chunk, start = pending.pop()
            node = runs_of.pop()
            node.content.append((chunk, start, at_byte))

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        here = parser.CurrentByteIndex
        close_run(here)
        if stack or tag == record_tag:
            node = Node(tag, attrs, here)
            if stack:
                stack[-1].children.append(node)
                stack[-1].content.append(node)
            stack.append(node)

    def on_end(tag: str) -> None:
        here = parser.CurrentByteIndex
        close_run(here)
        if stack:
            node = stack.pop()
            node.end = data.index(b">", here) + 1
            if not stack:
                done.append(node)

    def on_chars(chunk: str) -> None:
        here = parser.CurrentByteIndex
        close_run(here)
        if stack:
            pending.append((chunk, here))
            runs_of.append(stack[-1])

    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    parser.CharacterDataHandler = on_chars
    for i in range(0, len(data), _CHUNK):
        parser.Parse(data[i : i + _CHUNK], False)
        yield from (_in_chars(node, offsets) for node in done)
        done.clear()
    parser.Parse(b"", True)
    yield from (_in_chars(node, offsets) for node in done)


def _in_chars(node: Node, offsets: _Offsets) -> Node:
    """``node``'s byte offsets as str offsets (in document order, so each is asked once)."""
    marks: list[tuple[int, object, int]] = []  # (byte, owner, slot)

    def walk(n: Node) -> None:
        marks.append((n.start, n, -1))
        for i, item in enumerate(n.content):
            if isinstance(item, Node):
                walk(item)
            else:
                marks.append((item[1], n, 2 * i))
                marks.append((item[2], n, 2 * i + 1))
        marks.append((n.end, n, -2))

    walk(node)
    converted: dict[int, int] = {}
    for byte in sorted({m[0] for m in marks}):
        converted[byte] = offsets.char_at(byte)
    _apply(node, converted)
    return node


def _apply(node: Node, converted: dict[int, int]) -> None:
    node.start, node.end = converted[node.start], converted[node.end]
    for i, item in enumerate(node.content):
        if isinstance(item, Node):
            _apply(item, converted)
        else:
            node.content[i] = (item[0], converted[item[1]], converted[item[2]])


def attribute_span(text: str, node: Node, name: str) -> tuple[int, int] | None:
    """Where the value of attribute ``name`` of ``node`` lies in ``text`` (its start tag)."""
    tag_end = text.find(">", node.start)
    head = text[node.start : tag_end if tag_end >= 0 else len(text)]
    for quote in ('"', "'"):
        key = f"{name}={quote}"
        i = head.find(key)
        if i >= 0:
            start = node.start + i + len(key)
            end = text.find(quote, start)
            return (start, end) if end >= 0 else None
    return None
