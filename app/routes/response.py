"""The JSON response class of every API answer: no NaN/Infinity literals, no tracebacks."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from app.wire import json_text


class SafeJSONResponse(JSONResponse):
    """JSON with non-finite floats sent as strings, never as NaN/Infinity literals."""

    def render(self, content: Any) -> bytes:
        return json_text(content).encode("utf-8")
