"""CI must run the README's test command, so the README's set-up is proven on every change."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readme_test_command():
    ci_command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ci_command in readme.splitlines()
    assert "pytest" in ci_command and ".venv" in ci_command


def test_readme_run_command_installs_into_venv_and_runs_over_raw():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/newsfacts run" in readme
    assert (ROOT / "raw" / "000_15f880b2d732555a.txt").is_file()
