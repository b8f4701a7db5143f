"""Each input format, and each kind of bad input becoming a reject with a clear reason."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from flows.ingest.articles import Article, parse_published
from flows.ingest.readers import plan_units, read_unit

MAX = 2_000_000


def _read_all(raw: Path, target_bytes: int = 4 << 20):
    units, rejects = plan_units(raw, target_bytes)
    articles = []
    for unit in units:
        got, bad = read_unit(unit, MAX)
        articles += got
        rejects += bad
    return articles, rejects


def test_txt_is_read_whole_and_first_line_is_not_a_title(tmp_path):
    (tmp_path / "a.txt").write_text("BAGHDAD - Officials met.\r\nSecond line.\n", encoding="utf-8")
    [article], rejects = _read_all(tmp_path)
    assert rejects == []
    assert article.text == "BAGHDAD - Officials met.\nSecond line.\n"
    assert article.title is None and article.source_file == "a.txt"


def test_same_text_same_id_anywhere(tmp_path):
    a = Article(source_file="x.txt", text="Same words.")
    b = Article(source_file="other/y.jsonl", text="Same words.", source_line=3)
    assert a.article_id == b.article_id == a.text_sha256[:20]
    assert Article(source_file="x.txt", text="Other words.").article_id != a.article_id


def test_jsonl_fields_and_broken_line(tmp_path):
    lines = [json.dumps({"id": "n1", "title": "T1", "date": "2019-03-05", "source": "wire", "url": "http://x",
                         "text": "First article text."}),
             "{not json",
             json.dumps({"title": "no text"}),
             json.dumps({"text": "Second article text.", "date": "sometime"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, rejects = _read_all(tmp_path)
    assert [a.text for a in articles] == ["First article text.", "Second article text."]
    first = articles[0]
    assert (first.title, first.published, first.source, first.url, first.external_id, first.source_line) == \
        ("T1", date(2019, 3, 5), "wire", "http://x", "n1", 1)
    assert articles[1].published is None and articles[1].source_line == 4
    assert [(r.check, r.source_line) for r in rejects] == [("invalid_json", 2), ("missing_text", 3)]
    assert "line 2" in rejects[0].reason


def test_large_jsonl_is_cut_into_units_on_line_boundaries(tmp_path):
    lines = [json.dumps({"text": f"Article number {i} " + "x" * 200}) for i in range(300)]
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, _ = plan_units(tmp_path, target_bytes=5_000)
    assert len(units) > 5
    articles, rejects = _read_all(tmp_path, target_bytes=5_000)
    assert rejects == []
    assert [a.source_line for a in articles] == list(range(1, 301))
    assert all(a.text.startswith(f"Article number {a.source_line - 1} ") for a in articles)


def test_html_main_text_is_extracted(tmp_path):
    body = " ".join(["The governor of Kirkuk said on Monday that the road would reopen."] * 6)
    html = (f"<html><head><title>Road news</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>Road to reopen</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Copyright notice</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [article], rejects = _read_all(tmp_path)
    assert rejects == []
    assert "governor of Kirkuk" in article.text
    assert "Home | World" not in article.text


def test_html_without_article_is_rejected(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    articles, [reject] = _read_all(tmp_path)
    assert articles == [] and reject.check == "no_article"


@pytest.mark.parametrize("name,data,check", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("image.txt", bytes(range(256)) * 4, "binary"),
    ("notes.docx", b"PK\x03\x04", "unsupported_format"),
])
def test_bad_files_are_rejected_with_a_reason(tmp_path, name, data, check):
    (tmp_path / name).write_bytes(data)
    articles, [reject] = _read_all(tmp_path)
    assert articles == [] and reject.check == check and reject.reason


def test_legacy_encodings_fall_back_and_are_recorded(tmp_path):
    (tmp_path / "w1252.txt").write_bytes("Caf\u00e9 owners in Erbil said prices rose.".encode("cp1252"))
    (tmp_path / "w1256.txt").write_bytes("\u0623\u0631\u0628\u064a\u0644 \u0628\u063a\u062f\u0627\u062f news".encode("cp1256"))
    articles, rejects = _read_all(tmp_path)
    assert rejects == []
    by_file = {a.source_file: a for a in articles}
    assert by_file["w1252.txt"].encoding == "cp1252" and "Caf\u00e9" in by_file["w1252.txt"].text
    assert by_file["w1256.txt"].encoding == "cp1256" and "\u0623\u0631\u0628\u064a\u0644" in by_file["w1256.txt"].text


def test_too_large_article_is_rejected_not_extracted(tmp_path):
    (tmp_path / "huge.txt").write_text("word " * 1000, encoding="utf-8")
    units, _ = plan_units(tmp_path)
    articles, [reject] = read_unit(units[0], max_chars=100)
    assert articles == [] and reject.check == "too_large" and "max_article_chars" in reject.reason


def test_unreadable_file_is_rejected(tmp_path):
    """Read in a child without the capabilities that let root read a file whatever its mode."""
    path = tmp_path / "locked.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    code = ("import sys; from pathlib import Path; from flows.ingest.readers import plan_units, read_unit; "
            "u, _ = plan_units(Path(sys.argv[1])); r = read_unit(u[0], 10)[1][0]; print(r.check, r.reason)")
    drop = "-dac_override,-dac_read_search"
    prefix = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"] if os.geteuid() == 0 else []
    out = subprocess.run([*prefix, sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], check=True)
    assert out.stdout.strip() == "unreadable the file cannot be read (permission denied)"


@pytest.mark.parametrize("raw,expected", [
    ("2020-01-31", date(2020, 1, 31)), ("2020-01-31T10:00:00Z", date(2020, 1, 31)),
    ("March 5, 2019", date(2019, 3, 5)), ("", None), ("  ", None), ("yesterday", None), (None, None),
])
def test_published_dates(raw, expected):
    assert parse_published(raw) == expected
