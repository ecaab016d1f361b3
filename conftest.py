"""Collection rules for the doctest run over the package (tests/conftest.py has the fixtures)."""

import importlib.util

# The PostgreSQL store imports psycopg, which only the `postgres` extra installs.
collect_ignore = [] if importlib.util.find_spec("psycopg") else ["corroborate/store/postgres.py"]
