"""Storage: SQLAlchemy 2 models, Alembic migrations, the repository and unit of work (the read
side's plain SQL is the read model's, services/queries/sql.py). Import the submodules directly;
this package imports nothing, so that `database.py` stays free of SQLAlchemy's import cost."""
