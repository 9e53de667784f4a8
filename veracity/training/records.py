"""Synthetic structured records with right and wrong answers about them.

RAG contexts are often records rather than prose: a key:value line such as
``InvID:INV7701B Amt:7116GBP Due:21Jun25``, a JSON object, a table. A checker trained on
prose alone reads them poorly (it flagged the *right* due date of that invoice). This module
writes such records and one question per record with a right answer (supported) and a wrong
one (not supported), worded the same way so that only the value differs:

- ``changed``: the value changed (a date moved or its digits swapped, an amount changed, a
  name, code or status replaced);
- ``swapped``: the value of another field of the same kind in the same record (the issue
  date given as the due date);
- ``other-row``: the same field of another row, when the context holds several records;
- ``absent``: the field is left out of the record, so nothing supports the answer.

Records are written compact (``Amt:7116GBP``), as ``Key: value`` lines, JSON, Markdown or
CSV tables, or ``key = value`` lists, and answers restate values the way people write them
("21 June 2025", "7,116 GBP"). Two families of schemas: :data:`TRAIN_SCHEMAS` feed training,
:data:`HELD_OUT_SCHEMAS` feed ``veracity eval --records``, so that figure is measured on
kinds of records the checker never saw. Pure Python and deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from veracity.engine.normalize import MONTH_NAMES

_SYMBOL = {"GBP": "£", "USD": "$", "EUR": "€"}
_FIRST = ["Jane", "Omar", "Priya", "Lukas", "Mei", "Carlos", "Amara", "Tom", "Sofia", "Kenji", "Fatima", "Ivan",
          "Grace", "Mateo", "Aisha", "Henrik", "Lucia", "Daniel", "Nadia", "Samuel", "Chloe", "Ravi", "Elena", "Yusuf"]
_LAST = ["Smith", "Haddad", "Patel", "Becker", "Chen", "Ruiz", "Okafor", "Walsh", "Rossi", "Tanaka", "Khan",
         "Petrov", "Kim", "Silva", "Nowak", "Dubois", "Larsen", "Moreau", "Ali", "Fischer", "Brown", "Garcia"]
_COMPANIES = ["OptiTech", "Acme", "Northwind Traders", "Globex", "Initech", "Bluepeak Ltd", "Vertex Labs", "Umbra Co",
              "Helios Energy", "Kestrel Foods", "Solace Health", "Orbit Logistics", "Pinecrest Bank", "Quanta Retail",
              "Redwood Legal", "Silverline Media", "Tidewater Marine", "Zenith Motors", "Harbor Freight Co", "Lumen AG"]
_CITIES = ["London", "Paris", "Denver", "Madrid", "Osaka", "Toronto", "Berlin", "Lagos", "Mumbai", "Lima", "Oslo",
           "Boston", "Dublin", "Seoul", "Austin", "Milan", "Cairo", "Perth", "Warsaw", "Lisbon", "Nairobi", "Chicago"]
_TERMS = [7, 10, 14, 15, 30, 45, 60, 90]


@dataclass(frozen=True)
class Field:
    keys: tuple[str, ...]   # how records name it: the full name first, then abbreviations
    kind: str               # date, money, count, percent, person, company, city, code, status, days
    question: str           # "{ref}" is "the invoice" (or "invoice INV7701B" among several)
    answer: str             # "{Ref}" capitalised, "{v}" the value as people write it
    choices: tuple[str, ...] = ()  # status values, or the unit of a count


@dataclass(frozen=True)
class Money:
    amount: float
    cur: str


@dataclass(frozen=True)
class Schema:
    thing: str
    id_keys: tuple[str, ...]
    id_prefix: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class RecordQA:
    context: str
    prompt: str
    claim: str
    label: int  # 1 = the record does not support the claim
    kind: str   # ok, changed, swapped, other-row, absent
    schema: str


def _f(keys: str, kind: str, question: str, answer: str, choices: str = "") -> Field:
    return Field(tuple(keys.split("|")), kind, question, answer, tuple(c for c in choices.split("|") if c))


TRAIN_SCHEMAS: tuple[Schema, ...] = (
    Schema("invoice", ("Invoice ID", "InvID", "Inv"), "INV", (
        _f("Company|Co|Vendor", "company", "Who issued {ref}?", "{Ref} was issued by {v}."),
        _f("Client|Cust|Customer", "company", "Who is the client on {ref}?", "The client on {ref} is {v}."),
        _f("Amount|Amt|Total", "money", "What is the amount of {ref}?", "The amount of {ref} is {v}."),
        _f("Invoice date|Date|Issued", "date", "When was {ref} issued?", "{Ref} was issued on {v}."),
        _f("Due date|Due", "date", "When is {ref} due?", "{Ref} is due on {v}."),
        _f("Payment terms|Terms", "days", "What are the payment terms of {ref}?", "{Ref} must be paid within {v}."),
        _f("Status|St", "status", "What is the status of {ref}?", "{Ref} is {v}.", "paid|unpaid|overdue|disputed"),
        _f("Purchase order|Ref|PO", "code", "Which purchase order does {ref} refer to?", "{Ref} refers to purchase order {v}."),
    )),
    Schema("order", ("Order number", "OrderNo", "Ord"), "ORD", (
        _f("Customer|Cust", "person", "Who placed {ref}?", "{Ref} was placed by {v}."),
        _f("Order date|Date|Placed", "date", "When was {ref} placed?", "{Ref} was placed on {v}."),
        _f("Delivery date|Deliv|ETA", "date", "When will {ref} be delivered?", "{Ref} will be delivered on {v}."),
        _f("Quantity|Qty", "count", "How many items are in {ref}?", "{Ref} contains {v}.", "items"),
        _f("Total|Tot|Amount", "money", "What is the total of {ref}?", "The total of {ref} is {v}."),
        _f("Ship to|City|Dest", "city", "Where is {ref} shipped to?", "{Ref} is shipped to {v}."),
        _f("Status|St", "status", "What is the status of {ref}?", "{Ref} is {v}.", "shipped|pending|cancelled|delivered"),
    )),
    Schema("employee record", ("Employee ID", "EmpID", "ID"), "E", (
        _f("Name|Nm", "person", "Who is the employee in {ref}?", "The employee in {ref} is {v}."),
        _f("Start date|Start|Hired", "date", "When did the employee in {ref} start?", "The employee in {ref} started on {v}."),
        _f("Office|Loc|City", "city", "Where does the employee in {ref} work?", "The employee in {ref} works in {v}."),
        _f("Salary|Sal", "money", "What is the salary in {ref}?", "The salary in {ref} is {v}."),
        _f("Manager|Mgr", "person", "Who is the manager in {ref}?", "The manager in {ref} is {v}."),
        _f("Leave days|Leave|PTO", "count", "How many leave days does {ref} give?", "{Ref} gives {v}.", "days"),
    )),
    Schema("product", ("SKU", "Item", "Product ID"), "SKU", (
        _f("Price|Pr|Unit price", "money", "What is the price of {ref}?", "The price of {ref} is {v}."),
        _f("Stock|Qty|In stock", "count", "How many units of {ref} are in stock?", "There are {v} of {ref} in stock.", "units"),
        _f("Supplier|Sup|Vendor", "company", "Who supplies {ref}?", "{Ref} is supplied by {v}."),
        _f("Discount|Disc", "percent", "What discount applies to {ref}?", "{Ref} has a discount of {v}."),
        _f("Warehouse|WH|Location", "city", "Where is {ref} stored?", "{Ref} is stored in {v}."),
        _f("Restock date|Restock", "date", "When will {ref} be restocked?", "{Ref} will be restocked on {v}."),
    )),
    Schema("booking", ("Booking ref", "Bkg", "Conf"), "BK", (
        _f("Guest|Name", "person", "Who is the guest on {ref}?", "The guest on {ref} is {v}."),
        _f("Check-in|CheckIn|Arr", "date", "When is the check-in for {ref}?", "The check-in for {ref} is on {v}."),
        _f("Check-out|CheckOut|Dep", "date", "When is the check-out for {ref}?", "The check-out for {ref} is on {v}."),
        _f("Nights|Nts", "count", "How many nights is {ref} for?", "{Ref} is for {v}.", "nights"),
        _f("Rate|Price", "money", "What is the rate of {ref}?", "The rate of {ref} is {v}."),
        _f("Hotel city|City", "city", "In which city is {ref}?", "{Ref} is in {v}."),
    )),
    Schema("policy", ("Policy number", "PolNo", "Pol"), "POL", (
        _f("Holder|Insured", "person", "Who holds {ref}?", "{Ref} is held by {v}."),
        _f("Insurer|Carrier", "company", "Which insurer issued {ref}?", "{Ref} was issued by {v}."),
        _f("Premium|Prem", "money", "What is the premium of {ref}?", "The premium of {ref} is {v}."),
        _f("Deductible|Ded", "money", "What is the deductible of {ref}?", "The deductible of {ref} is {v}."),
        _f("Effective|Eff|Start", "date", "When does {ref} take effect?", "{Ref} takes effect on {v}."),
        _f("Expiry|Exp|End", "date", "When does {ref} expire?", "{Ref} expires on {v}."),
        _f("Status|St", "status", "What is the status of {ref}?", "{Ref} is {v}.", "active|lapsed|cancelled|pending"),
    )),
    Schema("transaction", ("Transaction ID", "TxnID", "Txn"), "TX", (
        _f("Payer|From", "person", "Who made {ref}?", "{Ref} was made by {v}."),
        _f("Payee|To|Merchant", "company", "Who received {ref}?", "{Ref} was paid to {v}."),
        _f("Amount|Amt", "money", "What was the amount of {ref}?", "The amount of {ref} was {v}."),
        _f("Fee|Fees", "money", "What fee was charged on {ref}?", "The fee charged on {ref} was {v}."),
        _f("Value date|Date|Dt", "date", "When was {ref} made?", "{Ref} was made on {v}."),
        _f("Branch|City", "city", "At which branch was {ref} made?", "{Ref} was made at the {v} branch."),
    )),
    Schema("support ticket", ("Ticket", "Tkt", "Case"), "TCK", (
        _f("Reporter|Reported by|User", "person", "Who reported {ref}?", "{Ref} was reported by {v}."),
        _f("Assignee|Owner|Agent", "person", "Who is assigned to {ref}?", "{Ref} is assigned to {v}."),
        _f("Opened|Created|Date", "date", "When was {ref} opened?", "{Ref} was opened on {v}."),
        _f("Priority|Prio", "status", "What is the priority of {ref}?", "{Ref} has {v} priority.", "low|medium|high|urgent"),
        _f("Status|St", "status", "What is the status of {ref}?", "{Ref} is {v}.", "open|closed|resolved|escalated"),
        _f("Customer|Account|Acct", "company", "Which customer raised {ref}?", "{Ref} was raised by {v}."),
    )),
)

HELD_OUT_SCHEMAS: tuple[Schema, ...] = (
    Schema("flight booking", ("PNR", "Booking", "Record locator"), "PN", (
        _f("Passenger|Pax|Name", "person", "Who is the passenger on {ref}?", "The passenger on {ref} is {v}."),
        _f("From|Origin|Dep", "city", "Where does {ref} depart from?", "{Ref} departs from {v}."),
        _f("To|Destination|Arr", "city", "Where does {ref} fly to?", "{Ref} flies to {v}."),
        _f("Departure date|DepDate|Date", "date", "When does {ref} depart?", "{Ref} departs on {v}."),
        _f("Fare|Price", "money", "What is the fare of {ref}?", "The fare of {ref} is {v}."),
        _f("Bags|Baggage", "count", "How many bags are included in {ref}?", "{Ref} includes {v}.", "bags"),
    )),
    Schema("shipment", ("Tracking number", "Trk", "AWB"), "TRK", (
        _f("Carrier|Courier", "company", "Which carrier handles {ref}?", "{Ref} is handled by {v}."),
        _f("Shipped|Ship date|Sent", "date", "When was {ref} shipped?", "{Ref} was shipped on {v}."),
        _f("Expected|ETA|Est. delivery", "date", "When is {ref} expected?", "{Ref} is expected on {v}."),
        _f("Weight (kg)|Wt|Kg", "count", "How heavy is {ref}?", "{Ref} weighs {v}.", "kg"),
        _f("Destination|Dest|To", "city", "Where is {ref} going?", "{Ref} is going to {v}."),
        _f("Status|St", "status", "What is the status of {ref}?", "{Ref} is {v}.", "in transit|delivered|held at customs|returned"),
    )),
    Schema("lease", ("Lease ID", "Lease", "Contract"), "LS", (
        _f("Tenant|Lessee", "person", "Who is the tenant on {ref}?", "The tenant on {ref} is {v}."),
        _f("Landlord|Lessor|Owner", "company", "Who is the landlord on {ref}?", "The landlord on {ref} is {v}."),
        _f("Monthly rent|Rent", "money", "What is the monthly rent on {ref}?", "The monthly rent on {ref} is {v}."),
        _f("Deposit|Dep", "money", "What is the deposit on {ref}?", "The deposit on {ref} is {v}."),
        _f("Start|Commencement|From", "date", "When does {ref} start?", "{Ref} starts on {v}."),
        _f("Notice period|Notice", "days", "What is the notice period on {ref}?", "The notice period on {ref} is {v}."),
    )),
    Schema("lab result", ("Sample ID", "Specimen", "Lab no"), "LAB", (
        _f("Patient|Pt", "person", "Whose sample is {ref}?", "{Ref} belongs to {v}."),
        _f("Collected|Coll. date|Date", "date", "When was {ref} collected?", "{Ref} was collected on {v}."),
        _f("Ordering physician|Physician|Dr", "person", "Who ordered {ref}?", "{Ref} was ordered by {v}."),
        _f("Result|Res", "status", "What was the result of {ref}?", "The result of {ref} was {v}.", "positive|negative|inconclusive|normal"),
        _f("HbA1c|A1c", "percent", "What was the HbA1c in {ref}?", "The HbA1c in {ref} was {v}."),
        _f("Clinic|Site", "city", "Where was {ref} taken?", "{Ref} was taken at the {v} clinic."),
    )),
    Schema("loan", ("Loan number", "LoanNo", "Acct"), "LN", (
        _f("Borrower|Name", "person", "Who is the borrower on {ref}?", "The borrower on {ref} is {v}."),
        _f("Lender|Bank", "company", "Who is the lender of {ref}?", "The lender of {ref} is {v}."),
        _f("Principal|Amt|Amount", "money", "What is the principal of {ref}?", "The principal of {ref} is {v}."),
        _f("Interest rate|APR|Rate", "percent", "What is the interest rate on {ref}?", "The interest rate on {ref} is {v}."),
        _f("First payment|1st pmt", "date", "When is the first payment on {ref}?", "The first payment on {ref} is on {v}."),
        _f("Term (months)|Term|Months", "count", "How long is {ref}?", "{Ref} runs for {v}.", "months"),
    )),
)


T = TypeVar("T")


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]


def _value(field: Field, rng: random.Random) -> object:
    k = field.kind
    if k == "date":
        return dt.date(rng.randint(2019, 2027), rng.randint(1, 12), rng.randint(1, 28))
    if k == "money":
        cents = rng.random() < 0.25
        amount = round(rng.uniform(20, 20000), 2) if cents else float(rng.randint(20, 20000))
        return Money(amount, _pick(rng, ("GBP", "USD", "EUR")))
    if k == "count":
        return rng.randint(2, 14) if field.choices[0] in ("nights", "bags") else rng.randint(2, 400)
    if k == "percent":
        return round(rng.uniform(1, 40), 1)
    if k == "person":
        return f"{_pick(rng, _FIRST)} {_pick(rng, _LAST)}"
    if k == "company":
        return _pick(rng, _COMPANIES)
    if k == "city":
        return _pick(rng, _CITIES)
    if k == "code":
        return f"{_pick(rng, ('PO', 'REF', 'PR'))}{rng.randint(100, 9999)}{_pick(rng, 'ABCDEFGHJK')}"
    if k == "status":
        return _pick(rng, field.choices)
    if k == "days":
        return _pick(rng, [str(t) for t in _TERMS])
    raise ValueError(f"unknown field kind {k!r}")


def _money_text(amount: float, cur: str, style: int) -> str:
    whole = amount == int(amount)
    num = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    if style == 0:
        return f"{num} {cur}"
    if style == 1:
        return f"{_SYMBOL[cur]}{num}"
    if style == 2:
        return f"{cur} {num}"
    return f"{amount:,.2f} {cur}"


def _record_text(field: Field, v: object, compact: bool, rng: random.Random) -> str:
    """A value as a record writes it."""
    k = field.kind
    if k == "date":
        assert isinstance(v, dt.date)
        styles = [f"{v.day:02d}{MONTH_NAMES[v.month - 1][:3]}{v.year % 100:02d}", v.isoformat(),
                  f"{v.day:02d}-{MONTH_NAMES[v.month - 1][:3]}-{v.year}", f"{v.day:02d}.{v.month:02d}.{v.year}"]
        if not compact:
            styles += [f"{MONTH_NAMES[v.month - 1]} {v.day}, {v.year}", f"{v.day} {MONTH_NAMES[v.month - 1][:3]} {v.year}"]
        return _pick(rng, styles)
    if k == "money":
        assert isinstance(v, Money)
        amount, cur = v.amount, v.cur
        plain = f"{amount:.0f}" if amount == int(amount) else f"{amount:.2f}"
        if compact:
            return _pick(rng, [f"{plain}{cur}", f"{_SYMBOL[cur]}{plain}", f"{cur}{plain}"])
        return _pick(rng, [f"{amount:,.2f} {cur}", f"{_SYMBOL[cur]}{amount:,.2f}", f"{cur} {plain}", f"{plain} {cur}"])
    if k == "count":
        return str(v)
    if k == "percent":
        return f"{v}%"
    if k == "days":
        return _pick(rng, [f"N{v}", f"Net {v}", f"{v}d"] if compact else [f"Net {v}", f"{v} days", f"{v} days net"])
    return str(v)


def _answer_text(field: Field, v: object, rng: random.Random) -> str:
    """A value as people write it in an answer."""
    k = field.kind
    if k == "date":
        assert isinstance(v, dt.date)
        m = MONTH_NAMES[v.month - 1]
        return _pick(rng, [f"{v.day} {m} {v.year}", f"{m} {v.day}, {v.year}", v.isoformat(), f"{v.day} {m[:3]} {v.year}"])
    if k == "money":
        assert isinstance(v, Money)
        return _money_text(v.amount, v.cur, rng.randrange(4))
    if k == "count":
        return f"{v} {field.choices[0]}"
    if k == "percent":
        return _pick(rng, [f"{v}%", f"{v} percent"])
    if k == "days":
        return f"{v} days"
    return str(v)


def _swap_digits(s: str, rng: random.Random) -> str | None:
    spots = [i for i in range(len(s) - 1) if s[i].isdigit() and s[i + 1].isdigit() and s[i] != s[i + 1]]
    if not spots:
        return None
    i = _pick(rng, spots)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


def _changed(field: Field, v: object, rng: random.Random) -> object:
    """A different value of the same kind, close enough to be plausible."""
    k = field.kind
    for _ in range(20):
        new: object
        if k == "date":
            assert isinstance(v, dt.date)
            r = rng.random()
            if r < 0.3 and v.day >= 10 and v.day % 10 and int(str(v.day)[::-1]) <= 28:
                new = v.replace(day=int(str(v.day)[::-1]))          # 21 -> 12
            elif r < 0.55:
                new = v + dt.timedelta(days=rng.choice([-1, 1]) * rng.randint(1, 20))
            elif r < 0.85:
                new = v.replace(month=(v.month - 1 + rng.choice([1, 2, 11, 10])) % 12 + 1)
            else:
                new = v.replace(year=v.year + rng.choice([-1, 1]))
        elif k == "money":
            assert isinstance(v, Money)
            amount, cur = v.amount, v.cur
            r = rng.random()
            if r < 0.15:
                new = Money(amount, _pick(rng, [c for c in _SYMBOL if c != cur]))
            elif r < 0.5:
                digits = f"{amount:.2f}" if amount != int(amount) else f"{amount:.0f}"
                swapped = _swap_digits(digits, rng)
                new = Money(float(swapped), cur) if swapped else Money(amount + 10, cur)
            else:
                f = rng.choice([0.5, 0.8, 0.9, 1.1, 1.25, 2.0])
                new = Money(round(amount * f, 2 if amount != int(amount) else 0), cur)
        elif k == "count":
            assert isinstance(v, int)
            new = max(1, v + rng.choice([-1, 1]) * rng.randint(1, max(2, v // 3)))
        elif k == "percent":
            assert isinstance(v, float)
            new = round(max(0.1, v + rng.choice([-1, 1]) * rng.uniform(0.5, 5)), 1)
        elif k == "code":
            s = str(v)
            i = rng.choice([j for j, c in enumerate(s) if c.isdigit()])
            new = s[:i] + str((int(s[i]) + rng.randint(1, 9)) % 10) + s[i + 1:]
        elif k == "person":
            first, last = str(v).split(" ", 1)
            new = f"{first} {_pick(rng, _LAST)}" if rng.random() < 0.4 else f"{_pick(rng, _FIRST)} {last}" if rng.random() < 0.5 \
                else f"{_pick(rng, _FIRST)} {_pick(rng, _LAST)}"
        else:
            new = _value(field, rng)
        if new != v:
            return new
    raise ValueError(f"could not change a {k} value")


def _key(field_keys: tuple[str, ...], compact: bool, rng: random.Random) -> str:
    if compact:
        return field_keys[-1] if len(field_keys) == 1 else _pick(rng, field_keys[1:]).replace(" ", "")
    return _pick(rng, field_keys[:2]) if len(field_keys) > 1 else field_keys[0]


def _snake(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")


def _render(rows: list[list[tuple[str, str]]], fmt: str, thing: str) -> str:
    """Rows of (key, value) as a context in format ``fmt``."""
    if fmt == "compact":
        return "\n".join(" ".join(f"{k}:{v}" for k, v in row) for row in rows)
    if fmt == "lines":
        return "\n\n".join(f"{thing.capitalize()}\n" + "\n".join(f"{k}: {v}" for k, v in row) for row in rows)
    if fmt == "kv":
        return "\n".join("; ".join(f"{k} = {v}" for k, v in row) for row in rows)
    if fmt == "json":
        objs = [{_snake(k): v for k, v in row} for row in rows]
        return json.dumps(objs[0] if len(objs) == 1 else objs)
    keys = [k for k, _ in rows[0]]
    if fmt == "markdown":
        lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
        return "\n".join(lines + ["| " + " | ".join(v for _, v in row) + " |" for row in rows])
    if fmt == "csv":
        def cell(s: str) -> str:
            return f'"{s}"' if "," in s else s
        return "\n".join([",".join(keys)] + [",".join(cell(v) for _, v in row) for row in rows])
    raise ValueError(f"unknown record format {fmt!r}")


FORMATS = ("compact", "lines", "kv", "json", "markdown", "csv")


def record_qa(schema: Schema, rng: random.Random) -> tuple[RecordQA, RecordQA]:
    """One context and question, with a right answer and a wrong one (worded alike)."""
    fmt = _pick(rng, FORMATS)
    compact = fmt == "compact"
    n_rows = 1 if fmt in ("lines", "compact") and rng.random() < 0.7 else rng.choice([1, 2, 3])
    fields = list(schema.fields)
    rng.shuffle(fields)
    fields = fields[: rng.randint(max(3, len(fields) - 2), len(fields))]
    asked = _pick(rng, fields)
    id_key = _key(schema.id_keys, compact, rng)
    keys = {f.keys: _key(f.keys, compact, rng) for f in fields}
    values = [{f.keys: _value(f, rng) for f in fields} for _ in range(n_rows)]
    ids = [f"{schema.id_prefix}{rng.randint(1000, 99999)}{_pick(rng, 'ABCDEFGH') if rng.random() < 0.4 else ''}"
           for _ in range(n_rows)]
    row = rng.randrange(n_rows)

    kinds = ["changed", "changed", "absent"]
    if any(f.kind == asked.kind and f is not asked and values[row][f.keys] != values[row][asked.keys] for f in fields):
        kinds += ["swapped", "swapped"]
    if n_rows > 1:
        kinds += ["other-row", "other-row"]
    kind = _pick(rng, kinds)
    right = values[row][asked.keys]
    if kind == "swapped":
        wrong = values[row][_pick(rng, [f for f in fields if f.kind == asked.kind and f is not asked
                                         and values[row][f.keys] != right]).keys]
    elif kind == "other-row":
        others = [values[i][asked.keys] for i in range(n_rows) if i != row and values[i][asked.keys] != right]
        wrong = others[0] if others else _changed(asked, right, rng)
        kind = kind if others else "changed"
    else:
        wrong = _changed(asked, right, rng) if kind == "changed" else right

    texts = [[(id_key, ids[i])] + [(keys[f.keys], _record_text(f, values[i][f.keys], compact, rng)) for f in fields]
             for i in range(n_rows)]
    context = _render(texts, fmt, schema.thing)
    context_wrong = context
    if kind == "absent":
        drop = keys[asked.keys]
        context_wrong = _render([[(k, v) for k, v in r if k != drop] for r in texts], fmt, schema.thing)
    ref = f"the {schema.thing}" if n_rows == 1 and rng.random() < 0.8 else f"{schema.thing} {ids[row]}"
    question = asked.question.format(ref=ref, Ref=ref[:1].upper() + ref[1:])
    style = rng.getstate()
    good = asked.answer.format(ref=ref, Ref=ref[:1].upper() + ref[1:], v=_answer_text(asked, right, rng))
    rng.setstate(style)  # the wrong value is written the same way as the right one
    bad = asked.answer.format(ref=ref, Ref=ref[:1].upper() + ref[1:], v=_answer_text(asked, wrong, rng))
    name = schema.thing
    return (RecordQA(context, question, good, 0, "ok", name),
            RecordQA(context_wrong, question, bad, 1, kind, name))


def generate(n: int, seed: int, schemas: Sequence[Schema] = TRAIN_SCHEMAS) -> Iterator[RecordQA]:
    """``n`` record questions (each gives a right and a wrong answer: 2n items), deterministic for ``seed``."""
    rng = random.Random(seed)
    for i in range(n):
        yield from record_qa(schemas[i % len(schemas)], rng)
