"""Command-line arguments -> paths, and paths -> bytes, with errors people can act on."""

from __future__ import annotations

import glob
import os
import stat
import sys
from collections.abc import Iterator, Sequence

from ..errors import InputError
from ..settings import Settings
from .common import check_size, describe_size

STDIN = "-"
STDIN_SOURCE = "<stdin>"
_GLOB_CHARS = frozenset("*?[")


def expand_inputs(args: Sequence[str]) -> Iterator[str]:
    """Each input file once, in a stable order.

    Paths that do not exist (and globs matching nothing) are passed through, so the
    reader reports them instead of the input vanishing without a word.
    """
    seen: set[str] = set()
    for arg in args:
        for path in _expand(arg):
            if path == STDIN or path not in seen:
                seen.add(path)
                yield path


def _expand(arg: str) -> Iterator[str]:
    if arg == STDIN or (not os.path.isdir(arg) and os.path.lexists(arg)):
        yield arg
    elif os.path.isdir(arg):
        yield from _walk(arg)
    elif _GLOB_CHARS.isdisjoint(arg):
        yield arg
    else:
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield arg
        for match in matches:
            yield from (_walk(match) if os.path.isdir(match) else [match])


def _walk(root: str) -> Iterator[str]:
    """Recursive and sorted; hidden files and folders (.git, .DS_Store) are never articles."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def read_input_bytes(path: str, settings: Settings) -> tuple[bytes, str]:
    """The bytes of a path (or stdin for "-") and the source name to report them under."""
    if path == STDIN:
        return _read_stdin(settings), STDIN_SOURCE
    return _read_file(path, settings), path


def _read_file(path: str, settings: Settings) -> bytes:
    """The size is checked before reading, and again after in case the file grew."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory, not a file")
        check_size(info.st_size, settings, path)
        with open(path, "rb") as handle:
            data = handle.read(settings.max_file_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError(path, "no such file or directory") from exc
    except PermissionError as exc:
        raise InputError(path, "permission denied") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from exc
    check_size(len(data), settings, path)
    return data


def _read_stdin(settings: Settings) -> bytes:
    """stdin has no size to check first, so read one byte past the limit to notice."""
    try:
        data = sys.stdin.buffer.read(settings.max_file_bytes + 1)
    except (OSError, AttributeError, ValueError) as exc:
        raise InputError(STDIN_SOURCE, f"cannot read standard input: {exc}") from exc
    if len(data) > settings.max_file_bytes:
        limit = describe_size(settings.max_file_bytes)
        raise InputError(STDIN_SOURCE, f"input is over the {limit} limit (raise it with --max-file-mb)")
    return data
