"""A small cache of rendered pages, keyed by what they show and by the database's state, so a
page is rendered again after any write (this app's, or the CLI's in another process)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class PageCache:
    """Least-recently-used, bounded; thread-safe (pages render on worker threads)."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._data: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            body = self._data.get(key)
            if body is not None:
                self._data.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        with self._lock:
            self._data[key] = body
            self._data.move_to_end(key)
            while len(self._data) > self._size:
                self._data.popitem(last=False)
