"""Wire models of POST /v1/verify/reliability."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator


class VerifyRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    prompt: StrictStr = Field(description="The question or instruction the LLM answered.")
    output: StrictStr = Field(description="The LLM's answer to verify.")
    context: StrictStr | None = Field(None, description="Reference text (RAG mode); judged only against it.")
    return_search_results: bool = Field(False, description='Include search results; "true"/"false" accepted.')
    model: StrictStr | None = Field(None, description="Accepted for compatibility; names a configured verifier.")
    api_key: StrictStr | None = Field(None, description="Alternative to the Authorization header.")

    @field_validator("output")
    @classmethod
    def _not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty: send the text the LLM produced")
        return v


class EvidenceOut(BaseModel):
    text: str
    source: str
    span: list[int] | None = None
    link: str | None = None


class ClaimOut(BaseModel):
    text: str
    span: list[int]
    verdict: Literal["supported", "hallucination", "unverifiable"]
    confidence: float
    reason: str
    evidence: list[EvidenceOut]


class SearchResultOut(BaseModel):
    title: str
    snippet: str
    link: str


class UsageOut(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ReliabilityObject(BaseModel):
    id: str
    object: Literal["verification"]
    created: int
    model: str
    is_hallucination: bool
    verdict: Literal["supported", "hallucination", "unverifiable"]
    confidence: float
    explanation: str
    claims: list[ClaimOut]
    search_results: list[SearchResultOut]
    usage: UsageOut
