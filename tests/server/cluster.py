"""A throwaway PostgreSQL cluster on a private Unix socket, for the tests and the benchmarks.

Debian's ``postgresql`` package brings ``initdb`` and ``pg_ctl`` (under
``/usr/lib/postgresql/N/bin``); the cluster lives in a temporary folder,
listens on no TCP port, only on a socket in that folder, lets its one
superuser ``zeshi`` in without a password (``trust``: nobody else can reach
the socket) and is removed when stopped. ``initdb`` refuses to run as root
(CI runs as root), so as root every server command runs as ``nobody``.
``ZESHI_PG_BIN`` names another folder of the binaries.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "zeshi"
PORT = 5432   # only names the socket file (.s.PGSQL.5432): no TCP port is opened
UNPRIVILEGED = "nobody"


def bin_dir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: ``$ZESHI_PG_BIN``, Debian's newest, or the PATH's."""
    if env := os.environ.get("ZESHI_PG_BIN"):
        return Path(env)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def available() -> bool:
    """True when a cluster can be made here (the binaries and psycopg are installed)."""
    folder = bin_dir()
    if folder is None or not (folder / "pg_ctl").exists():
        return False
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return True


class Cluster:
    """One running cluster: ``url(name)`` for a database in it, ``create``/``drop`` databases, ``stop``."""

    def __init__(self, *, durable: bool = False) -> None:
        """Start it; ``durable`` keeps fsync on (the benchmarks), else every write is as fast as it can be."""
        folder = bin_dir()
        if folder is None:
            raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl): install Debian's postgresql package")
        self.bin = folder
        self.root = Path(tempfile.mkdtemp(prefix="zeshi-pg-"))
        self.data = self.root / "data"
        self.socket = self.root
        self.as_root = os.geteuid() == 0
        if self.as_root:   # initdb refuses root: the cluster's files belong to an unprivileged user
            import pwd
            user = pwd.getpwnam(UNPRIVILEGED)
            os.chown(self.root, user.pw_uid, user.pw_gid)
        options = [f"-c listen_addresses='' -c unix_socket_directories='{self.socket}' -c port={PORT}",
                   "-c max_connections=200 -c shared_buffers=128MB"]
        if not durable:
            options.append("-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        try:
            self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                      "--locale=C.UTF-8", "--no-instructions")
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60",
                      "-o", " ".join(options), "start")
        except BaseException:
            shutil.rmtree(self.root, ignore_errors=True)
            raise
        self._stopped = False
        atexit.register(self.stop)   # an interrupted run leaves no server behind
        self._wait()

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", UNPRIVILEGED, "--", *command]
        done = subprocess.run(command, check=False, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")

    def _wait(self) -> None:
        import psycopg
        for _ in range(100):
            try:
                psycopg.connect(self.libpq("postgres")).close()
                return
            except psycopg.OperationalError:
                time.sleep(0.1)
        raise RuntimeError(f"the cluster in {self.root} did not answer")

    def libpq(self, database: str) -> str:
        """A libpq connection string for ``database`` (psycopg, pg_dump, psql)."""
        return f"host={self.socket} port={PORT} user={SUPERUSER} dbname={database}"

    def url(self, database: str, user: str = SUPERUSER) -> str:
        """The SQLAlchemy URL of ``database``, as ``--db`` takes it."""
        return f"postgresql+psycopg://{user}@/{database}?host={self.socket}&port={PORT}"

    def execute(self, *statements: str, database: str = "postgres") -> None:
        """Run statements outside a transaction (CREATE DATABASE cannot run in one)."""
        import psycopg
        with psycopg.connect(self.libpq(database), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)  # type: ignore[arg-type]

    def create(self, name: str, template: str | None = None) -> str:
        """A new database (a copy of ``template`` when given); returns its URL."""
        copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.execute(f"CREATE DATABASE {name}{copy}")
        return self.url(name)

    def drop(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if getattr(self, "_stopped", True):
            return
        self._stopped = True
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
