"""The run report against a real published warehouse, hostile values, an empty file and Chromium."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from flows.config import load_settings
from flows.report import render_report
from flows.runner import run_pipeline

# Written for this test (not from any corpus): two governorates, two quoted speakers, counts.
FLOODS = """\
BASRA, Iraq – Floods in Basra and Mosul forced 37 people from their homes on Monday, local officials said.
"The water reached the main road within two hours," said Ahmed Karim, the governor of Basra.
The ministry said it had sent 12 trucks and 40 tons of food to Mosul.
"We expect more rain this week," said Layla Hassan, a spokeswoman for the civil defence in Nineveh.
"""
# A JSON Lines record without text never becomes an article: it lands in rejects.
BROKEN_JSONL = '{"id": "no-text", "title": "A record without text"}\n'


@pytest.fixture
def published(prefect_server, raw_dir, tmp_path) -> Path:
    (raw_dir / "floods.txt").write_text(FLOODS, encoding="utf-8")
    (raw_dir / "broken.jsonl").write_text(BROKEN_JSONL, encoding="utf-8")
    result = run_pipeline(load_settings({"raw": raw_dir, "warehouse": tmp_path / "warehouse"}))
    assert result["status"] == "completed"
    return tmp_path / "warehouse" / "warehouse.duckdb"


def bars(page: str) -> dict[str, str]:
    """Every bar of every chart as label -> caption, read back from the SVG tooltips."""
    return {html.unescape(label): html.unescape(caption)
            for label, caption in re.findall(r"<title>(.*?): (.*?)</title>", page)}


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def derived(published: Path, target: Path, inserts: list[tuple[str, list]] = ()) -> Path:
    """A warehouse with the published tables' columns and only the given rows."""
    with duckdb.connect(str(target)) as con:
        con.execute(f"ATTACH '{published}' AS src (READ_ONLY)")
        for (name,) in con.execute("SELECT table_name FROM information_schema.tables "
                                   "WHERE table_catalog = 'src'").fetchall():
            con.execute(f"CREATE TABLE {name} AS FROM src.{name} LIMIT 0")
        for sql, params in inserts:
            con.execute(sql, params)
    return target


def test_report_shows_governorates_speakers_units_and_rejects(published):
    page = render_report(published)
    shown = bars(page)
    # what the floods article and the seed article say, whatever else the extractors find
    assert shown["IQ-BA Basra"].endswith(" in 1 article")
    assert shown["IQ-NI Nineveh"].endswith(" in 2 articles")  # Mosul here, Nineveh in the seed
    assert shown["Sabah al-Numan"] == "9" and shown["Ahmed Karim"] == "1" and shown["Layla Hassan"] == "1"
    assert '<td>person</td><td class="n">1</td><td class="n">37</td><td>person</td>' in page
    assert "<td>ton</td>" in page and "<td>kilogram</td>" in page
    # every governorate and speaker bar carries the counts the warehouse holds
    for code, name, mentions, articles in query(
            published, "SELECT admin1_code, admin1_name, count(*), count(DISTINCT article_id) FROM places "
                       "WHERE admin1_code IS NOT NULL GROUP BY ALL"):
        assert shown[f"{code} {name}"] == f"{mentions} in {articles} article{'s' if articles > 1 else ''}"
    for speaker, claims in query(published, "SELECT speaker, count(*) FROM claims WHERE speaker IS NOT NULL "
                                            "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15"):
        assert shown[speaker] == str(claims)
    for (relation,) in query(published, "SELECT table_name FROM duckdb_tables()"):
        assert shown[relation] == str(query(published, f"SELECT count(*) FROM {relation}")[0][0])
    # the header describes the newest run; the broken record is in the rejects table
    [(run_id, rejects)] = query(published, "SELECT run_id, inputs_rejected FROM runs")
    assert run_id in page and "completed" in page and rejects == 1
    [(failed_check,)] = query(published, "SELECT failed_check FROM rejects WHERE relation = 'input'")
    assert f"<td>input</td><td>{html.escape(failed_check)}</td><td class=\"n\">1</td>" in page


def test_untrusted_values_are_escaped(published, tmp_path):
    evil = "<script>alert('x')</script>"
    long_evil = "<script>" + "x" * 80 + "</script>"  # cut to fit the chart, never mid-entity
    db = derived(published, tmp_path / "evil.duckdb", [
        ("INSERT INTO claims (claim_id, speaker) VALUES (?, ?), (?, ?)", ["c1", evil, "c2", long_evil]),
        ("INSERT INTO places (place_mention_id, article_id, admin1_code, admin1_name) VALUES (?, ?, ?, ?)",
         ["p1", "a1", "IQ-BA", 'Basra" onmouseover="alert(1)']),
        ("INSERT INTO quantities (quantity_id, unit, normalized_value, normalized_unit) VALUES (?, ?, ?, ?)",
         ["q1", "<img src=x onerror=alert(1)>", 1.0, "<b>"]),
        ("INSERT INTO rejects (reject_id, relation, failed_check) VALUES (?, ?, ?)",
         ["r1", "<i>", "</table>"]),
        ("INSERT INTO runs (run_id, started_at, status, message) VALUES (?, now(), ?, ?)",
         ["<run>", "failed", "<script>boom()</script>"]),
    ])
    page = render_report(db)
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert page.count("</table>") == page.count("<table>")
    assert 'onmouseover="' not in page
    assert html.escape(evil) in page and "&lt;run&gt;" in page and "&lt;script&gt;boom()" in page
    assert bars(page)[evil] == "1"


def test_empty_warehouse_renders(published, tmp_path):
    page = render_report(derived(published, tmp_path / "empty.duckdb"))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "No run recorded." in page
    assert page.count('<p class="muted">none</p>') == 4  # governorates, speakers, units, rejects
    assert all(caption == "0" for caption in bars(page).values())  # rows per relation


@pytest.mark.skipif(shutil.which("chromium") is None,
                    reason="no chromium binary on PATH (Debian: apt-get install chromium)")
def test_report_opens_in_headless_chromium_without_console_messages(published, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(render_report(published), encoding="utf-8")
    done = subprocess.run(
        [shutil.which("chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'chromium'}", "--enable-logging=stderr", "--v=0",
         "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count("<svg") == 4 and "<rect" in dom  # relations, governorates, speakers, units
    assert "Sabah al-Numan" in dom and "IQ-BA Basra" in dom
    # The page has no scripts, so any console message at all (an error, an uncaught exception,
    # a Content-Security-Policy violation, a failed load) means something is wrong.
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
