"""`places`: one row per place mention, resolved to country and, in Iraq, governorate."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.facts import MentionModel

# ISO 3166-2:IQ governorate codes, plus IQ-KR for the Kurdistan Region as GUIDELINES.md asks.
ISO_3166_2_IQ = ["IQ-AN", "IQ-AR", "IQ-BA", "IQ-BB", "IQ-BG", "IQ-DA", "IQ-DI", "IQ-DQ", "IQ-KA", "IQ-KI",
                 "IQ-MA", "IQ-MU", "IQ-NA", "IQ-NI", "IQ-QA", "IQ-SD", "IQ-SU", "IQ-WA", "IQ-KR"]
PLACE_TYPES = ["country", "region", "governorate", "district", "city", "other"]


class PlaceModel(MentionModel):
    place_mention_id: str = pa.Field(unique=True, str_length={"min_value": 1},
        description="Stable id of the place mention.")
    place_name: str = pa.Field(str_length={"min_value": 1},
        description="Canonical English name of the place.")
    place_type: str = pa.Field(isin=PLACE_TYPES,
        description="country, region, governorate, district, city or other (dams, mountains, bases).")
    country_code: str = pa.Field(str_matches=r"^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2 code of the country the place is in.")
    admin1_code: str = pa.Field(nullable=True, isin=ISO_3166_2_IQ,
        description="ISO 3166-2:IQ code of the Iraqi governorate containing the place (IQ-KR for the Kurdistan Region); NULL for Iraq as a whole and places abroad.")
    admin1_pcode: str = pa.Field(nullable=True, str_matches=r"^IQG\d{2}$",
        description="OCHA p-code (IQGxx) of the governorate, the key humanitarian data joins on.")
    admin1_name: str = pa.Field(nullable=True, description="English name of the governorate.")

    @pa.dataframe_check
    def admin1_only_in_iraq(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """admin1_code is only for places in Iraq (country_code IQ)."""
        return data.lazyframe.select(pl.col("admin1_code").is_null() | (pl.col("country_code") == "IQ"))
