"""The command line: thin Typer commands over ingest, extract, store, query and export."""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated

import typer

app = typer.Typer(
    help="Diplomatic meetings from the news, as a browsable record. Run without a command to browse.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a file path (SQLite) or a SQLAlchemy URL. Default: $MEETVIEW_DB, "
        "else meetview.db in the user data dir.",
        show_default=False,
    ),
]


db_app = typer.Typer(
    help="Database maintenance: migrations, backups, compacting.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")


def _console():
    from rich.console import Console

    return Console(highlight=False)


def _err_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error (never a traceback) and return the Exit to raise."""
    from rich.text import Text

    from meetview.sanitize import clean_line

    _err_console().print(Text("error: ", style="bold red") + Text(clean_line(message)), soft_wrap=True)
    return typer.Exit(code)


def say(message: str) -> None:
    """Print a plain one-line report: no markup read from it, no path or URL in it broken by wrapping."""
    _console().print(message, markup=False, soft_wrap=True)


def shown_url(url: str) -> str:
    """A database URL fit to print: the password hidden."""
    if "://" not in url or "@" not in url:
        return url
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads: show nothing that could be a secret
        return url.split("://", 1)[0] + "://***"


def _open(db: str | None, *, migrate: bool = True):
    from sqlalchemy.exc import SQLAlchemyError

    from meetview.store import open_store

    db = db or _root_db["db"]
    try:
        return open_store(db, migrate=migrate)
    except (SQLAlchemyError, OSError) as e:
        raise fail(f"cannot open the database: {e}") from None


def _is_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# The --db given before the command (`meetview --db team.db import ...`), set by `root` on every run: the
# commands open that database unless they name one themselves
_root_db: dict[str, str | None] = {"db": None}


@app.callback(invoke_without_command=True)
def root(ctx: typer.Context, db: DbOption = None) -> None:
    """Without a command: open the browser (importing the bundled samples into an empty default database)."""
    _root_db["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    store = _open(db)
    if store.is_default and store.is_empty():  # only a first run loads the importer and the extractor
        from meetview.importer import first_run_import

        report = first_run_import(store)
        if report is not None:
            _console().print("First run: imported the sample articles.")
            _print_report(report)
    if not _is_terminal():
        _print_stats(store)  # not a terminal (a pipe, a script): print the summary instead of the app
        return
    from meetview.tui import run  # Textual is imported only here, never by the other commands

    run(store)


def _run_import(store, paths: list[str], *, jobs: int, force: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from meetview.importer import run_import
    from meetview.sanitize import clean_line

    console = _err_console()
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", markup=False),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("Importing", total=None, current="")

        def progress(done: int, total: int, source: str) -> None:
            bar.update(task, completed=done, total=total, current=clean_line(source)[-60:])

        report = run_import(store, paths, jobs=jobs, force=force, progress=progress)
    _print_report(report)
    return report


def _print_report(report) -> None:
    from rich.text import Text

    from meetview.sanitize import clean_line

    console = _console()
    rate = report.sources / report.seconds if report.seconds else 0.0
    console.print(
        Text(
            f"{report.imported} imported, {report.updated} updated, {report.unchanged} unchanged, "
            f"{len(report.skipped)} skipped; {report.meetings} meetings extracted "
            f"({report.sources} sources in {report.seconds:.1f} s, {rate:.0f}/s)"
        )
    )
    for skip in report.skipped:  # one full line each: paths are never truncated
        line = (
            Text("skipped ", style="yellow")
            + Text(clean_line(skip.source))
            + Text(f": {clean_line(skip.reason)}")
        )
        console.print(line, soft_wrap=True)


@app.command("import")
def import_cmd(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), globs, feed or article URLs.")
    ],
    db: DbOption = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            max=64,
            help="Worker processes for reading and extraction. Default: the CPUs available, at most 4.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-read and re-extract unchanged sources.")] = False,
    max_size: Annotated[
        int | None,
        typer.Option(
            "--max-size",
            min=1,
            help="Skip sources larger than this many bytes. Default: $MEETVIEW_MAX_BYTES, else 20 MiB.",
        ),
    ] = None,
) -> None:
    """Import articles and store the meetings they report. Exit status 1 when anything was skipped."""
    if max_size is not None:
        from meetview.ingest.core import ENV_MAX_BYTES

        os.environ[ENV_MAX_BYTES] = str(max_size)  # worker processes inherit it
    store = _open(db)
    if jobs is None:
        from meetview.importer import auto_jobs

        jobs = auto_jobs()
    report = _run_import(store, paths, jobs=jobs, force=force)
    if not report.ok:
        raise typer.Exit(1)


@app.command("stats")
def stats_cmd(db: DbOption = None) -> None:
    """Counts per table, the date range, and the top countries, topics and people."""
    _print_stats(_open(db))


def _print_stats(store) -> None:
    from rich.columns import Columns
    from rich.table import Table
    from rich.text import Text

    from meetview import query
    from meetview.query.engine import date_range
    from meetview.sanitize import clean_line
    from meetview.store.writer import table_counts

    with store.session() as session:
        counts = table_counts(session)
        first, last = date_range(session)
        f = query.facets(session, query.parse(""), limit=10)
    console = _console()
    console.print(Text(f"Database: {shown_url(store.url)}"), soft_wrap=True)
    table = Table("table", "rows", title="Counts", title_justify="left")
    for name, n in counts.items():
        table.add_row(name, f"{n:,}")
    console.print(table)
    console.print(Text(f"Meeting dates: {first or '-'} to {last or '-'}"))

    def top(title: str, values) -> Table:
        t = Table(title, "meetings", title=f"Top {title}", title_justify="left")
        for v in values:
            t.add_row(Text(clean_line(v.label)), str(v.count))
        return t

    console.print(Columns([top("countries", f.countries), top("topics", f.topics), top("people", f.people)]))


QueryArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="A filter, as one quoted argument or several words (see README: country:NO -topic:sanctions "
        "after:2024-11 ...). Nothing means every meeting.",
        show_default=False,
    ),
]
# Commands that take a query have no short options, and pass tokens such as `-country:NO` through
# to the query instead of reading them as options.
QUERY_COMMAND = {"ignore_unknown_options": True, "allow_interspersed_args": True}


def query_string(words: list[str] | None) -> str:
    """The query from the command line: one argument is the whole query; several are joined, and a
    word holding spaces (the shell removed its quotes) is quoted again: person:"Serhii Boiev"."""
    words = words or []
    if len(words) == 1:
        return words[0]
    out = []
    for w in words:
        if any(c.isspace() for c in w) and '"' not in w:
            field, sep, value = w.partition(":")
            w = f'{field}:"{value}"' if sep and field.isalpha() else f'"{w}"'
        out.append(w)
    return " ".join(out)


SortOption = Annotated[
    str, typer.Option("--sort", help="date, participants, countries, topics, format, location or sources.")
]


def _parse(text: str):
    from meetview import query

    try:
        return query.parse(text)
    except query.QueryError as e:
        raise _query_fail(e) from None


def _query_fail(e) -> typer.Exit:
    from rich.text import Text

    from meetview.sanitize import clean_text

    console = _err_console()
    console.print(Text("error: ", style="bold red") + Text(clean_text(str(e))), soft_wrap=True)
    if e.query:
        console.print(Text(clean_text(e.pointer())), soft_wrap=True)
    return typer.Exit(2)


def _search(store, text: str, *, sort: str, ascending: bool, limit: int | None):
    from meetview import query

    q = _parse(text)
    try:
        with store.session() as session:
            return q, query.search(session, q, sort=sort, descending=not ascending, limit=limit)
    except query.QueryError as e:
        raise _query_fail(e) from None


@app.command("list", context_settings=QUERY_COMMAND)
def list_cmd(
    query_text: QueryArg = None,
    db: DbOption = None,
    sort: SortOption = "date",
    ascending: Annotated[bool, typer.Option("--asc", help="Oldest (or A-Z) first.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows to show.")] = 50,
) -> None:
    """List the meetings a filter matches, as a table (newest first)."""
    from rich.table import Table
    from rich.text import Text

    from meetview.sanitize import clean_line

    store = _open(db)
    _, page = _search(store, query_string(query_text), sort=sort, ascending=ascending, limit=limit)
    table = Table(
        "id",
        "date",
        "participants",
        "countries",
        "topics",
        "format",
        "sources",
        title_justify="left",
        expand=False,
    )
    for r in page.rows:
        table.add_row(
            str(r.id),
            Text(clean_line(r.date) or "-"),
            Text(clean_line(r.participants) or "-"),
            Text(clean_line(_first(r.countries.split(), 6, " ")) or "-"),
            Text(clean_line(_first(r.topics.split(", "), 3, ", ")) or "-"),
            Text(clean_line(r.format) or "-"),
            str(r.n_sources),
        )
    console = _console()
    console.print(table)
    shown = len(page.rows)
    more = f" (first {shown}; use --limit)" if page.truncated else ""
    console.print(Text(f"{page.total} meeting{'s' if page.total != 1 else ''}{more}"))


def _first(values: list[str], n: int, sep: str) -> str:
    """The first n values, and how many more: "DK EE FI NO SE UA +3"."""
    values = [v for v in values if v]
    more = f"{sep if sep != ', ' else ' '}+{len(values) - n}" if len(values) > n else ""
    return sep.join(values[:n]) + more


@app.command("show")
def show_cmd(
    meeting_id: Annotated[int, typer.Argument(help="The meeting's id (see `meetview list`).")],
    db: DbOption = None,
) -> None:
    """Everything about one meeting: fields, participants, sources and evidence."""
    from rich.table import Table
    from rich.text import Text

    from meetview.query.detail import meeting_details
    from meetview.sanitize import clean_line

    store = _open(db)
    with store.session() as session:
        found = meeting_details(session, [meeting_id])
    if not found:
        raise fail(f"no meeting with id {meeting_id}", 1)
    m = found[0]
    console = _console()
    console.print(Text(f"Meeting {m.id}", style="bold"))
    facts = Table.grid(padding=(0, 2))
    for label, value in (
        ("date", m.date),
        ("format", m.format),
        ("location", m.location),
        ("status", m.status),
        ("countries", ", ".join(f"{n} ({c})" for c, n in m.countries)),
        ("organizations", ", ".join(m.organizations)),
        ("topics", ", ".join(t for t, _ in m.topics)),
    ):
        facts.add_row(Text(label, style="dim"), Text(clean_line(value) or "-"))
    console.print(facts)
    people = Table(
        "participant", "role", "country", "organization", title="Participants", title_justify="left"
    )
    for p in m.participants:
        people.add_row(*(Text(clean_line(x) or "-") for x in (p.name, p.role, p.country, p.organization)))
    console.print(people)
    if m.evidence:
        console.print(Text("Evidence: ", style="dim") + Text(clean_line(m.evidence)), soft_wrap=True)
    console.print(Text("Sources:", style="dim"))
    for s in m.sources:
        bits = ", ".join(clean_line(x) for x in (s.outlet, s.published, s.url or s.source) if x)
        console.print(Text(f"  - {clean_line(s.title) or '(untitled)'}: {bits}"), soft_wrap=True)


@app.command("export", context_settings=QUERY_COMMAND)
def export_cmd(
    query_text: QueryArg = None,
    output: Annotated[str, typer.Option("--output", help="File to write ('-' for standard output).")] = "-",
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="md, json or csv (default: from the file's suffix, else md)."),
    ] = None,
    db: DbOption = None,
    sort: SortOption = "date",
    ascending: Annotated[
        bool, typer.Option("--asc/--desc", help="Oldest first (default) or newest first.")
    ] = True,
) -> None:
    """Export the meetings a filter matches as a Markdown brief, JSON records or CSV."""
    from pathlib import Path

    from meetview.export import FORMATS, render
    from meetview.query.detail import meeting_details

    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output != "-" else ""
        fmt = {"markdown": "md", "md": "md", "json": "json", "csv": "csv"}.get(suffix, "md")
    if fmt not in FORMATS:
        raise fail(f"unknown format '{fmt}' (md, json, csv)")
    store = _open(db)
    q, page = _search(store, query_string(query_text), sort=sort, ascending=ascending, limit=None)
    with store.session() as session:
        details = meeting_details(session, [r.id for r in page.rows])
    body = render(fmt, details, query=q.text)
    if output == "-":
        sys.stdout.write(body)
        return
    try:
        Path(output).expanduser().write_text(body, encoding="utf-8")
    except OSError as e:
        raise fail(f"cannot write {output}: {e.strerror or e}") from None
    from rich.text import Text

    from meetview.sanitize import clean_line

    _err_console().print(Text(f"Wrote {len(details)} meetings to {clean_line(output)} ({fmt})."))


@db_app.command("upgrade")
def db_upgrade(
    db: DbOption = None, revision: Annotated[str, typer.Argument(help="Target revision.")] = "head"
) -> None:
    """Apply migrations up to REVISION (default: the latest)."""
    from meetview.store import db as dbmod

    store = _open(db, migrate=False)
    before = dbmod.current_revision(store.engine)
    dbmod.upgrade(store.engine, revision)
    after = dbmod.current_revision(store.engine)
    say(f"{shown_url(store.url)}: {before or 'empty'} -> {after}")


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision (e.g. base, 0001).")], db: DbOption = None
) -> None:
    """Revert migrations down to REVISION."""
    from meetview.store import db as dbmod

    store = _open(db, migrate=False)
    dbmod.downgrade(store.engine, revision)
    say(f"{shown_url(store.url)}: now at {dbmod.current_revision(store.engine) or 'base'}")


@db_app.command("backup")
def db_backup(
    path: Annotated[str, typer.Argument(help="The backup file to create.")], db: DbOption = None
) -> None:
    """Copy the database to PATH while it stays in use (SQLite's online backup)."""
    from meetview.store.backup import BackupError, backup

    store = _open(db)
    try:
        size = backup(store.engine, path)
    except BackupError as e:
        raise fail(str(e)) from None
    say(f"Backed up {shown_url(store.url)} to {path} ({size:,} bytes).")


@db_app.command("restore")
def db_restore(
    path: Annotated[str, typer.Argument(help="A backup made by `meetview db backup`.")],
    db: DbOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Replace the database's content with a backup's, then migrate it to the current schema."""
    from meetview.store import db as dbmod
    from meetview.store.backup import BackupError, check_backup, restore

    store = _open(db, migrate=False)
    try:
        check_backup(path)
    except BackupError as e:
        raise fail(str(e)) from None
    if not yes and not typer.confirm(f"Replace everything in {shown_url(store.url)} with {path}?"):
        raise typer.Exit(1)
    try:
        revision = restore(store.engine, path)
    except BackupError as e:
        raise fail(str(e)) from None
    dbmod.ensure_schema(store.engine)
    say(f"Restored {path} (revision {revision}) into {shown_url(store.url)}.")


@db_app.command("compact")
def db_compact(db: DbOption = None) -> None:
    """Give back the space deleted data left (SQLite: VACUUM) and refresh the query planner's statistics."""
    from rich.text import Text
    from sqlalchemy.exc import OperationalError

    from meetview.store import db as dbmod

    store = _open(db)
    try:
        with _err_console().status(Text(f"Compacting {shown_url(store.url)} ..."), spinner="dots"):
            before, after = dbmod.compact(store.engine)
    except OperationalError as e:  # a long read or write holds the database: say so, change nothing
        reason = str(getattr(e, "orig", e)).splitlines()[0]
        raise fail(f"cannot compact {shown_url(store.url)} now ({reason}); try again when idle") from None
    sizes = f"{before / 2**20:,.1f} MB -> {after / 2**20:,.1f} MB"
    say(f"Compacted {shown_url(store.url)}: {sizes}.")


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the database's migration revision and the latest one."""
    from meetview.store import db as dbmod

    store = _open(db, migrate=False)
    current, head = dbmod.current_revision(store.engine), dbmod.head_revision()
    state = "up to date" if current == head else "behind: run `meetview db upgrade`"
    say(f"{shown_url(store.url)}: {current or 'empty'} (head {head}, {state})")


@app.command("extract")
def extract_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or URLs to read.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per article (the default).")
    ] = True,
) -> None:
    """Print the meetings found in articles, one JSON line per article, without touching any database."""
    from meetview.extract import extract
    from meetview.ingest import IngestError, Skip, discover, load, parse
    from meetview.sanitize import clean_line, inert_json

    def skipped(source: str, reason: object) -> None:
        print(f"skipped {clean_line(source)}: {clean_line(str(reason))}", file=sys.stderr)

    failed = 0
    for source in discover(paths):
        if isinstance(source, Skip):
            skipped(source.source, source.reason)
            failed += 1
            continue
        try:
            articles = parse(load(source))
        except IngestError as e:
            skipped(source, e)
            failed += 1
            continue
        for article in articles:
            try:
                record = extract(article).to_json()
            except Exception as e:  # an extractor bug: report it, go on with the other articles
                skipped(article.source, f"extraction failed ({type(e).__name__}: {e})")
                failed += 1
                continue
            print(inert_json(json.dumps(record, ensure_ascii=False)), flush=True)
    if failed:
        raise typer.Exit(1)


