"""Rules judge: dates, amounts, codes, negation, names and coverage against evidence."""

from __future__ import annotations

import pytest

from veracity.engine.claims import split_claims
from veracity.engine.protocols import Judge
from veracity.engine.types import ClaimVerdict, Evidence, JudgeInput
from veracity.judges.rules import RulesJudge

SEED = "InvID:INV7701B Co:OptiTech Client:Acme Amt:7116GBP Date:22May25 Due:21Jun25 Terms:N30 Ref:PO451C"
PROSE = (
    "Acme Corp was founded in 1998 by Jane Doe in Leeds. The company employs 250 people. "
    "Its revenue grew 12% in 2024 to £3.4 million. Acme did not pay a dividend in 2024. "
    "The board approved the merger with Globex on 3 March 2025."
)


def window(text: str, start: int = 0) -> Evidence:
    return Evidence(text=text, source="context", span=(start, start + len(text)))


def verdict(claim_text: str, context: str | list[str] = SEED, prompt: str = "") -> ClaimVerdict:
    windows = tuple(window(c) for c in ([context] if isinstance(context, str) else context))
    claim = split_claims(claim_text, prompt)[0]
    [v] = RulesJudge().judge([JudgeInput(prompt, claim, windows, "rag")])
    assert v.judge == "rules" and v.claim == claim and v.reason
    return v


def veto(claim: str, context: str) -> ClaimVerdict | None:
    """The rules judge's hard contradiction of ``claim`` against ``context``, if any."""
    return RulesJudge().hard_contradiction(JudgeInput("", split_claims(claim)[0], (window(context),), "rag", context))


def test_is_a_judge() -> None:
    assert isinstance(RulesJudge(), Judge)
    assert RulesJudge.name == "rules"


# --- the seed cases --------------------------------------------------------------

def test_seed_invoice_date_supported() -> None:
    v = verdict("The Invoice date is: May 22, 2025")
    assert v.verdict == "supported" and v.p_hallucination is not None and v.p_hallucination <= 0.2
    assert "Date:22May25" in v.reason


def test_seed_due_date_hallucination() -> None:
    v = verdict("The invoice is due on June 12, 2025.")
    assert v.verdict == "hallucination" and v.p_hallucination is not None and v.p_hallucination >= 0.9
    assert v.reason == "The claim says June 12, 2025 but the evidence says Due:21Jun25."
    assert v.evidence and v.evidence[0].text == SEED


def test_seed_amount_supported() -> None:
    v = verdict("The invoice amount is 7,116 GBP.")
    assert v.verdict == "supported" and "Amt:7116GBP" in v.reason


# --- dates ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "claim",
    ["The invoice is due on 21 June 2025.", "It is due 2025-06-21.", "Payment is due by 21/06/2025.",
     "The due date is June 21.", "The invoice is dated 22 May 2025.", "The invoice was issued in May 2025."],
)
def test_date_variants_supported(claim: str) -> None:
    assert verdict(claim).verdict == "supported"


@pytest.mark.parametrize(
    ("claim", "quoted"),
    [("The invoice is dated 23 May 2025.", "Date:22May25"), ("It is due on 21 June 2024.", "Due:21Jun25"),
     ("The invoice was issued in April 2025.", "Date:22May25")],
)
def test_date_conflicts(claim: str, quoted: str) -> None:
    v = verdict(claim)
    assert v.verdict == "hallucination" and v.p_hallucination == 0.95
    assert quoted in v.reason


def test_date_absent_from_evidence() -> None:
    v = verdict("The merger closed on 4 July 2025.", "The merger closed quickly.")
    assert v.verdict == "hallucination" and v.p_hallucination == 0.9
    assert "4 July 2025" in v.reason


# --- numbers ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "claim",
    ["The amount is £7,116.", "The amount due is 7116 GBP.", "The total is 7 116 pounds.", "It is 7116."],
)
def test_amount_formats_supported(claim: str) -> None:
    assert verdict(claim).verdict == "supported"


@pytest.mark.parametrize(
    ("claim", "quoted"),
    [("The invoice amount is 7,200 GBP.", "Amt:7116GBP"), ("The amount is $7,116.", "Amt:7116GBP")],
)
def test_amount_conflicts(claim: str, quoted: str) -> None:
    v = verdict(claim)
    assert v.verdict == "hallucination" and v.p_hallucination == 0.95 and quoted in v.reason


def test_a_value_rounded_to_fewer_decimals_is_no_contradiction() -> None:
    ev = "The watch is listed with a buy-it-now price of 2,499.99 USD (1,707.47 GBP) plus postage."
    assert veto("The watch is listed for $2,500 (£1,707).", ev) is None
    changed = veto("The watch is listed for $2,600.", ev)
    assert changed is not None and "2,499.99 USD" in changed.reason


def test_a_telephone_number_is_checked_as_a_code() -> None:
    ev = "Anyone with information is asked to call 020 8721 4868. The victim, 23, is recovering."
    v = verdict("Witnesses should call 020 8721 4868.", ev)
    assert v.verdict == "supported" and "020 8721 4868 matches" in v.reason, v
    v = verdict("Witnesses should call 020 8721 4869.", ev)
    assert v.verdict == "hallucination" and "020 8721 4868" in v.reason and "23" not in v.reason, v


def test_an_amount_glued_to_its_scale_word_is_no_code() -> None:
    ev = "United paid £28million to sign Shaw from Southampton last summer."
    assert verdict("United paid almost £30million to sign Shaw.", ev).verdict == "supported"
    v = verdict("United paid £35million to sign Shaw.", ev)
    assert v.verdict == "hallucination" and v.reason == "The claim says £35million but the evidence says £28million.", v


@pytest.mark.parametrize(
    "claim",
    ["Acme Corp employs 250 people.", "Revenue grew 12 percent in 2024.", "Revenue reached £3,400,000 in 2024.",
     "Revenue reached about £3.4m.", "Acme Corp was founded in 1998."],
)
def test_prose_numbers_supported(claim: str) -> None:
    assert verdict(claim, PROSE).verdict == "supported"


@pytest.mark.parametrize(
    ("claim", "quoted"),
    [("Acme Corp employs 300 people.", "250"), ("Revenue grew 15% in 2024.", "12%"),
     ("Acme Corp was founded in 1997.", "1998"), ("Revenue reached £4.1 million.", "£3.4")],
)
def test_prose_number_conflicts(claim: str, quoted: str) -> None:
    v = verdict(claim, PROSE)
    assert v.verdict == "hallucination" and v.p_hallucination is not None and v.p_hallucination >= 0.9
    assert quoted in v.reason


def test_year_matches_year_of_evidence_date() -> None:
    assert verdict("The invoice was issued in 2025.").verdict == "supported"
    assert verdict("The invoice was issued in 2024.").verdict == "hallucination"


def test_number_inside_code_is_not_a_contradiction() -> None:
    v = verdict("The terms are N30, net 30.")
    assert v.p_hallucination is None or v.p_hallucination < 0.9


def test_number_words() -> None:
    assert verdict("The board has twelve members.", "The board has 12 members.").verdict == "supported"
    v = verdict("The board has twelve members.", "The board has ten members.")
    assert v.verdict == "hallucination"


# --- identifiers ------------------------------------------------------------------

def test_identifier_match_and_conflict() -> None:
    assert verdict("The invoice number is INV7701B.").verdict == "supported"
    v = verdict("The invoice number is INV7701C.")
    assert v.verdict == "hallucination" and "INV7701B" in v.reason and v.p_hallucination == 0.93


# --- negation ---------------------------------------------------------------------

def test_negated_claim_contradicts_evidence() -> None:
    v = verdict("The board did not approve the merger with Globex.", PROSE)
    assert v.verdict == "hallucination" and v.p_hallucination == 0.9
    assert "approved the merger" in v.reason


def test_claim_contradicts_negated_evidence() -> None:
    v = verdict("Acme paid a dividend in 2024.", PROSE)
    assert v.verdict == "hallucination" and "did not pay" in v.reason


def test_same_polarity_negation_is_supported() -> None:
    assert verdict("Acme did not pay a dividend in 2024.", PROSE).verdict == "supported"


def test_negation_elsewhere_in_sentence_does_not_fire() -> None:
    ev = "The invoice was paid in full and is not overdue."
    assert verdict("The invoice was paid in full.", ev).verdict == "supported"


@pytest.mark.parametrize("claim", ["The cat never sleeps on the mat.", "There is no late fee on the invoice."])
def test_negation_cues(claim: str) -> None:
    ev = "The cat sleeps on the mat. There is a late fee on the invoice."
    assert verdict(claim, ev).verdict == "hallucination"


WARRANTY = "The warranty covers manufacturing defects for two years but does not cover accidental damage."
WARRANTY_PARTS = ("The warranty covers accidental damage.", "The warranty does not cover manufacturing defects.")


@pytest.mark.parametrize(("claim", "context"), [
    # "not only ... but also" adds rather than denies
    ("They want to promote Detroit as an alternative for New Yorkers.",
     "The owners not only want exposure for their business but also to promote Detroit as an alternative "
     "for New Yorkers."),
    # the misspelt contraction and "unable" negate like "didn't" and "couldn't"
    ("The court said it did'nt have jurisdiction to force the kids to return.",
     "The court said it did not have the jurisdiction to force the kids to return."),
    ("He posted that he couldn't cross the Turkey-Syria border.",
     "He posted that he was unable to cross the border from Turkey into Syria."),
    # two negations in two clauses: the one bearing on the offer is in both
    ("Khedira will not be offered a new deal by Real Madrid.",
     "Khedira said: 'let nobody doubt that', but Real Madrid will not now offer him a new deal."),
    ("As no cause of death was determined, the police could not pursue a murder charge.",
     "A neglect charge was pursued by the police over murder as the coroner could not determine the cause of death."),
    # the evidence negates "sleep" in one place and states it plainly in another
    ("People with sleep apnoea saw a mental decline a decade earlier.",
     "People with sleep apnoea saw a mental decline a decade earlier than those who had no sleep problems."),
    # what the evidence reports as an assumption, a myth or a claim, it does not state
    ("The association opposes conversion therapy and says being gay is not a mental disorder.",
     "The association opposes conversion therapy, which it says is based on the assumption that being gay "
     "is a mental disorder."),
    ("Doctors say vaccines do not cause autism.", "Doctors have fought the myth that vaccines cause autism for years."),
    ("The company did not hide the losses.", "The company denied the claims that it hid the losses from investors."),
    # each clause of a sentence stating one word and negating another, read as it says
    ("The warranty covers manufacturing defects.", WARRANTY),
    ("The warranty does not cover accidental damage.", WARRANTY),
    ("It told residents what could and could not go in them.",  # the claim states both ways
     "The leaflet told residents what items could go in them but a footnote said: 'This is not recyclable'."),
    # a photo caption glued to the next sentence ends where its parenthesis does
    ("His wife Alena has not been charged and says her husband is a patriot.",
     "Proud: His wife Alena said her husband is a patriot as he landed on the lawn (pictured) Charged: "
     "Hughes was arrested and charged on Thursday."),
])
def test_a_negation_matched_or_not_denying_is_no_contradiction(claim: str, context: str) -> None:
    assert veto(claim, context) is None


