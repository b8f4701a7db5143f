"""`claims`: who said what, per ../shared/gold/GUIDELINES.md (kinds, canonical speaker, verb lemma)."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.facts import FactModel, span_matches


class ClaimModel(FactModel):
    claim_id: str = pa.Field(unique=True, str_length={"min_value": 1})
    kind: str = pa.Field(isin=["direct", "indirect", "mixed"])
    claim_text: str = pa.Field(str_length={"min_value": 1})
    speaker: str = pa.Field(nullable=True, str_length={"min_value": 1})
    speaker_mention: str = pa.Field(nullable=True)
    speaker_role: str = pa.Field(nullable=True)
    reporting_verb: str = pa.Field(nullable=True, str_matches=r"^[a-z][a-z ]*$")
    said_on: pl.Date = pa.Field(nullable=True)

    @pa.dataframe_check
    def span_is_claim_text(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """claim_text must equal the article text at [start_char, end_char)."""
        return span_matches(data, "claim_text")
