"""Settings in one place: command-line flags > NEWSFACTS_* environment > newsfacts.toml > defaults.

Every path is resolved against the working directory at load time, so a run started from
elsewhere with `--raw` / `--warehouse` behaves exactly like one started in the project.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "NEWSFACTS_"
CONFIG_FILE = "newsfacts.toml"


@dataclass(frozen=True)
class Settings:
    raw: Path = Path("raw")
    warehouse: Path = Path("warehouse")
    batch_bytes: int = 4_000_000  # input bytes per batch task (~800 news articles; 2 MB measured slower)
    max_article_chars: int = 2_000_000  # longer texts are quarantined, not extracted
    runner: str = "auto"  # auto | local | process | dask
    dask_address: str | None = None
    workers: int = 0  # 0: one per core

    @property
    def state_dir(self) -> Path:
        """Run log, lock and Prefect's home live beside the warehouse they describe."""
        return self.warehouse / ".state"


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if value is None:
        return None
    if "Path" in str(kind):
        return Path(value).expanduser().resolve()
    if "int" in str(kind):
        return int(value)
    return str(value)


def load_settings(overrides: dict[str, Any] | None = None, config_file: Path | None = None) -> Settings:
    """Merge the four layers; unknown keys in the file or environment are errors, not silence."""
    names = {f.name for f in fields(Settings)}
    merged: dict[str, Any] = {}
    path = config_file or Path(os.environ.get(ENV_PREFIX + "CONFIG", CONFIG_FILE))
    if path.is_file():
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        table = table.get("newsfacts", table)
        unknown = set(table) - names
        if unknown:
            raise ValueError(f"{path}: unknown setting(s) {sorted(unknown)}; known: {sorted(names)}")
        merged.update(table)
    for name in names:
        env = os.environ.get(ENV_PREFIX + name.upper())
        if env not in (None, ""):
            merged[name] = env
    merged.update({k: v for k, v in (overrides or {}).items() if v is not None})
    settings = replace(Settings(), **{k: _coerce(k, v) for k, v in merged.items()})
    return replace(settings, raw=settings.raw.resolve(), warehouse=settings.warehouse.resolve())