@pytest.mark.parametrize(("claim", "context", "side"), [
    ("He was not able to cross the border.", "He crossed the border and was able to cross it again.", "claim"),
    ("The club did'nt renew his contract.", "The club renewed his contract last month.", "claim"),
    # two negations bearing on "started" state it
    ("Scientists said the fire could not have not been started accidentally.",
     "Scientists said the fire could not have been started accidentally.", "evidence"),
    ("The club renewed his contract last month.", "Although fans wanted it, the club did not renew his contract last month.",
     "evidence"),
    # a word stated in one clause and negated in another: read clause by clause
    (WARRANTY_PARTS[0], WARRANTY, "evidence"),
    (WARRANTY_PARTS[1], WARRANTY, "claim"),
    ("Water damage is not covered.", "The warranty does not cover accidental damage, but it covers water damage.",
     "claim"),
    # a caption that the sentence goes on from ("(pictured), said") cuts nothing
    ("Alena Hughes did not say her husband is a patriot.", "Alena Hughes (pictured), said her husband is a patriot.",
     "claim"),
    # "non-" negates the word it is joined to
    ("Shipping fees are refundable.", "Refunds are issued within 30 days. Shipping fees are non-refundable.",
     "evidence"),
    ("Membership is non-transferable.", "Membership is transferable to a family member.", "claim"),
    # a reported clause hides only itself: what the sentence goes on to assert still counts
    ("The association says depression is not a mental disorder.",
     "The association rejects the idea that shyness is a mental disorder, but says depression is a mental disorder.",
     "claim"),
])
def test_a_negation_bearing_on_what_the_other_states_is_caught(claim: str, context: str, side: str) -> None:
    hard = veto(claim, context)
    assert hard is not None and hard.reason.startswith(f"The {side} negates"), hard


# --- named entities ---------------------------------------------------------------

def test_absent_entity_is_unsupported() -> None:
    v = verdict("The invoice was issued by Globex Industries to Acme.")
    assert v.verdict == "hallucination" and 0.6 <= (v.p_hallucination or 0) < 0.9
    assert "Globex Industries" in v.reason


def test_present_entities_with_variants() -> None:
    assert verdict("Jane Doe's company Acme Corp is based in Leeds.", PROSE).verdict == "supported"
    assert verdict("The invoice was issued by OptiTech to Acme.").verdict == "supported"


def test_entity_in_prompt_is_not_a_claim() -> None:
    v = verdict("Zorblax Ltd employs 250 people.", PROSE, prompt="How many people does Zorblax Ltd employ?")
    assert "Zorblax" not in v.reason


def test_title_case_does_not_fire_entity_rule() -> None:
    v = verdict("Acme Corp Employs Many People In Leeds", PROSE)
    assert "names" not in v.reason


def test_diacritics_fold() -> None:
    ev = "Müller GmbH signed the contract in Zürich."
    assert verdict("The contract was signed by Muller GmbH in Zurich.", ev).verdict == "supported"
    assert verdict("Müller GmbH signed the contract in Zürich.", ev).verdict == "supported"


# --- coverage, short answers, empty evidence --------------------------------------

def test_low_coverage_is_moderate_hallucination() -> None:
    v = verdict("The spacecraft landed safely near the lunar crater.", PROSE)
    assert v.verdict == "hallucination" and 0.55 <= (v.p_hallucination or 0) <= 0.8


def test_full_coverage_is_low_probability() -> None:
    v = verdict("The company employs people.", PROSE)
    assert v.verdict == "supported" and 0.1 <= (v.p_hallucination or 1) <= 0.2


def test_short_answer_with_question() -> None:
    assert verdict("Jane Doe", PROSE, prompt="Who founded Acme?").verdict == "supported"
    assert verdict("Badr Hari", PROSE, prompt="Who founded Acme?").verdict == "hallucination"


def test_yes_no_is_unverifiable() -> None:
    v = verdict("Yes.", PROSE, prompt="Was Acme founded in 1998?")
    assert v.verdict == "unverifiable" and v.p_hallucination is None


@pytest.mark.parametrize("evidence", [[], [""], ["   ", "\n"]])
def test_no_evidence_is_unverifiable(evidence: list[str]) -> None:
    v = verdict("The invoice amount is 7,116 GBP.", evidence)
    assert v.verdict == "unverifiable" and v.p_hallucination is None and v.evidence == ()


def test_several_windows_read_together_and_cited() -> None:
    w1, w2 = "The company employs 250 people.", "Due:21Jun25 Amt:7116GBP"
    v = verdict("The invoice is due on 12 June 2025.", [w1, w2])
    assert v.verdict == "hallucination" and v.evidence[0].text == w2
    v = verdict("The company employs 250 people and the invoice amount is 7,116 GBP.", [w1, w2])
    assert v.verdict == "supported"
    assert {e.text for e in v.evidence} == {w1, w2}


def test_unicode_evidence() -> None:
    ev = "Der Vertrag wurde am 22. Mai 2025 in München unterzeichnet; Betrag: 7 116 €."
    assert verdict("Der Betrag ist 7116 €.", ev).verdict == "supported"
    assert verdict("The amount is 8000 EUR.", ev).verdict == "hallucination"


def test_judge_keeps_order_and_count() -> None:
    claims = split_claims("The amount is 7,116 GBP. The invoice is due on June 12, 2025.")
    items = [JudgeInput("", c, (window(SEED),), "rag") for c in claims]
    out = RulesJudge().judge(items)
    assert [v.claim for v in out] == claims
    assert [v.verdict for v in out] == ["supported", "hallucination"]
    assert RulesJudge().judge([]) == []


# --- combining with a model judge -------------------------------------------------

def test_hard_contradiction_only_for_hard_rules() -> None:
    judge = RulesJudge()

    def item(text: str, ctx: str = SEED) -> JudgeInput:
        return JudgeInput("", split_claims(text)[0], (window(ctx),), "rag")

    hard = judge.hard_contradiction(item("The invoice is due on June 12, 2025."))
    assert hard is not None and hard.verdict == "hallucination" and hard.p_hallucination == 0.95
    assert judge.hard_contradiction(item("The invoice amount is 7,200 GBP.")) is not None
    assert judge.hard_contradiction(item("Acme paid a dividend in 2024.", PROSE)) is not None
    assert judge.hard_contradiction(item("The invoice amount is 7,116 GBP.")) is None
    assert judge.hard_contradiction(item("The invoice was issued by Globex Industries.")) is None  # soft
    assert judge.hard_contradiction(item("The spacecraft landed on the moon.")) is None
    assert judge.hard_contradiction(JudgeInput("", split_claims("Due 1 May 2025.")[0], (), "rag")) is None


def test_month_without_day_met_by_month_name_and_year() -> None:
    ev = "On 14 March 2024 she said inflation fell to 3.4% in February."
    assert verdict("Inflation fell to 3.4% in February 2024.", ev).verdict == "supported"
    assert verdict("Inflation fell to 3.4% in February 2023.", ev).verdict == "hallucination"
    assert verdict("Inflation fell to 3.4% on 2 February 2024.", ev).verdict == "hallucination"
    # the evidence dates that month in another year: no loose match
    v = verdict("They split in November 2012.", "They split in November 2013, after a year in which 2012 was hard.")
    assert v.verdict == "hallucination" and "November 2013" in v.reason, v


def test_acronym_of_capitalised_run() -> None:
    ev = "The Monetary Policy Committee voted to hold rates in the U.K. economy."
    assert verdict("The MPC voted to hold rates.", ev).verdict == "supported"
    assert verdict("The UK economy held rates.", ev).verdict == "supported"


def test_short_codes_are_not_hard_failures() -> None:
    v = verdict("The economy shrank 0.3% in Q4 2023.", "The economy shrank 0.3% in the fourth quarter of 2023.")
    assert v.verdict == "supported"


def test_absent_long_code_is_soft() -> None:
    v = verdict("The order reference is ZX99812.")
    assert v.verdict == "hallucination" and v.p_hallucination == 0.75 and "ZX99812" in v.reason


def test_dotted_initials_and_pronoun_i() -> None:
    ev = "The United Kingdom economy shrank. Globex was not mentioned."
    assert "names" not in verdict("The U.K. economy shrank.", ev).reason
    v = verdict("Then I met Zorblax Industries.", ev)
    assert v.verdict == "hallucination" and "Zorblax Industries" in v.reason


def test_a_value_the_evidence_never_gives_is_unsupported_not_a_contradiction() -> None:
    judge = RulesJudge()
    ctx = "The museum reopened in the spring after the renovation. It has 40 rooms."

    def item(text: str) -> JudgeInput:
        return JudgeInput("", split_claims(text)[0], (window(ctx),), "rag")

    # no date at all in the evidence: the rules judge alone flags it, but it does not veto a checker
    assert verdict("The museum reopened on 3 May 2021.", ctx).verdict == "hallucination"
    assert judge.hard_contradiction(item("The museum reopened on 3 May 2021.")) is None
    # an absent date does not hide a conflicting value later in the same claim
    hard = judge.hard_contradiction(item("On 3 May 2021 the museum reopened with 55 rooms."))
    assert hard is not None and hard.reason == "The claim says 55 but the evidence says 40."
    # rules alone: the first failure found still decides, as before
    assert "3 May 2021" in verdict("On 3 May 2021 the museum reopened with 55 rooms.", ctx).reason


SHIPMENT = '{"tracking_number": "TRK94883", "ship_date": "2023-03-04", "eta": "07May26", "weight_kg": "213"}'
LEASES = ("Lease ID,Deposit,Monthly rent,Notice\nLS15448C,USD 17787.36,EUR 9414.33,45 days\n"
          "LS99352D,USD 1200.00,EUR 9900.00,30 days")


@pytest.mark.parametrize(("claim", "context", "says"), [
    ("Shipment TRK94883 was shipped on 7 May 2026.", SHIPMENT, "ship date is 2023-03-04; 7 May 2026 is its eta"),
    ("The deposit on lease LS15448C is 9,414.33 EUR.", LEASES, "Deposit is USD 17787.36; 9,414.33 EUR is its Monthly rent"),
    ("The invoice is due on 3 June 2025.", "InvID:INV7701B IssueDate:03Jun25 Due:21Jun25 Amt:7116GBP",
     "Due is 21Jun25; 3 June 2025 is its IssueDate"),
])
def test_a_value_from_another_field_of_the_record_is_a_contradiction(claim: str, context: str, says: str) -> None:
    v = verdict(claim, context)
    assert v.verdict == "hallucination" and says in v.reason, v.reason
    item = JudgeInput("", split_claims(claim)[0], (window(context),), "rag")
    assert RulesJudge().hard_contradiction(item) is not None  # a veto over the checker too


@pytest.mark.parametrize(("claim", "context"), [
    ("Shipment TRK94883 was shipped on 4 March 2023.", SHIPMENT),
    ("The shipment is expected on 7 May 2026.", SHIPMENT),  # "shipment" names the thing, not the ship date
    ("The deposit on lease LS99352D is 1,200 USD.", LEASES),  # its own row, not the first one
    ("The monthly rent on lease LS15448C is 9,414.33 EUR.", LEASES),
    ("The invoice was issued on 3 June 2025.", "InvID:INV7701B IssueDate:03Jun25 Due:21Jun25 Amt:7116GBP"),
])
def test_a_value_in_the_field_the_claim_names_is_no_contradiction(claim: str, context: str) -> None:
    item = JudgeInput("", split_claims(claim)[0], (window(context),), "rag")
    assert RulesJudge().hard_contradiction(item) is None


def test_a_value_stated_elsewhere_in_the_context_is_no_contradiction() -> None:
    claim = split_claims("The bridge is 1,200 metres long.")[0]
    near = window("The bridge, opened in 1998, spans the bay and is 900 metres from the station.")
    whole = near.text + " " + "Filler text about the town. " * 40 + "The bridge is 1,200 metres long."
    rules = RulesJudge()
    assert rules.hard_contradiction(JudgeInput("", claim, (near,), "rag")) is not None  # the window alone
    assert rules.hard_contradiction(JudgeInput("", claim, (near,), "rag", whole)) is None
    assert rules.hard_contradiction(JudgeInput("", claim, (near,), "rag", near.text)) is not None


