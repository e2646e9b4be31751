from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class MediaOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    thumbnail_url: str | None
    original_name: str
    content_type: str
    kind: str
    size: int
    width: int | None
    height: int | None
    alt_text: str
    owner_id: int | None
    created_at: datetime


class MediaUpdateIn(BaseModel):
    alt_text: str = Field(max_length=500)
