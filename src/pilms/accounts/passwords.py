"""Password hashing (argon2id) and password rules."""

from __future__ import annotations

import os
import secrets
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's recommended argon2id floor (19 MiB, 2 passes): about 20 ms a hash on a small board's
# core, so that a class of 50 signing in at once is served in well under the 3 s we promise.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

# No more hashes at once than there are cores: more would not finish sooner, and each one holds
# 19 MiB, so a class of 50 signing in together would otherwise take about 1 GB on the board.
# This guards the process's CPU and memory, so it belongs to the process, like HASHER itself.
HASHES_AT_ONCE = len(os.sched_getaffinity(0)) or 1
_HASHING = threading.BoundedSemaphore(HASHES_AT_ONCE)

MIN_LENGTH = 8
MAX_LENGTH = 256
_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def hash_password(password: str) -> str:
    with _HASHING:
        return HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        with _HASHING:
            return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def password_problem(password: str) -> str | None:
    """Why `password` cannot be used, or None when it can."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    if password.strip() == "" or len(set(password)) < 3:
        return "Use a password that is not a repeated character."
    return None


def generate_password(length: int = 12) -> str:
    """A temporary password that is easy to read aloud and type on a tablet."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


# A hash of a random password, verified against when the email is unknown so that a wrong email
# and a wrong password take the same time.
DUMMY_HASH = hash_password(secrets.token_urlsafe(16))
