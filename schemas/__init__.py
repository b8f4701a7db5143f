"""Pandera (Polars backend) models: one per published relation, the single source of its columns.

`MODELS` maps a relation to its model; `polars_schema(relation)` gives the frame schema the
pipeline builds rows into, so the published types can never drift from the checked ones.
"""
from __future__ import annotations

import polars as pl

from schemas.articles import ArticleModel
from schemas.claims import ClaimModel
from schemas.operations import RejectModel, RunModel
from schemas.places import PlaceModel
from schemas.quantities import QuantityModel
from schemas.speakers import SpeakerModel
from schemas.time_expressions import TimeExpressionModel

MODELS = {
    "articles": ArticleModel,
    "claims": ClaimModel,
    "places": PlaceModel,
    "quantities": QuantityModel,
    "time_expressions": TimeExpressionModel,
}
DERIVED = {"speakers": SpeakerModel}  # computed from published relations at publish time
OPERATIONS = {"rejects": RejectModel, "runs": RunModel}
ALL_MODELS = {**MODELS, **DERIVED, **OPERATIONS}
FACT_RELATIONS = ("claims", "places", "quantities", "time_expressions")
KEYS = {"articles": "article_id", "claims": "claim_id", "places": "place_mention_id",
        "quantities": "quantity_id", "time_expressions": "time_expression_id",
        "speakers": "speaker_id", "rejects": "reject_id", "runs": "run_id"}


def polars_schema(relation: str) -> dict[str, pl.DataType]:
    """Column order: key, article_id, then the model's own fields, as users read a table."""
    columns = ALL_MODELS[relation].to_schema().columns
    first = [KEYS[relation]] + (["article_id"] if relation in (*FACT_RELATIONS, *DERIVED) else [])
    order = first + [name for name in columns if name not in first]
    return {name: columns[name].dtype.type for name in order}
