"""Reading the input folder: one row per file that could be read, one rejection per problem.

This is the only module that touches the input files, but for one thing: a file parsed as it is
streamed (a PubMed or registry XML export) is read again, once, by etl.documents.structured,
and the spans its rows point at by etl.documents.source_spans. Everything else after it is pure.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from etl.audit import rejection_row, rejections_frame
from etl.documents.decode import Decoded, decode_bytes
from etl.documents.ids import document_id
from etl.documents.structured import streamed_format

DOCUMENT_FILE_SCHEMA = {
    "document_id": pl.String,
    "source_file": pl.String,
    "sha256": pl.String,
    "n_bytes": pl.Int64,
    "n_chars": pl.Int64,
    "encoding": pl.String,
    "n_invalid_bytes": pl.Int64,
    "text": pl.String,  # null for a streamed file (etl.documents.structured.streamed_format)
    "path": pl.String,  # where a streamed file is read from as it is parsed
    "source_format": pl.String,  # a streamed file's format, told from its head (else null)
}
_HEAD_BYTES = 4096
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FolderRead:
    files: pl.DataFrame  # DOCUMENT_FILE_SCHEMA
    rejections: pl.DataFrame  # see etl.schemas.frames.REJECTION_SCHEMA


def _walk(root: Path) -> Iterator[tuple[Path, OSError | None]]:
    """Every non-directory entry below root (links not followed into directories), sorted."""
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name, None
        # symlinks to directories appear in dirnames but are not descended: account for them
        for name in [d for d in dirnames if (Path(dirpath) / d).is_symlink()]:
            yield Path(dirpath) / name, None
    for err in errors:
        yield Path(err.filename or root), err


def read_folder(root: Path, progress: Callable[[int], None] | None = None) -> FolderRead:
    """Read every file below ``root``. Nothing is dropped: unreadable files become rejections."""
    rows: list[dict] = []
    rejections: list[dict] = []
    if not root.is_dir():
        rejections.append(
            rejection_row(
                str(root), "read", "input_folder_missing", f"input folder {root} does not exist"
            )
        )
    for path, walk_error in _walk(root) if root.is_dir() else iter(()):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if progress:
            progress(1)
        if walk_error is not None:
            rejections.append(rejection_row(name, "read", "unreadable_folder", str(walk_error)))
            continue
        try:
            if path.is_symlink() and path.resolve(strict=False).is_dir():
                raise IsADirectoryError(f"{name} is a link to a folder; links are not followed")
            if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would block the read forever
                rejections.append(
                    rejection_row(
                        name,
                        "read",
                        "not_a_regular_file",
                        f"{name} is not a regular file (a pipe, socket or device): not read",
                    )
                )
                continue
            row = _streamed(path, name)
            data = path.read_bytes() if row is None else b""
        except (OSError, RuntimeError) as exc:  # RuntimeError: symlink loop on some Pythons
            rejections.append(
                rejection_row(name, "read", "unreadable_file", f"cannot read {name}: {exc}")
            )
            continue
        if row is not None:
            rows.append(row)
            continue
        decoded = decode_bytes(data)
        rows.append(
            {
                "document_id": document_id(name),
                "source_file": name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "n_bytes": len(data),
                "n_chars": len(decoded.text),
                "encoding": decoded.encoding,
                "n_invalid_bytes": decoded.n_invalid_bytes,
                "text": decoded.text,
                "path": None,
                "source_format": None,
            }
        )
        rejections.extend(_decode_findings(name, decoded, len(data)))
    return FolderRead(pl.DataFrame(rows, schema=DOCUMENT_FILE_SCHEMA), rejections_frame(rejections))


def _streamed(path: Path, name: str) -> dict | None:
    """The row of a file parsed as it is read from disk (a PubMed or registry XML export: see
    etl.documents.structured.streamed_format), its text left unread here; None for any other file, or
    one that is not valid UTF-8 (read whole, so that its bad bytes are reported)."""
    with path.open("rb") as f:
        head = f.read(_HEAD_BYTES)
        fmt = streamed_format(head.decode("utf-8", "replace"))
        if fmt is None:
            return None
        f.seek(0)
        digest, decoder = hashlib.sha256(), codecs.getincrementaldecoder("utf-8")()
        n_bytes = n_chars = 0
        try:
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
                n_bytes += len(chunk)
                n_chars += len(decoder.decode(chunk))
            n_chars += len(decoder.decode(b"", final=True))
        except UnicodeDecodeError:
            return None
    return {
        "document_id": document_id(name),
        "source_file": name,
        "sha256": digest.hexdigest(),
        "n_bytes": n_bytes,
        "n_chars": n_chars,
        "encoding": "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8",
        "n_invalid_bytes": 0,
        "text": None,
        "path": str(path.absolute()),
        "source_format": fmt,
    }


def _decode_findings(name: str, decoded: Decoded, n_bytes: int) -> list[dict]:
    encoding, n_invalid = decoded.encoding, decoded.n_invalid_bytes
    if encoding == "empty":
        return [
            rejection_row(
                name,
                "read",
                "empty_file",
                "the file is empty: nothing to extract",
                severity="warning",
            )
        ]
    if encoding == "binary":
        return [
            rejection_row(
                name,
                "read",
                "binary_file",
                f"{n_bytes} bytes of binary content (NUL or control bytes); not read as text",
            )
        ]
    if decoded.truncated:
        return [
            rejection_row(
                name,
                "read",
                "truncated_utf8",
                f"the file ends in the middle of a character ({n_invalid} of its {n_bytes} bytes): "
                "it was probably cut short; the rest was read",
                severity="warning",
            )
        ]
    if n_invalid:
        return [
            rejection_row(
                name,
                "read",
                "invalid_utf8",
                f"{n_invalid} of {n_bytes} bytes are not valid UTF-8; they were read as Windows-1252",
                severity="warning",
            )
        ]
    return []
