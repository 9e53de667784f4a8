"""A cache for functions of one text, that keeps many small texts and few large ones.

A context window is read again for every claim it may support, so the judges keep what they
read from thousands of windows. A whole context (or a long prompt) is read a few times within
one request; keeping thousands of those would keep every large context ever sent in memory
(a server fed 700k-character contexts grew by 17 MB a request). Texts longer than ``limit``
characters get a cache of their own, ``large`` entries deep.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class TextCache(Generic[T]):
    """``fn(text)``, remembered: up to ``small`` texts of at most ``limit`` characters, and up
    to ``large`` longer ones."""

    def __init__(self, fn: Callable[[str], T], small: int, large: int, limit: int) -> None:
        self.limit = limit
        self.uncached = fn  # for one-off texts that would only push the windows out
        self.small = functools.lru_cache(maxsize=small)(fn)
        self.large = functools.lru_cache(maxsize=large)(fn)
        functools.update_wrapper(self, fn)

    def __call__(self, text: str) -> T:
        return self.small(text) if len(text) <= self.limit else self.large(text)

    def cache_clear(self) -> None:
        self.small.cache_clear()
        self.large.cache_clear()


def text_cache(small: int = 4096, large: int = 4, limit: int = 20_000) -> Callable[[Callable[[str], T]], TextCache[T]]:
    """Decorate a function of one text with a :class:`TextCache`."""
    def wrap(fn: Callable[[str], T]) -> TextCache[T]:
        return TextCache(fn, small, large, limit)
    return wrap
