"""Checks on a raw JSON request body before any parser sees it.

Python's ``json`` recurses once per nesting level, so a body of 10,000 ``[`` would end in
a ``RecursionError`` deep inside the framework; and a NUL character or invalid UTF-8 has
no business in a text to verify. Each gives a clear 400 here instead.
"""

from __future__ import annotations

import itertools
import re

from veracity.errors import InvalidRequest

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def nesting_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in ``body``, brackets inside strings ignored."""
    brackets = _STRING.sub(b'""', body).translate(None, _NOT_BRACKET)
    if not brackets:
        return 0
    return max(0, max(itertools.accumulate(map(_STEP.__getitem__, brackets))))


def check_json_body(body: bytes, max_depth: int) -> None:
    """Raise a 400 for invalid UTF-8, nesting deeper than ``max_depth``, or a NUL character in a string."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRequest(f"the request body is not valid UTF-8 (byte {exc.start}): send JSON encoded as UTF-8",
                             code="invalid_encoding") from exc
    if b"\x00" in body or _NUL.search(body):
        raise InvalidRequest("the request body holds a NUL character (\\u0000): remove it from the strings you send",
                             code="invalid_character")
    if body.count(b"[") + body.count(b"{") > max_depth and nesting_depth(body) > max_depth:
        raise InvalidRequest(f"the JSON body is nested more than {max_depth} levels deep: send a flatter document",
                             code="too_deeply_nested")
