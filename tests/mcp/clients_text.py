"""Reading the JSON block printed under a client's heading by `veracity mcp enable`."""

from __future__ import annotations

import json
from typing import Any


def extract_json(text: str, heading: str) -> Any:
    start = text.index(heading)
    brace = text.index("{", start)
    value, _ = json.JSONDecoder().raw_decode(text[brace:])
    return value
