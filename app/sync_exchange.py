"""Steps 2 and 3 of a sync (app/sync.py): the file's changes into the server and what the file
lacks of the server into the file, the two databases working at once.

Both happen in one server transaction, a snapshot (see ServerStore.write), inside one file
transaction that commits after it: a refused or broken server transaction leaves the file as it
was, and a sync stopped between the two commits is run again (the server's history then knows the
file's versions, and the file only fetches).

- The server's connection serves every thread (open_server_store(shared=True)). A thread of its own
  (`JobThread`) reads the server's versions, then writes each table's decisions as soon as they
  are made, while this thread decides the next table: the rows it takes as the file has them as soon
  as they are known (`taken`), while the table's rows both sides changed are merged. The largest
  tables are decided first, once their parents' are (`_largest_first`): their writing overlaps the
  deciding of the rest.
- What the decisions need of the server is read through a second connection that sees the same
  snapshot (ServerStore.reader_alongside), so reading never waits for writing.
- The rows the decisions leave as the server has them are read in that snapshot too, through a
  third connection in a thread of its own (so deciding never waits for that): a table's rows, then
  the history the file lacks of them, which the file writes after them. A thread of its own
  on the file's connection, in the file's transaction, writes them into the file while the next
  tables are decided, and after them the rows the decisions merge, as the decisions made them (not
  read back from the server); last, the conflicts' lines in the plans' logs, as the server's thread
  wrote them there after its last writes.
- What the deciding and the server's thread need of the file (its records and its changed rows) is
  read ahead in threads of their own, each through a read-only connection to the file of its own
  (db.merge.reading_side), and what else the deciding reads of the file through one more. Such a
  connection sees the file as last committed, before this sync wrote anything into it; the file's
  transaction keeps what it writes in memory until it commits (no cache spill), so that it never
  locks them out meanwhile.
- Once the server has committed, what the sync read and decided is freed in a thread of its own while
  the file commits (`_let_go_meanwhile`): that commit mostly waits for the disk.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import replace
from typing import Any, NamedTuple

from app.merge import Conflict, Resolver, decide
from db import history
from db.history import Record, RowState, Shape
from db.merge import RawDatabase, Side, SteadySide, add_log_entries, reading_side
from db.merge_write import Take, Write, apply, rows_per_table
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


class Exchanged(NamedTuple):
    sent: dict[str, int]  # table -> rows the server took from the file (merged ones among them)
    fetched: dict[str, int]  # table -> rows the file took from the server
    conflicts: list[Conflict]


def exchange(server: Any, local: Any, sent: Side, local_side: SteadySide, fetched: Callable[[], set[str] | None],
             *, prefer: str, resolve: Resolver | None, log_lines: LogLines,
             begun: Callable[[], None]) -> Exchanged:
    """Steps 2 and 3 (see the module's docstring); the file takes the rows of the plans `fetched()`
    gives, in the server's snapshot (None: every plan); `begun` is called when the file is first
    written."""
    with local.write(reads_first=True):
        with server.write(snapshot=True), _Exchange(server, local, local_side, begun) as work:
            work.read_versions(sent, fetched)
            decided = decide(work.seen, work.file_as_read(), prefer, resolve, history.author_of(server.db),
                             each=work.decided, taken=work.taken, order=work.order)
            took = work.finish(log_lines(decided.conflicts))
        outcome = Exchanged(rows_per_table(decided.writes), rows_per_table(took), decided.conflicts)
        garbage: list[Any] = [decided, took, work]
        del decided, took, work
        freeing = _let_go_meanwhile(garbage)
    freeing.join()  # (the file has committed: what is left of the freeing is the sync's own time)
    return outcome


def _let_go_meanwhile(garbage: list[Any]) -> threading.Thread:
    """A thread that frees `garbage` (the only reference to what it holds), begun just before this
    thread waits on the disk for the file's commit: the tens of thousands of rows, records and
    versions a large sync read are then freed beside that wait, not after it. It begins a moment later,
    when the commit is waiting without Python's lock (what it frees it frees in one go, holding it)."""
    def let_go() -> None:
        time.sleep(0.001)
        while garbage:
            garbage.pop()

    thread = threading.Thread(target=let_go, name="uppdrag-sync-freeing")
    thread.start()
    return thread


class _Exchange:
    """The threads of one exchange and what they share: `writer` on the server's connection,
    `fetcher` on a reader that sees the server's snapshot (ServerStore.reader_alongside; it opens
    and closes that reader and the one this thread decides through), `ahead_of_deciding` and
    `from_file` each on a read-only connection of its own to the file, and `file_writer` on the
    file's own connection, in its transaction; this thread decides, reading the file through a
    read-only connection of its own (`file_as_read`)."""

    def __init__(self, server: Any, local: Any, local_side: SteadySide, begun: Callable[[], None]):
        self.server, self.local, self.local_side, self.begun = server, local, local_side, begun
        # The file's connection, written in `file_writer` while this thread decides. Nothing else uses
        # it until the file commits, and it keeps what it writes in memory until then (no cache spill,
        # which would lock the file's readers out before the commit).
        self.file_db = RawDatabase(local.db.connection())
        (self.spill,) = self.file_db.execute_sql("PRAGMA cache_spill").fetchone()
        self.file_db.execute_sql("PRAGMA cache_spill = 0")
        self.deciding_file = reading_side(local.path, local.path.name)
        self.server_side = SteadySide(server.db, server.path.name)  # its versions, read in the server's thread
        self.seen = self.server_side  # (the server as the deciding reads it: `read_versions`)
        self.differing: dict[str, list[str]] = {}  # table -> its rows at another version in the file
        self.order: list[Shape] = list(history.shapes())  # the order the tables are decided in (`_largest_first`)
        self.sent_versions: dict[str, dict[str, str]] = {}
        self.plans: set[str] | None = None  # the plans the file takes rows of (None: every plan)
        self.to_file: list[Callable[[], list[Take]]] = []  # what the file takes, in the order it is written
        self.sent_early: set[int] = set()  # (ids of) the Takes `taken` has written to the server
        self._open = ExitStack()  # the readers, closed in the fetcher's thread
        self.writer, self.fetcher = JobThread(), JobThread(self._open.close)
        self.reader = self.fetcher.post(lambda: self._open.enter_context(self.server.reader_alongside()))
        self.fetching = self.fetcher.post(lambda: Side(self._open.enter_context(self.server.reader_alongside()),
                                                       server.path.name))  # (deciding never waits for its reads)
        # the file's records the deciding asks for, read ahead; and the rows and records' contents the
        # server's thread and the fetcher ask for: each a thread and read-only connection of its own
        self.ahead_of_deciding, self.ahead_file = _file_reader(local)
        self.from_file, self.file = _file_reader(local)
        self.file_writer = JobThread()

    def __enter__(self) -> _Exchange:
        return self

    def __exit__(self, *exc: object) -> None:
        try:  # each waits for its job running
            with self.writer, self.fetcher, self.ahead_of_deciding, self.from_file, self.file_writer:
                pass
        finally:
            self.deciding_file.db.close()
            self.file_db.execute_sql(f"PRAGMA cache_spill = {int(self.spill)}")

    def read_versions(self, sent: Side, fetched: Callable[[], set[str] | None]) -> None:
        """Every table's versions on both sides, the server's in its thread while the file's are read
        here (and the readers connect in another), and from them the order the tables are decided in
        (`order`); then the plans the file takes (`plans`: `fetched()`, in the server's snapshot)."""
        versions = self.writer.post(_read_versions, self.server_side)
        _read_versions(self.local_side)
        self.sent_versions = {s.name: sent.versions(s) for s in history.shapes()}  # (before the file is written)
        versions.result()
        # the server as read before any write: through the reader that sees the snapshot
        self.seen = self.server_side.through(self.reader.result())
        self.differing = _differing(self.seen, self.local_side)
        self.order = _largest_first(self.differing)
        self.plans = fetched()

    def file_as_read(self) -> Side:
        """The file as the deciding reads it: as it was before this sync wrote anything into it."""
        return _FileAsRead(self.deciding_file, self.sent_versions, self.records_ahead(), (self.seen, self.differing))

    def records_ahead(self) -> dict[str, Future[dict[str, list[Record]]]]:
        """Row uuid -> the reading of the file's records of the rows that differ from the server,
        a table a reading, begun now in the file's thread in the order the tables are decided in."""
        ahead: dict[str, Future[dict[str, list[Record]]]] = {}
        for shape in self.order:
            if uuids := self.differing[shape.name]:
                ahead.update(dict.fromkeys(uuids, self.ahead_of_deciding.post(_records, self.ahead_file, uuids)))
        return ahead

    def taken(self, _shape: Shape, takes: list[Take]) -> None:
        """A table's rows the server takes as they are in the file, decided before its rows both sides
        changed are merged: written to the server meanwhile (`decided` writes the rest)."""
        self._to_server(takes)
        self.sent_early.update(map(id, takes))

    def decided(self, shape: Shape, writes: list[Any]) -> None:
        """One table decided: its writes to the server (those `taken` has not), once the file's rows
        they take are read from the file; into the file, the rows they leave as the server has them,
        read from there, and the rows they merge, as the server will hold them."""
        self._to_server([w for w in writes if id(w) not in self.sent_early])
        written = _uuids_written(writes)
        lacking = _lacking(self.seen, self.local_side, self.differing[shape.name], self.plans, shape,
                           lambda u: u not in written)
        if lacking is not None:  # (the rows first: the file writes them while their history is read)
            known = self.from_file.post(_record_contents, self.file, lacking[1])
            self._into_file(self.fetcher.post(_taking, self.fetching.result(), lacking).result)
            history_lacking = self.fetcher.post(_history_lacking, self.fetching.result(), lacking[1], known)
            self.file_writer.post(lambda: history.write_records(self.file_db, history_lacking.result()))
        merged = [w for w in writes if isinstance(w, Write)]
        if merged:
            takes = [_merged_back(merged, self.server_side)]
            self._into_file(lambda: takes)

    def _to_server(self, writes: list[Any]) -> None:
        """`writes` written to the server in its thread, once the file's rows they take are read."""
        if writes:
            self.local.require_writable()  # (the file's integrity check: a damaged file is never sent)
            reads = [(w, self.from_file.post(_rows, self.file, w)) for w in writes if isinstance(w, Take)]
            self.writer.post(_write_table, self.server.db, writes, reads)

    def finish(self, entries: list[tuple[str, str, str]]) -> list[Take]:
        """The conflicts' lines in their plans' logs on the server, after its last writes, and the same
        lines in the file; waits for every thread's last job. The rows the file took."""
        self._into_file(self.writer.post(_log_lines_written, self.server.db, entries, self.server_side).result)
        self.fetcher.done()
        self.ahead_of_deciding.done()  # (before the file commits: its readers must not wait for that)
        self.from_file.done()
        self.writer.done()
        self.file_writer.done()
        return [t for taken in self.to_file for t in taken()]

    def _into_file(self, takes: Callable[[], list[Take]]) -> None:
        """`takes()` written into the file in its thread, after what was posted before (parents' tables
        first); the first time, once the file is found sound (its integrity check)."""
        if not self.to_file:
            self.local.require_writable()
            self.begun()
        self.to_file.append(takes)
        self.file_writer.post(lambda: apply(self.file_db, takes()))


def _file_reader(local: Any) -> tuple[JobThread, Future[Side]]:
    """A thread reading the file through a read-only connection of its own (opened and closed there)."""
    side: Future[Side] | None = None

    def close() -> None:
        if side is not None and side.done() and not side.cancelled() and side.exception() is None:
            side.result().db.close()

    thread = JobThread(close)
    side = thread.post(reading_side, local.path, local.path.name)
    return thread, side


class _FileAsRead(Side):
    """The file as it was before the sync wrote anything into it, for the deciding: its versions as
    read then (of the plans sent), the rows found then to differ from the server (`_differing`), its
    records of those read ahead (a table at a time in the file's reading thread, while the tables
    before are decided), and what else the deciding asks read through a read-only connection of its
    own (`side`)."""

    def __init__(self, side: Side, versions: dict[str, dict[str, str]],
                 ahead: dict[str, Future[dict[str, list[Record]]]],
                 differing: tuple[Side, dict[str, list[str]]] | None = None):
        super().__init__(side.db, side.name)
        self.side, self._versions = side, versions
        self.ahead = ahead  # row uuid -> the reading that has its records
        self.differing = differing  # (the server's side, table -> the rows at another version there)

    def versions(self, shape: Shape) -> dict[str, str]:
        return self._versions[shape.name]

    def differences(self, mine: Side, shape: Shape) -> list[tuple[str, str, str | None]]:
        """Side.differences, against the server's side the rows that differ were found against: only
        those rows looked at again, not every row of the table."""
        if self.differing is None or mine is not self.differing[0]:
            return super().differences(mine, shape)
        here, there = self.versions(shape), mine.versions(shape)
        return [(u, here[u], there.get(u)) for u in self.differing[1][shape.name] if u in here]

    def records(self, uuids: Sequence[str], *, content: bool = True) -> dict[str, list[Record]]:
        if not content or any(u not in self.ahead for u in uuids):
            return self.side.records(uuids, content=content)
        out = {}
        for u in uuids:
            got = self.ahead[u].result().get(u)
            if got is not None:
                out[u] = got
        return out


def _differing(server: SteadySide, local: SteadySide) -> dict[str, list[str]]:
    """Table -> its rows whose versions differ between the file and the server (that the file has)."""
    out = {}
    for shape in history.shapes():
        there = server.versions(shape)
        out[shape.name] = [u for u, v in local.versions(shape).items() if there.get(u) != v]
    return out


def _largest_first(differing: dict[str, list[str]]) -> list[Shape]:
    """The tables in the order to decide them in: parents' tables first, and of the tables whose
    parents are decided, the one with the most rows that differ. The server's thread writes a table
    while the next ones are decided, so the largest table is best decided early (its writing
    overlaps the deciding of the rest) and small tables last (little writing left after the deciding)."""
    left = list(history.shapes())
    done: set[str] = set()
    order = []
    while left:
        ready = [s for s in left if all(p in done or p == s.name for p in s.fk_map.values())]
        pick = max(ready, key=lambda s: len(differing.get(s.name, ())))  # (ties: the first, as shapes() has them)
        order.append(pick)
        done.add(pick.name)
        left.remove(pick)
    return order


def _records(side: Future[Side], uuids: list[str]) -> dict[str, list[Record]]:
    return side.result().records(uuids)


def _record_contents(side: Future[Side], uuids: list[str]) -> dict[str, bool]:
    return side.result().record_contents(uuids)


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
    """Every table's versions of `side`, read now (it keeps them)."""
    for shape in history.shapes():
        side.versions(shape)


def _log_lines_written(db: Any, entries: list[tuple[str, str, str]], server: Side) -> list[Take]:
    """The conflicts' lines in their plans' logs on the server; the same lines for the file to take."""
    lines = add_log_entries(db, entries)
    return [_as_read(history.shape_of("log_entry"), lines, server, new=True)] if lines else []


def _merged_back(writes: list[Write], server: Side) -> Take:
    """The rows `writes` (of one table) merge, for the file to take as the server holds them once they
    are written there, with the records it lacks of them: made from the decisions, not read back."""
    return _as_read(writes[0].shape, [w.merged() for w in writes], server,
                    records=[r for w in writes for r in w.theirs_lack])


def _as_read(shape: Shape, rows: list[RowState], source: Side, *, new: bool = False,
             records: list[Record] | None = None) -> Take:
    """A Take of `rows` as `source` holds them, read already (as db.merge_write reads them)."""
    read = [(r.id, r.uuid, r.version, r.rev, r.created_at, r.modified_at, *(r.values[c] for c in shape.columns))
            for r in rows]
    return Take(shape, [r.uuid for r in rows], new, source, records or [], read)


def _uuids_written(writes: list[Any]) -> set[str]:
    return {u for w in writes for u in ([w.uuid] if isinstance(w, Write) else w.uuids)}


def _lacking(server: SteadySide, local: SteadySide, differing: list[str], plans: set[str] | None, shape: Shape,
             chosen: Callable[[str], bool]) -> Lacking | None:
    """What the file lacks of the server in `shape`'s table among the rows `chosen` picks (by uuid),
    in `plans` (None: every plan), or None:
    rows the file has not, and rows at another version there (among `differing`, the file's rows
    found at another version than the server's: `_differing`). Once the file's changes are merged into
    the server, each of these versions descends from the file's (the server's alone, or merged from
    both), so the file takes them as they are (`_taking`), with the history it lacks of them
    (`_history_lacking`): one decision, made in step 2, for both sides. With the ones the file has no
    row of."""
    there = server.versions(shape)
    absent = sorted(there.keys() - local.versions(shape).keys())  # (a set's order is not the same each run)
    lacking = [u for u in differing if u in there and chosen(u)] + [u for u in absent if chosen(u)]
    if lacking and plans is not None and plan_join(shape) is not None:
        inside = PlanSide(Side(server.db, server.name), plans).versions(shape)
        lacking = [u for u in lacking if u in inside]
    return (shape, lacking, set(absent).intersection(lacking)) if lacking else None


def _taking(server: Side, lacking: Lacking) -> list[Take]:
    """The rows `lacking` names, read now from `server`: added where the file has no such row, written
    over its row where it has (their history comes apart: `_history_lacking`)."""
    shape, uuids, absent = lacking
    takes = [Take(shape, chosen, new, server)
             for chosen, new in (([u for u in uuids if u in absent], True), ([u for u in uuids if u not in absent], False))
             if chosen]
    for t in takes:
        t.read_now()
    return takes


def _history_lacking(server: Side, uuids: list[str], contents: Future[dict[str, bool]]) -> list[Record]:
    """The history records of these rows on `server` that the file lacks (`contents`: what the file holds
    of their records, Side.record_contents), read now."""
    return [r for records in server.records_lacking(uuids, contents.result()).values() for r in records]
