"""Conversation → task rules."""

from __future__ import annotations

import pytest

from veracity.engine.conversation import Turn, conversation_task, quoted_documents
from veracity.errors import InvalidRequest

DOC = "The Kestrel bridge opened in 1931 and is 412 metres long. " * 2


def test_last_assistant_turn_is_verified_against_system_and_earlier_turns() -> None:
    turns = [Turn("system", f"Answer only from this text: {DOC}"), Turn("user", "When did the bridge open?"),
             Turn("assistant", "It opened in 1931, according to the records I have."),
             Turn("user", "How long is it?"), Turn("assistant", "It is 412 metres long.")]
    task = conversation_task(turns)
    assert task.output == "It is 412 metres long." and task.prompt == "How long is it?"
    assert task.context is not None and task.context.startswith("[system] Answer only from this text")
    assert "[assistant] It opened in 1931" in task.context and "412 metres long." in task.context
    assert "How long is it?" not in task.context


def test_small_talk_and_generic_system_prompts_leave_open_mode() -> None:
    turns = [Turn("system", "You are a helpful assistant."), Turn("user", "hi"), Turn("assistant", "Hello!"),
             Turn("user", "What is the capital of France?"), Turn("assistant", "Paris.")]
    task = conversation_task(turns)
    assert task.context is None and task.mode == "open" and task.prompt == "What is the capital of France?"


def test_a_short_system_message_holding_a_record_is_context() -> None:
    turns = [Turn("system", "Answer from this record: InvID:INV7701B Amt:7116GBP Due:21Jun25"),
             Turn("user", "When is the invoice due?"), Turn("assistant", "The invoice is due on June 12, 2025.")]
    task = conversation_task(turns)
    assert task.mode == "rag" and task.context == "[system] Answer from this record: InvID:INV7701B Amt:7116GBP Due:21Jun25"
    # one figure is not a record: "You are GPT-4." and "Time: 10:30" stay small talk
    for short in ("You are GPT-4.", "Time: 10:30"):
        assert conversation_task([Turn("system", short), *turns[1:]]).context is None


@pytest.mark.parametrize("message", [
    f"Summarise:\n```\n{DOC}\n```", f"<document>{DOC}</document> What is it?", f"Question?\nContext:\n{DOC}",
])
def test_documents_quoted_in_the_last_user_turn_are_context(message: str) -> None:
    task = conversation_task([Turn("user", message), Turn("assistant", "The bridge is 412 metres long.")])
    assert task.context is not None and task.context.startswith("[document] The Kestrel bridge")


def test_a_long_user_message_is_context_whole_and_short_one_is_not() -> None:
    long_text = "word " * 85
    assert quoted_documents(long_text) == [long_text.strip()]
    assert quoted_documents("What year is it?") == []


def test_no_assistant_message_is_a_400_naming_messages() -> None:
    with pytest.raises(InvalidRequest) as err:
        conversation_task([Turn("system", "x"), Turn("user", "hello")])
    assert err.value.param == "messages"
