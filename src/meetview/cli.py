"""The command line: thin Typer commands over ingest, extract, store, query and export."""

from __future__ import annotations

import json
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


@app.callback(invoke_without_command=True)
def root(ctx: typer.Context, db: DbOption = None) -> None:
    """Without a command: open the browser (importing the bundled samples into an empty default database)."""
    if ctx.invoked_subcommand is not None:
        return
    typer.echo("The browser is not built yet; try `meetview --help`.")


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

    failed = 0
    for source in discover(paths):
        if isinstance(source, Skip):
            print(f"skipped {source.source}: {source.reason}", file=sys.stderr)
            failed += 1
            continue
        try:
            articles = parse(load(source))
        except IngestError as e:
            print(f"skipped {source}: {e}", file=sys.stderr)
            failed += 1
            continue
        for article in articles:
            print(json.dumps(extract(article).to_json(), ensure_ascii=False), flush=True)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app()
