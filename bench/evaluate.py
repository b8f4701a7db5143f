"""Extraction quality on the shared gold sets, through the real CLI and the shared scorer.

    .venv/bin/python bench/evaluate.py            # seed + iraq-dev, polnear-dev, units-dev

Each set's texts are copied to a temporary raw folder (never into the project: they are
copyrighted), `newsfacts run` publishes a warehouse, and ../shared/tools/score.py scores it.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEWSFACTS = str(Path(sys.executable).with_name("newsfacts"))
SETS = {  # name: (text folders, gold files)
    "seed+dev": ([ROOT / "raw", SHARED / "corpora" / "iraq-dev"], [SHARED / "gold" / "seed.jsonl",
                                                                  SHARED / "gold" / "dev.jsonl"]),
    "polnear-dev": ([SHARED / "corpora" / "polnear-dev"], [SHARED / "gold" / "polnear-dev.jsonl"]),
    "units-dev": ([SHARED / "corpora" / "units-dev"], [SHARED / "gold" / "units-dev.jsonl"]),
}
SHOWN = ("claims.p", "claims.r", "claims.f1", "claims_with_speaker.f1", "speaker_acc", "kind_acc", "verb_acc",
         "claims_recall_by_kind.direct", "claims_recall_by_kind.indirect", "claims_recall_by_kind.mixed",
         "admin1.f1", "country.f1", "quantities.p", "quantities.r", "quantities.f1", "quantities_value_only.f1",
         "bound_acc", "item_acc")


def evaluate(name: str, work: Path) -> dict:
    folders, gold = SETS[name]
    raw = work / name / "raw"
    raw.mkdir(parents=True)
    for folder in folders:
        for path in folder.glob("*.txt"):
            shutil.copy(path, raw / path.name)
    warehouse = work / name / "warehouse"
    subprocess.run([NEWSFACTS, "run", "--raw", str(raw), "--warehouse", str(warehouse), "--quiet"], check=True)
    out = work / name / "metrics.json"
    subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--db", str(warehouse / "warehouse.duckdb"),
                    "--gold", *map(str, gold), "--json", str(out)], check=True, capture_output=True)
    metrics = json.loads(out.read_text())
    flat = {}
    for key, value in metrics.items():
        if isinstance(value, dict):
            flat.update({f"{key}.{k}": v for k, v in value.items() if isinstance(v, (int, float))})
        elif isinstance(value, (int, float)):
            flat[key] = value
    return flat


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsfacts-eval-") as tmp:
        results = {name: evaluate(name, Path(tmp)) for name in a.sets}
    print(f"| metric | {' | '.join(results)} |")
    print(f"| --- | {' | '.join('---' for _ in results)} |")
    for key in SHOWN:
        print(f"| {key} | " + " | ".join(str(r.get(key, "")) for r in results.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
