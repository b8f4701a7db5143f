"""`claims`: who said what, per ../shared/gold/GUIDELINES.md (kinds, canonical speaker, verb lemma)."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.facts import FactModel, span_matches


class ClaimModel(FactModel):
    claim_id: str = pa.Field(unique=True, str_length={"min_value": 1},
        description="Stable id of the claim: same text and speaker, same id across runs.")
    kind: str = pa.Field(isin=["direct", "indirect", "mixed"],
        description="direct (in quotation marks), indirect (reported speech) or mixed (reported speech with a partial quote).")
    claim_text: str = pa.Field(str_length={"min_value": 1},
        description="The content of the claim, without quotation marks or reporting frame.")
    speaker: str = pa.Field(nullable=True, str_length={"min_value": 1},
        description="Canonical source: a person's fullest name in the article, an organisation without a leading 'the', or an unnamed source's description.")
    speaker_mention: str = pa.Field(nullable=True,
        description="The words the attribution used for the speaker (he, Numan, a senior official ...).")
    speaker_role: str = pa.Field(nullable=True,
        description="The speaker's role or title when the article gives one.")
    reporting_verb: str = pa.Field(nullable=True, str_matches=r"^[a-z][a-z ]*$",
        description="Lemma of the reporting verb or phrase (say, add, according to); NULL for a continuation quote.")
    said_on: pl.Date = pa.Field(nullable=True,
        description="When the claim was made, when its own sentence says so (resolved against the publication date).")

    @pa.dataframe_check
    def span_is_claim_text(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """claim_text must equal the article text at [start_char, end_char)."""
        return span_matches(data, "claim_text")
