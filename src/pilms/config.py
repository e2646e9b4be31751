"""Configuration from environment variables or a `.env` file.

Names follow the deployment seed where it has one (DATABASE_URI, SESSION_SECRET, ...); our own
settings carry a PILMS_ prefix. Settings are built once by the process entry point and handed
down explicitly; nothing reads the environment at import time.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "production", "test"]

_SIZE_RE = re.compile(r"^\s*(\d+)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_PLACEHOLDER_HINTS = ("change", "your-", "secret-here", "dev-secret")


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to change."""


def parse_size(value: str | int) -> int:
    """Turn "50M", "512k", "1G" or a number of bytes into bytes."""
    if isinstance(value, int):
        return value
    match = _SIZE_RE.match(value)
    if not match:
        raise ValueError(f"not a size: {value!r} (use bytes or a number with K, M or G)")
    return int(match.group(1)) * _SIZE_UNITS[match.group(2).lower()]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    environment: Environment = "development"
    debug: bool = False
    log_level: str = "info"

    data_dir: Path = Field(default=Path("data"), validation_alias="PILMS_DATA_DIR")
    database_uri: str | None = None
    redis_url: str | None = None

    session_secret: str | None = None
    jwt_secret: str | None = None
    session_timeout: int = 86400

    gemini_api_key: str | None = None
    youtube_api_key: str | None = None
    ollama_host: str = "http://127.0.0.1:11434"
    ollama_num_parallel: int = 2
    ollama_model: str = Field(default="llama3.2:3b", validation_alias="OLLAMA_MODEL")

    max_upload_size: int = 50 * 1024**2
    max_concurrent_users: int = 50

    # Per address: a whole class behind one school NAT must be able to sign in at once; the
    # per-account lockout is what stops password guessing.
    login_rate_limit: str = Field(
        default="120/minute;1000/hour", validation_alias="PILMS_LOGIN_RATE_LIMIT"
    )
    lockout_attempts: int = Field(default=5, validation_alias="PILMS_LOCKOUT_ATTEMPTS")
    lockout_minutes: int = Field(default=15, validation_alias="PILMS_LOCKOUT_MINUTES")
    secure_cookies: bool = Field(default=False, validation_alias="PILMS_SECURE_COOKIES")
    # Threads that run request handlers. Only one runs Python at a time, so more threads only
    # help while others wait on the disk or the database server; past a few they slow every
    # request down (measured in docs/performance.md).
    web_threads: int = Field(default=8, ge=1, le=200, validation_alias="PILMS_WEB_THREADS")

    @field_validator("max_upload_size", mode="before")
    @classmethod
    def _size(cls, value: str | int) -> int:
        return parse_size(value)

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def database_url(self) -> str:
        if self.database_uri:
            return normalise_database_url(self.database_uri)
        return f"sqlite:///{(self.data_dir / 'pilms.db').resolve()}"

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def normalise_database_url(uri: str) -> str:
    """Accept the seed's forms (sqlite:///path, postgres://...) and pick our drivers."""
    if uri.startswith("postgres://"):
        uri = "postgresql://" + uri.removeprefix("postgres://")
    if uri.startswith("postgresql://"):
        uri = "postgresql+psycopg://" + uri.removeprefix("postgresql://")
    return uri


def _weak(secret: str | None) -> bool:
    return not secret or len(secret) < 32 or any(h in secret.lower() for h in _PLACEHOLDER_HINTS)


def ensure_secrets(settings: Settings) -> Settings:
    """Production refuses missing or placeholder secrets; development keeps generated ones.

    Generated secrets live in `<data dir>/secrets.json` (mode 0600) so that sessions survive a
    restart without anyone having to configure anything.
    """
    names = ("session_secret", "jwt_secret")
    weak = [n for n in names if _weak(getattr(settings, n))]
    if not weak:
        return settings
    if settings.is_production:
        listed = ", ".join(n.upper() for n in weak)
        raise ConfigError(
            f"{listed} must be set to a long random value in production (at least 32 characters; "
            'generate one with: python -c "import secrets; print(secrets.token_urlsafe(48))")'
        )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    path = settings.data_dir / "secrets.json"
    stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    changed = False
    for name in weak:
        if name not in stored:
            stored[name] = secrets.token_urlsafe(48)
            changed = True
        setattr(settings, name, stored[name])
    if changed:
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(stored, fh)
        tmp.replace(path)
    return settings


def load_settings(**overrides: object) -> Settings:
    """Read the environment (and .env), apply overrides, and make sure secrets are usable."""
    settings = Settings(**overrides)  # type: ignore[arg-type]
    return ensure_secrets(settings)
