"""Steps 2 and 3 of a sync (app/sync.py): the file's changes into the server and what the file
lacks of the server into the file, the two databases working at once.

Both happen in one server transaction, a snapshot (see ServerStore.write), inside one file
transaction that commits after it: a refused or broken server transaction leaves the file as it
was, and a sync stopped between the two commits is run again (the server's history then knows the
file's versions, and the file only fetches).

- The server's connection serves every thread (open_server_store(shared=True)). A thread of its own
  (`JobThread`) reads the server's versions, then writes each table's decisions as soon as they
  are made, while this thread decides the next table.
- What the decisions need of the server is read through a second connection that sees the same
  snapshot (ServerStore.reader_alongside), so reading never waits for writing.
- The rows the decisions leave as the server has them are read there too and written into the file
  while the server is still being written; what the server's writes make (merged rows, the
  conflicts' lines in the plans' logs) is read there after them and written into the file last.
- What the server is sent of the file (its changed rows and their history) is read in a thread of
  its own through a second, read-only connection to the file (db.merge.reading_side): the file's
  own transaction writes nothing before the end, so that connection reads the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import replace
from typing import Any

from app.merge import Conflict, Resolver, decide
from db import history
from db.history import Record, Shape
from db.merge import Side, SteadySide, add_log_entries, reading_side
from db.merge_write import Take, Write, apply
from db.plan_side import PlanSide, plan_join

Lacking = tuple[Shape, list[str], set[str]]  # rows of a table the file lacks as the server has them; those it has not
LogLines = Callable[[list[Conflict]], list[tuple[str, str, str]]]


class JobThread:
    """Jobs in the order given, in a thread of their own (on the server's connection, or on a
    connection of the thread's own), while the caller's thread works on the file. After a job fails
    the later ones are skipped, and the next `post` or `done` raises its error. Leaving the `with`
    skips the jobs not begun, waits for the one running and then runs `finish` in the thread."""

    def __init__(self, finish: Callable[[], None] | None = None) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="uppdrag-sync")
        self._jobs: list[Future[Any]] = []
        self._error: BaseException | None = None
        self._finish = finish

    def __enter__(self) -> JobThread:
        return self

    def __exit__(self, *_exc: object) -> None:
        for job in self._jobs:
            job.cancel()
        try:
            if self._finish is not None:
                self._pool.submit(self._finish).result()
        finally:
            self._pool.shutdown(wait=True)

    def post(self, work: Callable[..., Any], *args: Any) -> Future[Any]:
        self._raise_error()
        job = self._pool.submit(self._run, work, *args)
        self._jobs.append(job)
        return job

    def done(self) -> None:
        """Wait for every job posted; raise the first one's error, if one failed."""
        wait(self._jobs)
        self._raise_error()

    def _run(self, work: Callable[..., Any], *args: Any) -> Any:
        if self._error is not None:
            return None
        try:
            return work(*args)
        except BaseException as exc:
            self._error = exc
            raise

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error


def exchange(server: Any, local: Any, sent: Side, local_side: SteadySide, fetched: Callable[[], set[str] | None],
             *, prefer: str, resolve: Resolver | None, log_lines: LogLines,
             begun: Callable[[], None]) -> tuple[Any, list[Take]]:
    """Steps 2 and 3 (see the module's docstring); the file takes the rows of the plans `fetched()`
    gives, in the server's snapshot (None: every plan); `begun` is called when the file is first
    written. (decisions, the rows the file took.)"""
    server_side = SteadySide(server.db, server.path.name)  # its versions: what step 3 compares with the file's
    file_reader: Future[Side] | None = None

    def close_file_reader() -> None:
        if file_reader is not None and file_reader.done() and file_reader.exception() is None:
            file_reader.result().db.close()

    with local.write(reads_first=True), server.write(snapshot=True), server.reader_alongside() as reader, \
            JobThread() as writer, JobThread() as fetcher, JobThread(close_file_reader) as from_file:
        versions = writer.post(_read_versions, server_side)
        file_reader = from_file.post(reading_side, local.path, local.path.name)  # (nothing is written to the file before the end)
        for shape in history.shapes():
            local_side.versions(shape)
        versions.result()
        plans = fetched()
        seen = server_side.through(reader)  # as read before any write, whatever `server_side` is told after
        ahead: dict[str, Future[dict[str, list[Record]]]] = {}
        for uuids in _differing(seen, local_side):
            if uuids:
                ahead.update(dict.fromkeys(uuids, from_file.post(_records, file_reader, uuids)))
        sent = _ReadAhead(sent, ahead)
        untouched: list[Future[list[Take]]] = []

        def decided_table(shape: Shape, writes: list[Any]) -> None:
            """One table decided: its writes to the server, after the file's rows they take are read
            from the file, and the rows they leave as the server has them read from there for the
            file, each in a thread of its own."""
            if writes:
                local.require_writable()  # (the file's integrity check: a damaged file is never sent)
                reads = [(w, from_file.post(_rows, file_reader, w)) for w in writes if isinstance(w, Take)]
                writer.post(_write_table, server.db, writes, reads)
            written = _uuids_written(writes)
            lacking = _lacking(seen, local_side, plans, [shape], lambda u: u not in written)
            if lacking:
                known = from_file.post(lambda side, uuids: side.result().record_contents(uuids), file_reader,
                                       lacking[0][1])
                untouched.append(fetcher.post(_taking, seen, lacking, lambda _: known.result()))

        decided = decide(seen, sent, prefer, resolve, history.author_of(server.db), each=decided_table)
        taken = {u for job in untouched for t in job.result() for u in t.uuids}
        known = local_side.record_contents([w.uuid for w in decided.writes if isinstance(w, Write)])
        made = writer.post(_after_writing, server, server_side, local_side, decided.writes,
                           log_lines(decided.conflicts),
                           lambda: _taking(server_side, _lacking(server_side, local_side, plans, history.shapes(),
                                                                 lambda u: u not in taken), lambda _: known))
        fetcher.done()
        first = [t for job in untouched for t in job.result()]
        local.require_writable()
        begun()
        apply(local.db, first)
        writer.done()
        behind = made.result()
        apply(local.db, behind)
    return decided, [*first, *behind]


class _ReadAhead(Side):
    """`side` (the file) whose records of the rows that differ from the server are read ahead, a
    table at a time in the file's reading thread, while the tables before are decided."""

    def __init__(self, side: Side, ahead: dict[str, Future[dict[str, list[Record]]]]):
        super().__init__(side.db, side.name, side.schema)
        self.side = side
        self.ahead = ahead  # row uuid -> the reading that has its records

    def versions(self, shape: Shape) -> dict[str, str]:
        return self.side.versions(shape)

    def records(self, uuids: Sequence[str], *, content: bool = True) -> dict[str, list[Record]]:
        if not content or any(u not in self.ahead for u in uuids):
            return self.side.records(uuids, content=content)
        out = {}
        for u in uuids:
            got = self.ahead[u].result().get(u)
            if got is not None:
                out[u] = got
        return out


def _differing(server: SteadySide, local: SteadySide) -> list[list[str]]:
    """Each table's rows whose versions differ between the file and the server (that the file has)."""
    out = []
    for shape in history.shapes():
        there = server.versions(shape)
        out.append([u for u, v in local.versions(shape).items() if there.get(u) != v])
    return out


def _records(side: Future[Side], uuids: list[str]) -> dict[str, list[Record]]:
    return side.result().records(uuids)


def _rows(side: Future[Side], take: Take) -> list[tuple[Any, ...]] | None:
    """The rows `take` takes from the file, read through the file's second connection (`side`)."""
    through = replace(take, source=side.result())
    through.read_now()
    return through.read


def _write_table(db: Any, writes: list[Any], reads: list[tuple[Take, Future[list[tuple[Any, ...]] | None]]]) -> None:
    for take, rows in reads:
        take.read = rows.result()
    apply(db, writes)


def _read_versions(side: SteadySide) -> None:
    for shape in history.shapes():
        side.versions(shape)


def _after_writing(server: Any, server_side: SteadySide, local_side: SteadySide, writes: list[Any],
                   entries: list[tuple[str, str, str]], then: Callable[[], list[Take]]) -> list[Take]:
    """Once the decisions are written: the conflicts' lines in their plans' logs, the versions
    `server_side` holds brought up to date, and what `then` reads after."""
    if entries:
        add_log_entries(server.db, entries)
    for w in writes:  # rows now as the file has them (a merged row differs from both still)
        if isinstance(w, Take):
            theirs = local_side.versions(w.shape)
            server_side.moved(w.shape, {u: theirs[u] for u in w.uuids})
    server_side.forget("log_entry")  # (the conflicts' lines)
    return then()


def _uuids_written(writes: list[Any]) -> set[str]:
    return {u for w in writes for u in ([w.uuid] if isinstance(w, Write) else w.uuids)}


def _lacking(server: SteadySide, local: SteadySide, plans: set[str] | None, shapes: Sequence[Shape],
             chosen: Callable[[str], bool]) -> list[Lacking]:
    """What the file lacks of the server in `shapes`' tables among the rows `chosen` picks (by uuid),
    in `plans` (None: every plan):
    rows the file has not, and rows at another version there. Once the file's changes are merged into
    the server, each of these versions descends from the file's (the server's alone, or merged from
    both), so the file takes them as they are, with the history it lacks of them (`_taking`): one
    decision, made in step 2, for both sides. Each with the ones the file has no row of."""
    within = None if plans is None else PlanSide(Side(server.db, server.name), plans)
    out = []
    for shape in shapes:
        have = local.versions(shape)
        lacking = [u for u, v in server.versions(shape).items() if have.get(u) != v and chosen(u)]
        if lacking and within is not None and plan_join(shape) is not None:
            inside = within.versions(shape)
            lacking = [u for u in lacking if u in inside]
        if lacking:
            out.append((shape, lacking, {u for u in lacking if u not in have}))
    return out


def _taking(server: Side, lacking: list[Lacking], contents: Callable[[list[str]], dict[str, bool]]) -> list[Take]:
    """The rows `lacking` names, read now from `server` with the history records the file lacks of
    them (`contents`: what the file holds of their records, Side.record_contents): added where the
    file has no such row, written over its row where it has."""
    takes: list[Take] = []
    for shape, uuids, absent in lacking:
        records = server.records_lacking(uuids, contents(uuids))
        for chosen, new in (([u for u in uuids if u in absent], True), ([u for u in uuids if u not in absent], False)):
            if chosen:
                takes.append(Take(shape, chosen, new, server, [r for u in chosen for r in records.get(u, ())]))
    for t in takes:
        t.read_now()
    return takes
