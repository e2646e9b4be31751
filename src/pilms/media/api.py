"""JSON API for the media library, and the /media/ file route with range requests."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from fastapi.responses import FileResponse

from pilms.errors import NotFound
from pilms.media import services
from pilms.media.filetypes import CONTENT_TYPES
from pilms.media.schemas import MediaOut, MediaUpdateIn
from pilms.web.context import DB, ApiUser, PathId, api_csrf, page, settings_of
from pilms.web.schemas import ERROR_RESPONSES, Page

router = APIRouter(dependencies=[Depends(api_csrf)], responses=ERROR_RESPONSES)
Kind = Literal["image", "audio", "video", "pdf"]


@router.get("/api/media", response_model=Page[MediaOut], tags=["media"])
def list_media(
    db: DB,
    user: ApiUser,
    paging: Annotated[dict[str, int], Depends(page)],
    kind: Kind | None = None,
) -> Page[MediaOut]:
    items, total = services.list_media_for(db, user=user, kind=kind, **paging)
    return Page[MediaOut](items=[MediaOut.model_validate(i) for i in items], total=total, **paging)


@router.post("/api/media", response_model=MediaOut, status_code=201, tags=["media"])
def upload_media(
    request: Request,
    db: DB,
    user: ApiUser,
    file: Annotated[UploadFile, File()],
    alt_text: Annotated[str, Form(max_length=500)] = "",
) -> MediaOut:
    settings = settings_of(request)
    item = services.store_upload(
        db,
        owner=user,
        filename=file.filename or "upload",
        stream=file.file,
        media_dir=settings.media_dir,
        max_size=settings.max_upload_size,
        alt_text=alt_text,
    )
    return MediaOut.model_validate(item)


@router.get("/api/media/{media_id}", response_model=MediaOut, tags=["media"])
def get_media(media_id: PathId, db: DB, user: ApiUser) -> MediaOut:
    return MediaOut.model_validate(services.get_media_for(db, user=user, media_id=media_id))


@router.patch("/api/media/{media_id}", response_model=MediaOut, tags=["media"])
def update_media(media_id: PathId, body: MediaUpdateIn, db: DB, user: ApiUser) -> MediaOut:
    item = services.update_media(db, user=user, media_id=media_id, alt_text=body.alt_text)
    return MediaOut.model_validate(item)


@router.delete("/api/media/{media_id}", status_code=204, tags=["media"])
def delete_media(request: Request, media_id: PathId, db: DB, user: ApiUser) -> Response:
    services.delete_media(
        db, user=user, media_id=media_id, media_dir=settings_of(request).media_dir
    )
    return Response(status_code=204)


@router.get("/media/{prefix}/{name}", include_in_schema=False)
def serve_media(request: Request, prefix: str, name: str) -> FileResponse:
    """Serve a stored file by its random name; Range requests let video seek on tablets.
    In production nginx serves this same path straight from the media folder."""
    path = services.resolve_media_path(settings_of(request).media_dir, prefix, name)
    suffix = ".thumb.jpg" if name.endswith(".thumb.jpg") else ("." + name.rsplit(".", 1)[-1])
    content_type = CONTENT_TYPES.get(suffix)
    if path is None or content_type is None:
        raise NotFound("No such media file.")
    return FileResponse(
        path,
        media_type=content_type,
        headers={
            "cache-control": "public, max-age=2592000, immutable",
            "content-security-policy": "default-src 'none'; sandbox",
        },
        content_disposition_type="inline",
    )