@pytest.mark.parametrize(("claim", "context", "verdict_", "says"), [
    ("The store opens at 10:30.", "The store opens at 11:30 every day.", "hallucination",
     "The claim says 10:30 but the evidence says 11:30"),
    ("Call between 9am and 5pm.", "Call 9 a.m. to 5 p.m. on weekdays.", "supported", ""),
    ("The office closes at 5pm.", "The office is open 9:00 to 17:00.", "supported", ""),
    ("The office closes at 6pm.", "The office is open 9:00 to 17:00.", "hallucination", "6pm"),
    ("Unreported World, tonight at 7.30pm on Channel 4.", "Watch Unreported World at 7.30pm on Channel 4's site.",
     "supported", ""),
    ("It starts at 7.30pm on Channel 4.", "It starts at 8.30pm on Channel 4.", "hallucination",
     "The claim says 7.30pm but the evidence says 8.30pm"),
])
def test_times_of_day_are_compared_with_times(claim: str, context: str, verdict_: str, says: str) -> None:
    v = verdict(claim, context)
    assert v.verdict == verdict_ and says in v.reason, v.reason


def test_a_number_glued_to_an_abbreviation_is_no_decimal() -> None:
    # "No.10" is not 0.10 (it once vetoed "Miliband get into No.10" against a "10" in the evidence)
    v = verdict("She offered to help Miliband get into No.10.", "She said she could help Miliband get into No 10.")
    assert "0.1" not in v.reason and ".10" not in v.reason


def test_dates_in_csv_cells_are_read_whole_and_the_window_is_cited_as_given() -> None:
    ctx = ("PNR,Departure date,Bags\nPN92931,23 May 2026,11\nPN86931,21Dec24,4")
    v = verdict("Flight booking PN92931 departs on May 23, 2026.", ctx)
    assert v.verdict == "supported", v.reason
    assert v.evidence[0].text == ctx  # the window as given, not the sentences the rules read
    item = JudgeInput("", split_claims("Flight booking PN92931 departs on May 23, 2026.")[0], (window(ctx),), "rag")
    assert RulesJudge().hard_contradiction(item) is None
    bad = verdict("Flight booking PN92931 departs on May 25, 2026.", ctx)
    assert bad.verdict == "hallucination" and "23 May 2026" in bad.reason and bad.evidence[0].text == ctx


def test_a_value_the_windows_miss_is_vetoed_where_the_context_gives_another_in_the_same_words() -> None:
    context = ("Police questioned the driver on Thursday. " + "The town mourned the children all week. " * 30
               + "The car crashed into a lake in Melbourne just before 4pm on Wednesday. The driver was 38.")
    start = context.index("The car")
    far = window("Police questioned the driver on Thursday.")  # a window without the time
    rules = RulesJudge()

    def veto(text: str) -> ClaimVerdict | None:
        return rules.hard_contradiction(JudgeInput("", split_claims(text)[0], (far,), "rag", context))

    hard = veto("The car crashed into a Melbourne lake just before 7pm on Wednesday.")
    assert hard is not None and "7pm" in hard.reason and "4pm" in hard.reason, hard
    cited = hard.evidence[-1]
    assert cited.span is not None and context[cited.span[0]:cited.span[1]] == cited.text and cited.span[0] == start
    assert veto("The car crashed into a Melbourne lake just before 4pm on Wednesday.") is None  # stated
    # another value of its kind, but in other words: unsupported, not contradicted; left to the checker
    assert veto("The town held 7 vigils for the children.") is None


def test_a_rank_a_score_an_age_and_a_count_of_other_things_are_not_rival_values() -> None:
    # what the evidence gives is a value of another kind of count: unsupported, not contradicted
    assert veto("Almeria are 18th in La Liga.", "Almeria lost 4-1 to Levante in La Liga.") is None
    assert veto("Arsenal beat United 2-1 in the cup.", "A 15-year-old was cautioned after the cup tie.") is None
    assert veto("City No 1 Joe Hart said the loss was tough.", "City are 12 points behind, Joe Hart said.") is None
    # the same kind of count, differently: contradicted
    hard = veto("World No 3 Ding lost the final.", "World No 2 Ding lost the final.")
    assert hard is not None and hard.reason == "The claim says 3 but the evidence says 2.", hard
    hard = veto("Almeria are 18th in La Liga.", "Almeria are 17th in La Liga.")
    assert hard is not None and hard.reason == "The claim says 18 but the evidence says 17th.", hard
    hard = veto("Arsenal beat United 2-1 in the cup.", "Arsenal beat United 3-1 in the cup.")
    assert hard is not None and "3-1" in hard.reason, hard
    hard = veto("The 58-year-old was sacked.", "Jones, 57, was sacked.")  # an age, written two ways
    assert hard is not None and "57" in hard.reason, hard
    # counts of things named differently still compete ("infections" / "cases")
    hard = veto("The outbreak caused 300 infections in two weeks.", "Officials confirmed 120 cases in two weeks.")
    assert hard is not None and "120" in hard.reason, hard


@pytest.mark.parametrize(("claim", "context", "reason"), [
    ("17-year-old Jordan Spieth became the youngest winner.",
     "Woods tied for 17th. 21-year-old winner Jordan Spieth became the youngest winner.",
     "The claim says 17-year-old but the evidence says 21-year-old."),
    ("Kane scored 21 points.", "Kane finished with 19 points. The winner came 21 seconds from time.",
     "The claim says 21 points but the evidence says 19 points."),
    ("British No 8 is considering taking on Jonas Bjorkman.",
     "Murray, the British No 1, is considering Jonas Bjorkman as assistant. Bjorkman coached 8 players.",
     "The claim says 8 but the evidence says 1."),
    # a rank, an age or a count stated as such: no contradiction, and an equal value is never quoted as one
    ("Murray is the British No 1.", "Murray, the British No 1, coached 8 players.", None),
    ("The 21-year-old Spieth won.", "Spieth, 21, won by four shots.", None),
    ("Kane scored 21 points.", "Kane scored 21 points in 19 games.", None),
    ("The summit was held at the office of Number 10.", "10 Downing Street is known as Number 10.", None),
    ("Bucknell slept in his car during a Conservative party conference in 2013 and claimed it was a stand.",
     "During the Conservative party conference in September 2013 he claimed it was a stand. Prices rose in 2013.",
     None),
])
def test_a_value_of_another_sort_does_not_state_the_claims(claim: str, context: str, reason: str | None) -> None:
    # a rank does not state an age, nor a count of seconds one of points, nor "8 players" a rank
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


TOURS = "Guided tours start at 11:00 and last about 90 minutes."
RELEASES = "Version 2.3 added single sign-on; version 2.4, released on 12 May 2025, added audit logs."
REFUNDS = "Refunds are issued within 14 business days."
WARDS = ("Dr. Amara Singh leads the cardiology department, while Dr. Paul Mercer heads neurology. The cardiology "
         "department moved to the new west wing in 2023.")
