"""Progress: a redrawn bar on a terminal, plain timestamped lines when output is not a terminal."""
from __future__ import annotations

import io
import logging

from flows.progress import ProgressBar, progress_handler


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _log(handler: logging.Handler, done: int, total: int) -> None:
    record = logging.LogRecord("newsfacts.progress", logging.INFO, __file__, 1,
                               "%d/%d batches", (done, total), None)
    record.done, record.total = done, total
    handler.handle(record)


def test_terminal_gets_a_bar_redrawn_in_place():
    stream = Terminal()
    handler = progress_handler(stream)
    assert isinstance(handler, ProgressBar)
    _log(handler, 1, 4)
    _log(handler, 4, 4)
    out = stream.getvalue()
    assert out.startswith("\r[#######.......................] 1/4 batches")
    assert "\r[" + "#" * 30 + "] 4/4 batches" in out and out.endswith("\n") and out.count("\n") == 1


def test_pipe_gets_plain_lines():
    stream = io.StringIO()
    handler = progress_handler(stream)
    _log(handler, 1, 4)
    _log(handler, 2, 4)
    lines = stream.getvalue().splitlines()
    assert [line.split(" ", 1)[1] for line in lines] == ["1/4 batches", "2/4 batches"]
    assert "\r" not in stream.getvalue()
