"""Records written as data read as ``key: value`` sentences, and the rows a claim is about."""

from __future__ import annotations

import json

import pytest

from veracity.engine.tables import readable, rows_about
from veracity.engine.windows import split_windows
from veracity.judges.checker import make_pair

ROWS = [{"lease": "LS77974", "monthly_rent": "€19,746.00", "landlord": "Vertex Labs"},
        {"lease": "LS76310G", "monthly_rent": "$10,799.00", "landlord": "Northwind Traders"}]
SENTENCES = ("lease: LS77974; monthly rent: €19,746.00; landlord: Vertex Labs.\n"
             "lease: LS76310G; monthly rent: $10,799.00; landlord: Northwind Traders.")


@pytest.mark.parametrize("text", [
    json.dumps(ROWS),  # ASCII-escaped euro sign comes back as itself
    json.dumps(ROWS, ensure_ascii=False, indent=2),
    "| lease | monthly rent | landlord |\n|---|---|---|\n| LS77974 | €19,746.00 | Vertex Labs |\n"
    "| LS76310G | $10,799.00 | Northwind Traders |",
    'lease,monthly rent,landlord\nLS77974,"€19,746.00",Vertex Labs\nLS76310G,"$10,799.00",Northwind Traders',
    "lease = LS77974; monthly rent = €19,746.00; landlord = Vertex Labs\n"
    "lease = LS76310G; monthly rent = $10,799.00; landlord = Northwind Traders",
    "lease: LS77974\nmonthly rent: €19,746.00\nlandlord: Vertex Labs\n\n"
    "lease: LS76310G\nmonthly rent: $10,799.00\nlandlord: Northwind Traders",
])
def test_every_way_of_writing_a_table_reads_as_one_sentence_per_row(text: str) -> None:
    assert readable(text) == SENTENCES


def test_compact_rows_and_nested_json() -> None:
    assert readable("LoanNo:LN1 Amt:2822EUR Name:Ivan Ali 1stpmt:10.07.2021\nLoanNo:LN2 Amt:22EUR Name:Bo Li 1stpmt:1.7.2021") == (
        "LoanNo: LN1; Amt: 2822EUR; Name: Ivan Ali; 1stpmt: 10.07.2021.\n"
        "LoanNo: LN2; Amt: 22EUR; Name: Bo Li; 1stpmt: 1.7.2021.")
    assert readable('{"order": {"id": "O1", "items": ["pen", "ink"]}, "paid": true, "note": null}') == (
        "order id: O1; order items: pen, ink; paid: yes; note: none.")


def test_a_window_cut_out_of_json_is_read_too() -> None:
    fragment = 'ase": "LS77974", "landlord": "Vertex Labs"}, {"lease": "LS76310G", "landlord": "North'
    assert readable(fragment) == "ase: LS77974; landlord: Vertex Labs.\nlease: LS76310G; landlord: North."


@pytest.mark.parametrize("text", [
    "Paris is the capital of France. It has 2.1 million people.",
    "InvID:INV7701B Amt:7116GBP Due:21Jun25",  # one record: already key:value, left alone
    "Meet at 10:30, then 11:45.\nLunch at 12:00, then coffee.",
    "Name: Ada\nRole: engineer\n\nThe team met on Monday.\nIt went well.",
    'He said "a": "b" and left.',
    "a, b\nthis line, has, three cells",
    "| not a table |\nplain text",
])
def test_text_that_is_not_a_table_is_left_as_it_is(text: str) -> None:
    assert readable(text) == text


def test_rows_about_keeps_the_row_the_claim_names() -> None:
    q = "Who is the landlord on lease LS76310G? [SEP] The landlord on lease LS76310G is Vertex Labs."
    # the ID outweighs the (wrong) value, which another row holds
    assert rows_about(SENTENCES, q) == SENTENCES.splitlines()[1]
    # a claim naming no row keeps them all
    assert rows_about(SENTENCES, "Who is the landlord? [SEP] The landlord is Acme.") == SENTENCES
    prose = "Paris is big.\nLyon is smaller."
    assert rows_about(prose, "Lyon") == prose


def test_the_checker_reads_the_row_of_the_record_the_claim_is_about() -> None:
    ctx = json.dumps(ROWS)
    [window] = split_windows(ctx)
    evidence, query = make_pair(window.text, "Who is the landlord on lease LS76310G?",
                                "The landlord on lease LS76310G is Vertex Labs.")
    assert evidence == "lease: LS76310G; monthly rent: 10,799 USD; landlord: Northwind Traders."
    assert query.endswith("The landlord on lease LS76310G is Vertex Labs.")


def _leases(n: int, markdown: bool) -> str:
    head = ["| Lease ID | Monthly rent | Landlord |", "|---|---|---|"] if markdown else ["Lease ID,Monthly rent,Landlord"]
    rows = [f"| LS{1000 + i} | {i * 100 + 5:,}.00 EUR | Company {i} |" if markdown
            else f'LS{1000 + i},"{i * 100 + 5:,}.00 EUR",Company {i}' for i in range(n)]
    return "\n".join(head + rows)


@pytest.mark.parametrize("markdown", [False, True])
def test_a_long_table_is_cut_between_rows_and_every_window_keeps_its_header(markdown: bool) -> None:
    ctx = _leases(60, markdown)
    ws = split_windows(ctx)
    assert len(ws) > 1 and ws[0].header == ""
    for w in ws:
        assert ctx[w.span[0]:w.span[1]] == w.text  # spans still quote the context
        a, b = w.span
        assert (a == 0 or ctx[a - 1] == "\n") and (b == len(ctx) or ctx[b] == "\n"), "whole rows only"
    for w in ws[1:]:
        assert w.header == ctx[: len(w.header)] and readable(w.body).startswith("Lease ID: LS")


@pytest.mark.parametrize("markdown", [False, True])
def test_the_checker_reads_a_row_far_down_a_long_table(markdown: bool) -> None:
    from veracity.config import Settings
    from veracity.engine.types import Task
    from veracity.factory import build_verifier

    verifier = build_verifier(Settings(), ("checker", "rules"))
    ctx = _leases(60, markdown)
    prompt = "What is the monthly rent on lease LS1052?"
    right = verifier.verify(Task(prompt, "The monthly rent on lease LS1052 is 5,205 EUR.", ctx))
    wrong = verifier.verify(Task(prompt, "The monthly rent on lease LS1052 is 5,305 EUR.", ctx))
    assert right.verdict == "supported", right.explanation
    assert wrong.verdict == "hallucination", wrong.explanation
    [ev] = right.claims[0].evidence
    assert ev.span is not None and "LS1052" in ctx[ev.span[0]:ev.span[1]]
