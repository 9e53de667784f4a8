"""Records written as data (JSON, Markdown or CSV tables) rewritten as ``key: value`` sentences.

RAG contexts are often records: an API's JSON, a table pasted from a spreadsheet. A model
reads ``{"due_date": "2025-06-21", ...}`` or a table row far from its header poorly, and
quoted JSON hides non-ASCII characters behind escapes (``\\u20ac``). :func:`readable`
writes each row of such a record as one sentence, every value beside its key:

    [{"lease": "LS7", "monthly_rent": "€1,200"}, ...]   →   lease: LS7; monthly rent: €1,200.
    | Lease | Rent |\\n|---|---|\\n| LS7 | €1,200 |         →   Lease: LS7; Rent: €1,200.

so that each row is a sentence the checker's :func:`~veracity.engine.windows.focus` can pick
out, and :func:`rows_about` can keep only the rows a claim names (a claim about lease LS7 is
read against LS7's row, not against every row). Lists of several records written as
``key = value`` lines, compact ``Key:value`` lines or blocks of ``Key: value`` lines become
one sentence per record too. Anything else (prose, a single ``Key: value`` record, a table
fragment without its header) is returned as it is. :func:`record_rows` gives the same rows
as ``(key, value)`` pairs, for the rules judge's field check, and :func:`table_header` finds the
header that every window of a long table carries. Pure and cached: it is applied
to every evidence window the checker reads.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from typing import Any

from veracity.engine.textcache import text_cache

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_JSON_PAIR = re.compile(r'"([^"\\]{1,60})"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)')
_MAX_KEY_WORDS = 5
_ROW = re.compile(r"^[^:;\n]{1,80}: [^;\n]*(?:; [^:;\n]{1,80}: [^;\n]*)*\.$")


def _key(name: str) -> str:
    """``departure_date`` → ``departure date`` (the words a question uses)."""
    return re.sub(r"[_\s]+", " ", name).strip()


def _sentence(pairs: list[tuple[str, str]]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in pairs if str(v).strip()) + "."


def _flatten(obj: Any, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(obj, dict):
        out: list[tuple[str, str]] = []
        for k, v in obj.items():
            name = f"{prefix} {_key(str(k))}".strip()
            if isinstance(v, dict | list):
                out.extend(_flatten(v, name))
            else:
                out.append((name, _scalar(v)))
        return out
    if isinstance(obj, list):
        if all(not isinstance(v, dict | list) for v in obj):
            return [(prefix or "items", ", ".join(_scalar(v) for v in obj))]
        return [p for v in obj for p in _flatten(v, prefix)]
    return [(prefix or "value", _scalar(obj))]


def _scalar(v: Any) -> str:
    if v is None:
        return "none"
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


def _from_json(text: str) -> str | None:
    stripped = text.strip()
    if not stripped:
        return None
    if stripped[0] not in "{[":
        return _json_fragment(stripped) if _is_json_fragment(stripped) else None
    try:
        data = json.loads(stripped)
    except ValueError:
        return _json_fragment(stripped)
    rows = data if isinstance(data, list) and data and all(isinstance(r, dict) for r in data) else [data]
    lines = [_sentence(_flatten(r)) for r in rows if isinstance(r, dict | list)]
    return "\n".join(lines) if lines else None


def _mend(text: str) -> str:
    """Close the string a window cut open at either end (its first key, its last value)."""
    if re.match(r'[^"\s]{1,60}"\s*:', text):
        text = '"' + text
    if len(re.findall(r'(?<!\\)"', text)) % 2:
        text += '"'
    return text


def _is_json_fragment(text: str) -> bool:
    """A window cut out of a long JSON document: ``"key": value`` pairs and punctuation only."""
    text = _mend(text)
    rest = _JSON_PAIR.sub("", text)
    return len(_JSON_PAIR.findall(text)) >= 2 and re.fullmatch(r'[\s{}\[\],]*(?:"[^"\n]{0,60}")?', rest) is not None


def _json_fragment(text: str) -> str | None:
    """A window cut out of a long JSON document: its ``"key": value`` pairs, a sentence per object."""
    text = _mend(text)
    rows: list[str] = []
    for chunk in re.split(r"\}\s*,?\s*\{|\}", text):
        pairs = []
        for m in _JSON_PAIR.finditer(chunk):
            raw = m.group(2)
            try:
                value = _scalar(json.loads(raw))
            except ValueError:
                value = raw.strip('"')
            pairs.append((_key(m.group(1)), value))
        if pairs:
            rows.append(_sentence(pairs))
    return "\n".join(rows) if rows else None


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [c.strip() for c in body.split("|")]


def _header_ok(keys: list[str]) -> bool:
    return len(keys) >= 2 and all(k and len(k.split()) <= _MAX_KEY_WORDS and k[-1] not in ".!?" for k in keys)


def _rows(keys: list[str], rows: list[list[str]]) -> str:
    return "\n".join(_sentence(list(zip(keys, r))) for r in rows)


def _from_markdown(lines: list[str]) -> str | None:
    """A Markdown table (header, rule, rows) anywhere in ``lines``; text around it is kept."""
    for i in range(len(lines) - 1):
        if "|" in lines[i] and _MD_RULE.match(lines[i + 1]) and "|" in lines[i + 1]:
            keys = _cells(lines[i])
            if not _header_ok(keys):
                continue
            j = i + 2
            body: list[list[str]] = []
            while j < len(lines) and "|" in lines[j] and len(_cells(lines[j])) == len(keys):
                body.append(_cells(lines[j]))
                j += 1
            if not body:
                continue
            rest = _from_markdown(lines[j:])
            after = rest if rest is not None else "\n".join(lines[j:])
            return "\n".join(x for x in ("\n".join(lines[:i]), _rows(keys, body), after) if x.strip())
    return None


def _from_csv(lines: list[str]) -> str | None:
    """A CSV table: a header of short names and at least one row with as many cells."""
    content = [ln for ln in lines if ln.strip()]
    if len(content) < 2 or "," not in content[0]:
        return None
    try:
        parsed = list(csv.reader(content))
    except csv.Error:
        return None
    keys = [k.strip() for k in parsed[0]]
    if not _header_ok(keys) or any(len(r) != len(keys) for r in parsed[1:]):
        return None
    return _rows(keys, [[c.strip() for c in r] for r in parsed[1:]])


_KV = re.compile(r"^\s*([^=;:\n]{1,60}?)\s*=\s*(.*?)\s*$")
_LINE_KV = re.compile(r"^\s*([^:\n]{1,60}?):\s+(.+?)\s*$")
_COMPACT_KEY = re.compile(r"(?:^|(?<=\s))((?=[0-9]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9.()_/#-]{0,30}):(?=\S)")


def _kv_row(line: str) -> list[tuple[str, str]] | None:
    """``key = value; key = value`` (at least two pairs) or ``Key:value Key:value`` (at least three)."""
    parts = [_KV.match(p) for p in line.split(";")]
    if len(parts) >= 2 and all(parts):
        return [(m.group(1), m.group(2)) for m in parts if m]
    keys = list(_COMPACT_KEY.finditer(line))
    if len(keys) >= 3 and keys[0].start() == len(line) - len(line.lstrip()):
        ends = [k.start() for k in keys[1:]] + [len(line)]
        return [(k.group(1), line[k.end():e].strip()) for k, e in zip(keys, ends)]
    return None


def _block_row(block: list[str]) -> tuple[str | None, list[tuple[str, str]]] | None:
    """A block of ``Key: value`` lines, with an optional title line first."""
    title = None if _LINE_KV.match(block[0]) else block[0].strip()
    body = block[1:] if title is not None else block
    pairs = [_LINE_KV.match(ln) for ln in body]
    if len(pairs) < 2 or not all(pairs):
        return None
    return title, [(m.group(1), m.group(2)) for m in pairs if m]


def _from_key_values(text: str) -> str | None:
    """Several records written as ``key = value`` or ``Key:value`` lines, or as blocks of
    ``Key: value`` lines apart by a blank line; only when every row starts with the same key
    (a list of records, each led by its ID), so prose is never taken for one."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    rows = [_kv_row(ln) for ln in lines]
    if len(rows) >= 2 and all(rows) and len({r[0][0] for r in rows if r}) == 1:
        return "\n".join(_sentence(r) for r in rows if r)
    blocks = [b.splitlines() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    parsed = [_block_row(b) for b in blocks]
    if len(parsed) >= 2 and all(parsed) and len({p[1][0][0] for p in parsed if p}) == 1:
        return "\n".join((f"{p[0]}: " if p[0] else "") + _sentence(p[1]) for p in parsed if p)
    return None


@text_cache()  # a window is read for every claim it may support
def readable(text: str) -> str:
    """``text`` with a JSON, Markdown or CSV record, or a list of several key/value records,
    rewritten as one ``key: value`` sentence per row. Text that is not such a record comes back
    unchanged.
    """
    done = _from_json(text)
    if done is not None:
        return done
    lines = text.splitlines()
    if len(lines) < 2:
        return text
    done = _from_markdown(lines)
    if done is not None:
        return done
    done = _from_csv(lines)
    if done is not None:
        return done
    done = _from_key_values(text)
    return done if done is not None else text


def table_header(context: str) -> tuple[int, int]:
    """Where the header of a table that fills ``context`` lies, as ``(start, end)``: a Markdown
    table's header and rule lines, or a CSV header line whose cell count the next lines share;
    ``(0, 0)`` when ``context`` is not such a table (windows of a long table carry it)."""
    start = len(context) - len(context.lstrip())
    lines = context[start:].split("\n")
    if len(lines) < 3:
        return 0, 0
    if "|" in lines[0] and _MD_RULE.match(lines[1]) and "|" in lines[1]:
        return start, start + len(lines[0]) + 1 + len(lines[1])
    cells = len(next(csv.reader([lines[0]]), []))
    body = [ln for ln in lines[1:6] if ln.strip()]
    if cells >= 2 and body and all(len(next(csv.reader([ln]), [])) == cells for ln in body):
        return start, start + len(lines[0])
    return 0, 0


_ID_WEIGHT = 10.0


def _is_id(term: str) -> bool:
    """An identifier such as ``ls92398`` or ``trk6393d`` (letters and digits): it names a row."""
    return any(c.isdigit() for c in term) and any(c.isalpha() for c in term)


def record_rows(text: str) -> list[list[tuple[str, str]]]:
    """The rows of a record in ``text`` as ``(key, value)`` pairs: a table or list of records
    (:func:`readable`), or a single ``Key:value`` / ``key = value`` line or block of ``Key: value``
    lines. Empty for text that is not a record."""
    done = readable(text)
    lines = [ln for ln in done.split("\n") if ln.strip()]
    rows = lines and all(_ROW.match(ln) for ln in lines)
    if rows and (done != text or all("; " in ln for ln in lines)):  # converted, or already sentences
        return [[(k, v) for k, _, v in (p.partition(": ") for p in ln[:-1].split("; "))] for ln in lines]
    stripped = [ln for ln in text.strip().splitlines() if ln.strip()]
    if len(stripped) == 1:
        row = _kv_row(stripped[0])
        return [row] if row else []
    block = _block_row(stripped) if stripped else None
    return [block[1]] if block and len(block[1]) >= 3 else []


def rows_about(text: str, query: str) -> str:
    """The rows of a record (lines of ``key: value`` sentences from :func:`readable`) that ``query``
    is about: those sharing its most distinctive words (an ID that one row holds outweighs a key
    that every row holds, and IDs such as ``LS92398`` outweigh the values a claim states, so a
    claim naming one record and quoting another's value is read against its own record).
    Several rows tie when the query names none of them; they are all kept. Text that is not a
    record of several rows comes back as it is."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2 or not all(_ROW.match(ln) for ln in lines):
        return text
    return "\n".join(lines[i] for i in rows_index(lines, query))


def rows_index(rows: list[str], query: str) -> list[int]:
    """Indices of the ``rows`` (texts) that ``query`` is about; all of them when it names none."""
    from veracity.engine.windows import terms  # windows imports this module (table_header)

    want = set(terms(query))
    sets = [set(terms(r)) & want for r in rows]
    df = Counter(t for s in sets for t in s)
    score = [sum(math.log(len(rows) / df[t]) * (_ID_WEIGHT if _is_id(t) else 1.0) for t in s) for s in sets]
    best = max(score, default=0.0)
    if best <= 0:
        return list(range(len(rows)))
    return [i for i, sc in enumerate(score) if sc >= best - 1e-9]
