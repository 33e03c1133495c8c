"""Storage: SQLAlchemy 2 models, Alembic migrations, the repository and unit of work, and the
plain-SQL read views. Import the submodules directly; this package imports nothing, so that the
read views stay free of SQLAlchemy's import cost."""
