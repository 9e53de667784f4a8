"""A chat conversation → a Task: what to verify, against what.

Rules (the README repeats them):
- the output is the LAST assistant message; the prompt is the last user message before it;
- the context is what the conversation gives as reference, in order: system (and
  developer) messages, earlier user and assistant turns (earlier assistant turns are
  evidence, never re-verified), and any document quoted in the last user message
  (a fenced block, a ``<document>`` element, a "Context:"/"Document:" section, or a
  user message of 80 words or more, taken whole);
- a system message or earlier turn shorter than 8 words ("You are a helpful
  assistant.", "Hi!") carries no facts and is left out, so small talk does not turn an
  open question into a RAG check against nothing, unless it holds a record: two or more
  ``key:value`` fields with figures ("InvID:INV7701B Amt:7116GBP Due:21Jun25");
- with none of these, the task is in open mode (no context).
Each part of the context is labelled (``[system]``, ``[user]``, ``[assistant]``,
``[document]``) and parts are separated by a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from veracity.engine.types import Task
from veracity.errors import InvalidRequest

Role = Literal["system", "developer", "user", "assistant", "tool"]
LONG_USER_WORDS = 80
MIN_FACT_WORDS = 8
MIN_RECORD_FIELDS = 2
_FIELD = re.compile(r"[A-Za-z][\w.()-]*\s?[:=]\s?[^\s,;]*\d")
_DOC_PATTERNS = (
    re.compile(r"```[^\n]*\n(.*?)```", re.DOTALL),
    re.compile(r"<(document|context|passage|doc)[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE),
    re.compile(r"(?:^|\n)\s*(?:context|document|passage|reference|source|text)\s*:\s*\n?(.+)", re.DOTALL | re.IGNORECASE),
)


@dataclass(frozen=True)
class Turn:
    role: Role
    text: str


def quoted_documents(text: str) -> list[str]:
    """Documents quoted inside a user message (see the module rules)."""
    for pattern in _DOC_PATTERNS:
        found = [m.group(m.lastindex or 1).strip() for m in pattern.finditer(text)]
        found = [f for f in found if f]
        if found:
            return found
    return [text.strip()] if len(text.split()) >= LONG_USER_WORDS else []


def carries_facts(text: str) -> bool:
    """True for a turn long enough to state facts, or a short one holding a record (see the module rules)."""
    return len(text.split()) >= MIN_FACT_WORDS or len(_FIELD.findall(text)) >= MIN_RECORD_FIELDS


def conversation_task(turns: Sequence[Turn], return_search_results: bool = False) -> Task:
    last = max((i for i, t in enumerate(turns) if t.role == "assistant"), default=None)
    if last is None or not turns[last].text.strip():
        raise InvalidRequest("`messages` has no assistant message to verify: add the answer as the last "
                             "assistant turn", param="messages")
    before = turns[:last]
    last_user = max((i for i, t in enumerate(before) if t.role == "user"), default=None)
    prompt = before[last_user].text if last_user is not None else ""
    parts: list[str] = []
    for i, t in enumerate(before):
        if i == last_user:
            parts.extend(f"[document] {d}" for d in quoted_documents(t.text))
        elif t.role != "tool" and carries_facts(t.text):
            parts.append(f"[{'system' if t.role == 'developer' else t.role}] {t.text.strip()}")
    context = "\n\n".join(parts) or None
    return Task(prompt=prompt, output=turns[last].text, context=context, return_search_results=return_search_results)
