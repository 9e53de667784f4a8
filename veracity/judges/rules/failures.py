"""What a failed check carries (:class:`_Failure`), how values are read (:class:`_Reading`: hard or
veto), what the value checks found (:class:`_Values`), and the probabilities each rule gives."""

from __future__ import annotations

from dataclasses import dataclass

from veracity.engine.types import Span

P_CONFLICT, P_ABSENT, P_CODE, P_NEGATION, P_SOFT, P_WORD_NUMBER = 0.95, 0.90, 0.93, 0.90, 0.75, 0.70
P_RESTATED = 0.2  # a negated claim that an evidence clause restates (``RulesJudge.restatement``)
SUPPORTED_AT, WEAK_SUPPORT_AT = 0.7, 0.5


@dataclass(frozen=True)
class _Failure:
    hard: bool
    p: float
    reason: str
    cited: tuple[int, ...]
    quoted: Span | None = None  # where in ``cited[0]`` the other value stands


@dataclass(frozen=True)
class _Reading:
    """How values are checked. ``absent_is_hard``: a value the evidence never gives fails hard
    (the rules judge), or not (a veto). ``anchored_only``: only another value amid the claim's
    words contradicts it (:func:`_anchored`; a veto's look through the whole context).
    ``asked``: the content words of the question a short answer answers ("When was she born?")."""

    absent_is_hard: bool = True
    anchored_only: bool = False
    asked: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Values:
    verified: tuple[str, ...] = ()
    cited: tuple[int, ...] = ()
    spans: tuple[Span, ...] = ()
    failure: _Failure | None = None

    def __add__(self, other: _Values) -> _Values:
        hard = [f for f in (self.failure, other.failure) if f is not None and f.hard]
        failure = hard[0] if hard else self.failure or other.failure
        return _Values(self.verified + other.verified, self.cited + other.cited, self.spans + other.spans, failure)
