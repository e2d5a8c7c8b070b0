"""The architecture holds: the core never imports Textual, and extract never touches the database or UI."""

from __future__ import annotations

import json
import subprocess
import sys

CORE = [
    "meetview.cli",
    "meetview.importer",
    "meetview.ingest",
    "meetview.extract",
    "meetview.store",
    "meetview.query",
    "meetview.query.entities",
    "meetview.query.detail",
    "meetview.export",
]


def _modules_after_import(names: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


def test_core_modules_never_import_textual():
    loaded = _modules_after_import(CORE)
    assert not {m for m in loaded if m == "textual" or m.startswith(("textual.", "textual_fastdatatable"))}


def test_extract_imports_no_database_and_no_ui():
    loaded = _modules_after_import(["meetview.extract"])
    forbidden = ("textual", "sqlalchemy", "sqlmodel", "alembic", "meetview.store", "meetview.query")
    assert not {m for m in loaded if m.startswith(forbidden)}


def test_cli_help_does_not_import_textual():
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom meetview.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\nprint('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
