"""The API reference at /api/docs: Swagger UI served from our own static files, so it works
offline and under the app's Content-Security-Policy (no CDN, no inline script)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Pi-LMS API</title>
  <link rel="icon" href="/static/favicon.png?v={version}" type="image/png">
  <link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css?v={version}">
</head>
<body>
  <div id="swagger-ui" data-openapi-url="/api/openapi.json"></div>
  <script src="/static/vendor/swagger-ui/swagger-ui-bundle.js?v={version}"></script>
  <script src="/static/js/api-docs.js?v={version}"></script>
</body>
</html>
"""


@router.get("/api/docs")
def api_docs(request: Request) -> HTMLResponse:
    version = request.app.state.templates.env.globals["static_version"]
    return HTMLResponse(PAGE.format(version=version))
