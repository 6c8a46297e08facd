"""What every answer of the API shares: the JSON body with its ``ETag`` (a hash of the body) and a ``304`` for a
client that has it already, the caching rule (``private, no-cache`` for a person's data, ``public, max-age`` for
open data), and the rate limit (a fixed window counted in Django's cache, shared by every host)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from pydantic import BaseModel

PRIVATE = "private, no-cache"


class RateLimitedError(Exception):
    """Too many requests in the current window; ``retry_after`` seconds until the next one."""

    def __init__(self, retry_after: int):
        super().__init__("Too many requests.")
        self.retry_after = retry_after


def throttle(ident: str, *, limit: int, window: int | None = None) -> None:
    """Count one request of ``ident`` in the current window of ``window`` seconds; past ``limit``, refuse."""
    window = window or settings.API_RATE_WINDOW
    now = time.time()
    key = f"api-rate:{ident}:{int(now // window)}"
    if cache.add(key, 1, window + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # the window's key expired in between: this is the first request of the next one
            cache.set(key, 1, window + 1)
            count = 1
    if count > limit:
        raise RateLimitedError(max(1, int(window - now % window)))


def _matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in tags


def answer(request, payload: BaseModel, *, cache_control: str = PRIVATE, headers: dict | None = None) -> HttpResponse:
    """``payload`` as JSON with its ETag; ``304 Not Modified`` when the client's ``If-None-Match`` has it."""
    body = payload.model_dump_json().encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if _matches(request.headers.get("If-None-Match", ""), etag):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    response["Vary"] = "Authorization, Accept-Language"
    for name, value in (headers or {}).items():
        response[name] = value
    return response
