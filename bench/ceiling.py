"""The ceiling for bench/classroom.py: what one FastAPI page costs at the least on this machine.

One route answering a small HTML page: no database, no templates, no middleware. It is served
the way `pilms serve` serves Pi-LMS (src/pilms/cli.py): one uvicorn process with uvicorn's
defaults for the HTTP parser and event loop ("auto": httptools and uvloop when installed),
proxy headers on, no access log, no Server header.

    python bench/ceiling.py --port 8099
"""

from __future__ import annotations

import argparse

import uvicorn
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Ceiling</title></head>
<body>
<main>
<h1>The ceiling</h1>
<p>A small page with no database and no templates: the most requests a second that one
uvicorn process with FastAPI can answer on this machine.</p>
</main>
</body>
</html>
"""

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@app.get("/", response_class=HTMLResponse)
async def page() -> HTMLResponse:
    return HTMLResponse(PAGE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8099)
    args = parser.parse_args()
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        log_level="info",
        access_log=False,
        server_header=False,
    )


if __name__ == "__main__":
    main()
