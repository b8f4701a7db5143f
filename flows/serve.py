"""`newsfacts serve`: the pipeline flow as a Prefect deployment on a schedule.

Prefect schedules only against a real API server. With no PREFECT_API_URL, serve starts one
itself — loopback only, its database under the warehouse's state folder — and stops it on
exit; with one set, it uses that server (and a team's own workers can `prefect deploy` the
same flow from prefect.yaml instead).
"""
from __future__ import annotations

import logging
import signal

from flows.config import Settings
from flows.prefect_api import prefect_api

log = logging.getLogger("newsfacts.serve")


def _serve_flow(settings: Settings, cron: str | None, interval: float | None) -> None:
    from prefect.deployments.runner import EntrypointType

    from flows.pipeline import pipeline

    pipeline.serve(name="newsfacts", cron=cron, interval=interval,
                   parameters={"raw": str(settings.raw), "warehouse": str(settings.warehouse)},
                   description="newsfacts: raw/ -> validated fact tables", print_starting_message=False,
                   entrypoint_type=EntrypointType.MODULE_PATH, limit=1)  # runs never overlap


def serve(settings: Settings, cron: str | None = None, interval: float | None = None) -> None:
    """Block, running the flow on schedule, until SIGINT or SIGTERM; then stop what was started."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    schedule = f"cron '{cron}'" if cron else f"every {interval:g} s"
    try:
        with prefect_api(settings.state_dir, services=True) as url:  # the scheduler needs services
            log.info("serving newsfacts %s against %s; stop with Ctrl-C", schedule, url)
            _serve_flow(settings, cron, interval)
    except KeyboardInterrupt:
        log.info("stopped")
