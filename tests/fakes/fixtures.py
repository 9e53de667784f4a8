"""Pytest fixtures for the fake servers.

Use them from a test module (``from tests.fakes.fixtures import fake_openai, fake_search``)
or for the whole suite from ``tests/conftest.py`` with the same import.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.search_server import FakeSearch

FAKE_LLM_KEY = "sk-fake-test-key"
FAKE_SEARCH_KEY = "fake-search-key"


@pytest.fixture()
def fake_openai() -> Iterator[FakeOpenAI]:
    """A fake OpenAI-compatible server requiring ``Authorization: Bearer FAKE_LLM_KEY``."""
    with FakeOpenAI(api_key=FAKE_LLM_KEY) as fake:
        yield fake


@pytest.fixture()
def fake_search() -> Iterator[FakeSearch]:
    """A fake Brave-format search server requiring ``X-Subscription-Token: FAKE_SEARCH_KEY``."""
    with FakeSearch(api_key=FAKE_SEARCH_KEY) as fake:
        yield fake
