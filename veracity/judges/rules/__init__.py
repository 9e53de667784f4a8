"""Rules judge: dates, amounts, codes, negation, names and word coverage; no model.

All evidence windows of a claim are read together. For one claim, the first rule that
fires decides:

1. No evidence text → ``unverifiable`` (``p_hallucination=None``).
2. Hard contradictions (:meth:`RulesJudge.hard_contradiction`) → ``hallucination``:
   a date of the claim that no evidence date matches (p 0.95 when the evidence gives
   another date, 0.90 when it gives none), a number / amount / percentage / year likewise
   (unit-compatible, relative tolerance 1e-6, 5% for hedged or scaled values such as
   "about 7,000" or "$1.2 million", a bound for "more than £2m", "under 30", "almost £30
   million", which no bound of the other sense states, "over 8 kg" / "under 8 kg"; only a value of the same kind is another value for it: a rank "18th" is not
   one for a count, nor a score "4-1"; a value given as a rank, "world No 10", is stated only
   by a rank, and an age, "a 17-year-old", by no rank; a score, season or range is read whole: "2-3" is met by
   "2-3" or "3-2", and contradicted by another run of as many numbers amid the claim's words ("a
   2-1 victory") even where a 2 and a 3 stand elsewhere, or, where the evidence never gives it, in a
   sentence sharing 3 of the claim's words (not a score on the way, "a 2-0 lead"); a range may be
   written in words ("six to eight weeks"); with neither, its numbers are checked one by one; an age
   ("Meredith Kercher, 26,") is stated only by an age where the evidence gives ages, and contradicted
   by one amid the claim's words ("Meredith, 21,"); a year also matches the year of an evidence
   date, and a decade ("the 1990s") any year of it; a measure is met by the same one in another
   unit ("5 km" by "5,000 metres", "about 2 km" by "1.2 miles": :mod:`veracity.engine.units`),
   and contradicted by another measure of its size
   in another unit where none stands in its own; a count is met by the sum of the counts of one
   evidence sentence that count the same thing ("3 children" by "two children ... and one from his
   second");
   a value whose digits appear in an evidence code such as "N30" is no contradiction, unless another
   value of its kind stands amid the claim's words ("2 TB" where the evidence names the "Aurora X2" and
   gives a "1 TB SSD");
   a claim date without a day, "February 2024", is met by an evidence "February" when the
   evidence has that year somewhere),
   a code such as "INV7701C" where the evidence has a similar but different one (0.93;
   codes under 4 characters such as "Q4" are left to word coverage),
   a value a record holds in another field than the one the claim names ("shipped on
   7 May 2026" where the record's ship date is 4 March 2023 and 7 May 2026 its ETA; 0.95),
   recurring days of the week that no evidence sentence holding most of the words of the
   claim's clause gives, where one gives other days ("Support is available on weekends."
   against "Monday to Friday"; 0.95; :mod:`veracity.engine.weekdays`),
   negation: the claim and an evidence sentence share ≥ 75% of the claim's content
   words, one negates a word the other states ("not paid" / "paid") and neither negates a
   word the other negates too ("will not be offered" / "let nobody doubt it, Real will not
   now offer"), read clause by clause where the sentence taken whole states the word too ("covers
   ... but does not cover accidental damage") (0.90; a capitalised negation inside a title, "Cats Don't Dance", negates
   nothing, nor does a question, nor "not only ... but also"; "unable to" negates, and so does
   "non-" ("non-refundable"); what the
   evidence reports as an assumption, a belief, a myth or a claim, "the assumption that ...",
   it does not state),
   a word of opposite sense ("open" / "closed", "required" / "optional", "allowed" / "prohibited")
   where an evidence sentence holding 75% of the claim's other content words (at least two) states
   the other one and not the claim's, with the same polarity (0.90; :mod:`.antonyms`),
   and a bare yes or no ("Yes.", "No, it is not.") to a yes/no question about one statement
   ("Is the warranty transferable?"), read as that statement or its negation, where an
   evidence sentence states the other ("The warranty is not transferable."; for a "no",
   the sentence must hold every content word of the question), or, for a "yes", says it with a
   word of opposite sense ("The office is closed on public holidays.") (0.90). A bare yes or no to a
   question asking one thing of two named things ("Are both Tim McIlrath and Spike Slawson
   American punk rock musicians?") is vetoed (0.90): a "no" where, for each, a sentence holding
   every word of its name states every word asked; a "yes" where a nationality asked is not the
   one the sentence introducing one of them gives (``engine.demonyms``: "Pavel Ruminov is a
   Russian film director"); to "the same country?", a "yes" where those sentences give two
   nations and a "no" where they give one. Other comparisons ("the same city", "more than"),
   alternatives ("or") and negated questions ("Isn't it...?") are left alone.
   A value or date the evidence gives only amid fewer of the claim's words than another of its
   kind, which stands amid at least ``STRAY_WORDS`` of them and ``STRAY_MARGIN`` more, and which
   the claim does not state too, is contradicted ("Stephen Curry scored 19 points" where the
   evidence says "Stephen Curry scored 27 points" and "Sefolosha scored 19 points"; only the
   claim's own words count; a bare answer such as "Three." is read against its question's words
   only where the evidence gives it amid none of them, "How many remote days per week?" against "up
   to three months" and "two days per week"). A date the
   evidence does not give is contradicted by another day of its month anywhere in the context
   ("May 11" where the context's only May date is "May 2"), and a date without a day by another
   month named amid the claim's words ("signed in November 2014" against "signed last July").
   A year after the current one that the evidence does not give, told as the year of a past
   event ("The drama was released in 2442"; :mod:`veracity.engine.tense`), is impossible.
   A conflicting value's reason quotes the evidence value standing amid at least
   ``ANCHOR_WORDS`` of the claim's words around its own (or of the question a short answer
   answers): "The claim says 7pm but the evidence says 4pm."; where none does, the reason
   says the evidence never gives the claim's value and names the value nearest in words, of
   the claim value's size (within a factor ``MAGNITUDE``: "911" is no other figure for "a
   36-week-old baby"). For a value the evidence does not give, a number in words counting the
   same thing is another figure for it ("Ten deputies" for "12 deputies").
3. Soft failures → ``hallucination`` at 0.75: a clear proper noun (a capitalised word
   that does not open the sentence or a clause, or a capitalised run of two or more words
   that punctuation does not cut, not in the prompt) of which fewer than half the words occur
   in the evidence; a code absent
   from the evidence; a number word ("twelve") absent from it (0.70).
4. Coverage of the claim's content words (light stems; evidence abbreviations such as
   "Amt" / "Inv" and acronyms of capitalised runs, "MPC" for "Monetary Policy Committee",
   count; each verified date, number or code weighs 2 words):
   ≥ 0.7 → ``supported`` p 0.20→0.10; 0.5–0.7 → ``supported`` p 0.45→0.20;
   < 0.5 → ``hallucination`` p 0.55→0.80. No content at all ("Yes.") → ``unverifiable``.

Combining with a trained checker: let the checker decide every claim, then replace its
verdict with ``RulesJudge().hard_contradiction(item)`` wherever that is not ``None``;
rules 3–4 are cruder than a model. Where the checker flags a negated claim that a clause of the
evidence restates (:meth:`RulesJudge.restatement`: every content word, negated on the same word,
"Gift cards are not refundable."), the rules judge confirms it instead (p 0.2): the checker
learnt from its synthetic negatives that a negated claim is usually unsupported. So it does for
recurring days an evidence sentence gives in the claim's words ("The gym is open seven days a
week." against "The gym is open every day from 6am to 10pm"), and for a claim an evidence
clause says with the opposite word negated ("Pets are prohibited in the office." against "Pets are
not allowed in the office."). The veto is rule 2 narrowed to what the evidence
*states otherwise* (another date or value for it, a similar but different code, the value
of another field, the negated statement or answer): a value the evidence never gives is unsupported rather than
contradicted, and is left to the checker (on HaluEval dev such vetoes were right only
55 % of the time, against 68 % for conflicting values). A value the claim's windows do not
give is looked up in the whole context: it is vetoed where the context gives another value of
its kind amid the same words ("just before 4pm on Wednesday" against the claim's "just before
7pm on Wednesday"), citing that sentence. Where the checker only just supports a claim (at the
``name_gate`` of its calibration, :mod:`veracity.judges.combined`), rule 3's proper noun read
against the whole context fails it (:meth:`RulesJudge.unmentioned_name`: 'The claim names "Jonas
Reeve", which the context never mentions.').

The package, one concept a module, from the bottom up: :mod:`.words` (a text's words and
values as the rules look them up), :mod:`.sentences` (its sentences and clauses),
:mod:`.failures` (what a failed check carries, and how values are read), :mod:`.conflicts` (a
claim's value against the evidence's other values of its kind, and the one a reason quotes),
:mod:`.dates`, :mod:`.counts` (sorts of values: ranks, ages, counts, measures),
:mod:`.quantities`, :mod:`.attribution` (a value the evidence gives for another year, month,
quarter or named thing, or moving the other way), :mod:`.codes`, :mod:`.fields` (record fields),
:mod:`.polarity` (how a text negates), :mod:`.days`, :mod:`.negation`, :mod:`.antonyms`, :mod:`.answers` (a bare
yes or no), :mod:`.names` (the names a text gives) and :mod:`.swaps` (a name swapped, a fact
said of another), and :mod:`.judge`, which runs them in the order above.
"""

from veracity.judges.rules.judge import RulesJudge

__all__ = ["RulesJudge"]
