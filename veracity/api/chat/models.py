"""Wire models of POST /v1/chat/completions (OpenAI's shape; the contract's rules)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from veracity.engine.conversation import Turn
from veracity.errors import InvalidRequest

VERIFIER_MODELS = ("verify-reliability", "klusterai/verify-reliability")
UNSUPPORTED = ("tools", "tool_choice", "parallel_tool_calls", "response_format", "modalities", "audio", "store",
               "service_tier", "stream_options")


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: StrictStr
    text: StrictStr | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: StrictStr | list[ContentPart] | None = None
    name: StrictStr | None = None
    tool_calls: Any = None
    audio: Any = None

    def text(self) -> str:
        """The message's text: a string, or its text parts joined (other parts are never fetched)."""
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        return "\n".join(p.text for p in self.content if p.type == "text" and p.text)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: StrictStr
    messages: list[ChatMessage] = Field(min_length=1)
    stream: StrictBool = False
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    stop: StrictStr | list[StrictStr] | None = None
    seed: int | None = None
    user: StrictStr | None = None
    metadata: dict[str, Any] | None = None
    n: int | None = None
    return_search_results: bool = False

    def check_supported(self) -> None:
        """400 naming the first unsupported parameter, as the contract lists them."""
        if self.n is not None and self.n != 1:
            raise InvalidRequest("`n` must be 1: Veracity returns one choice", param="n", code="unsupported_parameter")
        extra = self.model_extra or {}
        for name in UNSUPPORTED:
            if extra.get(name) is not None:
                raise InvalidRequest(f"`{name}` is not supported by Veracity's chat completions: remove it",
                                     param=name, code="unsupported_parameter")
        for i, m in enumerate(self.messages):
            for name in ("tool_calls", "audio"):
                if getattr(m, name) is not None:
                    raise InvalidRequest(f"`messages[{i}].{name}` is not supported: send text messages",
                                         param=f"messages[{i}].{name}", code="unsupported_parameter")

    @property
    def is_verifier(self) -> bool:
        return self.model in VERIFIER_MODELS

    def turns(self) -> list[Turn]:
        role_map = {"function": "tool"}
        return [Turn(role_map.get(m.role, m.role), m.text()) for m in self.messages]  # type: ignore[arg-type]
