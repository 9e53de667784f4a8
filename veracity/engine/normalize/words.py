"""Words as every check compares them: folded (lower case, no accents), lightly stemmed, with their spans."""

from __future__ import annotations

import functools
import re
import unicodedata

from veracity.engine.types import Span

_I = re.IGNORECASE

_TOKEN = re.compile(r"[^\W_]+(?:[-_][^\W_]+)*")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def fold(text: str) -> str:
    """Lower case without accents ("Müller" → "muller"), curly apostrophes made straight."""
    if text.isascii():  # nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# irregular past tenses and past participles with their base forms ("paid" → "pay", "gone" → "go")
IRREGULAR_PAST: dict[str, str] = dict(
    pair.split(":")
    for pair in """paid:pay said:say made:make went:go took:take gave:give won:win lost:lose sold:sell bought:buy
    built:build began:begin held:hold left:leave met:meet ran:run saw:see told:tell wrote:write found:find
    knew:know got:get came:come kept:keep sent:send spent:spend led:lead brought:bring thought:think
    became:become grew:grow rose:rise fell:fall chose:choose drove:drive ate:eat broke:break spoke:speak
    stood:stand taught:teach caught:catch fought:fight did:do had:have drew:draw flew:fly threw:throw
    wore:wear hit:hit beat:beat struck:strike sang:sing""".split()
)
_PARTICIPLES = dict(
    pair.split(":")
    for pair in """gone:go taken:take given:give begun:begin seen:see written:write known:know grown:grow
    risen:rise fallen:fall chosen:choose driven:drive eaten:eat broken:break spoken:speak done:do""".split()
)
_IRREGULAR = IRREGULAR_PAST | _PARTICIPLES


@functools.lru_cache(maxsize=65_536)  # a context's words are stemmed for every claim
def stem(word: str) -> str:
    """A light stem: possessive, plural and -ed/-ing endings off, a final "e" dropped,
    common irregular verb forms mapped to their base ("paid" → "pay")."""
    w = fold(word)
    w = w[:-2] if w.endswith("'s") else w
    w = _IRREGULAR.get(w, w)
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + repl
            break
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def word_spans(text: str) -> list[tuple[str, Span]]:
    """Words (letters/digits, inner apostrophes kept) with their spans."""
    return [(m.group(0), m.span()) for m in _WORD.finditer(text)]
