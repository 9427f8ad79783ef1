"""Persistence of the server: SQLAlchemy models, engines, sessions, migrations."""
