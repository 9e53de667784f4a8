"""The claim's codes ("INV7701C") against the evidence's: the same, a similar but different one,
or none."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from veracity.engine.normalize import extract_identifiers
from veracity.engine.types import Evidence
from veracity.judges.rules.conflicts import _quote
from veracity.judges.rules.failures import P_CODE, P_SOFT, _Failure, _Values
from veracity.judges.rules.words import _facts


def _check_identifiers(claim: str, windows: Sequence[Evidence]) -> _Values:
    out = _Values()
    for ident in extract_identifiers(claim):
        evid = [(i, e) for i, w in enumerate(windows) for e in _facts(w.text).identifiers]
        same = [(i, e) for i, e in evid if e.key == ident.key]
        if same:
            i, e = same[0]
            out += _Values((f"{ident.text} matches {_quote(windows[i].text, e.span)}",), (i,), (ident.span,))
            continue
        if len(ident.key) < 4:
            continue  # "Q4", "5G", "A4": terms more than codes; left to word coverage
        near = [(i, e) for i, e in evid
                if len(e.key) >= 4 and difflib.SequenceMatcher(None, ident.key, e.key).ratio() >= 0.7]
        if near:
            i, e = near[0]
            reason = f"The claim says {ident.text} but the evidence says {_quote(windows[i].text, e.span)}."
            return out + _Values(failure=_Failure(True, P_CODE, reason, (i,)))
        reason = f"The claim's code {ident.text} does not appear in the evidence."
        out += _Values(spans=(ident.span,), failure=_Failure(False, P_SOFT, reason, ()))
    return out
