"""Ingest: raw files to `Article`s, and unreadable input to reject records."""
