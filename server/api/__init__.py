"""HTTP routes under /api/v1, one file per area."""
