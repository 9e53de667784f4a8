"""The rules judge: runs the checks of the package on a claim's windows, in the order the package
docstring gives (:mod:`veracity.judges.rules`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from veracity.engine.normalize import stem
from veracity.engine.tables import readable
from veracity.engine.types import ClaimVerdict, Evidence, JudgeInput
from veracity.judges.rules.answers import _check_both_answer, _check_polar_answer
from veracity.judges.rules.antonyms import _antonym_restated, _check_antonym
from veracity.judges.rules.codes import _check_identifiers
from veracity.judges.rules.dates import _check_dates
from veracity.judges.rules.days import _check_days, _days_restated
from veracity.judges.rules.failures import P_RESTATED, SUPPORTED_AT, WEAK_SUPPORT_AT, _Failure, _Reading, _Values
from veracity.judges.rules.fields import _check_fields
from veracity.judges.rules.names import _check_entities
from veracity.judges.rules.negation import _check_negation, _restated
from veracity.judges.rules.quantities import _check_quantities
from veracity.judges.rules.sentences import _last_sentence, _sentence
from veracity.judges.rules.swaps import _check_name_swapped, _check_said_of_another
from veracity.judges.rules.words import _content, _facts, _known


class RulesJudge:
    """Checks claims against their evidence with rules only (see :mod:`veracity.judges.rules`)."""

    name = "rules"

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        """One verdict per item, in order."""
        verdicts = [self._as_given(item, self._judge_one) for item in items]
        return [v for v in verdicts if v is not None]  # _judge_one always decides

    def hard_contradiction(self, item: JudgeInput) -> ClaimVerdict | None:
        """A ``hallucination`` verdict when the evidence states otherwise: another date or
        value where the claim gives one, a similar but different code, or the negated
        statement; ``None`` otherwise, including when the evidence gives no value at all
        (unsupported, not contradicted) and when there is no evidence."""
        return self._as_given(item, self._hard)

    def restatement(self, item: JudgeInput) -> ClaimVerdict | None:
        """A ``supported`` verdict when an evidence clause restates the claim's negation
        (:func:`_restated`) or an evidence sentence gives the claim's recurring days in its words
        (:func:`_days_restated`), or a clause says it with the opposite word negated
        (:func:`_antonym_restated`: "prohibited", "not allowed"); ``None`` otherwise."""
        return self._as_given(item, self._restated)

    def unmentioned_name(self, item: JudgeInput) -> ClaimVerdict | None:
        """A ``hallucination`` verdict when the claim names something (a clear proper noun, not in
        the prompt) that the whole context never mentions; ``None`` otherwise, and in open mode."""
        return self._as_given(item, self._unmentioned)

    def _unmentioned(self, item: JudgeInput, windows: list[Evidence]) -> ClaimVerdict | None:
        if not windows or not item.context or not item.context.strip():
            return None
        prompt = " ".join(filter(None, (item.prompt, item.claim.question)))
        failure = _check_entities(item.claim.text, _facts(readable(item.context)), prompt, "the context never mentions")
        return self._verdict(item, windows, failure) if failure else None

    @staticmethod
    def _restated(item: JudgeInput, windows: list[Evidence]) -> ClaimVerdict | None:
        hit, said = _restated(item.claim.text, windows), "states the same negation"
        if hit is None:
            hit, said = _days_restated(item.claim.text, windows), "gives the days"
        if hit is None:
            hit, said = _antonym_restated(item.claim.text, windows), "says the same"
        if hit is None:
            return None
        i, clause = hit
        return ClaimVerdict(claim=item.claim, verdict="supported", p_hallucination=P_RESTATED, judge="rules",
                            evidence=(windows[i],), reason=f'The evidence {said}: "{clause}".')

    @staticmethod
    def _as_given(item: JudgeInput, decide: Callable[[JudgeInput, list[Evidence]], ClaimVerdict | None]
                  ) -> ClaimVerdict | None:
        """``decide`` on the windows as the rules read them (a record as ``key: value`` sentences,
        :func:`~veracity.engine.tables.readable`), citing the windows as they were given."""
        given = [e for e in item.evidence if e.text.strip()]
        views = [_view(e) for e in given]
        verdict = decide(item, views)
        if verdict is None:
            return None
        back = {id(v): g for v, g in zip(views, given)}
        return replace(verdict, evidence=tuple(back.get(id(e), e) for e in verdict.evidence))

    def _hard(self, item: JudgeInput, windows: list[Evidence]) -> ClaimVerdict | None:
        if not windows:
            return None
        veto = _Reading(absent_is_hard=False, asked=_asked(item))
        values = self._values(item.claim.text, windows, veto)
        failure = self._contradiction(item, windows, values, veto)
        if failure is None and values.failure is not None and item.context and readable(item.context) == item.context:
            # a value the windows do not give: the whole context may give another amid the same words
            whole = Evidence(item.context, "context", (0, len(item.context)))
            found = self._values(item.claim.text, [whole], replace(veto, anchored_only=True)).failure
            if found is not None and found.hard and found.quoted is not None:
                a, b = _sentence(item.context, found.quoted)
                windows = [*windows, Evidence(item.context[a:b], "context", (a, b))]
                failure = replace(found, cited=(len(windows) - 1,))
        return self._verdict(item, windows, failure) if failure else None

    def _contradiction(self, item: JudgeInput, windows: Sequence[Evidence], values: _Values,
                       reading: _Reading) -> _Failure | None:
        """A hard value failure that the whole context does not resolve, else a record field or
        sentence that states otherwise (:meth:`_stated_otherwise`)."""
        if values.failure and values.failure.hard and self._holds_in_context(item, reading):
            return values.failure
        return self._stated_otherwise(item, windows)

    def _holds_in_context(self, item: JudgeInput, reading: _Reading) -> bool:
        """A value conflict found in the claim's windows also holds against the whole context
        (the value the claim gives is not stated anywhere else in it)."""
        if not item.context or not item.context.strip():
            return True
        context = readable(item.context)
        whole = self._values(item.claim.text, [Evidence(context, "context", (0, len(item.context)))], reading)
        return whole.failure is not None and whole.failure.hard

    @staticmethod
    def _stated_otherwise(item: JudgeInput, windows: Sequence[Evidence]) -> _Failure | None:
        """A record field holding another value than the claim's, the negated statement, or a yes
        or no answer that the evidence states otherwise."""
        query = " ".join(filter(None, (item.claim.question or item.prompt, item.claim.text)))
        return (_check_fields(item.claim.text, query, windows) or _check_days(item.claim.text, windows)
                or _check_negation(item.claim.text, windows)
                or _check_antonym(item.claim.text, windows)
                or _check_polar_answer(item.claim.text, item.claim.question, windows)
                or _check_both_answer(item.claim.text, item.claim.question, windows)
                or _check_said_of_another(item.claim.text, windows, item.context)
                or _check_name_swapped(item.claim.text, windows, item.context))

    @staticmethod
    def _values(claim: str, windows: Sequence[Evidence], reading: _Reading) -> _Values:
        """The claim's dates, values and codes checked against ``windows``, read as ``reading`` says."""
        stems = {stem(w) for w in _content(claim)}
        dates = _check_dates(claim, windows, stems, reading)
        if dates.failure and dates.failure.hard:
            return dates
        quantities = _check_quantities(claim, windows, stems, reading)
        if quantities.failure and quantities.failure.hard:
            return dates + quantities
        codes = _check_identifiers(claim, windows)
        if codes.failure and codes.failure.hard:
            return dates + codes
        return dates + quantities + codes

    def _judge_one(self, item: JudgeInput, windows: list[Evidence]) -> ClaimVerdict:
        if not windows:
            return ClaimVerdict(item.claim, "unverifiable", None, "No evidence was given to check the claim against.", self.name)
        claim = item.claim.text
        reading = _Reading(asked=_asked(item))
        values = self._values(claim, windows, reading)
        hard = self._contradiction(item, windows, values, reading)
        if hard:
            return self._verdict(item, windows, hard)
        if values.failure and values.failure.hard:
            values = replace(values, failure=None)  # stated elsewhere in the context: left to coverage
        facts = _facts(" ".join(w.text for w in windows))
        prompt = " ".join(filter(None, (item.prompt, item.claim.question)))
        soft = values.failure or _check_entities(claim, facts, prompt)
        if soft:
            return self._verdict(item, windows, soft)
        return self._coverage_verdict(item, windows, values)

    def _verdict(self, item: JudgeInput, windows: Sequence[Evidence], failure: _Failure) -> ClaimVerdict:
        cited = tuple(windows[i] for i in dict.fromkeys(failure.cited)) or (_best_window(item.claim.text, windows),)
        return ClaimVerdict(item.claim, "hallucination", failure.p, failure.reason, self.name, cited)

    def _coverage_verdict(self, item: JudgeInput, windows: Sequence[Evidence], values: _Values) -> ClaimVerdict:
        words = _content(item.claim.text, values.spans)
        facts = _facts(" ".join(w.text for w in windows))
        missing = [w for w in words if not _known(w, facts)]
        total = len(words) + 2 * len(values.verified)
        if total == 0:
            reason = "The claim has no words, numbers or dates the rules can check."
            return ClaimVerdict(item.claim, "unverifiable", None, reason, self.name)
        cov = (total - len(missing)) / total
        cited = tuple(windows[i] for i in dict.fromkeys(values.cited)) or (_best_window(item.claim.text, windows),)
        if cov < WEAK_SUPPORT_AT:
            p = 0.55 + 0.25 * (WEAK_SUPPORT_AT - cov) / WEAK_SUPPORT_AT
            shown = ", ".join(f'"{w}"' for w in missing[:3])
            reason = f"The evidence does not mention {shown} ({len(missing)} of {total} content words unmatched)."
            return ClaimVerdict(item.claim, "hallucination", round(p, 3), reason, self.name, cited)
        if cov >= SUPPORTED_AT:
            p = 0.2 - 0.1 * (cov - SUPPORTED_AT) / (1 - SUPPORTED_AT)
        else:
            p = 0.45 - 0.25 * (cov - WEAK_SUPPORT_AT) / (SUPPORTED_AT - WEAK_SUPPORT_AT)
        if values.verified:
            reason = "The evidence supports the claim: " + "; ".join(values.verified) + "."
        else:
            text = cited[0].text if len(cited[0].text) <= 100 else cited[0].text[:100] + "…"
            reason = f'The evidence covers {total - len(missing)} of {total} content words of the claim: "{text}".'
        return ClaimVerdict(item.claim, "supported", round(p, 3), reason, self.name, cited)


def _asked(item: JudgeInput) -> tuple[str, ...]:
    """The content words of the question a short answer answers (its last sentence), if any."""
    return tuple(_content(_last_sentence(item.claim.question))) if item.claim.question else ()


def _view(window: Evidence) -> Evidence:
    """The window as the rules read it: a record's rows as ``key: value`` sentences, after the
    table header the window needs (dates such as ``23 May 2026,11`` in a CSV row read whole)."""
    text = readable(window.body)
    return window if text == window.text else replace(window, text=text, header="")


def _best_window(claim: str, windows: Sequence[Evidence]) -> Evidence:
    words = _content(claim)
    return max(windows, key=lambda w: sum(_known(x, _facts(w.text)) for x in words))
