"""Choosing the executor: the same flow on threads, processes or a Dask cluster."""
from __future__ import annotations

import os

from flows.config import Settings


def task_runner(settings: Settings):
    workers = settings.workers or os.cpu_count() or 1
    if settings.runner == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers)
    if settings.runner == "dask":
        # Dask's own INFO lines (nanny start/stop, worker kills on close) are noise in a run's output.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=1)


def run_pipeline(settings: Settings) -> dict:
    from flows.pipeline import pipeline

    flow = pipeline.with_options(task_runner=task_runner(settings))
    return flow(raw=str(settings.raw), warehouse=str(settings.warehouse), batch_bytes=settings.batch_bytes,
                max_article_chars=settings.max_article_chars)
