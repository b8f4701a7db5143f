"""newsfacts: raw news text to validated, queryable fact tables."""
