"""`newsfacts serve`: the pipeline flow as a Prefect deployment on a schedule.

Prefect schedules only against a real API server. With no PREFECT_API_URL, serve starts one
itself — loopback only, its database under the warehouse's state folder — and stops it on
exit; with one set, it uses that server (and a team's own workers can `prefect deploy` the
same flow from prefect.yaml instead).
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from flows.config import Settings

log = logging.getLogger("newsfacts.serve")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def local_server(home: Path, timeout: float = 90.0):
    """A Prefect server on 127.0.0.1 for as long as the block runs; its process group is ended after."""
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_API_HOST": "127.0.0.1",
           "PREFECT_SERVER_API_PORT": str(port)}
    env.pop("PREFECT_API_URL", None)
    with open(home / "server.log", "ab") as server_log:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port), "--analytics-off", "--no-ui"],
                                stdout=server_log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the local Prefect server did not start; see {home / 'server.log'}")
            time.sleep(0.5)
        log.info("local Prefect server on %s (database in %s)", url, home)
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


def _serve_flow(settings: Settings, cron: str | None, interval: float | None) -> None:
    from prefect.deployments.runner import EntrypointType

    from flows.pipeline import pipeline

    pipeline.serve(name="newsfacts", cron=cron, interval=interval,
                   parameters={"raw": str(settings.raw), "warehouse": str(settings.warehouse)},
                   description="newsfacts: raw/ -> validated fact tables", print_starting_message=False,
                   entrypoint_type=EntrypointType.MODULE_PATH, limit=1)  # runs never overlap


def serve(settings: Settings, cron: str | None = None, interval: float | None = None) -> None:
    """Block, running the flow on schedule, until SIGINT or SIGTERM; then stop what was started."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    schedule = f"cron '{cron}'" if cron else f"every {interval:g} s"
    try:
        if PREFECT_API_URL.value():
            log.info("serving newsfacts %s against %s", schedule, PREFECT_API_URL.value())
            _serve_flow(settings, cron, interval)
        else:
            with local_server(settings.state_dir / "prefect-server") as url:
                with temporary_settings(updates={PREFECT_API_URL: url}):
                    os.environ["PREFECT_API_URL"] = url  # for the flow-run processes the runner starts
                    log.info("serving newsfacts %s; stop with Ctrl-C", schedule)
                    _serve_flow(settings, cron, interval)
    except KeyboardInterrupt:
        log.info("stopped")
