"""Publishing a warehouse safely: one build at a time, built beside the target, swapped in whole.

Readers (BI tools, analysts) keep the warehouse open while it is refreshed. A build therefore
never writes to the published file: it builds ``.building/<name>`` in the same folder and, only
when the build has passed, renames it over the target (an atomic step on POSIX file systems). A
reader's open connection keeps the file it opened; its next connection sees the new one. A build
that fails keeps its file as ``<stem>.failed.duckdb`` for inspection; one that is interrupted
leaves nothing behind. Either way the published warehouse is untouched, byte for byte.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.load import connect


class BuildLocked(RuntimeError):
    """Another build of the same warehouse is running."""


class Interrupted(BaseException):  # (BaseException, as KeyboardInterrupt: not an error to handle)
    """The build got SIGINT, SIGTERM or SIGHUP."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


def building_path(target: Path) -> Path:
    """The working file: same name, in a hidden folder beside the target (same file system, so
    the final rename is atomic; same name, so dbt's artifacts folder is named as the target's)."""
    return target.parent / ".building" / target.name


def failed_path(target: Path) -> Path:
    return target.with_name(f"{target.stem}.failed{target.suffix}")


def _companions(path: Path) -> list[Path]:
    """A DuckDB file and the write-ahead log beside it."""
    return [path, path.with_name(path.name + ".wal")]


@contextlib.contextmanager
def exclusive(target: Path) -> Iterator[None]:
    """Hold the warehouse's build lock (an flock on ``<target>.lock``, released by the kernel if
    the process dies), or raise BuildLocked at once, naming the process that holds it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(target)
    with path.open("a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise BuildLocked(
                f"another build of {target} is running ({holder}); wait for it to finish "
                f"(its lock is {path})"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}")
        lock.flush()
        try:
            yield
        finally:
            lock.truncate(0)
            fcntl.flock(lock, fcntl.LOCK_UN)


# The signals taken while interruptible() is in force, latest last.
_received: list[int] = []


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise Interrupted, so the build unwinds (stops dbt, removes its
    unfinished file) instead of dying mid-write. Only the main thread can take signals; elsewhere
    this does nothing. A library that takes the signal while it runs may raise its own error
    instead (DuckDB: "Query interrupted"): see raise_if_interrupted."""
    _received.clear()
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, _frame: object) -> None:
        _received.append(signum)
        raise Interrupted(signum)

    handled = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {s: signal.signal(s, _raise) for s in handled}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def raise_if_interrupted() -> None:
    """Raise Interrupted if a signal came while interruptible() was in force. Called on an error
    (which then is the signal's doing, however the code that took it reported it) and after the
    last step (a library may take a signal and say nothing)."""
    if _received:
        raise Interrupted(_received[-1])


def discard(path: Path) -> None:
    for p in _companions(path):
        p.unlink(missing_ok=True)


def start(target: Path) -> Path:
    """A fresh working file for a build of ``target`` (what an earlier, killed build left is
    removed: the caller holds the lock, so nobody else is using it)."""
    work = building_path(target)
    work.parent.mkdir(parents=True, exist_ok=True)
    discard(work)
    return work


def _checkpointed(path: Path) -> None:
    """Fold the write-ahead log, if any, into the file: the file alone is what gets published."""
    if path.with_name(path.name + ".wal").exists():
        with connect(path) as con:  # (in the warehouse's storage format, as it was written)
            con.execute("checkpoint")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(work: Path, target: Path) -> None:
    """Swap the finished build in (the target's old WAL, if any, is removed first: it belongs to
    the old file)."""
    _checkpointed(work)
    _fsync(work)
    target.with_name(target.name + ".wal").unlink(missing_ok=True)
    os.replace(work, target)
    _fsync(target.parent)
    failed_path(target).unlink(missing_ok=True)


def keep_failed(work: Path, target: Path) -> Path:
    """Keep a failed build for inspection beside the target, replacing an older failed one."""
    failed = failed_path(target)
    discard(failed)
    _checkpointed(work)
    os.replace(work, failed)
    return failed


@dataclass(frozen=True)
class MartFingerprint:
    table: str
    n_rows: int
    digest: str


def fingerprints(con: duckdb.DuckDBPyConnection, schema: str = "main") -> list[MartFingerprint]:
    """A content hash of every table in ``schema``: the md5 of its rows' md5s in sorted order, so
    two warehouses with the same rows in any physical order have the same fingerprint."""
    tables = [
        r[0]
        for r in con.execute(
            "select table_name from information_schema.tables "
            "where table_schema = ? and table_type = 'BASE TABLE' order by 1",
            [schema],
        ).fetchall()
    ]
    out = []
    for table in tables:
        n, digest = con.execute(
            f"select count(*), md5(coalesce(string_agg(h, '' order by h), '')) from "
            f'(select md5(cast(t as varchar)) as h from {schema}."{table}" as t)'
        ).fetchone()
        out.append(MartFingerprint(table, n, digest))
    return out


def fingerprint_digest(prints: list[MartFingerprint]) -> str:
    """One digest for a whole warehouse."""
    joined = "\n".join(f"{p.table}:{p.n_rows}:{p.digest}" for p in prints)
    return hashlib.sha256(joined.encode()).hexdigest()