MEETING = "L. Brandt will present the hiring plan at the May meeting. K. Osei will review the budget."
COVER = ("The Standard plan covers two annual check-ups. The Plus plan adds dental cleaning twice a year and lowers "
         "the copay to $10.")


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # what the evidence says of one named thing, said of another it names
    ("Dr. Paul Mercer leads the cardiology department.", WARDS,
     'The evidence says this of "Dr. Amara Singh", not of "Dr. Paul Mercer": "Dr. Amara Singh leads the cardiology '
     'department".'),
    ("K. Osei will present the hiring plan.", MEETING,
     'The evidence says this of "L. Brandt", not of "K. Osei": "L. Brandt will present the hiring plan at the May '
     'meeting.".'),
    ("Yes, the Standard plan includes dental cleaning twice a year.", COVER,  # all but one word in four
     'The evidence says this of "Plus", not of "Standard": "The Plus plan adds dental cleaning twice a year and lowers '
     'the copay to $10.".'),
    ("Dr. Paul Mercer runs the ward rounds.",  # "ward" is read as a word, not inside "Toward"
     "Toward noon Dr. Amara Singh runs the ward rounds. Dr. Paul Mercer heads neurology.",
     'The evidence says this of "Dr. Amara Singh", not of "Dr. Paul Mercer": "Toward noon Dr. Amara Singh runs the '
     'ward rounds.".'),
    ("Dr. Amara Singh leads the cardiology department.", WARDS, None),
    ("L. Brandt will present the hiring plan.", MEETING, None),
    ("Dr. Amara Singh heads neurology.", WARDS, None),             # two words besides the name: too few to read
    ("J. Park will present the hiring plan.", MEETING,             # never mentioned: a name swapped, not moved
     'The claim names "J. Park" where the evidence, in the same words, names "L. Brandt": "L. Brandt will present '
     'the hiring plan at the May meeting.".'),
    ("Sarah said K. Osei will present the hiring plan.", MEETING, None),  # two things named
    ("Tom Reid was charged with the two murders.",                 # a pronoun: the clause may be his
     "Tom Reid appeared in court. Judge Hale said he was charged with the two murders.", None),
    ("The Apple Watch will be released for sale on Friday.",       # a relative clause: "the device" may be it
     "Apple showed the Apple Watch. Mesut Ozil admired the device which will be released on general sale on Friday.",
     None),
    ("Ann Lee chaired the finance committee meeting.",            # the other name is no subject of the clause
     "The finance committee meeting was chaired by Tom Hart. Ann Lee took notes.", None),
    ("Both plans cover two annual check-ups.", COVER, None),
    # a release is named by its number
    ("Version 2.4 added single sign-on.", RELEASES,
     'The evidence says this of "Version 2.3", not of "Version 2.4": "Version 2.3 added single sign-on".'),
    ("v2.4 added single sign-on.", RELEASES,
     'The evidence says this of "Version 2.3", not of "v2.4": "Version 2.3 added single sign-on".'),
    ("Version 2.3 added single sign-on.", RELEASES, None),
    ("Single sign-on arrived in version 2.3.", RELEASES, None),
    ("Sam Okafor wrote the migration guide for version 4.",  # "version 4" names no release: one name, Sam Okafor
     "Maria Lopez wrote the migration guide for version 4. Sam Okafor maintains the client.",
     'The evidence says this of "Maria Lopez", not of "Sam Okafor": "Maria Lopez wrote the migration guide for '
     'version 4.".'),
    ("The Team plan costs $50 per month.", "The Pro plan costs $20 per month. The Team plan costs $50 per month.",
     None),                                                       # the clause giving $50 names Team
    ("The Enterprise plan costs $90 per month.", "The Pro plan costs $20 per month. The Team plan costs $50 per "
     "month. Pricing for the Enterprise plan starts at $90 per month.", None),
])
def test_what_the_evidence_says_of_another_named_thing_contradicts(claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


HOURS = "Support is available Monday to Friday, 9am to 5pm CET."
SUPPORT = ("Refunds are available within 14 days of purchase. Support is available Monday to Friday, 9am to 5pm "
           "CET. Emergency support for Enterprise customers is available at weekends.")


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # days the sentence saying the rest of the claim does not give
    ("Support is available on Saturdays.", HOURS, "The claim says Saturdays but the evidence says Monday to Friday."),
    ("Support is available Monday to Saturday.", SUPPORT,
     "The claim says Monday to Saturday but the evidence says Monday to Friday."),
    ("Refunds take two weeks, and support is available 24/7.", SUPPORT,  # its clause's words, not the claim's
     "The claim says 24/7 but the evidence says Monday to Friday."),
    ("Support is available seven days a week.", SUPPORT,  # not "seven days" against "14 days"
     "The claim says seven days a week but the evidence says Monday to Friday."),
    # days the evidence gives, or no sentence saying the rest
    ("Support is available Monday to Friday.", SUPPORT, None),
    ("Support is available on Wednesdays.", SUPPORT, None),  # within Monday to Friday
    ("Emergency support for Enterprise customers is available on Saturdays.", SUPPORT, None),
    ("Support is available on Saturdays.", SUPPORT, None),  # a sentence saying the rest gives weekends
    ("Deliveries are made on Saturdays.", SUPPORT, None),
    # a negation, a closing or an exception bearing on a day
    ("Support is not available on weekends.", HOURS, None),
    ("Support is not available via chat on weekends.", "Support is available via chat Monday to Friday.", None),
    ("The office is closed on Sundays.", "The office is open Monday to Friday.", None),
    ("The office is open on Sundays.", "The office is open every day except Sundays.", None),
])
def test_recurring_days_the_evidence_does_not_give_are_a_contradiction(claim: str, context: str,
                                                                       reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


GYM = "The gym is open every day from 6am to 10pm, and members can book classes online."


@pytest.mark.parametrize(("claim", "context", "sentence"), [
    ("The gym is open seven days a week.", GYM, GYM),
    ("The helpline is open Mon–Fri.", "The helpline is open Monday to Friday, 8am to 6pm.",
     "The helpline is open Monday to Friday, 8am to 6pm."),
    # not restated: a word or a figure the sentence lacks, other days, a day closed
    ("The gym is open seven days a week, until midnight.", GYM, None),
    ("The gym is open seven days a week from 5am.", GYM, None),
    ("The gym is open on weekdays.", GYM, GYM),  # days within the sentence's
    ("Support is available on Wednesdays.", HOURS, HOURS),
    ("Support is only available on Wednesdays.", HOURS, None),  # "only": the same days, no fewer
    ("The gym is open every day.", "The gym is open every day except Sundays.", None),
    # a claim negating its days, against a sentence giving none of them
    ("No, support is not available on weekends.", HOURS, HOURS),
    ("Support is not available via chat at weekends.", "Support is available via chat Monday to Friday.",
     "Support is available via chat Monday to Friday."),
    ("Support is not available on Wednesdays.", HOURS, None),  # the sentence gives Wednesday
    ("The office is closed on Sundays.", "The office is open Monday to Saturday.", None),  # a closing: not read
])
def test_recurring_days_the_evidence_gives_in_the_same_words(claim: str, context: str, sentence: str | None) -> None:
    same = RulesJudge().restatement(JudgeInput("", split_claims(claim)[0], (window(context),), "rag", context))
    assert (same and same.reason) == (sentence and f'The evidence gives the days: "{sentence}".'), same
    assert same is None or (same.verdict == "supported" and same.p_hallucination == 0.2)


TOWER = "The Eiffel Tower is a wrought-iron tower in Paris, France. It was completed in 1889."
NILE = "The Nile is a major river in northeastern Africa. It flows into the Mediterranean Sea."
MARLOW = "Marlow is a town in Buckinghamshire, England. The River Thames flows through the town."


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # a name the context never mentions, where a sentence saying the rest names another thing
    ("The Eiffel Tower is in Berlin.", TOWER,
     'The claim names "Berlin" where the evidence, in the same words, names "Paris": "The Eiffel Tower is a '
     'wrought-iron tower in Paris, France.".'),
    ("The River Severn flows through Marlow.", MARLOW,
     'The claim names "River Severn" where the evidence, in the same words, names "River Thames": "The River '
     'Thames flows through the town.".'),
    ("Tickets for the final at Wembley went on sale on Monday.",
     "Tickets for the final at Hampden went on sale on Monday morning.",
     'The claim names "Wembley" where the evidence, in the same words, names "Hampden": "Tickets for the final at '
     'Hampden went on sale on Monday morning.".'),
    ("The Eiffel Tower is in Paris.", TOWER, None),
    ("The tower stands in Berlin.", TOWER, None),                 # one other content word: too little to read
    ("The Eiffel Tower was painted by Gustave Klimt.", TOWER, None),  # no name stands where Klimt stands
    ("The Eiffel Tower is in Paris, not in Berlin.", TOWER, None),   # the claim names Paris too
    ("The Eiffel Tower is a wrought-iron tower in Paris.", TOWER, None),
    # two names that may name one thing
    ("He was posing as reporter Michael Finkel of the Times.",
     "He was posing as reporter Mike Finkel of the Times.", None),
    ("She tweeted her support for Greens leader Natalie Bennett.",
     "She tweeted her support for Green Party leader Natalie Bennett.", None),
    ("He was taken to Mossiman District Hospital in a stable condition.",
     "He was taken to Mossman District Hospital in a stable condition.", None),
    ("The firm is based in NYC, its filing says.", "The firm is based in New York City, its filing says.", None),
    ("The Spanish midfielder scored the winner on Saturday.",
     "The Chelsea midfielder scored the winner on Saturday.", None),  # a nationality names no thing here
    ("Employs Many People In Leeds And York.", "Employs many people in Bristol and York.", None),  # Title Case
    # a pronoun opening the sentence stands for the name opening the one before, which the claim names
    ("The Nile flows into the Red Sea.", NILE,
     'The claim names "Red Sea" where the evidence, in the same words, names "Mediterranean Sea": "It flows into '
     'the Mediterranean Sea.".'),
    ("The Nile flows into the Mediterranean Sea.", NILE, None),
    ("The Congo flows into the Red Sea.", NILE, None),  # the pronoun stands for the Nile, not the Congo
    ("The Nile flows into the Red Sea.", "The Danube is a river in Europe. It flows into the Black Sea.",
     None),  # "It" stands for the Danube, which the claim does not name
])
def test_a_name_standing_where_the_evidence_names_another_is_a_contradiction(claim: str, context: str,
                                                                          reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # amid none of the claim's words, only a value of the claim's size is quoted as another figure for it
    ("Doctors delivered her 36-week-old baby in Houston.", "Her mother rang 911 from a car park.", None),
    ("Each plate costs the boxer $3,000.", "Mayweather has earned $300million in his career.", None),
    ("78,000 people signed up.", "Organisers counted 70,000 names by Friday.",
     "The claim says 78,000, but the evidence never gives that value (it gives 70,000)."),
    # a number in words counting the claim's thing is another figure for it; counting another thing, not
    ("The sheriff says 12 deputies have been put on leave.",
     "An inquiry began. Ten deputies identified in the video have been put on paid leave.",
     "The claim says 12 but the evidence says Ten."),
    ("Justice Dept. sent 14-page letter to John Boehner.", "Machen told John Boehner in a seven-page letter.",
     "The claim says 14 but the evidence says seven-page."),
    ("The sheriff says 12 deputies have been put on leave.", "Ten officers were involved in the arrest.", None),
    ("He has 3 children.", "He has three children.", None),
    ("About twenty people were injured.", "Police said 21 people were injured.", None),  # "about" as for digits
    # a length of time in words is read as in digits, with its hedge
    ("Tours last about two hours.", TOURS,
     "The claim says two hours but the evidence says 90 minutes."),
    ("Tours last under two hours.", TOURS, None),              # its hedge is read: 90 minutes are under two hours
    ("Tours last over two hours.", TOURS, "The claim says two hours but the evidence says 90 minutes."),
    ("Tours last ninety minutes.", TOURS, None),
    ("The page loads in thirty seconds.", "The page loads in about 45 seconds.",  # seconds are a length of time
     "The claim says thirty seconds but the evidence says 45 seconds."),
    ("Tours last about two hours.", f"{TOURS} Tickets for under-18s cost $5.",  # a measure before a bare number
     "The claim says two hours but the evidence says 90 minutes."),
    ("He scored twice in three minutes.", "He scored twice in 3 minutes.", None),
    # a measure written in two units is one value: "1 hour 50 minutes" is 110 minutes
    ("The flight takes almost two hours.", "The flight takes 1 hour 50 minutes.", None),
    ("The flight takes 110 minutes.", "The flight takes 1 hour 50 minutes.", None),
    ("The flight takes 1 hour 50 minutes.", "The flight lasts 110 minutes.", None),
    ("The flight takes 1 hour 40 minutes.", "The flight takes 1 hour 50 minutes.",
     "The claim says 40 minutes but the evidence says 50 minutes."),
    ("The flight takes 2 hours 10 minutes.", "The flight lasts 110 minutes.",
     "The claim says 2 hours but the evidence says 110 minutes."),
    ("The flight takes 50 minutes.", "The flight takes 1 hour 50 minutes.",  # a part is not the whole
     "The claim says 50 minutes but the evidence says 1 hour 50 minutes."),
    ("The flight takes 1 hour.", "The flight takes 1 hour 50 minutes.",
     "The claim says 1 hour but the evidence says 1 hour 50 minutes."),
    ("The flight takes about 3 hours.", "The flight takes 1 hour 50 minutes.",  # quoted whole
     "The claim says 3 hours but the evidence says 1 hour 50 minutes."),
    ("She weighed 27 stone.", "She used to weigh 27st 10lbs.", None),       # within 5 % of the whole
    ("Boarding closes 50 minutes before departure.",                        # given alone too
     "The flight takes 1 hour 50 minutes. Boarding closes 50 minutes before departure.", None),
    ("You have three months to file a claim.", "Claims must be filed within 90 days.", None),  # a month: 28-31 days
    ("You have 3 months to file a claim.", "Claims must be filed within 90 days.", None),
    ("You have 100 days to file a claim.", "Claims must be filed within 90 days.",
     "The claim says 100 days but the evidence says 90 days."),
    ("Unfortunately, the two-year-old thoroughbred was pipped to the post.",  # joined to a word: an age, loose
     "Despite failing to register a win, the 88-year-old monarch was on cheerful form.", None),
    # business days are no days
    ("Refunds are issued within 14 days.", REFUNDS,
     "The claim says 14 days but the evidence says 14 business days."),
    ("Refunds are issued within 14 working days.", REFUNDS, None),
    ("Refunds are issued within 14 days.", "Refunds are issued within 14 calendar days.", None),
    # a count in words the evidence never gives, against another count of the thing amid the claim's words
    ("Twenty people were injured in the crash.", "Police said 12 people were injured in the crash on Sunday.",
     "The claim says Twenty but the evidence says 12."),
    ("Fifteen people were hurt.", "Police said twelve people were hurt.", "The claim says Fifteen but the evidence says twelve."),
    ("Twelve people were injured in the crash.", "Police said 12 people were injured in the crash on Sunday.", None),
    ("There are eight teams in contention.", "Two points separate four teams, with four games remaining.",
     None),                                              # the thing counted alone ties the counts to nothing
    ("They have almost two million followers.", "Jay has 735,000 followers.", None),  # a hedged count holds none
    ("He died three days later in hospital.", "He collapsed in a one-day match and died in hospital.", None),
    ("Three children survive him.", "He leaves two children from his first marriage and one from his second.",
     None),                                              # the sum of the sentence's counts
    # the claim's value stated too: a number in words is no stray rival for it
    ("She was sentenced to 12 years in prison for adultery by force.",
     "A court sentenced her to two years in prison for adultery by force, later increased to 12 years on appeal.", None),
])
def test_a_value_is_contradicted_only_by_another_figure_for_it(claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


@pytest.mark.parametrize(("claim", "context", "vetoed"), [
    ("The drama was released in 2442.", "The drama stars Kim Ha-neul.", True),
    ("The drama was first shown on March 9, 2924.", "The drama stars Kim Ha-neul.", True),
    ("The drama will be released in 2442.", "The drama stars Kim Ha-neul.", False),
    ("The ship was launched in 2442.", "In 2442 the ship was launched from Mars.", False),  # the evidence gives it
    ("The drama was released in 2012.", "The drama stars Kim Ha-neul.", False),  # unsupported, not impossible
])
def test_a_past_event_after_the_current_year_is_vetoed(claim: str, context: str, vetoed: bool) -> None:
    hard = veto(claim, context)
    assert (hard is not None) is vetoed, hard
    if vetoed:
        assert hard is not None and "after the current year" in hard.reason and hard.verdict == "hallucination"


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # both say what they count, and it differs: unsupported, not contradicted
    ("St Mirren remain bottom with 21 points.", "Stokes scored within 60 seconds of the restart.", None),
    ("Doctors delivered her 36-week-old baby.", "Doctors said the 17-year-old mother was well.", None),
    # the same thing counted: contradicted
    ("St Mirren remain bottom with 21 points.", "St Mirren remain bottom with 24 points.",
     "The claim says 21 points but the evidence says 24 points."),
    ("Doctors delivered her 36-week-old baby.", "Doctors delivered her 32-week-old baby.",
     "The claim says 36-week-old but the evidence says 32-week-old."),
    # a value the claim itself gives is no rival: 2009 is unsupported, not contradicted
    ("The Lakers won both the 2009 and 2010 NBA Finals.", "The Lakers won the 2010 NBA Finals.", None),
    ("He wrote Taken and Taken 2, and maybe Taken 3.", "He wrote Taken and Taken 2.", None),
    ("He was born in 1950 and died in 2010.", "He was born in 1952 and died in 2010.",
     "The claim says 1950 but the evidence says 1952."),
    # "more than 8,000" gives 8,000, not every greater value
    ("Cutting meat for the more than 8,000 inmates saved $250,000 per year.",
     "Cutting meat for the 8,000 inmates saved $200,000 per year.", "The claim says $250,000 per year but the evidence says $200,000 per year."),
])
def test_a_rival_counts_the_same_thing_and_is_not_the_claims_own(claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


def test_a_score_or_a_season_is_read_whole() -> None:
    # each number of "2-3" stands somewhere in the evidence, but not the score
    match = "Hooiveld's late strike earned Millwall a crucial 2-1 victory over Charlton. Charlton had 3 shots."
    hard = veto("Millwall beat Charlton 2-3 in the derby.", match)
    assert hard is not None and hard.reason == "The claim says 2-3 but the evidence says 2-1.", hard
    assert veto("Charlton lost 1-2 to Millwall.", match) is None  # the same score from the other side
    assert veto("He joined in the 2014/2015 season.", "He joined Leeds in the 2014/15 season.") is None
    hard = veto("He joined in the 2014/2015 season.", "He joined Leeds in the 2013/14 season, aged 15.")
    assert hard is not None and "2013/14" in hard.reason, hard
    # a season is not contradicted by a score, nor by a season the claim gives too
    assert veto("They lost six games in 2014/15, the same as in 2012/13.",
                "City lost 1-0 at Burnley. They lost six games in 2012/13 and in 2014.") is None
    # another score amid other words is not quoted as what the evidence says of this one
    hard = veto("Millwall won 2-1 at the Den.", "Millwall won at the Den. Leeds beat Hull 3-0 at home.")
    assert hard is not None and "never gives that value (it gives 3-0)" in hard.reason, hard


def test_a_value_amid_other_words_is_not_quoted_as_what_the_evidence_says() -> None:
    context = "St Mirren sit bottom of the table. The manager has lost 3 of his last 5 games."
    v = verdict("St Mirren remain bottom of the league table with 21 points.", context)
    assert v.verdict == "hallucination" and v.reason == (
        "The claim says 21 points, but the evidence never gives that value (it gives 3)."), v.reason
    # a bare value counting another thing is no rival at all for a count of points
    v = verdict("St Mirren remain bottom of the league table with 21 points.",
                "St Mirren sit bottom of the table. The manager has used 3 formations this season.")
    assert v.verdict == "hallucination" and v.reason == (
        "The claim says 21 points but no such value appears in the evidence."), v.reason
    # amid the same words, the evidence's value is what it says instead
    v = verdict("St Mirren remain bottom of the league table with 21 points.", "St Mirren have 18 points.")
    assert v.reason == "The claim says 21 points but the evidence says 18 points.", v.reason
    # a short answer reads with its question: "born" stands around the evidence's date
    v = verdict("14 March 1985", "Jane Doe (born 18 March 1985) is a singer. Her album came out on 2 May 2001.",
                prompt="When was Jane Doe born?")
    assert v.reason == "The claim says 14 March 1985 but the evidence says 18 March 1985.", v.reason


POLICY = "Opened items cannot be returned. Unopened items can be returned within 30 days. The shop sells gift cards."


@pytest.mark.parametrize(("question", "answer", "says"), [
    ("Can I return opened items?", "Yes.", 'The answer "Yes" to "Can I return opened items?" disagrees with the '
     'evidence: "Opened items cannot be returned."'),
    ("Can I return opened items?", "yes, you can", "cannot be returned"),
    ("Does the shop sell gift cards?", "No.", 'The answer "No" to "Does the shop sell gift cards?" disagrees'),
    ("Thanks. Does the shop sell gift cards?", "No, it does not.", "The shop sells gift cards."),  # the last question
])
def test_a_yes_or_no_the_evidence_states_otherwise_is_vetoed(question: str, answer: str, says: str) -> None:
    claim = split_claims(answer, question)[0]
    hard = RulesJudge().hard_contradiction(JudgeInput(question, claim, (window(POLICY),), "rag"))
    assert hard is not None and says in hard.reason, hard


@pytest.mark.parametrize(("question", "answer"), [
    ("Can I return opened items?", "No."),  # agrees
    ("Does the shop sell gift cards?", "Yes, it does."),
    ("Can I return unopened items?", "Yes."),  # an evidence sentence says so, with the same polarity
    ("Does the shop sell gift cards and vouchers?", "No."),  # two things: one may be missing
    ("Are both opened and unopened items returnable?", "No."),
    ("Can I return opened items or unopened ones?", "Yes."),  # an alternative
    ("Can't I return opened items?", "Yes."),  # a negated question is answered both ways
    ("Does the shop sell gift cards online?", "No."),  # "online": the evidence does not state it all
    ("Can I return opened items?", "Yes, within 30 days of purchase."),  # more than yes: read as a claim
    ("Where can I return opened items?", "Yes."),  # no yes/no question
])
def test_a_yes_or_no_is_vetoed_only_against_a_statement_of_the_whole_question(question: str, answer: str) -> None:
    claim = split_claims(answer, question)[0]
    assert RulesJudge().hard_contradiction(JudgeInput(question, claim, (window(POLICY),), "rag")) is None


@pytest.mark.parametrize(("claim", "context"), [
    ("He wrote, To Have and Have Not, And he also wrote, In our Time.", "Ernest Hemingway wrote In Our Time."),
    ("Mindy Kaling wrote her second book.", "Mindy Kaling wrote Why Not Me, her second book."),
    ("Aren't the Redskins coached by Jay Gruden?", "The Washington Redskins are coached by Jay Gruden."),
])
def test_titles_and_questions_negate_nothing(claim: str, context: str) -> None:
    item = JudgeInput("", split_claims(claim)[0], (window(context),), "rag", context)
    assert RulesJudge().hard_contradiction(item) is None


def test_a_stated_negation_is_still_caught_after_a_title_and_before_a_tag_question() -> None:
    context = "The world No 3 realised what he had done and held his head in his hands."
    claim = split_claims("World No 3 Ding realised what he had not done and held his head in his hands.")[0]
    hard = RulesJudge().hard_contradiction(JudgeInput("", claim, (window(context),), "rag", context))
    assert hard is not None and hard.reason.startswith("The claim negates"), hard
    tagged = split_claims("Yes, he is not the coach of Real Madrid, are you a fan of the team?")[0]
    hard = RulesJudge().hard_contradiction(
        JudgeInput("", tagged, (window("He is the coach of Real Madrid and a fan of the team."),), "rag"))
    assert hard is not None, "a statement with a tag question still states something"


GAMES = ("Stephen Curry scored 27 points as the Warriors beat the Clippers. "
         "Thabo Sefolosha scored 19 points for the Hawks, who lost to Detroit.")


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # the claim's value stands amid fewer of its words than another value of its kind does
    ("Stephen Curry scored 19 points against the Clippers.", GAMES, "The claim says 19 points but the evidence says 27 points."),
    ("The family were last seen in Slough on Tuesday, April 12.",
     "The family were last seen in Slough on Tuesday, April 7. They were seen in Budapest on April 12.",
     "The claim says April 12 but the evidence says April 7."),
    # amid as many of its words as the other value, or one fewer: stated, not contradicted
    ("Thabo Sefolosha scored 19 points for the Hawks.", GAMES, None),
    ("Curry scored 27 points as the Warriors won.", GAMES, None),
    ("The family were seen in Budapest on April 12.",
     "The family were last seen in Slough on Tuesday, April 7. They were seen in Budapest on April 12.", None),
    # a number word counts loosely ("Miliband and four other leaders" are five)
    ("The PM is absent when five party leaders take part.",
     "The PM will be absent when Miliband and four other party leaders take part. The five leaders met later.", None),
])
def test_a_value_stated_amid_fewer_of_the_claims_words_than_another_is_contradicted(
        claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


def test_a_bare_answer_is_not_read_against_the_values_around_its_question() -> None:
    context = "The band formed in Leeds in 1930. Its singer left the band in 1941 to join the army."
    v = verdict("1941", context, prompt="When did the band form in Leeds?")
    assert v.verdict == "supported", v.reason


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # a date without a day, against another month named amid the claim's words
    ("Chambers signed from Southampton in November 2014.",
     "Chambers, who signed from Southampton last July, has played 36 games. He moved in 2014.",
     "The claim says November 2014 but the evidence says July."),
    ("Chambers signed from Southampton in July 2014.",
     "Chambers, who signed from Southampton last July, has played 36 games. He moved in 2014.", None),
    # a month named amid other words: unsupported, not contradicted
    ("The stadium opened in November 2014.",
     "Chambers, who signed from Southampton last July, has played 36 games. He moved in 2014.", None),
])
def test_a_date_without_a_day_is_contradicted_by_another_month_amid_its_words(
        claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


def test_a_date_the_windows_miss_is_contradicted_by_another_day_of_its_month_in_the_context() -> None:
    context = ("Pacquiao recorded a song for his walk-out. " + "Kimmel sang it on his show. " * 30
               + "It will be played at the MGM Grand Arena on May 2 before the bout.")
    far = window("Pacquiao recorded a song for his walk-out.")  # a window without the date
    rules = RulesJudge()

    def veto(text: str) -> ClaimVerdict | None:
        return rules.hard_contradiction(JudgeInput("", split_claims(text)[0], (far,), "rag", context))

    hard = veto("Pacquiao fights Mayweather in Las Vegas, Nevada, on May 11.")
    assert hard is not None and hard.reason == (
        "The claim says May 11, but the evidence never gives that value (it gives May 2)."), hard
    assert hard.evidence[-1].text == "It will be played at the MGM Grand Arena on May 2 before the bout."
    assert veto("Pacquiao fights Mayweather in Las Vegas, Nevada, on May 2.") is None
    assert veto("Pacquiao fights Mayweather in Las Vegas, Nevada, on June 11.") is None  # another month: unsupported


BANDS = ("Tim McIlrath (born November 3, 1978) is an American musician, best known as the lead vocalist of the "
         "punk rock band Rise Against. Spike Slawson is an American punk rock musician from San Francisco. "
         "Kelly Jones is a Welsh singer. Martha Reeves is not a singer.Peter Francis Straub is an American novelist.")


def both(question: str, answer: str) -> ClaimVerdict | None:
    claim = split_claims(answer, question)[0]
    return RulesJudge().hard_contradiction(JudgeInput(question, claim, (window(BANDS),), "rag", BANDS))


@pytest.mark.parametrize("question", [
    "Are both Tim McIlrath and Spike Slawson American punk rock musicians?",
    "Are Tim McIlrath and Spike Slawson both musicians?",
    "Were both Tim McIlrath and Spike Slawson both American musicians?",
    "Are Peter Straub and Spike Slawson both Americans?",  # "Peter Francis Straub", glued to the sentence before
])
def test_a_no_to_what_the_evidence_states_of_both_named_things_is_vetoed(question: str) -> None:
    hard = both(question, "no")
    assert hard is not None and hard.reason.startswith(f'The answer "no" to "{question}" disagrees'), hard
    assert '"Spike Slawson is an American punk rock musician from San Francisco."' in hard.reason
    assert "Martha Reeves" not in hard.reason


@pytest.mark.parametrize(("question", "answer"), [
    ("Are both Tim McIlrath and Spike Slawson American punk rock musicians?", "yes"),  # agrees
    ("Are Tim McIlrath and Spike Slawson both guitarists?", "no"),  # the evidence does not say it of both
    ("Are Tim McIlrath and Spike Slawson both Welsh musicians?", "no"),
    ("Are Kelly Jones and Martha Reeves both singers?", "no"),  # one of them it denies
    ("Are Tim McIlrath and Kelly Jones from the same city?", "no"),  # a comparison
    ("Are Tim McIlrath and Kelly Jones both singers?", "yes"),  # a "yes" is refuted only by a nationality
    ("Are Tim McIlrath and Spike Slawson both musicians?", "No, Slawson plays the bass."),  # more than no: a claim
])
def test_a_no_about_two_named_things_is_vetoed_only_where_the_evidence_states_it_of_each(
        question: str, answer: str) -> None:
    assert both(question, answer) is None


@pytest.mark.parametrize(("question", "answer", "cites"), [
    ("Are Tim McIlrath and Kelly Jones both American singers?", "yes", "Kelly Jones is a Welsh singer."),
    ("Are both Kelly Jones and Tim McIlrath English?", "yes", "Kelly Jones is a Welsh singer."),
    ("Are Tim McIlrath and Kelly Jones from the same country?", "yes", "Kelly Jones is a Welsh singer."),
    ("Are Tim McIlrath and Spike Slawson from the same country?", "no", "Spike Slawson is an American"),
    ("Are Tim McIlrath and Kelly Jones both from America?", "yes", "Kelly Jones is a Welsh singer."),  # a country
    ("Are the singers Tim McIlrath and Kelly Jones both Americans?", "yes", "Kelly Jones is a Welsh singer."),
])
def test_a_yes_or_no_about_the_nations_of_two_named_things_is_read_against_the_sentences_introducing_them(
        question: str, answer: str, cites: str) -> None:
    hard = both(question, answer)
    assert hard is not None and hard.reason.startswith(f'The answer "{answer}" to "{question}" disagrees'), hard
    assert cites in hard.reason, hard


@pytest.mark.parametrize(("question", "answer", "context"), [
    ("Are Tim McIlrath and Kelly Jones both British singers?", "yes",  # Welsh and English are British
     "Tim McIlrath is an English singer. Kelly Jones is a Welsh singer."),
    ("Are Tim McIlrath and Spike Slawson both American musicians?", "yes", BANDS),
    ("Are Tim McIlrath and Kelly Jones from the same country?", "no", BANDS),
    # a nation of birth, or two nations: not read
    ("Are Tim McIlrath and Kelly Jones both American?", "yes",
     "Tim McIlrath is an American singer. Kelly Jones is a Welsh-American singer."),
    ("Are Tim McIlrath and Kelly Jones both American?", "yes",
     "Tim McIlrath is an American singer. Kelly Jones is an American-born Welsh singer."),
    # only the sentence introducing the name is read
    ("Are Tim McIlrath and Kelly Jones both American?", "yes",
     "Tim McIlrath is an American singer. Kelly Jones is a singer. Kelly Jones toured with a Welsh band."),
])
def test_a_nation_refutes_only_what_the_introducing_sentence_gives_plainly(question: str, answer: str, context: str) -> None:
    claim = split_claims(answer, question)[0]
    assert RulesJudge().hard_contradiction(JudgeInput(question, claim, (window(context),), "rag", context)) is None


@pytest.mark.parametrize(("claim", "context"), [
    ("The race is 5 km long.", "The race is 5,000 metres long."),
    ("The bridge is about 2 km long.", "The bridge is 1.2 miles long."),
    ("The tower is roughly 1,000 feet tall.", "The tower is 300 m tall."),
    ("The warranty lasts 2 years.", "The warranty lasts 24 months."),
    ("The band formed in the 1990s in Leeds.", "The band formed in 1994 in Leeds."),
])
def test_a_value_in_another_unit_or_a_decade_is_stated(claim: str, context: str) -> None:
    assert veto(claim, context) is None
    v = verdict(claim, context)
    assert v.verdict == "supported", v.reason


@pytest.mark.parametrize(("claim", "context", "reason"), [
    ("The race is 8 km long.", "The race is 5,000 metres long.", "The claim says 8 km but the evidence says 5,000 metres."),
    ("The bridge is 3 km long.", "The bridge is 1.2 miles long.", "The claim says 3 km but the evidence says 1.2 miles."),
    ("The band formed in the 1980s in Leeds.", "The band formed in 1994 in Leeds.",
     "The claim says 1980s but the evidence says 1994."),
    # a measure of another size counts something else: unsupported, not contradicted
    ("Doctors delivered her 36-week-old baby.", "Doctors said the 17-year-old mother was well.", None),
])
def test_a_value_in_another_unit_is_contradicted_by_another_measure(claim: str, context: str,
                                                                    reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


@pytest.mark.parametrize(("claim", "context", "clause"), [
    ("Gift cards are not refundable.", "Sale items are final; gift cards are not refundable.", "gift cards are not refundable."),
    ("Accidental damage is not covered by the warranty.", "The warranty does not cover accidental damage.",
     "The warranty does not cover accidental damage."),
    ("You can't return opened items.", "Opened items cannot be returned.", "Opened items cannot be returned."),
    ("PO boxes are not shipped to.", "We do not ship to PO boxes.", "We do not ship to PO boxes."),  # "shipped", "ship"
    ("He never lost at home.", "He lost abroad but he never lost at home.", "he never lost at home."),
    # not restated: another word negated, a word missing, a clause that does not negate, no negation, another number
    ("The warranty does not cover accidental damage.", "The warranty does not cover wear, but covers accidental damage.", None),
    ("Gift cards are not refundable online.", "Gift cards are not refundable.", None),
    ("Gift cards are not refundable.", "Gift cards are refundable.", None),
    ("Gift cards are refundable.", "Gift cards are refundable.", None),
    ("Gift cards are not refundable after 30 days.", "Gift cards are not refundable after 14 days.", None),
    ("Patients over 70 were not included.", "Patients over 70 were not included.", "Patients over 70 were not included."),
    ("Are gift cards not refundable?", "Gift cards are not refundable.", None),
    # a clause the evidence reports as a myth it does not state
    ("Vaccines are not safe.", "Doctors debunked the myth that vaccines are not safe.", None),
    # "non-" negates; a claim negating a word it also states restates nothing
    ("Shipping fees are not refundable.", "Shipping fees are non-refundable.", "Shipping fees are non-refundable."),
    ("The Canadian killer was not Canadian.", "The killer was not Canadian.", None),
])
def test_a_negation_the_evidence_restates(claim: str, context: str, clause: str | None) -> None:
    same = RulesJudge().restatement(JudgeInput("", split_claims(claim)[0], (window(context),), "rag", context))
    assert (same and same.reason) == (clause and f'The evidence states the same negation: "{clause}".'), same
    if same is not None:
        assert same.verdict == "supported" and same.evidence[0].text == context


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # a total of the counts one sentence gives, each counting the same thing or nothing
    ("He has 3 children.", "He has two children from his first marriage and one from his second.", None),
    ("The club signed 6 players this year.", "The club signed 4 players in January and 2 in July.", None),
    ("He has 4 children.", "He has two children from his first marriage and one from his second.",
     "The claim says 4 but the evidence says two."),
    ("The team won 5 titles.", "The team won 3 titles in 2 years.", "The claim says 5 but the evidence says 3."),
    # the parts stand in one sentence, wherever it is in the evidence; not in two
    ("He has 3 children.", "Born in Leeds in 1950, he moved to York. He has two children from his first marriage "
     "and one from his second. He retired in 2001.", None),
    ("He has 3 children.", "He has two children from his first marriage. One from his second is grown.",
     "The claim says 3 but the evidence says two."),
    ("The club signed 6 players this year.", "The club signed 4 players in January. It signed 2 in July.",
     "The claim says 6 but the evidence says 4."),
])
def test_a_count_may_be_a_total(claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


FORSTER = ("Koeman will wait. Forster underwent knee surgery after falling awkwardly in the 2-0 victory over Burnley "
           "a fortnight ago. Swansea drew 1-1 at Hull.")


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # a score the evidence never gives, against one in a sentence that shares three of the claim's words
    ("Forster damaged his knee in the 5-0 Premier League win over Burnley.", FORSTER,
     "The claim says 5-0 but the evidence says 2-0."),
    ("Forster damaged his knee in the 2-0 win over Burnley.", FORSTER, None),
    # its numbers are not read one by one: each stands in "4-1", the score does not
    ("Almeria fired Juan Ignacio Martinez after a 4-4 defeat by Levante.",
     "Juan Ignacio Martinez was fired on Sunday, a day after Almeria lost 4-1 at home to Levante.",
     "The claim says 4-4 but the evidence says 4-1."),
    # a score on the way ("a 2-0 lead") is no rival for the final one
    ("Gomis made it 3-1 in injury time to grab his second goal against Hull.",
     "Gomis roars after giving Swansea a 2-0 lead against Hull with his second goal. Swansea had lost 3 of "
     "their last 4 games and won 1.", None),
    ("Gomis made it 3-1 in injury time to grab his second goal against Hull.",
     "Gomis roars after giving Swansea a 2-0 win against Hull with his second goal. Swansea had lost 3 of "
     "their last 4 games and won 1.", "The claim says 3-1 but the evidence says 2-0."),
    # too few shared words
    ("Arsenal beat Chelsea 3-1.", "Burnley drew 1-1 with Everton.", None),
    # a range written with words
    ("He will undergo a 9-10 hour surgery on May 11.", "Four surgeons will carry out the eight- to ten-hour operation "
     "on May 11.", "The claim says 9-10 but the evidence says eight- to ten-hour."),
    ("He will undergo an 8-10 hour surgery on May 11.", "Four surgeons will carry out the eight- to ten-hour "
     "operation on May 11.", None),
    ("He played all day for 6 - 10 weeks.", "He had been playing the game all day for six to eight weeks.",
     "The claim says 6 - 10 but the evidence says six to eight."),
])
def test_a_score_or_range_the_evidence_never_gives(claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


KERCHER = ("The Italian was found guilty of the murder of Surrey-born Meredith, 21, in 2007. They were sentenced "
           "to 26 and 25 years in jail respectively.")


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # an age is stated by an age only, where the evidence gives ages
    ("He was cleared of killing the British student Meredith Kercher, 26, in 2007.", KERCHER,
     "The claim says 26 but the evidence says 21."),
    ("He was cleared of killing the British student Meredith Kercher, 21, in 2007.", KERCHER, None),
    ("26-year-old has opened contract talks with the Blues over a new deal.",
     "Bamford is one of 26 players out on loan. The 21-year-old's form has led his parent club Chelsea to open "
     "talks over a new deal.", "The claim says 26-year-old but the evidence says 21-year-old."),
    # ages written otherwise: "who is now 34", "since she was 17", "seven-year-old"
    ("Candidate Paul Childs, 34, revealed that he is HIV positive.",
     "The second test confirmed that Mr Childs, who is now 34, was infected. The 36-year-old revealed he is HIV "
     "positive.", None),
    ("She began her career at age 17 selling online.", "She has been doing it since she was 17 — the 28-year-old "
     "began selling online.", None),
    ("Satine Cahill, 7, was to lead the team out.", "The 24-year-old helped seven-year-old Satine Cahill lead the "
     "team out.", None),
    # an age after a person between commas, where the claim's value stands elsewhere as a count
    ("Her father, 45, said the family was overwhelmed.", "Police found the girl on Monday. Her father, 41, "
     "thanked volunteers. About 45 people searched.", "The claim says 45 but the evidence says 41."),
    # no age anchored to the claim's words (the name, or the sentence)
    ("John Smith, 45, was arrested on Monday.", "45 officers attended. A 32-year-old woman was released.", None),
])
def test_an_age_is_stated_by_an_age(claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


PLANS = ("The Pro plan costs $49 per month and includes 500 GB of storage and up to 5 users. "
         "The Business plan includes 5 TB of storage.")


def test_a_data_size_is_compared_with_data_sizes_only() -> None:
    # "5 TB" measures storage: no rival for a trial's length, which the evidence never gives
    assert veto("Both plans include a free 30-day trial.", PLANS) is None
    # a size in another unit of the same number is a changed unit; "5 users" is no rival for it
    hard = veto("The Pro plan includes 500 MB of storage.", PLANS)
    assert hard is not None and hard.reason == "The claim says 500 MB but the evidence says 500 GB.", hard
    hard = veto("The Pro plan includes 600 GB of storage.", PLANS)
    assert hard is not None and hard.reason == "The claim says 600 GB but the evidence says 500 GB.", hard
    assert veto("The Pro plan includes 500 gigabytes of storage.", PLANS) is None
    assert veto("The Business plan includes 5,000 GB of storage.", PLANS) is None
    # powers of 1,024 state a size too
    assert veto("It has 1 GB of memory.", "It has 1024 MB of memory.") is None
    hard = veto("It has 2 GB of memory.", "It has 1024 MB of memory.")
    assert hard is not None and hard.reason == "The claim says 2 GB but the evidence says 1024 MB.", hard


API = ("Requests are limited to 60 per minute per API key. Tokens expire after 24 hours. "
       "The Pro plan costs $49 per month.")


def test_a_rate_over_another_period_contradicts() -> None:
    hard = veto("You can make 60 requests per second per key.", API)
    assert hard is not None and hard.reason == (
        "The claim says 60 requests per second but the evidence says 60 per minute."), hard
    hard = veto("The Pro plan costs $49 a year.", API)
    assert hard is not None and hard.reason == "The claim says $49 a year but the evidence says $49 per month.", hard
    assert veto("You can make 60 requests a minute.", API) is None
    assert veto("You can make one request per second.", API) is None  # the same rate
    assert veto("The Pro plan costs $588 a year.", API) is None
    assert veto("The Pro plan costs $49.", API) is None  # no period: nothing to contradict


def test_a_temperature_in_another_scale_states_it() -> None:
    label = "Store below 25°C. Keep out of the reach of children."
    assert veto("Keep it below 77 degrees Fahrenheit.", label) is None
    assert veto("Keep it below 25 degrees Celsius.", label) is None
    hard = veto("Keep it below 30°C.", label)
    assert hard is not None and hard.reason == "The claim says 30°C but the evidence says 25°C.", hard


def test_a_value_of_a_range_in_words_is_quoted_with_the_range() -> None:
    policy = "Refunds reach the original payment method within 5 to 7 business days."
    hard = veto("Refunds are issued within 24 hours.", policy)
    assert hard is not None and hard.reason == "The claim says 24 hours but the evidence says 5 to 7 business days.", hard
    hard = veto("Refunds take 10 business days.", policy)
    assert hard is not None and hard.reason == ("The claim says 10 business days but the evidence says 5 to 7 business "
                                                "days."), hard


PRICES = ("The Basic plan costs 49 dollars a month for up to 3 users. The Team plan costs $99 per month for "
          "up to 10 users. Extra storage costs $5 per 100 GB.")


def test_a_limit_is_stated_by_the_same_limit_only() -> None:
    hard = veto("Basic costs $49 a month for up to 5 users.", PRICES)
    assert hard is not None and hard.reason == "The claim says 5 but the evidence says 3.", hard
    assert veto("Basic costs $49 a month for up to 3 users.", PRICES) is None
    assert veto("Basic covers 3 users.", PRICES) is None  # an exact value within the limit
    assert veto("Members must be at least 18.", "Members must be at least 21.") is not None
    assert veto("Members must be at least 21.", "Members must be at least 21 years old.") is None


def test_a_number_that_counts_a_thing_is_no_amount() -> None:
    # "$5" is an amount, no count of users: it does not state "five users"
    hard = RulesJudge().judge([JudgeInput("", split_claims("Basic is for up to five users.")[0], (window(PRICES),),
                                          "rag", PRICES)])[0]
    assert "$5" not in (hard.reason or ""), hard
    assert veto("The team has five new members.", "Five new members joined. It costs $5.") is None


def test_the_same_number_in_another_unit_is_the_rival_quoted() -> None:
    study = "Adults took the drug or a placebo for 12 weeks. The median age was 58."
    hard = veto("They took the drug for 12 months.", study)
    assert hard is not None and hard.reason == "The claim says 12 months but the evidence says 12 weeks.", hard


EARNINGS = ("Acme reported revenue of $4.2 billion, up 12% from a year earlier. Net income rose to $610 million. "
            "Hardware sales fell 4%. The company has 1,500,000 customers. It is counting down to the 100th anniversary. "
            "The board raised its quarterly dividend to $0.45 per share and cut capital spending plans for the "
            "coming year to $90 million.")


@pytest.mark.parametrize(("claim", "reason"), [
    ("Net income fell to $610 million.",
     'The claim says "income fell to $610 million" but the evidence says "income rose to $610 million".'),
    ("Revenue was down 12% on the year.", 'The claim says "Revenue was down 12%" but the evidence says "up 12%".'),
    ("Hardware sales grew 4%.", 'The claim says "Hardware sales grew 4%" but the evidence says "Hardware sales fell 4%".'),
    ("Net income increased to $610 million.", None),   # the same way in other words
    ("Net income was $610 million.", None),            # no way said
    ("Net income did not fall to $610 million.", None),
    ("Acme has 1.5M customers.", None),                # a capital M is millions
    ("It comes in the lead-up to the 100th anniversary.", None),
    # the evidence's word stands further back where the words between are the claim's
    ("The quarterly dividend was cut to $0.45 per share.",
     'The claim says "was cut to $0.45" but the evidence says "raised its quarterly dividend to $0.45".'),
    ("The quarterly dividend was raised to $0.45 per share.", None),
    # not where other words stand between: "cut capital spending plans for the coming year to $90 million"
    ("Capital spending rose to $90 million.", None),
])
def test_a_value_that_moved_the_other_way_contradicts(claim: str, reason: str | None) -> None:
    hard = veto(claim, EARNINGS)
    assert (hard and hard.reason) == reason, hard


def test_an_answer_word_is_no_negation() -> None:
    policy = "Sale items can be exchanged but not refunded. Gift cards cannot be returned."
    assert veto("No, gift cards can't be returned.", policy) is None
    item = JudgeInput("", split_claims("No, gift cards can't be returned.")[0], (window(policy),), "rag", policy)
    assert RulesJudge().restatement(item) is not None
    hard = veto("Yes, gift cards can be returned.", policy)
    assert hard is not None and hard.reason.startswith("The evidence negates"), hard


def test_the_value_quoted_is_the_one_whose_sentence_the_claim_restates() -> None:
    context = ("Gustave Eiffel's company designed and built the tower from 1887 to 1889. It was the tallest "
               "man-made structure in the world until the Chrysler Building in New York City was finished in 1930.")
    hard = veto("It was the tallest man-made structure until 1931, when the Empire State Building was completed.",
                context)  # "built" is no reason to quote 1887: the other sentence says what the claim does
    assert hard is not None and hard.reason.endswith("(it gives 1930)."), hard


QUARTERS = ("Acme reported third-quarter revenue of $2.1 billion, up 8%. Second-quarter revenue was $1.9 billion. "
            "It expects revenue of $2.3 billion in Q4 2026. Revenue reached $8 billion over the year.")
YEARS = ("Revenue was $8.1 billion in 2024, up 9%. In 2023 revenue was $7.4 billion. "
         "Founded in 1998, Acme employs 250 people.")
TIERS = ("The Pro plan costs $20 per month and includes 5 users. The Team plan costs $50 per month and includes 25 "
         "users. The Enterprise plan is priced on request.")
LINES = ("The Harbour Line opened in March 1998 and runs 42 kilometres between Portmere and Eastwick. The Coast Line "
         "opened in 2004 and runs 30 kilometres from Eastwick to Saltby.")
MONTHS = ("February sales were $3.1 million. In March, sales climbed to $3.6 million. Unemployment rose to 4.3% in "
          "July 2024, from 4.1% in June. Acme, founded in April 1998, employs 250 people.")


@pytest.mark.parametrize(("claim", "context", "reason"), [
    # a figure given for another quarter than the evidence gives it for, the quarter written either way
    ("Q2 revenue was $2.1 billion.", QUARTERS,
     "The claim gives $2.1 billion for the second quarter but the evidence gives it for the third quarter."),
    ("Revenue in the third quarter was $1.9 billion.", QUARTERS,
     "The claim gives $1.9 billion for the third quarter but the evidence gives it for the second quarter."),
    ("Acme expects Q3 revenue of $2.3 billion.", QUARTERS,
     "The claim gives $2.3 billion for the third quarter but the evidence gives it for the fourth quarter."),
    ("Q3 revenue was $2.1 billion, up 8%.", QUARTERS, None),
    ("Revenue was $1.9 billion in 2Q.", QUARTERS, None),
    ("Q4 revenue reached $8 billion.", QUARTERS, None),                       # the evidence names no quarter for it
    ("Revenue rose from $1.9 billion in Q2 to $2.1 billion in Q3.", QUARTERS, None),  # two quarters: not read
    ("First-half revenue was $1.9 billion.", QUARTERS, None),                 # a half is no quarter
    # a figure the evidence gives for another year, where it gives the claim's year another figure
    ("Revenue was $7.4 billion in 2024.", YEARS,
     "The claim gives $7.4 billion for 2024 but the evidence gives it for 2023 and $8.1 billion for 2024."),
    ("2023 revenue was $8.1 billion.", YEARS,
     "The claim gives $8.1 billion for 2023 but the evidence gives it for 2024 and $7.4 billion for 2023."),
    ("Revenue was $8.1 billion in 2024.", YEARS, None),
    ("In 2024 Acme employed 250 people.", YEARS, None),       # 1998 dates the founding: no other count for 2024
    ("Revenue grew from $7.4 billion in 2023 to $8.1 billion in 2024.", YEARS, None),  # two years: not read
    # a clause of the sentence dates the value when it names a year ("up 9% from $7.4 billion in 2023")
    ("Revenue was $7.4 billion in 2024.", "Revenue was $8.1 billion in 2024, up 9% from $7.4 billion in 2023.",
     "The claim gives $7.4 billion for 2024 but the evidence gives it for 2023 and $8.1 billion for 2024."),
    ("Revenue was $7.4 billion in 2023.", "Revenue was $8.1 billion in 2024, up 9% from $7.4 billion in 2023.", None),
    ("Acme earned $5 million in 2024.", "In 2023, Acme earned $5 million, and in 2024 it earned $7 million.",
     None),  # the value's clause names no year, and its sentence names both
    # a figure the evidence gives for another month, where it gives the claim's month another figure
    ("Sales were $3.1 million in March.", MONTHS,
     "The claim gives $3.1 million for March but the evidence gives it for February and $3.6 million for March."),
    ("Unemployment was 4.3% in June 2024.", MONTHS,
     "The claim gives 4.3% for June but the evidence gives it for July and 4.1% for June."),
    ("Unemployment was 4.1% in June.", MONTHS, None),
    ("In March, sales climbed to $3.6 million.", MONTHS, None),
    ("In June Acme employed 250 people.", MONTHS, None),     # April dates the founding: no other count for June
    # a figure the evidence gives another named thing, where it gives the claim's thing another figure
    ("The Team plan costs $20 per month.", TIERS,
     'The claim gives $20 per month for "Team" but the evidence gives it for "Pro" and $50 for "Team".'),
    ("The Pro plan includes 25 users.", TIERS,
     'The claim gives 25 for "Pro" but the evidence gives it for "Team" and 5 for "Pro".'),
    ("The Pro plan includes 25 users.", "Pro: $20 per month, 5 users. Team: $50 per month, 25 users.",
     'The claim gives 25 for "Pro" but the evidence gives it for "Team" and 5 for "Pro".'),  # labels name rows
    ("The Coast Line opened in 1998.", LINES,
     'The claim gives 1998 for "Coast Line" but the evidence gives it for "Harbour Line" and 2004 for "Coast Line".'),
    ("The Team plan costs $50 per month.", TIERS, None),
    ("The Enterprise plan costs $20 per month.", TIERS,  # no other figure for Enterprise, but the Pro plan's said
     'The evidence says this of "Pro", not of "Enterprise": "The Pro plan costs $20 per month and includes 5 users.".'),
    ("The Coast Line runs 42 kilometres from Portmere.", LINES, None),  # two things named: not read
    ("The firm said Acme's revenue was $5 million.",  # an owner's thing, which may go by another name, is left
     "The firm said Globex's revenue was $5 million. It said Acme's revenue was $7 million.", None),  # to the checker
    ("Tom Reid was charged with the murders in 1991.",  # the pronoun may make the value Tom Reid's
     "Tom Reid appeared in court. He was charged with murdering Ann Reid in 1991. Police reopened the murders in "
     "2006, and Reid was charged.", None),
    ("Aaron Wilbraham has scored 18 goals this season.",  # the sentence names him: the Robins are his team
     "Cotterill said Aaron Wilbraham has scored over 20 goals this season. Aaron Wilbraham (right) has scored 18 "
     "domestic goals for the Robins this season.", None),
    ("The Japanese train reached 603 km/h.", "A Maglev train reached 603 km/h. The Japanese train reached 581 km/h.",
     None),                                                     # a nationality names no thing
])
def test_a_figure_given_for_another_period_contradicts(claim: str, context: str, reason: str | None) -> None:
    hard = veto(claim, context)
    assert (hard and hard.reason) == reason, hard


@pytest.mark.parametrize(("claim", "reason"), [
    ("It has 32 GB of RAM.", "The claim says 32 GB but the evidence says 16 GB."),
    ("It has a 1 TB SSD.", "The claim says 1 TB but the evidence says 512 GB."),
])
def test_the_conflicting_value_quoted_stands_between_the_claims_words(claim: str, reason: str) -> None:
    # both values stand amid the claim's words in one sentence: the one beside the same words is quoted
    hard = veto(claim, "It ships with 16 GB of RAM and a 512 GB SSD.")
    assert hard is not None and hard.reason == reason, hard


# --- values a product sheet gives -----------------------------------------------

SHEET = ("The Aurora X2 has 32 GB of RAM and a 1 TB SSD. It weighs 1.2 kg and comes with a two-year limited "
         "warranty.")


@pytest.mark.parametrize(("claim", "says"), [
    # the "2" of "X2" is a code's digit: it states no "2 TB" where the sheet gives another size amid its words
    ("It has a 2 TB SSD.", "The claim says 2 TB but the evidence says 1 TB."),
    # a number in words joined to its unit meets one joined alike
    ("It comes with a three-year warranty.", 'The claim says three-year but the evidence says two-year.'),
    # pounds that are weighed are a mass, not money
    ("It weighs 1.2 pounds.", "The claim says 1.2 pounds but the evidence says 1.2 kg."),
])
def test_a_product_sheet_value_changed_is_contradicted(claim: str, says: str) -> None:
    hard = veto(claim, SHEET)
    assert hard is not None and hard.reason == says, hard


@pytest.mark.parametrize("claim", [
    "It comes with a two-year warranty.", "It comes with a 2-year warranty.", "It weighs about 2.6 pounds.",
    "It has 32 GB of RAM.", "The Aurora X2 has a 1 TB SSD.",
    # a count joined to its word says nothing of one that is not
    "It has a four-year-old battery design.",
])
def test_a_product_sheet_value_restated_is_no_contradiction(claim: str) -> None:
    assert veto(claim, SHEET) is None


def test_a_number_inside_a_code_still_states_a_value_the_evidence_gives_nowhere_else() -> None:
    assert veto("Payment is due net 30.", SEED) is None



# --- words of opposite sense ----------------------------------------------------

OFFICE = ("The office is closed on public holidays. Overtime at weekends is optional. Pets are not allowed in the office. "
          "The cafeteria is open from 8am to 3pm and closed at weekends. Our team won the US Open. "
          "Demand in Europe remained weak. Remote work is allowed with manager approval.")


@pytest.mark.parametrize(("claim", "says"), [
    ("The office is open on public holidays.", 'The claim says "open" where the evidence says "closed": '
     '"The office is closed on public holidays.".'),
    ("Overtime at weekends is mandatory.", 'The claim says "mandatory" where the evidence says "optional": '
     '"Overtime at weekends is optional.".'),
    ("Yes, overtime at weekends is required.", 'The claim says "required" where the evidence says "optional": '
     '"Overtime at weekends is optional.".'),
    # not read: the sentence says both words, says the opposite negated, or names a thing ("US Open")
    ("The cafeteria is closed from 8am to 3pm.", None),
    ("Pets are prohibited in the office.", None),
    ("Our team lost the US Closed.", None),
    ("Demand in Europe was strong.", 'The claim says "strong" where the evidence says "weak": '
     '"Demand in Europe remained weak.".'),
    ("Remote work is allowed without manager approval.", 'The claim says "without" where the evidence says "with": '
     '"Remote work is allowed with manager approval.".'),
    ("Remote work is allowed with approval but without a contract.", None),  # the claim says both
    ("Overtime is mandatory.", None),  # one other word ("overtime") says too little of what is meant
    ("The office is open to staff who were closed out on public holidays.", None),  # the claim says both
    ("Are pets prohibited in the office?", None),
])
def test_a_word_of_opposite_sense_contradicts(claim: str, says: str | None) -> None:
    hard = veto(claim, OFFICE)
    assert (hard and hard.reason) == says, hard


@pytest.mark.parametrize(("claim", "clause"), [
    ("Pets are prohibited in the office.", "Pets are not allowed in the office."),
    ("Pets are banned in the office.", "Pets are not allowed in the office."),
    # not read: another word missing, the claim negates, the evidence states the opposite plainly
    ("Pets are prohibited in the kitchen.", None),
    ("Overtime at weekends is not required.", None),
    ("The office is open on public holidays.", None),
])
def test_a_word_of_opposite_sense_negated_restates(claim: str, clause: str | None) -> None:
    same = RulesJudge().restatement(JudgeInput("", split_claims(claim)[0], (window(OFFICE),), "rag", OFFICE))
    assert (same and same.reason) == (clause and f'The evidence says the same: "{clause}".'), same


def test_a_word_of_opposite_sense_negated_in_the_evidence_agrees() -> None:
    assert veto("The office is open on public holidays.", "The office is not closed on public holidays.") is None


@pytest.mark.parametrize(("claim", "says"), [
    ("Pets over 8 kg may travel in the cabin.", "The claim says over 8 kg but the evidence says under 8 kg."),
    ("Pets of at least 8 kg may travel in the cabin.", "The claim says at least 8 kg but the evidence says under 8 kg."),
    ("Pets under 8 kg may travel in the cabin.", None),
    ("Pets of up to 8 kg may travel in the cabin.", None),
    ("Pets under 10 kg may travel in the cabin.", "The claim says 10 kg but the evidence says 8 kg."),  # another limit
])
def test_a_limit_of_the_other_sense_contradicts(claim: str, says: str | None) -> None:
    cabin = "Checked baggage allowance is one bag of up to 23 kg. Pets under 8 kg may travel in the cabin."
    hard = veto(claim, cabin)
    assert (hard and hard.reason) == says, hard


LEAVE = ("Employees accrue 1.5 days of paid leave per month. Unused leave can be carried over for up to three months. "
         "Remote work is allowed two days per week with manager approval. The office is closed on public holidays.")


def answer_veto(answer: str, question: str) -> ClaimVerdict | None:
    """The rules judge's hard contradiction of a short ``answer`` to ``question`` against ``LEAVE``."""
    claim = split_claims(answer, question)[0]
    return RulesJudge().hard_contradiction(JudgeInput(question, claim, (window(LEAVE),), "rag", LEAVE))


@pytest.mark.parametrize(("question", "answer", "says"), [
    # a "yes" to a question that the evidence answers with a word of opposite sense
    ("Is the office open on public holidays?", "Yes.", 'The answer "Yes" to "Is the office open on public holidays?" '
     'disagrees with the evidence: "The office is closed on public holidays.".'),
    ("Is the office open on public holidays?", "No.", None),
    ("Is the office closed on public holidays?", "Yes.", None),
    # a bare number the evidence gives only amid none of the question's words, where another stands amid three
    ("How many remote days per week are allowed?", "Three.", "The claim says Three but the evidence says two."),
    ("How many remote days per week are allowed?", "Two.", None),
    ("How many months can unused leave be carried over?", "Three.", None),
])
def test_a_bare_answer_against_what_the_evidence_says_of_its_question(question: str, answer: str,
                                                                      says: str | None) -> None:
    hard = answer_veto(answer, question)
    assert (hard and hard.reason) == says, hard


STORAGE_PLANS = ("The Basic plan costs $10 per month and includes 2 users and 50 GB of storage. The Pro plan costs $25 per "
         "month, includes 10 users, 1 TB of storage and priority support.")


@pytest.mark.parametrize(("claim", "says"), [
    # another unit's value is the claim's thing's other figure, however far apart ("1 TB", "50 GB")
    ("The Pro plan includes 50 GB of storage.",
     'The claim gives 50 GB for "Pro" but the evidence gives it for "Basic" and 1 TB for "Pro".'),
    ("The Basic plan includes 2 users and 1 TB of storage.",
     'The claim gives 1 TB for "Basic" but the evidence gives it for "Pro" and 50 GB for "Basic".'),
    ("The Pro plan includes 1 TB of storage.", None),
    ("The Basic plan includes 50 GB of storage.", None),
])
def test_a_measure_given_for_another_plan_contradicts(claim: str, says: str | None) -> None:
    hard = veto(claim, STORAGE_PLANS)
    assert (hard and hard.reason) == says, hard
