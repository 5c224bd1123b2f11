"""diadanh's event store: SQLite schema, batch ingest (in process or on Dask), incidents linked
across articles, and export. Reads what ``events`` extracts; the dashboard reads it."""

from store.db import EventStore

__all__ = ["EventStore"]
