"""Disclosure ingest: readers, table understanding, store."""
