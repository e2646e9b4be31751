# syntax=docker/dockerfile:1
#
# Pi-LMS: one image for every process role (today `pilms serve`; later `pilms web`, `pilms ai`,
# `pilms worker`). Builds for arm64 (Orange Pi 5) and amd64 alike:
#
#   docker build -t pilms:current .
#   docker run --rm -p 8080:8080 -e SESSION_SECRET=... -e JWT_SECRET=... \
#       -v pilms-data:/var/lib/pilms pilms:current
#
# Production use goes through deploy/compose.yaml; see docs/operations.md.

ARG PYTHON_IMAGE=python:3.11-slim

# --- build: install the package and its dependencies into a virtualenv ---------------------
FROM ${PYTHON_IMAGE} AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
# Every dependency ships wheels for linux/arm64 and linux/amd64, so no compiler is needed here.
# If a build ever fails on "error: command 'gcc' failed", add build-essential to this stage only.
COPY pyproject.toml README.md ./
COPY src ./src
COPY migrations ./migrations
# The project itself is installed from the checkout; it has no version to pin (DL3013).
# hadolint ignore=DL3013
RUN pip install ".[postgres,redis]" \
 && pilms --help > /dev/null

# --- dev: editable install for deploy/compose.dev.yaml (source mounted over /src) -----------
FROM ${PYTHON_IMAGE} AS dev

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
COPY migrations ./migrations
RUN pip install -e ".[postgres,redis]"
EXPOSE 8080
ENTRYPOINT ["pilms"]
CMD ["serve"]

# --- runtime: the production image (default target) -----------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

LABEL org.opencontainers.image.title="Pi-LMS" \
      org.opencontainers.image.description="Offline-first classroom learning management system" \
      org.opencontainers.image.licenses="MIT"

# A fixed uid/gid so that bind-mounted data folders can be owned by it (deploy/compose.yaml
# can also run the container as the host's operator uid with PILMS_UID/PILMS_GID).
RUN groupadd --system --gid 10001 pilms \
 && useradd --system --uid 10001 --gid pilms --home-dir /var/lib/pilms --no-create-home \
        --shell /usr/sbin/nologin pilms \
 && install -d -o pilms -g pilms -m 0750 /var/lib/pilms /var/lib/pilms/media /var/backups/pilms \
 && install -d -m 0755 /app

COPY --from=build /opt/venv /opt/venv

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ENVIRONMENT=production \
    PILMS_DATA_DIR=/var/lib/pilms

# The app also reads a `.env` file from its working directory; /app is empty on purpose, so
# configuration comes only from the environment (compose's env_file, `docker run -e`).
WORKDIR /app
# Numeric, so that "runs as non-root" can be checked without reading /etc/passwd.
USER 10001:10001
EXPOSE 8080

# /health answers as soon as the web process is up; /api/health also checks the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=4)"]

ENTRYPOINT ["pilms"]
CMD ["serve"]