@app.command("screenshots")
def screenshots_cmd(
    out: Annotated[str, typer.Option("--out", help="Folder for the SVG files.")] = "screenshots",
) -> None:
    """SVG screenshots of the app at 220x55 on the bundled sample articles (imported into a temp database)."""
    import tempfile
    from pathlib import Path

    from meetview.config import seeds_dir
    from meetview.importer import run_import
    from meetview.store import open_store
    from meetview.tui.screenshots import take_screenshots

    with tempfile.TemporaryDirectory(prefix="meetview-shots-") as tmp:
        store = open_store(str(Path(tmp) / "seeds.db"))
        try:
            report = run_import(store, [str(seeds_dir())])
            shots = take_screenshots(store, Path(out), Path(tmp) / "state")
        finally:
            store.close()
    console = _console()
    console.print(f"Imported {report.imported} sample articles ({report.meetings} meetings).")
    for shot in shots:
        note = f" ({shot.note})" if shot.note else ""
        console.print(f"wrote {shot.path}{note}", markup=False, soft_wrap=True)


def main() -> None:
    """The console script: a crash prints one line, never a traceback (MEETVIEW_DEBUG=1 shows it)."""
    try:
        app()
    except Exception as e:
        if os.environ.get("MEETVIEW_DEBUG"):
            raise
        from meetview.sanitize import clean_line

        detail = clean_line(str(e).strip().splitlines()[0] if str(e).strip() else "")[:300]
        print(
            f"error: unexpected {type(e).__name__}{': ' + detail if detail else ''} "
            "(set MEETVIEW_DEBUG=1 to see where)",
            file=sys.stderr,
        )
        sys.exit(70)  # EX_SOFTWARE
