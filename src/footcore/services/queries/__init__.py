"""The read model: everything read on the hot path, by one choice of path (CQRS's read side).

    reads.py             day and week: the one place that chooses the fast path or the unit of work
    sql.py               the read side's SQL (why it does not go through the repository: there)
    restrictions_sql.py  the stored load restrictions, applied to a day's items
    restrictions.py      the same stored restrictions for `footcore load`
    day_view.py          DayView, ItemView and day_dict, what `today`, `week` and the API show

This package imports nothing itself, so that `footcore today` loads only what its path needs.
"""
