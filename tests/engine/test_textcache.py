"""The text cache keeps many windows and only a few whole contexts."""

from __future__ import annotations

from veracity.engine.textcache import text_cache


def test_small_texts_are_kept_and_large_ones_only_a_few() -> None:
    calls: list[str] = []

    @text_cache(small=100, large=2, limit=10)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert [length("short"), length("short")] == [5, 5] and calls == ["short"]  # read once
    bigs = [f"{i} " + "x" * 20 for i in range(5)]
    assert [length(b) for b in bigs] == [len(b) for b in bigs]
    assert length(bigs[-1]) == len(bigs[-1]) and calls.count(bigs[-1]) == 1  # the last ones are kept
    assert length(bigs[0]) == len(bigs[0]) and calls.count(bigs[0]) == 2  # the first was let go
    assert length.large.cache_info().currsize == 2 and length.small.cache_info().currsize == 1
    assert length.__name__ == "length"
    length.cache_clear()
    assert length.small.cache_info().currsize == 0 and length.large.cache_info().currsize == 0


def test_uncached_reads_without_keeping() -> None:
    @text_cache(small=10, large=1, limit=10)
    def upper(text: str) -> str:
        return text.upper()

    assert upper.uncached("abc") == "ABC" and upper.small.cache_info().currsize == 0
