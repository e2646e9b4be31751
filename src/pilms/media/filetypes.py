"""What an uploaded file really is, judged by its bytes, not its name."""

from __future__ import annotations

from dataclasses import dataclass

import filetype

from pilms.errors import Invalid


@dataclass(frozen=True)
class Accepted:
    kind: str
    content_type: str
    extension: str


ACCEPTED: dict[str, Accepted] = {
    "image/jpeg": Accepted("image", "image/jpeg", ".jpg"),
    "image/png": Accepted("image", "image/png", ".png"),
    "image/gif": Accepted("image", "image/gif", ".gif"),
    "image/webp": Accepted("image", "image/webp", ".webp"),
    "audio/mpeg": Accepted("audio", "audio/mpeg", ".mp3"),
    "audio/ogg": Accepted("audio", "audio/ogg", ".ogg"),
    "audio/x-wav": Accepted("audio", "audio/wav", ".wav"),
    "audio/x-flac": Accepted("audio", "audio/flac", ".flac"),
    "audio/mp4": Accepted("audio", "audio/mp4", ".m4a"),
    "audio/m4a": Accepted("audio", "audio/mp4", ".m4a"),
    "video/mp4": Accepted("video", "video/mp4", ".mp4"),
    "video/webm": Accepted("video", "video/webm", ".webm"),
    "application/pdf": Accepted("pdf", "application/pdf", ".pdf"),
}

# Served content types by extension, for the /media/ route and nginx alike.
CONTENT_TYPES = {a.extension: a.content_type for a in ACCEPTED.values()} | {
    ".thumb.jpg": "image/jpeg"
}

_EXECUTABLE_MAGIC = (
    b"\x7fELF",
    b"MZ",
    b"\xcf\xfa\xed\xfe",
    b"\xce\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)
_MARKUP_HINTS = (
    b"<!doctype",
    b"<html",
    b"<svg",
    b"<?xml",
    b"<script",
    b"<head",
    b"<body",
    b"<iframe",
)

ALLOWED_DESCRIPTION = (
    "images (JPEG, PNG, GIF, WebP), audio (MP3, OGG, WAV, FLAC, M4A), "
    "video (MP4, WebM) and PDF documents"
)


def classify(head: bytes) -> Accepted:
    """Decide from the first bytes of a file whether we keep it, and as what."""
    if not head:
        raise Invalid("The file is empty.", details={"file": "empty"})
    if head.startswith(_EXECUTABLE_MAGIC):
        raise Invalid(
            "This file is a program or script, which cannot be uploaded. "
            f"You can upload {ALLOWED_DESCRIPTION}.",
            details={"file": "executable"},
            code="file_type_refused",
        )
    lowered = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(lowered.startswith(h) or h in lowered[:512] for h in _MARKUP_HINTS):
        raise Invalid(
            "This file is a web page, SVG or XML document, which cannot be uploaded because it "
            f"could run code in students' browsers. You can upload {ALLOWED_DESCRIPTION}.",
            details={"file": "markup"},
            code="file_type_refused",
        )
    guess = filetype.guess(head)
    accepted = ACCEPTED.get(guess.mime) if guess else None
    if accepted is None:
        found = f" (it looks like {guess.mime})" if guess else ""
        raise Invalid(
            f"This kind of file cannot be uploaded{found}. You can upload {ALLOWED_DESCRIPTION}.",
            details={"file": "unsupported type"},
            code="file_type_refused",
        )
    return accepted
