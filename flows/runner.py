"""Choosing the executor: the same flow on threads, processes or a Dask cluster.

`auto` (the default) takes a process per core when the input is big enough to repay starting
them, and runs in process otherwise, so a small run stays quick and a backfill uses every core.
"""
from __future__ import annotations

import os

from flows.config import Settings

PARALLEL_FROM_BATCHES = 4  # below this many batches of input, worker start-up costs more than it saves


def input_bytes(raw) -> int:
    total = 0
    for dirpath, _, filenames in os.walk(raw):
        for name in filenames:
            try:
                total += os.path.getsize(os.path.join(dirpath, name))
            except OSError:
                continue
    return total


def chosen_runner(settings: Settings) -> str:
    if settings.runner != "auto":
        return settings.runner
    cores = settings.workers or os.cpu_count() or 1
    big = input_bytes(settings.raw) >= PARALLEL_FROM_BATCHES * settings.batch_bytes
    return "process" if cores > 1 and big else "local"


def task_runner(settings: Settings):
    workers = settings.workers or os.cpu_count() or 1
    runner = chosen_runner(settings)
    if runner == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        # Dask's own INFO lines (nanny start/stop, worker kills on close) are noise in a run's output.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=1)


def _import_flow() -> None:
    import flows.pipeline  # noqa: F401  (Prefect, Polars, DuckDB and the extractors' lexicons)


def run_pipeline(settings: Settings) -> dict:
    """One flow run. Prefect is imported only once its API address is set (see flows/prefect_api.py),
    and that import overlaps the start of a local API server."""
    from flows.prefect_api import prefect_api

    with prefect_api(settings.state_dir, warm_up=_import_flow):
        from flows.pipeline import pipeline

        flow = pipeline.with_options(task_runner=task_runner(settings))
        return flow(raw=str(settings.raw), warehouse=str(settings.warehouse), batch_bytes=settings.batch_bytes,
                    max_article_chars=settings.max_article_chars)
