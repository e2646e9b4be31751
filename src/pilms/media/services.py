"""Service functions for the media library."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilms.accounts.models import User
from pilms.errors import Forbidden, Invalid, NotFound, StorageFull, is_storage_full
from pilms.media.filetypes import classify
from pilms.media.models import MediaItem

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024
# An upload in progress is written to media/tmp/. One older than this was cut off (the server
# stopped or lost power meanwhile): even a 50 MB video over slow Wi-Fi takes minutes.
ABANDONED_UPLOAD_SECONDS = 6 * 3600
THUMBNAIL_SIZE = (320, 320)
SNIFF_BYTES = 8192
Image.MAX_IMAGE_PIXELS = 64_000_000  # refuse decompression bombs rather than eat the board's RAM


def remove_abandoned_uploads(media_dir: Path, *, now: float | None = None) -> int:
    """Delete what uploads that never finished left in media/tmp/; returns how many files.

    Only old files go: another process sharing the media folder may be receiving one now."""
    tmp_dir = media_dir / "tmp"
    if not tmp_dir.is_dir():
        return 0
    cutoff = (now if now is not None else time.time()) - ABANDONED_UPLOAD_SECONDS
    removed = 0
    for path in tmp_dir.iterdir():
        with contextlib.suppress(FileNotFoundError):
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
    if removed:
        log.info("removed %d unfinished upload(s) from %s", removed, tmp_dir)
    return removed


def _may_upload(user: User) -> None:
    if not (user.is_admin or user.is_instructor):
        raise Forbidden("Only instructors and administrators can upload to the media library.")


def _human(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def store_upload(
    db: Session,
    *,
    owner: User,
    filename: str,
    stream: BinaryIO,
    media_dir: Path,
    max_size: int,
    alt_text: str = "",
    commit: bool = True,
) -> MediaItem:
    """Copy an upload into the media folder, check what it is by its content, and record it.

    The file is written to a temporary name first and moved into place only when every check
    passed and the database row is committed, so a refused or failed upload leaves nothing.
    """
    _may_upload(owner)
    name = os.path.basename(filename or "").strip() or "upload"
    if len(name) > 255:
        name = name[-255:]
    tmp_dir = media_dir / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=tmp_dir)
    tmp = Path(tmp_name)
    final: Path | None = None
    try:
        size = 0
        head = b""
        with os.fdopen(fd, "wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > max_size:
                    raise Invalid(
                        f"The file is larger than the {_human(max_size)} limit.",
                        details={"file": "too large"},
                        code="file_too_large",
                    )
                if len(head) < SNIFF_BYTES:
                    head += chunk[: SNIFF_BYTES - len(head)]
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        accepted = classify(head)
        key = secrets.token_urlsafe(18).replace("-", "x").replace("_", "y")
        item = MediaItem(
            key=key,
            extension=accepted.extension,
            owner_id=owner.id,
            original_name=name,
            content_type=accepted.content_type,
            kind=accepted.kind,
            size=size,
            alt_text=alt_text.strip()[:500],
        )
        final = media_dir / item.relative_path
        final.parent.mkdir(parents=True, exist_ok=True)
        if accepted.kind == "image":
            _check_image(tmp, item, final.with_name(f"{key}.thumb.jpg"))
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; nginx serves /media/ straight from disk
        os.replace(tmp, final)
        db.add(item)
        if commit:
            db.commit()
        else:
            db.flush()
        return item
    except BaseException as exc:
        db.rollback()
        tmp.unlink(missing_ok=True)
        if final is not None:
            final.unlink(missing_ok=True)
            final.with_name(f"{final.stem}.thumb.jpg").unlink(missing_ok=True)
        if isinstance(exc, OSError) and is_storage_full(exc):
            raise StorageFull() from exc
        raise


def _check_image(path: Path, item: MediaItem, thumb_path: Path) -> None:
    try:
        with Image.open(path) as probe:
            probe.verify()
        with Image.open(path) as image:
            item.width, item.height = image.size
            image.thumbnail(THUMBNAIL_SIZE)
            rgb = image.convert("RGB")
            rgb.save(thumb_path, "JPEG", quality=80, optimize=True)
            item.has_thumbnail = True
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        thumb_path.unlink(missing_ok=True)
        if is_storage_full(exc):  # the thumbnail could not be written: not the image's fault
            raise
        raise Invalid(
            "The image could not be read; it may be damaged or too large.",
            details={"file": "bad image"},
        ) from exc


def list_media_for(
    db: Session, *, user: User, kind: str | None = None, offset: int = 0, limit: int = 50
) -> tuple[list[MediaItem], int]:
    _may_upload(user)
    query = select(MediaItem)
    if not user.is_admin:
        query = query.where(MediaItem.owner_id == user.id)
    if kind:
        query = query.where(MediaItem.kind == kind)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = db.scalars(query.order_by(MediaItem.id.desc()).offset(offset).limit(limit))
    return list(items), total


def get_media_for(db: Session, *, user: User, media_id: int) -> MediaItem:
    _may_upload(user)
    item = db.get(MediaItem, media_id)
    if item is None or not (user.is_admin or item.owner_id == user.id):
        raise NotFound("No such media item in your library.")
    return item


def update_media(db: Session, *, user: User, media_id: int, alt_text: str) -> MediaItem:
    item = get_media_for(db, user=user, media_id=media_id)
    item.alt_text = alt_text.strip()[:500]
    db.commit()
    return item


def delete_media(db: Session, *, user: User, media_id: int, media_dir: Path) -> None:
    """Forget a media item and remove its files. Lessons that used it show a missing file."""
    item = get_media_for(db, user=user, media_id=media_id)
    paths = [media_dir / item.relative_path, media_dir / item.key[:2] / f"{item.key}.thumb.jpg"]
    db.delete(item)
    db.commit()
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def resolve_media_path(media_dir: Path, prefix: str, name: str) -> Path | None:
    """The file behind a /media/ URL, or None. Only our own generated names are accepted."""
    if len(prefix) != 2 or not prefix.isalnum() or "/" in name or name.startswith("."):
        return None
    if not name.startswith(prefix) or not all(c.isalnum() or c == "." for c in name):
        return None
    path = media_dir / prefix / name
    return path if path.is_file() else None


def add_file_to_library(
    db: Session, *, owner: User, source: Path, media_dir: Path, alt_text: str = ""
) -> MediaItem:
    """Add a file from disk (demo content, imports) through the same checks as an upload,
    as part of the caller's transaction (flushed, not committed)."""
    with source.open("rb") as stream:
        return store_upload(
            db,
            owner=owner,
            filename=source.name,
            stream=stream,
            media_dir=media_dir,
            max_size=source.stat().st_size,
            alt_text=alt_text,
            commit=False,
        )
