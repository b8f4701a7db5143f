"""`newsfacts status` after a good run and after a failed one."""
from __future__ import annotations

import pytest

from flows.config import load_settings
from flows.runner import run_pipeline
from flows.status import render_status


def test_status_before_any_run(tmp_path):
    text, code = render_status(tmp_path / "warehouse")
    assert code == 2 and "no runs yet" in text


def test_status_after_good_then_failed_run(prefect_server, raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse"
    run_pipeline(load_settings({"raw": raw_dir, "warehouse": warehouse}))
    text, code = render_status(warehouse)
    assert code == 0
    assert "completed" in text and "rows: articles 1," in text
    with pytest.raises(FileNotFoundError):
        run_pipeline(load_settings({"raw": tmp_path / "no-such-folder", "warehouse": warehouse}))
    text, code = render_status(warehouse)
    assert code == 1
    newest = text.splitlines()[2]
    assert "failed" in newest and "does not exist" in text
    assert "rows: articles 1," in text  # the last good warehouse is still what readers see
