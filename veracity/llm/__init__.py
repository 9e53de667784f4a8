"""Talking to OpenAI-compatible LLM endpoints: the chat client, its errors, the judge's prompt."""

from veracity.llm.client import Backoff, ChatClient, ChatResult, LLMCallError
from veracity.llm.errors import to_judge_error, to_upstream_error

__all__ = ["Backoff", "ChatClient", "ChatResult", "LLMCallError", "to_judge_error", "to_upstream_error"]
