"""Import: sources -> ingest -> extract -> store, with progress callbacks and a report of what it did.

Sources are prepared (read, hashed, parsed, extracted) in the main process or in worker processes
(`jobs`; a known file whose bytes did not change is answered by the main process, never sent to a
worker); all writes happen in the main process, in input order, so a parallel import produces
exactly the database a serial one does. Each source is written inside a savepoint: a source that
fails is rolled back alone and reported, and the run goes on. Batches commit every few sources, and
each commit bumps the data version once.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from meetview.extract import extract
from meetview.ingest import Document, IngestError, Skip, discover, load, parse
from meetview.ingest.core import is_url
from meetview.records import Article, Extraction
from meetview.store import Store
from meetview.store.writer import (
    Outcome,
    bump_data_version,
    bytes_hash,
    known_source_rows,
    lock_for_writing,
    record_source,
    save_article,
    savepoint,
)

BATCH_SOURCES = 1000
BATCH_SECONDS = 1.0


@dataclass
class Prepared:
    """One source made ready for writing (pickled across processes)."""

    source: str
    source_hash: str | None = None
    unchanged: bool = False
    items: list[tuple[Article, Extraction]] = field(default_factory=list)
    error: str | None = None


@dataclass
class Report:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    meetings: int = 0
    skipped: list[Skip] = field(default_factory=list)
    sources: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped


Progress = Callable[[int, int, str], None]  # (done, total, current source)


def prepare(source: str, known_hash: str | None = None, force: bool = False) -> Prepared:
    """Read, hash, parse and extract one source. Never raises: failures come back as `error`."""
    try:
        doc = load(source)
    except IngestError as e:
        return Prepared(source, error=str(e))
    except Exception as e:  # a reader bug must not abort an import of a thousand good files
        return Prepared(source, error=f"cannot read ({type(e).__name__}: {e})")
    digest = bytes_hash(doc.data)
    if digest == known_hash and not force:
        return Prepared(source, source_hash=digest, unchanged=True)
    return _parsed(source, doc, digest)


def _unchanged(source: str, known_hash: str) -> Prepared | None:
    """The source as unchanged when its bytes still hash to `known_hash`; None when it changed or
    cannot be read (a worker then prepares it and reports what is wrong)."""
    try:
        digest = bytes_hash(load(source).data)
    except Exception:
        return None
    return Prepared(source, source_hash=digest, unchanged=True) if digest == known_hash else None


def _parsed(source: str, doc: Document, digest: str) -> Prepared:
    """Parse and extract a source whose bytes were read."""
    try:
        articles = parse(doc)
    except IngestError as e:
        return Prepared(source, source_hash=digest, error=str(e))
    except Exception as e:
        return Prepared(source, source_hash=digest, error=f"cannot parse ({type(e).__name__}: {e})")
    items = []
    for article in articles:
        try:
            items.append((article, extract(article)))
        except Exception as e:
            return Prepared(
                source,
                source_hash=digest,
                error=f"extraction failed on {article.source} ({type(e).__name__}: {e})",
            )
    return Prepared(source, source_hash=digest, items=items)


def _prepare_chunk(chunk: list[tuple[str, str | None, bool]]) -> list[Prepared]:
    return [prepare(*args) for args in chunk]


AUTO_JOBS_MAX = 4  # beyond this the one writer, not extraction, sets the pace (docs/scale.md)


def auto_jobs() -> int:
    """Worker processes when the user names none: the CPUs this process may run on, at most AUTO_JOBS_MAX."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, AUTO_JOBS_MAX))


CHUNK = 32  # sources per task sent to a worker: fewer round trips for cheap (unchanged) sources
WINDOW = 4  # tasks in flight per worker: the writer never holds more than this many results


