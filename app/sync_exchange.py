"""Steps 2 and 3 of a sync (app/sync.py): the file's changes into the server and what the file
lacks of the server into the file, the two databases working at once.

Both happen in one server transaction, a snapshot (see ServerStore.write), inside one file
transaction that commits after it: a refused or broken server transaction leaves the file as it
was, and a sync stopped between the two commits is run again (the server's history then knows the
file's versions, and the file only fetches).

- The server's connection serves every thread (open_server_store(shared=True)). A thread of its own
  (`ServerThread`) reads the server's versions, then writes each table's decisions as soon as they
  are made, while this thread decides the next table.
- What the decisions need of the server is read through a second connection that sees the same
  snapshot (ServerStore.reader_alongside), so reading never waits for writing.
- The rows the decisions leave as the server has them are read there too and written into the file
  while the server is still being written; what the server's writes make (merged rows, the
  conflicts' lines in the plans' logs) is read there after them and written into the file last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from app.merge import Conflict, Resolver, decide
from db import history
from db.history import Shape
from db.merge import Side, SteadySide, add_log_entries
from db.merge_write import Take, Write, apply
from db.plan_side import PlanSide, plan_join

Lacking = tuple[Shape, list[str], set[str]]  # rows of a table the file lacks as the server has them; those it has not
LogLines = Callable[[list[Conflict]], list[tuple[str, str, str]]]


class ServerThread:
    """Jobs on the server's connection, in the order given, in a thread of their own, while the
    caller's thread works on the file. After a job fails the later ones are skipped, and the next
    `post` or `done` raises its error; leaving the `with` waits for the job running."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="uppdrag-server")
        self._jobs: list[Future[Any]] = []
        self._error: BaseException | None = None

    def __enter__(self) -> ServerThread:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

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
    with local.write(reads_first=True), server.write(snapshot=True), server.reader_alongside() as reader, \
            ServerThread() as writer, ServerThread() as fetcher:
        versions = writer.post(_read_versions, server_side)
        for shape in history.shapes():
            local_side.versions(shape)
        versions.result()
        plans = fetched()
        seen = server_side.through(reader)  # as read before any write, whatever `server_side` is told after
        untouched: list[Future[list[Take]]] = []

        def decided_table(shape: Shape, writes: list[Any]) -> None:
            """One table decided: its writes to the server, and the rows they leave as the server has
            them read from there for the file, each in its thread."""
            for w in writes:  # the file's rows, read here: the file's connection is this thread's
                if isinstance(w, Take):
                    w.read_now()
            if writes:
                local.require_writable()  # (the file's integrity check: a damaged file is never sent)
                writer.post(apply, server.db, writes)
            written = _uuids_written(writes)
            lacking = _lacking(seen, local_side, plans, [shape], lambda u: u not in written)
            if lacking:
                known = local_side.record_contents(lacking[0][1])
                untouched.append(fetcher.post(_taking, seen, lacking, lambda _: known))

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
