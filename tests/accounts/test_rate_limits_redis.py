"""With REDIS_URL set, rate limits are shared by every worker process and host."""

from __future__ import annotations

import uuid

import pytest

from pilms.errors import TooManyRequests
from pilms.web.context import RateLimits
from tests.conftest import REDIS_URL, missing


@pytest.mark.redis
def test_two_workers_share_one_limit_through_redis() -> None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except Exception as exc:
        missing("Redis", f"cannot connect to {REDIS_URL} ({type(exc).__name__})")
    first, second = RateLimits(REDIS_URL), RateLimits(REDIS_URL)
    key = f"test-{uuid.uuid4().hex}"
    first.hit("3/minute", "login", key)
    second.hit("3/minute", "login", key)
    first.hit("3/minute", "login", key)
    with pytest.raises(TooManyRequests) as caught:
        second.hit("3/minute", "login", key)
    assert caught.value.retry_after >= 1


def test_in_memory_limits_are_per_process() -> None:
    first, second = RateLimits("memory://"), RateLimits("memory://")
    first.hit("1/minute", "login", "a")
    second.hit("1/minute", "login", "a")
    with pytest.raises(TooManyRequests):
        first.hit("1/minute", "login", "a")


def test_every_limit_in_a_rule_counts() -> None:
    limits = RateLimits("memory://")
    for _ in range(2):
        limits.hit("5/minute;2/hour", "login", "b")
    with pytest.raises(TooManyRequests) as caught:
        limits.hit("5/minute;2/hour", "login", "b")
    assert caught.value.retry_after > 60  # the hourly window, not the minute
