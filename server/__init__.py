"""The central server: FastAPI + SQLAlchemy, the one source of truth."""
