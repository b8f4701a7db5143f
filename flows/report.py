"""A one-file HTML report of a published warehouse: what the newest run did and what it found.

The page must open from disk on an offline machine and be safe to mail around, so it has no
scripts and no external resources (a Content-Security-Policy says so to the browser), charts are
inline SVG drawn here, and every value read from the data is escaped: speaker names and mention
text come from untrusted news text. Every figure is aggregated in DuckDB with a LIMIT, so the
report costs the same on twenty articles as on twenty thousand.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

import duckdb

from schemas import KEYS

TOP = 15  # bars per chart: more are unreadable, and the full data is one query away
REJECT_GROUPS = 50  # rows of the rejects table; the rest are counted, not listed
# Chart geometry in px; the value column fits a caption like "52,632 in 20,000 articles".
BAR_WIDTH, LABEL_WIDTH, VALUE_WIDTH, ROW_HEIGHT = 420, 260, 220, 24
LABEL_CHARS = 36
RUN_COUNTS = ("articles_seen", "articles_new", "articles_changed", "articles_unchanged",
              "articles_removed", "inputs_rejected", "rows_rejected", "claims_written",
              "places_written", "quantities_written", "time_expressions_written")

CSS = """
body { font: 14px/1.45 system-ui, sans-serif; color: #1f2933; max-width: 960px; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { padding: .25em .8em; border-bottom: 1px solid #e4e7eb; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.status-completed { color: #17803d; } .status-failed { color: #c92a2a; }
.muted { color: #7b8794; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #1f2933; }
svg rect { fill: #4c7fbf; }
"""


def fmt(value: object) -> str:
    """Numbers with thousands separators, at most two decimals; anything else as text; NULL as '–'."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    return str(value)


def esc(value: object) -> str:
    """The one way data reaches the page: formatted, then HTML-escaped (quotes too, for attributes)."""
    return escape(fmt(value), quote=True)


def bar_chart(title: str, rows: list[tuple[object, float, str]]) -> str:
    """Horizontal bars as inline SVG; rows are (label, value, caption shown after the bar)."""
    if not rows:
        return '<p class="muted">none</p>'
    top = max(value for _, value, _ in rows) or 1
    parts = []
    for i, (label, value, caption) in enumerate(rows):
        y = i * ROW_HEIGHT
        text = fmt(label)
        short = text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"
        width = max(1.0, BAR_WIDTH * value / top) if value else 0.0  # a tiny count stays visible
        parts.append(
            f'<g><title>{esc(text)}: {esc(caption)}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{esc(short)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{width:.1f}" height="{ROW_HEIGHT - 8}"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + 16}">{esc(caption)}</text></g>')
    total_width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = len(rows) * ROW_HEIGHT
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{esc(title)}" '
            f'width="{total_width}" height="{height}" viewBox="0 0 {total_width} {height}">'
            + "".join(parts) + "</svg>")


def table(header: list[str], rows: list[tuple], numeric: frozenset[int] = frozenset()) -> str:
    """A plain table; columns whose index is in `numeric` are right-aligned."""
    if not rows:
        return '<p class="muted">none</p>'

    def cell(tag: str, i: int, value: object) -> str:
        cls = ' class="n"' if i in numeric else ""
        return f"<{tag}{cls}>{esc(value)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _header(con: duckdb.DuckDBPyConnection) -> str:
    cols = ", ".join(("run_id", "started_at", "ended_at", "status", "message") + RUN_COUNTS)
    row = con.execute(f"SELECT {cols} FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()
    counts = [(name, con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]) for name in KEYS]
    if row is None:
        run = '<p class="muted">No run recorded.</p>'
    else:
        run_id, started, ended, status, message, *numbers = row
        run = (f'<p>Run <code>{esc(run_id)}</code>, started {esc(started)}, ended {esc(ended)}: '
               f'<strong class="status-{esc(status)}">{esc(status)}</strong>'
               + (f" — {esc(message)}" if message else "") + "</p>"
               + table(["in this run", "count"],
                       [(name.replace("_", " "), n) for name, n in zip(RUN_COUNTS, numbers)], frozenset({1})))
    return (run + "<h2>Rows per relation</h2>"
            + bar_chart("rows per relation", [(name, n, fmt(n)) for name, n in counts]))


def _places(con: duckdb.DuckDBPyConnection) -> str:
    # No LIMIT: admin1_code has 19 allowed values.
    rows = con.execute(
        "SELECT admin1_code || ' ' || any_value(admin1_name), count(*), count(DISTINCT article_id) "
        "FROM places WHERE admin1_code IS NOT NULL GROUP BY admin1_code ORDER BY 2 DESC, 1").fetchall()
    return bar_chart("place mentions by governorate",
                     [(label, n, f"{fmt(n)} in {fmt(a)} article{'s' * (a != 1)}") for label, n, a in rows])


def _speakers(con: duckdb.DuckDBPyConnection) -> str:
    rows = con.execute("SELECT speaker, count(*) FROM claims WHERE speaker IS NOT NULL "
                       f"GROUP BY speaker ORDER BY 2 DESC, 1 LIMIT {TOP}").fetchall()
    return bar_chart("claims by speaker", [(speaker, n, fmt(n)) for speaker, n in rows])


def _quantities(con: duckdb.DuckDBPyConnection) -> str:
    # A sum only means something in one base unit: units normalised to several get none.
    rows = con.execute(
        "SELECT unit, count(*), "
        "CASE WHEN count(DISTINCT normalized_unit) = 1 THEN sum(normalized_value) END, "
        "CASE WHEN count(DISTINCT normalized_unit) = 1 THEN any_value(normalized_unit) END "
        f"FROM quantities GROUP BY unit ORDER BY 2 DESC, 1 LIMIT {TOP}").fetchall()
    return (bar_chart("quantities by unit", [(unit, n, fmt(n)) for unit, n, _, _ in rows])
            + (table(["unit", "mentions", "sum", "in"], rows, frozenset({1, 2})) if rows else ""))


def _rejects(con: duckdb.DuckDBPyConnection) -> str:
    rows = con.execute("SELECT relation, failed_check, count(*), count(*) OVER () FROM rejects "
                       "GROUP BY relation, failed_check ORDER BY 3 DESC, 1, 2 "
                       f"LIMIT {REJECT_GROUPS}").fetchall()
    more = rows[0][3] - len(rows) if rows else 0
    return (table(["relation", "failed check", "rows"], [r[:3] for r in rows], frozenset({2}))
            + (f'<p class="muted">and {fmt(more)} more groups</p>' if more else ""))


def render_report(db_path: Path) -> str:
    """The complete HTML page for the warehouse file at db_path, opened read-only."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        sections = [
            ("Newest run", _header(con)),
            ("Place mentions by Iraqi governorate", _places(con)),
            (f"Top {TOP} speakers by claims", _speakers(con)),
            (f"Top {TOP} quantity units", _quantities(con)),
            ("Rows quarantined", _rejects(con)),
        ]
    body = "".join(f"<h2>{title}</h2>{section}" for title, section in sections)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" "
            "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<link rel=\"icon\" href=\"data:,\">"
            f"<title>newsfacts run report</title><style>{CSS}</style></head>"
            f"<body><h1>newsfacts run report</h1>{body}</body></html>\n")
