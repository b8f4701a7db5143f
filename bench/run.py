"""Throughput, memory and fixed-cost benchmark for newsfacts; one command, a table and a JSON file.

    .venv/bin/python bench/run.py                      # 20k corpus, plus the seed-only fixed cost
    .venv/bin/python bench/run.py --scales 20k 100k    # and the 100k variant, for the memory bound

Each measured run is the real `newsfacts run` in its own process; peak RSS is the largest sum
of resident memory over that process and all its children (task-runner workers included),
sampled from /proc. Stage seconds come from the run's own record (`runs` relation).
Every first run starts from no warehouse. The seed runs come first, so the Prefect database
template a machine's first run leaves in ~/.cache/newsfacts (see flows/prefect_api.py) is in place
for the rest, as it is for a user after their first run.
The 100k variant repeats the 20k corpus five times with distinct ids and a copy marker added
to each text, since article ids are derived from the text and exact repeats would be skipped
as duplicates.
"""
from __future__ import annotations

import argparse
import json
import lzma
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "news-20k.jsonl.xz"
NEWSFACTS = str(Path(sys.executable).with_name("newsfacts"))
STAGES = ("ingest", "claims", "places", "quantities", "time_expressions", "validate", "stage", "publish")


def prepare(corpus: Path, work: Path, copies: int) -> Path:
    raw = work / f"raw-{copies}x"
    target = raw / "news.jsonl"
    if target.exists():
        return raw
    raw.mkdir(parents=True, exist_ok=True)
    with lzma.open(corpus, "rt", encoding="utf-8") as src:
        lines = src.readlines()
    with open(target, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for line in lines:
                if copy == 0:
                    out.write(line)
                    continue
                obj = json.loads(line)
                obj["id"] = f"{obj.get('id')}-copy{copy}"
                obj["text"] = f"{obj.get('text', '')}\n\n(copy {copy})"
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return raw


def _tree_rss(pid: int) -> int:
    """Resident bytes of pid and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * page
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def measure(raw: Path, warehouse: Path, *extra: str) -> dict:
    started = time.perf_counter()
    proc = subprocess.Popen([NEWSFACTS, "run", "--raw", str(raw), "--warehouse", str(warehouse), "--quiet", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.2)
    wall = time.perf_counter() - started
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"newsfacts run failed ({proc.returncode}): {err[-2000:]}")
    run = json.loads((warehouse / ".state" / "runs.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    input_mb = sum(p.stat().st_size for p in raw.rglob("*") if p.is_file()) / 1e6
    return {"wall_s": round(wall, 2), "articles": run["articles_seen"],
            "articles_per_s": round(run["articles_seen"] / wall, 1), "mb_per_s": round(input_mb / wall, 2),
            "peak_rss_mb": round(peak / 1e6, 1), "input_mb": round(input_mb, 1),
            "stages_s": {s: run.get(f"seconds_{s}") for s in STAGES},
            "facts": {r: run.get(f"{r}_written") for r in ("claims", "places", "quantities", "time_expressions")}}


def fresh(warehouse: Path) -> Path:
    """A first run starts from no warehouse: what is left from an earlier benchmark is removed."""
    shutil.rmtree(warehouse, ignore_errors=True)
    return warehouse


def median_of(runs: list[dict]) -> dict:
    best = sorted(runs, key=lambda r: r["wall_s"])[len(runs) // 2]
    return {**best, "wall_s_all": [r["wall_s"] for r in runs]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--scales", nargs="+", default=["20k"], choices=["20k", "100k"])
    ap.add_argument("--runner", default="auto", choices=["auto", "local", "process", "dask"])
    ap.add_argument("--repeat", type=int, default=1, help="full runs per scale; the median is reported")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "newsfacts-bench")
    ap.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    a = ap.parse_args(argv)
    result = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                          "python": platform.python_version(), "processor": platform.processor()},
              "runner": a.runner, "date": time.strftime("%Y-%m-%d"), "scales": {}}
    seed_raw = a.workdir / "raw-seed"
    seed_raw.mkdir(parents=True, exist_ok=True)
    (seed_raw / "seed.txt").write_bytes((ROOT / "raw" / "000_15f880b2d732555a.txt").read_bytes())
    fixed = [measure(seed_raw, fresh(a.workdir / f"wh-seed-{i}"), "--runner", a.runner) for i in range(3)]
    result["fixed_cost_seed_s"] = statistics.median(r["wall_s"] for r in fixed)
    for scale in a.scales:
        raw = prepare(a.corpus, a.workdir, 1 if scale == "20k" else 5)
        firsts, reruns = [], []
        for i in range(a.repeat):
            warehouse = fresh(a.workdir / f"wh-{scale}-{i}")
            firsts.append(measure(raw, warehouse, "--runner", a.runner))
            reruns.append(measure(raw, warehouse, "--runner", a.runner))
        first, rerun = median_of(firsts), median_of(reruns)
        result["scales"][scale] = {"first_run": first, "no_op_rerun": rerun,
                                   "rerun_over_first": round(rerun["wall_s"] / first["wall_s"], 3)}
    a.output.parent.mkdir(parents=True, exist_ok=True)
    a.output.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(render(result))
    print(f"\nwrote {a.output}")
    return 0


def render(result: dict) -> str:
    lines = [f"machine: {result['machine']['cpus']} cpus, {result['machine']['platform']}, "
             f"Python {result['machine']['python']}; runner {result['runner']}",
             f"fixed cost, seed article alone (Prefect start included), median of 3: {result['fixed_cost_seed_s']} s",
             "", f"{'scale':<6} {'articles':>9} {'wall s':>8} {'art/s':>7} {'MB/s':>6} {'peak RSS MB':>12} "
                 f"{'no-op rerun s':>14} {'rerun/first':>12}"]
    for scale, r in result["scales"].items():
        f = r["first_run"]
        lines.append(f"{scale:<6} {f['articles']:>9,} {f['wall_s']:>8} {f['articles_per_s']:>7} {f['mb_per_s']:>6} "
                     f"{f['peak_rss_mb']:>12} {r['no_op_rerun']['wall_s']:>14} {r['rerun_over_first']:>12}")
    for scale, r in result["scales"].items():
        stages = r["first_run"]["stages_s"]
        total = sum(v for v in stages.values() if v) or 1
        lines.append(f"\nstage seconds ({scale}, summed over batches): " + ", ".join(
            f"{k} {v} ({100 * v / total:.0f}%)" for k, v in stages.items() if v is not None))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