def _prepared(sources: list[str], known: dict[str, str], force: bool, jobs: int) -> Iterator[Prepared]:
    """Prepared sources in input order. With workers, a bounded window of chunks is in flight, so
    memory stays flat however many sources there are and however far the writer falls behind. A worker
    that dies (a source crashed or exhausted it, or someone killed it) takes its chunk and every other
    chunk in flight with it: those sources are prepared again one at a time in new workers, so only a
    source that kills a worker on its own is lost, and it is reported."""
    args = [(s, known.get(s), force) for s in sources]
    if jobs <= 1 or len(sources) < 2:
        for a in args:
            yield prepare(*a)
        return
    size = max(1, min(CHUNK, len(args) // (jobs * WINDOW)))
    tasks = _tasks(args, size, jobs)
    pending: deque = deque()  # in input order: (future, chunk) in the workers, and lists of ready results
    in_flight = 0
    workers = _Workers(jobs)
    try:
        while True:
            while in_flight < jobs * WINDOW and len(pending) < READY_AHEAD:
                task = next(tasks, None)
                if task is None:
                    break
                if isinstance(task, Prepared):
                    pending.append([task])
                    continue
                pending.append((workers.submit(task), task))
                in_flight += 1
            if not pending:
                return
            head = pending.popleft()
            if isinstance(head, list):
                yield from head
                continue
            in_flight -= 1
            future, chunk = head
            try:
                results = future.result()
            except BrokenProcessPool:
                workers.replace()
                results = workers.one_by_one(chunk)
                pending = deque(e if isinstance(e, list) else workers.one_by_one(e[1]) for e in pending)
                in_flight = 0
            yield from results
    finally:
        workers.close()


class _Workers:
    """The worker processes of one import: started at the first source that needs one (after the
    warm-up, so they share its heap), and replaced when one dies."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None
        self.warm = False

    def submit(self, chunk: list[tuple[str, str | None, bool]]) -> Future:
        if self.pool is None:
            if not self.warm:
                warm_up()
                gc.freeze()  # workers forked now share the warm heap, and their collector skips it
                self.warm = True
            self.pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_worker_start, initargs=(os.getpid(),)
            )
        try:
            return self.pool.submit(_prepare_chunk, chunk)
        except BrokenProcessPool:  # a worker died since the last result: the chunks it took will say so
            self.replace()
            return self.submit(chunk)

    def replace(self) -> None:
        """Let go of a broken pool: the next task starts new workers."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def one_by_one(self, chunk: list[tuple[str, str | None, bool]]) -> list[Prepared]:
        """The chunk's sources, each alone in the workers: a worker that dies now died of its source."""
        out = []
        for args in chunk:
            try:
                out.extend(self.submit([args]).result())
            except BrokenProcessPool:
                self.replace()
                out.append(Prepared(args[0], error=WORKER_DIED))
        return out

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
        if self.warm:
            gc.unfreeze()


WORKER_DIED = "the worker process reading it stopped abruptly (it crashed, ran out of memory or was killed)"


READY_AHEAD = 256  # results the writer may have waiting, ready or in flight: memory stays flat
# The collector's first generation runs after this many new objects instead of 700: an article makes
# thousands that live until it is done (tokens, hits), which the default scans over and over
# (docs/scale.md, item 18).
YOUNG_OBJECTS = 20_000


def _worker_start(importer: int | None = None) -> None:
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    if importer is not None:
        _exit_with(importer)


IMPORTER_CHECK_SECONDS = 0.5


def _exit_with(importer: int) -> None:
    """End this worker when the importing process is gone. A worker waits for tasks on a pipe whose
    write end it inherited too, so it never reads an end of file: an importer killed outright (SIGKILL,
    the out-of-memory killer) would leave its workers waiting forever, holding their memory."""

    def watch() -> None:
        while os.getppid() == importer:
            time.sleep(IMPORTER_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="meetview-importer-watch", daemon=True).start()


def _tasks(args: list[tuple[str, str | None, bool]], size: int, jobs: int) -> Iterator[Prepared | list]:
    """Chunks of sources for the workers, in input order, with the known sources whose bytes did not
    change already answered here (a hash is cheaper than a round trip to a worker and back). Chunks
    shrink towards the end (each at most a quarter of a worker's share of what is left), so the workers
    finish together and the writer is not left with a whole chunk to write after they are done."""
    chunk: list[tuple[str, str | None, bool]] = []
    for n, (source, known_hash, force) in enumerate(args):
        local = known_hash is not None and not force and not is_url(source)  # URLs are fetched by workers
        ready = _unchanged(source, known_hash) if local else None
        if ready is not None:
            if chunk:
                yield chunk
                chunk = []
            yield ready
            continue
        chunk.append((source, known_hash, force))
        if len(chunk) >= min(size, max(1, (len(args) - n) // (4 * jobs))):
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# A small page with a real article's shape: enough text that trafilatura's main pass keeps it (a page it
# must rescue with justext would load that library's stoplists for 100 languages: ~0.25 s no real page
# may need).
_WARM_HTML = (
    "<html><head><title>Talks in Oslo</title>"
    '<meta property="article:published_time" content="2024-03-03"></head>'
    '<body><nav><a href="/">Home</a></nav><article><h1>Talks in Oslo</h1>'
    + "<p>Foreign Minister Anna Berg met her Kenyan counterpart Musalia Mudavadi in Oslo on 3 March 2024"
    " to discuss trade, energy and security in the Horn of Africa.</p>"
    * 3
    + "</article><footer>Contact</footer></body></html>"
)


def warm_up() -> None:
    """Load what preparing sources loads lazily (parsers, lexicons, date tables): done once before
    forking workers, it spares each of them the same start."""
    from meetview.config import seeds_dir
    from meetview.ingest.webpage import parse_html

    try:
        for path in sorted(seeds_dir().glob("*.txt"))[:1]:  # the text path: reader, boilerplate, extractor
            prepare(str(path))
        extract(parse_html(_WARM_HTML, "warm-up.html"))
    except Exception:  # warming is an optimisation: the import itself reports real failures
        pass


def run_import(
    store: Store,
    inputs: Iterable[str],
    *,
    jobs: int = 1,
    force: bool = False,
    progress: Progress | None = None,
) -> Report:
    started = time.perf_counter()
    report = Report()
    sources: list[str] = []
    for item in discover(list(inputs)):
        if isinstance(item, Skip):
            report.skipped.append(item)
        else:
            sources.append(item)
    sources = list(dict.fromkeys(sources))
    report.sources = len(sources)
    with store.session() as session:
        known_rows = known_source_rows(session)
    known = {location: digest for location, (digest, _) in known_rows.items()}
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, *thresholds[1:])  # this process extracts too with --jobs 1
    try:
        _write_all(store, sources, known, known_rows, report, jobs, force, progress)
    finally:
        gc.set_threshold(*thresholds)
    report.seconds = time.perf_counter() - started
    return report


def _write_all(
    store: Store,
    sources: list[str],
    known: dict[str, str],
    known_rows: dict[str, tuple[str, int]],
    report: Report,
    jobs: int,
    force: bool,
    progress: Progress | None,
) -> None:
    """Prepare every source (in workers with jobs > 1) and write them in order, in batched transactions."""
    total = len(sources)
    with store.session() as session:
        last_commit, pending, dirty = time.monotonic(), 0, False
        for done, prep in enumerate(_prepared(sources, known, force, jobs), 1):
            if progress:
                progress(done, total, prep.source)
            if pending == 0:
                lock_for_writing(session)
            dirty |= _write(session, prep, report, force, known_rows)
            pending += 1
            if pending >= BATCH_SOURCES or time.monotonic() - last_commit > BATCH_SECONDS:
                _commit(session, dirty)
                last_commit, pending, dirty = time.monotonic(), 0, False
        if pending:
            _commit(session, dirty)


def _commit(session, dirty: bool) -> None:
    if dirty:  # once per transaction that changed articles: readers compare it to know the data changed
        bump_data_version(session)
    session.commit()


def _write(session, prep: Prepared, report: Report, force: bool, known: dict[str, tuple[str, int]]) -> bool:
    """Write one prepared source; True when it changed articles or meetings."""
    if prep.error:
        report.skipped.append(Skip(prep.source, prep.error))
        return False
    if prep.unchanged:
        report.unchanged += max(1, known.get(prep.source, ("", 0))[1])
        return False
    for attempt in (1, 2):  # a collision with a concurrent importer is retried once
        counts = {o: 0 for o in Outcome}
        meetings = 0
        try:
            with savepoint(session):
                for article, extraction in prep.items:
                    outcome = save_article(  # articles from ingest.parse: inert already
                        session, article, extraction, origin=prep.source, force=force, bump=False, inert=True
                    )
                    counts[outcome] += 1
                    if outcome is not Outcome.UNCHANGED:
                        meetings += len(extraction.meetings)
                record_source(session, prep.source, prep.source_hash or "", len(prep.items))
            break
        except IntegrityError as e:
            if attempt == 2:
                report.skipped.append(Skip(prep.source, f"cannot store ({_first_line(e)})"))
                return False
        except Exception as e:
            report.skipped.append(Skip(prep.source, f"cannot store ({type(e).__name__}: {_first_line(e)})"))
            return False
    report.imported += counts[Outcome.IMPORTED]
    report.updated += counts[Outcome.UPDATED]
    report.unchanged += counts[Outcome.UNCHANGED]
    report.meetings += meetings
    return bool(counts[Outcome.IMPORTED] or counts[Outcome.UPDATED])


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0][:300]


def first_run_import(store: Store, progress: Progress | None = None) -> Report | None:
    """Import the bundled sample articles into an empty default database, so there is something to browse."""
    from meetview.config import seeds_dir

    if not (store.is_default and store.is_empty()):
        return None
    return run_import(store, [str(seeds_dir())], progress=progress)
