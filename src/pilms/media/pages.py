"""HTML pages: the teacher's media library."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from pilms.errors import Invalid
from pilms.media import services
from pilms.web.context import DB, PageUser, PathId, check_csrf, settings_of
from pilms.web.templating import redirect, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _library(
    request: Request, db: DB, user: PageUser, status_code: int = 200, **extra: object
) -> Response:
    kind = request.query_params.get("kind") or None
    items, total = services.list_media_for(db, user=user, kind=kind, limit=200)
    return render(
        request,
        "media/library.html",
        {
            "items": items,
            "total": total,
            "kind": kind or "",
            "max_size_mb": settings_of(request).max_upload_size // (1024 * 1024),
            **extra,
        },
        status_code=status_code,
    )


@router.get("/media-library")
def library(request: Request, user: PageUser, db: DB) -> Response:
    return _library(request, db, user)


@router.post("/media-library")
def upload(
    request: Request,
    user: PageUser,
    db: DB,
    file: Annotated[UploadFile, File()],
    alt_text: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    settings = settings_of(request)
    try:
        item = services.store_upload(
            db,
            owner=user,
            filename=file.filename or "upload",
            stream=file.file,
            media_dir=settings.media_dir,
            max_size=settings.max_upload_size,
            alt_text=alt_text,
        )
    except Invalid as exc:
        return _library(request, db, user, status_code=422, error=exc.message)
    return redirect("/media-library", flash=f"Uploaded {item.original_name}.")


@router.post("/media-library/{media_id}/delete")
def delete(request: Request, media_id: PathId, user: PageUser, db: DB) -> Response:
    services.delete_media(
        db, user=user, media_id=media_id, media_dir=settings_of(request).media_dir
    )
    return redirect("/media-library", flash="Deleted.")
