"""Progress on long runs: a redrawn bar on an interactive terminal, plain log lines otherwise.

The pipeline only logs `newsfacts.progress` records carrying `done` and `total`; how they
are shown is decided here, once, by whether stderr is a terminal.
"""
from __future__ import annotations

import logging
import sys
import time


class ProgressBar(logging.Handler):
    """One line, redrawn in place: bar, batches, articles and rate from the record's message."""

    def __init__(self, stream=None, width: int = 30):
        super().__init__()
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.monotonic()

    def emit(self, record: logging.LogRecord) -> None:
        done, total = getattr(record, "done", None), getattr(record, "total", None)
        if not total:
            return
        filled = int(self.width * done / total)
        elapsed = time.monotonic() - self.started
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r[{bar}] {record.getMessage()} {elapsed:.0f}s{end}")
        self.stream.flush()


def progress_handler(stream=None) -> logging.Handler:
    stream = stream or sys.stderr
    if stream.isatty():
        return ProgressBar(stream)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    return handler
