"""The finder's cache of rendered result lists, per query string, language and scope (the finder or an embed).

Every key carries a version; :func:`bump` changes it whenever a service, an organisation, a network or a
membership changes or is deleted (:mod:`networks.finder.receivers`), so the next reader renders afresh and a
change shows at once. The old entries expire by themselves (``TIMEOUT``). The version is bumped at once and again
after the commit: a reader who rendered between the two, before the change was visible, cached under a version
no one reads any more.
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "finder:version"
TIMEOUT = 60 * 60


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        current = cache.get(VERSION_KEY)
    return current


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there (expired, evicted, a fresh cache)
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def bump() -> None:
    """Forget every cached result list: now, and again when the current transaction commits."""
    _bump()
    transaction.on_commit(_bump)


def key(*, scope: str, language: str, query: list[tuple[str, str]]) -> str:
    """The cache key of one result list (``query``: the query string's pairs, ``lang`` left out)."""
    canonical = "&".join(f"{name}={value}" for name, value in sorted(query) if name != "lang")
    digest = hashlib.sha256(f"{scope}|{language}|{canonical}".encode()).hexdigest()
    return f"finder:{version()}:{digest}"


def cached(cache_key: str, render) -> str:
    """The cached text under ``cache_key``, else ``render()``'s, cached."""
    text = cache.get(cache_key)
    if text is None:
        text = render()
        cache.set(cache_key, text, timeout=TIMEOUT)
    return text
