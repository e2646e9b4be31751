from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pilms.accounts.models import User
from pilms.db import Base, UTCDateTime, utcnow


class MediaItem(Base):
    __tablename__ = "media_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    extension: Mapped[str] = mapped_column(String(10))
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True, default=None
    )
    original_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10), index=True)  # image | audio | video | pdf
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer, default=None)
    height: Mapped[int | None] = mapped_column(Integer, default=None)
    has_thumbnail: Mapped[bool] = mapped_column(default=False)
    alt_text: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[User | None] = relationship(lazy="joined")

    @property
    def relative_path(self) -> str:
        return f"{self.key[:2]}/{self.key}{self.extension}"

    @property
    def url(self) -> str:
        return f"/media/{self.relative_path}"

    @property
    def thumbnail_url(self) -> str | None:
        return f"/media/{self.key[:2]}/{self.key}.thumb.jpg" if self.has_thumbnail else None
