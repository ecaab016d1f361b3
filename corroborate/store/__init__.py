"""Storage behind one interface; :func:`open_store` picks the backend from the URL."""

from __future__ import annotations

import os

from ..errors import StoreError
from .base import SearchHit, Store

DEFAULT_DB = "corroborate.db"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

__all__ = ["DEFAULT_DB", "SearchHit", "Store", "open_store", "resolve_db"]


def resolve_db(db: str | None) -> str:
    """--db wins, then $CORROBORATE_DB, then ./corroborate.db."""
    return db or os.environ.get("CORROBORATE_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    A plain path or ``sqlite:///path`` opens SQLite; ``postgresql://`` or ``postgres://`` opens
    PostgreSQL (the ``postgres`` extra).
    """
    target = resolve_db(url)
    if target.startswith(POSTGRES_SCHEMES):
        return _open_postgres(target)
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]
    if "://" in target:
        raise StoreError(f"unsupported store URL {target!r}; give a SQLite file path or a postgresql:// URL")
    from .sqlite import SQLiteStore

    return SQLiteStore(target)


def _open_postgres(url: str) -> Store:
    try:
        from .postgres import PostgresStore
    except ModuleNotFoundError as exc:  # psycopg is optional; only this backend needs it
        if not (exc.name or "").startswith("psycopg"):
            raise
        raise StoreError(
            "the PostgreSQL store needs psycopg: pip install -e '.[postgres]' (or pip install 'psycopg[binary]')"
        ) from exc
    return PostgresStore(url)
