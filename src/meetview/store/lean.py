"""Lean statements: a Core statement compiled once per dialect and run on the DBAPI cursor directly.

The writer runs ~17 small statements an article; through `Connection.execute` each pays ~90 us of
SQLAlchemy bookkeeping (execution context, events, result wrapping), more than SQLite takes to run
it. A `Lean` statement keeps SQLAlchemy's compiler, bind processors (datetimes on SQLite) and
column defaults, and its error classes (a DBAPI error is raised as the matching
`sqlalchemy.exc.DBAPIError` subclass, so `IntegrityError` handling is unchanged); it skips the rest.
It must run inside a transaction the session has begun (`session.connection()` first).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement


@dataclass(frozen=True)
class _Plan:
    sql: str
    positional: bool
    order: Callable[[dict[str, Any]], tuple]  # the values in the SQL's order (positional paramstyles)
    fixed: dict[str, Any]  # binds whose value the statement holds (literals, scalar column defaults)
    processors: dict[str, Callable[[Any], Any]]


class Lean:
    """One statement, compiled on first use for each dialect and set of column keys."""

    __slots__ = ("_plans", "stmt")

    def __init__(self, stmt: ClauseElement) -> None:
        self.stmt = stmt
        self._plans: dict[tuple[str, frozenset[str]], _Plan] = {}

    def _plan(self, dialect: Dialect, keys: frozenset[str]) -> _Plan:
        plan = self._plans.get((dialect.name, keys))
        if plan is None:
            plan = self._plans[(dialect.name, keys)] = self._compile(dialect, keys)
        return plan

    def _compile(self, dialect: Dialect, keys: frozenset[str]) -> _Plan:
        compiled = self.stmt.compile(dialect=dialect, column_keys=sorted(keys))
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError(f"a lean statement cannot expand parameters: {compiled.string}")
        fixed = {k: v for k, v in compiled.construct_params({}, _check=False).items() if k not in keys}
        for column in (*compiled.insert_prefetch, *compiled.update_prefetch):
            default = column.default if column in compiled.insert_prefetch else column.onupdate
            if default is None or not default.is_scalar:
                raise ValueError(f"a lean statement needs scalar defaults: {column}")
            fixed[column.key] = default.arg
        for entry in compiled._result_columns:
            if entry.type.dialect_impl(dialect).result_processor(dialect, None) is not None:
                raise ValueError(f"a lean statement returns raw values, not {entry.type}: {entry.name}")
        return _Plan(
            sql=compiled.string,
            positional=dialect.positional,
            order=_getter(tuple(compiled.positiontup or ())),
            fixed=fixed,
            processors=dict(compiled._bind_processors),
        )

    def _args(self, plan: _Plan, params: dict[str, Any]) -> Any:
        values = {**plan.fixed, **params} if plan.fixed or plan.processors else params
        for name, process in plan.processors.items():
            if name in values:
                values[name] = process(values[name])
        return plan.order(values) if plan.positional else values

    def run(self, conn: Connection, params: dict[str, Any] | None = None):
        """Execute with one set of parameters; returns the DBAPI cursor (rows are plain tuples)."""
        params = params or {}
        plan = self._plan(conn.dialect, frozenset(params))
        args = self._args(plan, params)
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(plan.sql, args)
        except conn.dialect.loaded_dbapi.Error as e:
            cursor.close()
            raise _wrapped(conn, plan.sql, args, e) from e
        return cursor

    def run_many(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        """Execute once per row (every row has the same keys); nothing is returned."""
        if not rows:
            return
        plan = self._plan(conn.dialect, frozenset(rows[0]))
        args = [self._args(plan, row) for row in rows]
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(plan.sql, args)
        except conn.dialect.loaded_dbapi.Error as e:
            raise _wrapped(conn, plan.sql, args, e) from e
        finally:
            cursor.close()

    def scalar(self, conn: Connection, params: dict[str, Any] | None = None) -> Any:
        """The first column of the first row, or None."""
        cursor = self.run(conn, params)
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        return None if row is None else row[0]

    def all(self, conn: Connection, params: dict[str, Any] | None = None) -> list[tuple]:
        cursor = self.run(conn, params)
        try:
            return cursor.fetchall()
        finally:
            cursor.close()

    def execute(self, conn: Connection, params: dict[str, Any] | None = None) -> None:
        self.run(conn, params).close()


def _getter(names: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple]:
    if len(names) == 1:
        name = names[0]
        return lambda values: (values[name],)
    if not names:
        return lambda values: ()
    return operator.itemgetter(*names)


def _wrapped(conn: Connection, sql: str, args: Any, e: Exception) -> DBAPIError:
    dbapi = conn.dialect.loaded_dbapi
    return DBAPIError.instance(sql, args, e, dbapi.Error, dialect=conn.dialect)
