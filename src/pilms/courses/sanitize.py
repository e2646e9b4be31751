"""Lesson HTML sanitising: what the editor may produce survives, scripts never do."""

from __future__ import annotations

import nh3

TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "code", "pre", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd",
    "a", "img", "figure", "figcaption", "audio", "video", "source", "track",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "math", "mi", "mn", "mo", "ms", "mtext", "mrow", "msup", "msub", "msubsup", "mfrac", "msqrt",
    "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mspace", "semantics",
    "annotation",
}  # fmt: skip

ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "audio": {"src", "controls", "preload", "loop"},
    "video": {"src", "controls", "preload", "poster", "width", "height", "loop", "playsinline"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type"},
    "math": {"display"},
    "annotation": {"encoding"},
    "*": {"lang", "dir"},
}

URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Keep the formatting a lesson needs; drop scripts, event handlers, styles and any URL
    whose scheme is not http(s) or mailto (relative URLs such as /media/... are kept)."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def html_to_text(html: str) -> str:
    """Plain text of some HTML, for summaries and search."""
    return " ".join(nh3.clean(html, tags=set()).split())
