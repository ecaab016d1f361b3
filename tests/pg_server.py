"""A throwaway PostgreSQL server for the tests: initdb into a temp dir, start on a free port, stop.

Nothing here depends on a system service: Debian's binaries under /usr/lib/postgresql/*/bin are
run directly. PostgreSQL refuses to run as root, so as root the server runs as the ``postgres``
OS user (created by the Debian package) in a temp dir handed to that user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: The superuser initdb creates; the tests connect as it over TCP with trust auth.
USER = "corroborate"


@dataclass(frozen=True)
class PgServer:
    root: Path
    bin_dir: Path
    port: int
    run_as: tuple[str, ...]

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        _run(
            [
                *self.run_as,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-m",
                "immediate",
                "-w",
                "stop",
            ]
        )
        shutil.rmtree(self.root, ignore_errors=True)


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian layout), else initdb on $PATH."""
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if found:
        newest = max(found, key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
        return Path(newest).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def why_unavailable() -> str | None:
    """None when a server can be started here, else the reason (for pytest.skip)."""
    if find_bin_dir() is None:
        return (
            "no PostgreSQL initdb found (Debian: apt-get install postgresql, or run scripts/system-deps.sh)"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' OS user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr or done.stdout}")


def start_server() -> PgServer:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError(why_unavailable() or "no initdb")
    # /tmp, not $TMPDIR: the postgres user must be able to reach it, and the Unix socket path in
    # it must stay under the 107-byte limit.
    root = Path(tempfile.mkdtemp(prefix="corroborate-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
    run_as: tuple[str, ...] = ()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        run_as = ("runuser", "-u", "postgres", "--")
    data = root / "data"
    # --no-sync and fsync=off: a test server's data need not survive a crash, and it starts faster.
    _run([*run_as, str(bin_dir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust",
          "--encoding=UTF8", "--no-locale", "--no-sync"])  # fmt: skip
    for _attempt in range(3):  # another process may take the port between probe and bind
        server = PgServer(root, bin_dir, _free_port(), run_as)
        options = (f"-h 127.0.0.1 -p {server.port} -k {root} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=40")  # fmt: skip
        cmd = [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", "30",
               "-o", options, "start"]  # fmt: skip
        if subprocess.run(cmd, capture_output=True, check=False).returncode == 0:
            return server
    log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
    shutil.rmtree(root, ignore_errors=True)
    raise RuntimeError(f"postgres did not start: {log[-2000:]}")
