"""The read-only JSON API under /api/ (views, auth, filters, records, OpenAPI schema)."""
