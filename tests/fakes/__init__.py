"""Local servers speaking real wire protocols, for tests: an OpenAI-compatible LLM and a web search API."""

from tests.fakes._http import RecordedRequest
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.fakes.search_server import FakeSearch, SearchReply

__all__ = ["FakeOpenAI", "FakeSearch", "RecordedRequest", "Reply", "SearchReply"]
