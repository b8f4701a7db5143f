"""The committed data dictionary is exactly what the Pandera models generate, and complete."""
from __future__ import annotations

from pathlib import Path

from flows.dictionary import render
from flows.publish.warehouse import RELATIONS
from schemas import ALL_MODELS, polars_schema

ROOT = Path(__file__).resolve().parents[1]


def test_committed_dictionary_matches_the_schemas():
    committed = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == render(), "run `newsfacts dictionary` and commit docs/data-dictionary.md"


def test_every_column_of_every_relation_has_a_meaning():
    text = render()
    for relation in RELATIONS:
        schema = ALL_MODELS[relation].to_schema()
        assert f"## `{relation}`" in text
        for name in polars_schema(relation):
            assert schema.columns[name].description, f"{relation}.{name} has no description"
            assert f"| `{name}` |" in text
