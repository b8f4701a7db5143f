"""The Prefect API a run talks to: the configured server, or a local one started for the run.

Prefect orchestrates only against an API server. Starting our own (loopback only, its
database under the warehouse's state folder) instead of relying on Prefect's implicit
temporary server means task-runner worker processes inherit its address and share it rather
than each starting a server of their own, and its logs stay in a file rather than in the run's
output.
"""
from __future__ import annotations

import importlib.metadata
import logging
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from pathlib import Path

log = logging.getLogger("newsfacts.prefect")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_template() -> Path | None:
    """Where an empty, migrated server database is kept for this Prefect version (None when the
    user points Prefect at a database of their own). A new warehouse's server starts from a copy
    instead of running Prefect's migrations again: about 4.5 of its 7.5 s start on two cores."""
    if os.environ.get("PREFECT_API_DATABASE_CONNECTION_URL"):
        return None
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsfacts"
    return cache / f"prefect-{importlib.metadata.version('prefect')}.db"


def _from_template(database: Path) -> None:
    template = _database_template()
    if template is not None and template.exists() and not database.exists():
        shutil.copyfile(template, database)


def _keep_template(database: Path) -> None:
    """Save a consistent copy of a just-started server's database (SQLite's online backup), once."""
    template = _database_template()
    if template is None or template.exists() or not database.exists():
        return
    template.parent.mkdir(parents=True, exist_ok=True)
    partial = template.with_name(f"{template.name}.{os.getpid()}.partial")
    source, target = sqlite3.connect(database), sqlite3.connect(partial)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    os.replace(partial, template)  # concurrent first runs: the last whole copy wins


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def local_server(home: Path, services: bool, timeout: float = 90.0,
                 while_starting: Callable[[str], None] | None = None):
    """A Prefect server on 127.0.0.1 for as long as the block runs; its process group is ended after.
    Without services (scheduler and the like) it starts faster: a single run does not need them.
    `while_starting(url)` runs as soon as the address is known, while the server boots (seconds
    of imports and database migrations on one core), so the caller's own start-up overlaps it."""
    home.mkdir(parents=True, exist_ok=True)
    database = home / "prefect.db"  # Prefect's default location under PREFECT_HOME
    _from_template(database)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_API_HOST": "127.0.0.1",
           "PREFECT_SERVER_API_PORT": str(port)}
    env.pop("PREFECT_API_URL", None)
    with open(home / "server.log", "ab") as server_log:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port), "--analytics-off", "--no-ui",
                                 *([] if services else ["--no-services"])],
                                stdout=server_log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        if while_starting is not None:
            while_starting(url)
        deadline = time.monotonic() + timeout
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the local Prefect server did not start; see {home / 'server.log'}")
            time.sleep(0.1)
        log.debug("local Prefect server on %s (database in %s)", url, home)
        _keep_template(database)
        yield url
    finally:
        with_group(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with_group(proc, signal.SIGKILL)
            proc.wait()


def with_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def _configured_url() -> str | None:
    """PREFECT_API_URL from the environment, or from settings already loaded in this process
    (a test harness sets it there)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if "prefect" in sys.modules:
        from prefect.settings import PREFECT_API_URL

        return PREFECT_API_URL.value()
    return None


@contextmanager
def prefect_api(state_dir: Path, services: bool = False, warm_up: Callable[[], None] | None = None):
    """Yield the API URL, set in the environment for this process and every process it starts.

    Enter it before Prefect is imported: Prefect reads its settings once, at import, and code
    running in its helper threads sees only those, so an address set later would make them
    start a temporary server of their own. `warm_up` (imports, say) runs once the address is
    set, while a local server is still starting.
    """
    configured = _configured_url()
    # A server that lives only for this run has no reader for shipped logs, and a failed run's
    # last log lines would reach it after it stopped ("Error logging to API"): keep logs local.
    ours = {} if configured or services else {"PREFECT_LOGGING_TO_API_ENABLED": "false"}
    before = {k: os.environ.get(k) for k in ("PREFECT_API_URL", *ours)}

    def address_known(url: str) -> None:
        os.environ.update({"PREFECT_API_URL": url, **ours})
        if warm_up is not None:
            warm_up()

    try:
        if configured:
            address_known(configured)
            server = nullcontext(configured)
        else:
            server = local_server(state_dir / "prefect-server", services, while_starting=address_known)
        with server as url:
            yield url
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
