"""Fixtures shared by the test modules."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from .ingest_processes import reference  # noqa: F401 - the corpus the multi-process tests share
from .pg_server import PgServer, start_server, why_unavailable

_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A private PostgreSQL server for the whole session (about a second to start); skips when
    PostgreSQL or psycopg is not installed (`make test` installs both)."""
    reason = why_unavailable()
    if reason:
        pytest.skip(reason)
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install -e '.[postgres]'")
    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The URL of a new, empty database on the session's server."""
    import psycopg

    name = f"test_{next(_database_numbers)}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return pg_server.url(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A fresh store of each backend, as the URL --db takes."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return str(request.getfixturevalue("pg_url"))
