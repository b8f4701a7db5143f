"""`speakers`: one row per canonical speaker per article, derived from `claims` at publish.

It is what BI tools group by: `claims.speaker` joins to `speakers.speaker` within an article
(or on `speaker_id`), with the speaker's role and how many claims the article attributes.
"""
from __future__ import annotations

import pandera.polars as pa
import polars as pl


class SpeakerModel(pa.DataFrameModel):
    speaker_id: str = pa.Field(unique=True, description="Stable id of the speaker within the article.")
    article_id: str = pa.Field(description="The article (articles.article_id).")
    speaker: str = pa.Field(str_length={"min_value": 1},
                            description="Canonical speaker, exactly as in claims.speaker.")
    speaker_role: str = pa.Field(nullable=True, description="The role the article gives the speaker, most often "
                                                            "stated one when several.")
    mentions: str = pa.Field(nullable=True, description="The distinct words used for the speaker in attributions, '; '-separated.")
    claims: pl.Int32 = pa.Field(ge=1, description="Claims attributed to the speaker in the article.")
    first_char: pl.Int32 = pa.Field(ge=0, description="Offset of the speaker's first claim in the article.")
