"""`newsfacts` command line: run the flow, query the warehouse."""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from flows import prefect_env
from flows.config import load_settings

EXIT_FAILED, EXIT_BUSY = 1, 75


def _configure_logging(quiet: bool, verbose: bool) -> None:
    """Our messages on stderr; progress as a bar on a terminal, as log lines elsewhere."""
    from flows.progress import progress_handler

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    log = logging.getLogger("newsfacts")
    log.handlers[:] = [handler]
    log.setLevel(logging.WARNING if quiet else logging.INFO)
    log.propagate = False
    progress = logging.getLogger("newsfacts.progress")
    progress.handlers[:] = [progress_handler(sys.stderr)]
    progress.propagate = False


def _summary(run: dict, seconds: float) -> str:
    facts = ", ".join(f"{run[f'{r}_written']:,} {r.replace('_', ' ')}"
                      for r in ("claims", "places", "quantities", "time_expressions"))
    return (f"newsfacts run {run['run_id']}: {run['articles_seen']:,} articles read "
            f"({run['articles_new']:,} new, {run['articles_changed']:,} changed, "
            f"{run['articles_unchanged']:,} unchanged, {run['articles_removed']:,} removed); "
            f"written: {facts}; quarantined: {run['inputs_rejected']:,} input(s), "
            f"{run['rows_rejected']:,} row(s) (see the rejects relation); {seconds:.1f} s")


def cmd_run(args: argparse.Namespace) -> int:
    settings = load_settings({"raw": args.raw, "warehouse": args.warehouse, "runner": args.runner,
                              "dask_address": args.dask_address, "workers": args.workers})
    prefect_env.configure(settings.state_dir, verbose=args.verbose)
    _configure_logging(args.quiet, args.verbose)
    from flows.publish.lock import WarehouseBusy
    from flows.runner import run_pipeline

    t0 = time.perf_counter()
    try:
        run = run_pipeline(settings)
    except WarehouseBusy as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except Exception as exc:
        print(f"newsfacts: the run failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        print(_summary(run, time.perf_counter() - t0))
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from flows.query import run_query

    settings = load_settings({"warehouse": args.warehouse})
    try:
        print(run_query(settings.warehouse, args.sql, args.format))
    except Exception as exc:
        print(f"newsfacts: query failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    settings = load_settings({"raw": args.raw, "warehouse": args.warehouse})
    prefect_env.configure(settings.state_dir, verbose=args.verbose)
    _configure_logging(quiet=False, verbose=args.verbose)
    from flows.serve import serve

    serve(settings, cron=args.cron, interval=args.interval)  # imports Prefect only once its API is up
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from flows.status import render_status

    text, code = render_status(load_settings({"warehouse": args.warehouse}).warehouse, args.last)
    print(text)
    return code


def cmd_dictionary(args: argparse.Namespace) -> int:
    from flows.dictionary import render

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfacts", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="one run of the pipeline over the raw folder")
    run.add_argument("--raw", type=Path, help="input folder (default raw/)")
    run.add_argument("--warehouse", type=Path, help="warehouse folder (default warehouse/)")
    run.add_argument("--runner", choices=["auto", "local", "process", "dask"],
                     help="task runner (default auto: a process per core for big input, in process otherwise)")
    run.add_argument("--dask-address", help="scheduler address for --runner dask (default: a local cluster)")
    run.add_argument("--workers", type=int, help="parallel workers (default: one per core)")
    loud = run.add_mutually_exclusive_group()
    loud.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    loud.add_argument("--verbose", "-v", action="store_true", help="also Prefect's flow and task logs")
    run.set_defaults(func=cmd_run)
    query = sub.add_parser("query", help="a read-only SQL query against the warehouse")
    query.add_argument("sql")
    query.add_argument("--warehouse", type=Path)
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.set_defaults(func=cmd_query)
    serve = sub.add_parser("serve", help="run the flow on a schedule (a Prefect deployment) until stopped")
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron expression, e.g. "0 * * * *" for hourly')
    when.add_argument("--interval", type=float, help="seconds between runs")
    serve.add_argument("--raw", type=Path, help="input folder (default raw/)")
    serve.add_argument("--warehouse", type=Path, help="warehouse folder (default warehouse/)")
    serve.add_argument("--verbose", "-v", action="store_true", help="also Prefect's flow and task logs")
    serve.set_defaults(func=cmd_serve)
    status = sub.add_parser("status", help="the last runs and the warehouse's row counts; exit 1 if the last failed")
    status.add_argument("--warehouse", type=Path)
    status.add_argument("--last", type=int, default=5, help="how many runs to show (default 5)")
    status.set_defaults(func=cmd_status)
    dictionary = sub.add_parser("dictionary", help="regenerate the data dictionary from the Pandera models")
    dictionary.add_argument("--output", type=Path, default=Path("docs/data-dictionary.md"))
    dictionary.set_defaults(func=cmd_dictionary)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
