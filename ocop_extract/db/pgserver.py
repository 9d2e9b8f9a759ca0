"""A throwaway PostgreSQL server for tests: initdb + pg_ctl in a temporary folder.

The server listens only on a Unix socket in its own folder (no TCP port is
opened, so it cannot clash with another server), trusts local connections,
and is removed when stopped. PostgreSQL refuses to run as root, so when the
tests run as root the folder is handed to the ``postgres`` system user (which
the Debian package creates) and the server commands run as that user.

    server = TempPostgres.start()
    url = server.create_database("ocop_test")   # postgresql://postgres@/ocop_test?host=/tmp/...
    ...
    server.stop()

`scripts/setup.sh --test` installs the server with apt when `initdb` is missing.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PORT = 54329  # only names the socket file (.s.PGSQL.54329); no TCP listener


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries, or the server would not start."""


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl: the newest /usr/lib/postgresql/*/bin, else PATH.

    Raises `PostgresUnavailable` with what to do when there is none.
    """
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: run `bash scripts/setup.sh --test` "
        "(it installs the Debian package postgresql) or `apt-get install postgresql`")


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *argv]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in argv)]


@dataclass
class TempPostgres:
    """A running private server; `url(dbname)` connects to it over its socket."""

    bindir: Path
    root: Path

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    @classmethod
    def start(cls, timeout: int = 60) -> "TempPostgres":
        """initdb a fresh cluster in a temporary folder and start it; raises `PostgresUnavailable`."""
        bindir = find_bindir()
        root = Path(tempfile.mkdtemp(prefix="ocop-pg-"))
        if os.geteuid() == 0:
            try:
                shutil.chown(root, user="postgres", group="postgres")
            except (LookupError, PermissionError) as exc:
                shutil.rmtree(root, ignore_errors=True)
                raise PostgresUnavailable(f"running as root but cannot hand {root} to user 'postgres': {exc}") from exc
        server = cls(bindir, root)
        server._run([str(bindir / "initdb"), "-D", str(server.datadir), "-U", "postgres",
                     "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], timeout)
        options = f"-c listen_addresses='' -c unix_socket_directories={root} -p {PORT} -c fsync=off"
        server._run([str(bindir / "pg_ctl"), "-D", str(server.datadir), "-o", options,
                     "-l", str(root / "server.log"), "-w", "-t", str(timeout), "start"], timeout + 10)
        return server

    def _run(self, argv: list[str], timeout: int) -> None:
        try:
            done = subprocess.run(_as_server_user(argv), capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self._cleanup()
            raise PostgresUnavailable(f"{Path(argv[0]).name} failed: {exc}") from exc
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            self._cleanup()
            raise PostgresUnavailable(
                f"{Path(argv[0]).name} exited {done.returncode}: {done.stderr.strip() or done.stdout.strip()}\n{tail}")

    def url(self, dbname: str = "postgres") -> str:
        """A libpq URL for one database of this server, over its Unix socket."""
        return f"postgresql://postgres@/{dbname}?host={self.socket_dir}&port={PORT}"

    def create_database(self, dbname: str) -> str:
        """Create an empty database (dropping one of that name) and return its URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(dbname)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
        return self.url(dbname)

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its folder."""
        if self.datadir.exists():
            subprocess.run(_as_server_user([str(self.bindir / "pg_ctl"), "-D", str(self.datadir),
                                            "-m", "fast", "-w", "stop"]),
                           capture_output=True, text=True, timeout=60)
        self._cleanup()

    def _cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
