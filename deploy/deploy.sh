#!/usr/bin/env bash
# Deploy, roll back, back up and check Pi-LMS running under docker compose.
#
#   deploy/deploy.sh deploy            back up, build (or pull) the app image, start, wait for
#                                      health; on failure restore the backup and the previous image
#   deploy/deploy.sh rollback [DIR]    restore a backup (default: the newest) and its image
#   deploy/deploy.sh backup            back up now (database, media, .env; keeps the last 7)
#   deploy/deploy.sh health            check the running stack once
#
# Run it as the operator account (in the docker group, PILMS_UID in .env is its uid), not as
# root, from anywhere: it works on the checkout it lives in. Settings come from .env at the
# top of the checkout (see .env.template). Optional environment variables:
#   PILMS_ENV_FILE        another .env file
#   PILMS_KEEP_BACKUPS    backups to keep (7)
#   PILMS_HEALTH_TIMEOUT  seconds to wait for the app to become healthy (180)
#   PILMS_PULL=1          also pull newer nginx/redis/ollama images (needs internet)
#   PILMS_ALLOW_ROOT=1    run as root anyway
#
# Backups today are made here (a consistent SQLite copy, the media folder, .env). A later issue
# adds `pilms backup`/`pilms restore`; backup_database() is the place to call it then.

set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
DEPLOY_DIR=$(dirname -- "$SCRIPT_DIR")
COMPOSE_FILE="$SCRIPT_DIR/compose.yaml"
ENV_FILE=${PILMS_ENV_FILE:-"$DEPLOY_DIR/.env"}
KEEP_BACKUPS=${PILMS_KEEP_BACKUPS:-7}
HEALTH_TIMEOUT=${PILMS_HEALTH_TIMEOUT:-180}
# The data folder as the container sees it (deploy/compose.yaml).
CONTAINER_DATA_DIR=/var/lib/pilms

LOG_FILE=""
LAST_BACKUP=""

# --- output ---------------------------------------------------------------------------------

if [[ -t 2 ]]; then
    RED=$'\033[0;31m' GREEN=$'\033[0;32m' YELLOW=$'\033[1;33m' NC=$'\033[0m'
else
    RED="" GREEN="" YELLOW="" NC=""
fi

_log_line() {
    local line
    line="[$(date '+%Y-%m-%d %H:%M:%S')] $*"
    if [[ -n "$LOG_FILE" ]]; then
        printf '%s\n' "$line" >>"$LOG_FILE" 2>/dev/null || true
    fi
}

log() {
    printf '%s%s%s\n' "$GREEN" "$*" "$NC" >&2
    _log_line "$*"
}

warn() {
    printf '%sWARNING: %s%s\n' "$YELLOW" "$*" "$NC" >&2
    _log_line "WARNING: $*"
}

die() {
    printf '%sERROR: %s%s\n' "$RED" "$*" "$NC" >&2
    _log_line "ERROR: $*"
    exit 1
}

usage() {
    # The comment block at the top of this file, without the leading "# ".
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

# --- configuration --------------------------------------------------------------------------

# The value of KEY: the environment first (as docker compose does), then the last KEY=... line
# of the .env file, then DEFAULT. Empty counts as unset, like ${KEY:-default} in compose.
env_value() {
    local key=$1 default=${2:-} value=""
    value=${!key-}
    if [[ -z "$value" && -f "$ENV_FILE" ]]; then
        value=$(sed -n "s/^[[:space:]]*${key}=//p" "$ENV_FILE" | tail -n 1)
        value=${value%$'\r'}
    fi
    printf '%s' "${value:-$default}"
}

# A host path from .env: absolute, or relative to deploy/ like in compose.yaml.
host_path() {
    local path=$1
    [[ "$path" == /* ]] || path="$SCRIPT_DIR/$path"
    realpath -m -- "$path"
}

load_settings() {
    [[ -f "$ENV_FILE" ]] || die "No $ENV_FILE. Create it: cp .env.template .env && chmod 600 .env, then fill it in (docs/operations.md)."
    DATA_DIR=$(host_path "$(env_value PILMS_DATA_PATH ../data)")
    MEDIA_DIR=$(host_path "$(env_value PILMS_MEDIA_PATH ../data/media)")
    BACKUP_DIR=$(host_path "$(env_value PILMS_BACKUP_PATH ../backups)")
    HTTP_PORT=$(env_value PILMS_HTTP_PORT 80)
    IMAGE=$(env_value PILMS_IMAGE pilms)
    TAG=$(env_value PILMS_TAG current)
    IMAGE_REF="$IMAGE:$TAG"
    PILMS_UID_VALUE=$(env_value PILMS_UID)
    PILMS_GID_VALUE=$(env_value PILMS_GID)
    DATABASE_URI_VALUE=$(env_value DATABASE_URI)
    BASE_URL="http://127.0.0.1:$HTTP_PORT"
    if [[ -d "$BACKUP_DIR" && -w "$BACKUP_DIR" ]]; then
        LOG_FILE="$BACKUP_DIR/deploy.log"
    fi
}

compose() {
    docker compose --env-file "$ENV_FILE" -f "$COMPOSE_FILE" "$@"
}

# --- checks ---------------------------------------------------------------------------------

check_tools() {
    if [[ $EUID -eq 0 && "${PILMS_ALLOW_ROOT:-0}" != 1 ]]; then
        die "Run this as the operator account (in the docker group), not as root; PILMS_ALLOW_ROOT=1 overrides."
    fi
    local cmd
    for cmd in docker curl realpath; do
        command -v "$cmd" >/dev/null 2>&1 || die "$cmd is not installed."
    done
    docker compose version >/dev/null 2>&1 ||
        die "Docker Compose v2 (the 'docker compose' plugin) is not installed: apt-get install docker-compose-plugin."
    docker info >/dev/null 2>&1 ||
        die "Cannot talk to Docker. Is it running, and is $(id -un) in the docker group?"
}

# The app container runs as PILMS_UID; the files it writes must be readable for backups here.
check_owner() {
    [[ -n "$PILMS_UID_VALUE" && -n "$PILMS_GID_VALUE" ]] ||
        die "Set PILMS_UID and PILMS_GID in $ENV_FILE (for this account: PILMS_UID=$(id -u), PILMS_GID=$(id -g))."
    if [[ "$PILMS_UID_VALUE" != "$(id -u)" ]]; then
        die "PILMS_UID in $ENV_FILE is $PILMS_UID_VALUE but you are uid $(id -u): run deploy.sh as the account that owns the data (or change PILMS_UID/PILMS_GID and chown the data folders)."
    fi
}

check_config() {
    local perms
    perms=$(stat -c '%a' -- "$ENV_FILE")
    if [[ "$perms" == *[1-7] ]]; then
        warn "$ENV_FILE is readable by everyone (mode $perms): chmod 600 $ENV_FILE"
    fi
    local name value
    for name in SESSION_SECRET JWT_SECRET; do
        value=$(env_value "$name")
        if [[ ${#value} -lt 32 ]]; then
            die "$name in $ENV_FILE must be at least 32 random characters. Generate one with: python3 -c \"import secrets; print(secrets.token_urlsafe(48))\""
        fi
    done
}

# Creates missing folders: the data folder private (database, secrets), the media folder open
# to the nginx container (it serves those files to anyone anyway), backups private.
check_dirs() {
    local dir mode
    for dir in "$DATA_DIR" "$MEDIA_DIR" "$BACKUP_DIR"; do
        if [[ ! -d "$dir" ]]; then
            case "$dir" in
                "$MEDIA_DIR") mode=0755 ;;
                "$BACKUP_DIR") mode=0700 ;;
                *) mode=0750 ;;
            esac
            mkdir -p -- "$dir" || die "Cannot create $dir."
            chmod "$mode" -- "$dir"
            log "Created $dir"
        fi
        [[ -w "$dir" ]] || die "$dir is not writable by $(id -un): sudo chown -R $PILMS_UID_VALUE:$PILMS_GID_VALUE $dir"
    done
    LOG_FILE="$BACKUP_DIR/deploy.log"
}

check_resources() {
    local free_mb
    free_mb=$(df -Pm -- "$BACKUP_DIR" | awk 'NR == 2 { print $4 }')
    if [[ "$free_mb" -lt 512 ]]; then
        die "Only ${free_mb} MB free on the disk of $BACKUP_DIR; free some space (old backups, docker image prune)."
    elif [[ "$free_mb" -lt 2048 ]]; then
        warn "Only ${free_mb} MB free on the disk of $BACKUP_DIR."
    fi
    local avail_mb
    avail_mb=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo)
    if [[ -n "$avail_mb" && "$avail_mb" -lt 1024 ]]; then
        warn "Only ${avail_mb} MB of memory available; the board may be short during the update."
    fi
}

check_requirements() {
    log "Checking requirements..."
    check_tools
    check_owner
    check_config
    check_dirs
    check_resources
    log "Requirements OK."
}

# Only one deploy/rollback/backup at a time.
acquire_lock() {
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$BACKUP_DIR/.deploy.lock"
        flock -n 9 || die "Another deploy.sh is running (lock $BACKUP_DIR/.deploy.lock)."
    fi
}

# --- backup ---------------------------------------------------------------------------------

# Where the SQLite database lives on the host, or nothing when it is not SQLite.
sqlite_file() {
    local uri=$DATABASE_URI_VALUE path
    if [[ -z "$uri" ]]; then
        printf '%s' "$DATA_DIR/pilms.db"
    elif [[ "$uri" == sqlite:///* ]]; then
        path=${uri#sqlite:///}
        [[ "$path" == /* ]] || path="/$path"
        if [[ "$path" == "$CONTAINER_DATA_DIR"/* ]]; then
            printf '%s' "$DATA_DIR/${path#"$CONTAINER_DATA_DIR"/}"
        else
            warn "DATABASE_URI points outside $CONTAINER_DATA_DIR; the database is not backed up."
        fi
    fi
}

pilms_running() {
    [[ -n "$(compose ps --status running -q pilms 2>/dev/null)" ]]
}

# A consistent copy of the SQLite database into $1, while the app keeps running where possible.
backup_database() {
    local target=$1 db
    db=$(sqlite_file)
    if [[ -z "$db" ]]; then
        if [[ -n "$DATABASE_URI_VALUE" && "$DATABASE_URI_VALUE" != sqlite* ]]; then
            warn "The database is not SQLite: back it up with its own tools (pg_dump); this backup has media and .env only."
            echo "database: external (not in this backup)" >>"$target/MANIFEST"
        fi
        return 0
    fi
    if [[ ! -f "$db" ]]; then
        log "No database yet at $db (first deploy)."
        echo "database: none yet" >>"$target/MANIFEST"
        return 0
    fi
    [[ "$target" != *"'"* ]] || die "The backup path must not contain a quote: $target"

    local method
    if command -v sqlite3 >/dev/null 2>&1; then
        method="sqlite3 .backup (online)"
        sqlite3 -bail -cmd ".timeout 30000" "$db" ".backup '$target/pilms.db'" ||
            die "sqlite3 could not back up $db."
    elif command -v python3 >/dev/null 2>&1; then
        method="python3 sqlite3 backup API (online)"
        python3 - "$db" "$target/pilms.db" <<'PY' || die "python3 could not back up the database."
import sqlite3, sys
source = sqlite3.connect(sys.argv[1], timeout=30)
target = sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
target.close()
source.close()
PY
    else
        method="copy while the app was stopped"
        local was_running=0
        if pilms_running; then
            was_running=1
            log "Neither sqlite3 nor python3 is installed: stopping the app for a moment to copy the database."
            compose stop pilms >/dev/null
        fi
        local suffix copied=0
        cp -p -- "$db" "$target/pilms.db" && copied=1
        for suffix in -wal -shm; do
            if [[ $copied -eq 1 && -f "$db$suffix" ]]; then
                cp -p -- "$db$suffix" "$target/pilms.db$suffix" || copied=0
            fi
        done
        if [[ $was_running -eq 1 ]]; then
            if compose start pilms >/dev/null; then
                wait_healthy 120 || warn "The app is not healthy again after the copy."
            else
                warn "Could not start the app again: docker compose start pilms"
            fi
        fi
        [[ $copied -eq 1 ]] || die "Could not copy $db."
    fi

    local check="not checked (no sqlite3)"
    if command -v sqlite3 >/dev/null 2>&1; then
        check=$(sqlite3 "$target/pilms.db" "PRAGMA integrity_check;" 2>&1 | head -n 1)
        [[ "$check" == ok ]] || die "The database copy failed its integrity check: $check"
    elif command -v python3 >/dev/null 2>&1; then
        check=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$target/pilms.db")
        [[ "$check" == ok ]] || die "The database copy failed its integrity check: $check"
    fi
    chmod 0600 -- "$target"/pilms.db*
    {
        echo "database: $db"
        echo "database method: $method"
        echo "database integrity: $check"
    } >>"$target/MANIFEST"
    log "Database backed up ($method, integrity $check)."
}

# The newest complete backup folder, or nothing.
latest_backup() {
    find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'pilms-[0-9]*' ! -name '*.partial' |
        sort -r | head -n 1
}

# Copies files of $1 missing in $2 (both folders), leaving the rest alone.
copy_missing_files() {
    local from=$1 to=$2 file
    (cd -- "$from" && find . -path ./tmp -prune -o -type f -print0) |
        while IFS= read -r -d '' file; do
            if [[ ! -e "$to/$file" ]]; then
                mkdir -p -- "$(dirname -- "$to/$file")" || exit 1
                cp -p -- "$from/$file" "$to/$file" || exit 1
            fi
        done
}

backup_media() {
    local target=$1 previous=$2
    if [[ ! -d "$MEDIA_DIR" ]]; then
        echo "media: none yet" >>"$target/MANIFEST"
        return 0
    fi
    # Media files never change (random names), so files already in the previous backup become
    # hard links to it and cost no space. media/tmp holds unfinished uploads only.
    if command -v rsync >/dev/null 2>&1; then
        local link=()
        if [[ -n "$previous" && -d "$previous/media" ]]; then
            link=(--link-dest="$previous/media")
        fi
        rsync -a --delete --exclude=/tmp/ "${link[@]}" -- "$MEDIA_DIR/" "$target/media/" ||
            die "Could not copy the media folder."
    else
        if [[ -n "$previous" && -d "$previous/media" ]]; then
            # Without rsync, files deleted since the previous backup stay in this one (harmless).
            cp -al -- "$previous/media" "$target/media" || die "Could not link the previous media backup."
        else
            mkdir -p -- "$target/media"
        fi
        copy_missing_files "$MEDIA_DIR" "$target/media" || die "Could not copy the media folder."
    fi
    echo "media: $(find "$target/media" -type f | wc -l) files" >>"$target/MANIFEST"
    log "Media backed up."
}

prune_backups() {
    local old
    find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'pilms-[0-9]*' ! -name '*.partial' |
        sort -r | tail -n +"$((KEEP_BACKUPS + 1))" |
        while IFS= read -r old; do
            rm -rf -- "$old"
            log "Removed old backup $old"
        done
    # Leftovers of interrupted backups.
    find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'pilms-*.partial' -mmin +60 \
        -exec rm -rf -- {} +
}

# Sets LAST_BACKUP to the new backup folder.
create_backup() {
    local stamp target previous tries=0
    while :; do
        stamp=$(date '+%Y%m%d-%H%M%S')
        target="$BACKUP_DIR/pilms-$stamp"
        [[ -e "$target" || -e "$target.partial" ]] || break
        ((++tries < 5)) || die "$target exists already."
        sleep 1
    done
    previous=$(latest_backup)
    log "Backing up to $target ..."
    mkdir -m 0700 -- "$target.partial"
    {
        echo "created: $(date -Iseconds)"
        echo "host: $(uname -n)"
        if git -C "$DEPLOY_DIR" rev-parse HEAD >/dev/null 2>&1; then
            echo "code: $(git -C "$DEPLOY_DIR" rev-parse HEAD)"
        fi
    } >"$target.partial/MANIFEST"

    backup_database "$target.partial"
    backup_media "$target.partial" "$previous"
    cp -p -- "$ENV_FILE" "$target.partial/env"
    chmod 0600 -- "$target.partial/env"

    local image_id
    image_id=$(docker image inspect --format '{{.Id}}' "$IMAGE_REF" 2>/dev/null || true)
    if [[ -n "$image_id" ]]; then
        printf '%s\n' "$image_id" >"$target.partial/image-id"
        echo "image: $IMAGE_REF $image_id" >>"$target.partial/MANIFEST"
    fi

    mv -- "$target.partial" "$target"
    LAST_BACKUP=$target
    prune_backups
    log "Backup complete: $target"
}

# --- deploy ---------------------------------------------------------------------------------

# Keeps the image that runs now as $IMAGE:previous, so that rollback finds it even if the
# backup's image id was removed by an image prune.
remember_previous_image() {
    local id
    id=$(docker image inspect --format '{{.Id}}' "$IMAGE_REF" 2>/dev/null || true)
    if [[ -n "$id" ]]; then
        docker image tag "$id" "$IMAGE:previous"
        log "Current image kept as $IMAGE:previous"
    fi
}

fetch_image() {
    if [[ "$IMAGE" != */* && -f "$DEPLOY_DIR/Dockerfile" ]]; then
        log "Building $IMAGE_REF from $DEPLOY_DIR ..."
        compose build pilms || return 1
    else
        log "Pulling $IMAGE_REF ..."
        compose pull pilms || return 1
    fi
    if [[ "${PILMS_PULL:-0}" == 1 ]]; then
        log "Pulling newer nginx, redis and ollama images ..."
        compose pull --ignore-pull-failures nginx redis ollama ||
            warn "Could not pull every image (offline?); the ones on the board are used."
    fi
}

# nginx resolves the app's address when it starts or reloads; the app container may have a
# new address after being re-created.
reload_nginx() {
    compose exec -T nginx nginx -s reload >/dev/null 2>&1 || true
}

check_url() {
    local url=$1 body
    body=$(curl -fsS --max-time 5 "$url" 2>/dev/null) || return 1
    [[ "$body" == *'"status":"ok"'* || "$body" == *'"status": "ok"'* ]]
}

# Waits up to $1 seconds for /health and /api/health (through nginx) to answer ok.
wait_healthy() {
    local timeout=$1 deadline
    deadline=$((SECONDS + timeout))
    log "Waiting up to ${timeout}s for $BASE_URL/health and /api/health ..."
    while ((SECONDS < deadline)); do
        if check_url "$BASE_URL/health" && check_url "$BASE_URL/api/health"; then
            log "Pi-LMS is healthy."
            return 0
        fi
        sleep 3
    done
    warn "Pi-LMS did not become healthy within ${timeout}s."
    compose ps >&2 || true
    compose logs --tail 40 pilms >&2 || true
    return 1
}

record_deploy() {
    local id
    id=$(docker image inspect --format '{{.Id}}' "$IMAGE_REF" 2>/dev/null || echo unknown)
    printf '%s %s %s\n' "$(date -Iseconds)" "$IMAGE_REF" "$id" >>"$BACKUP_DIR/deployed-images.log"
}

cmd_deploy() {
    check_requirements
    acquire_lock
    log "Deploying Pi-LMS from $DEPLOY_DIR"
    create_backup
    remember_previous_image
    if ! fetch_image; then
        die "Getting the new image failed; nothing was changed, the running version stays."
    fi
    log "Starting services ..."
    if ! compose up -d --remove-orphans; then
        warn "docker compose up failed."
        rollback_to "$LAST_BACKUP" || die "Deploy failed, and so did the rollback to $LAST_BACKUP."
        die "Deploy failed and was rolled back to $LAST_BACKUP."
    fi
    reload_nginx
    if ! wait_healthy "$HEALTH_TIMEOUT"; then
        rollback_to "$LAST_BACKUP" || die "Deploy failed, and so did the rollback to $LAST_BACKUP."
        die "Deploy failed (not healthy) and was rolled back to $LAST_BACKUP."
    fi
    record_deploy
    # Images no longer tagged (the one before "previous") only take space on the board.
    docker image prune -f --filter "label=org.opencontainers.image.title=Pi-LMS" >/dev/null || true
    log "Deploy complete. Backup of the previous state: $LAST_BACKUP"
}

# --- rollback -------------------------------------------------------------------------------

restore_image() {
    local backup=$1 id=""
    if [[ -f "$backup/image-id" ]]; then
        id=$(<"$backup/image-id")
    fi
    if [[ -n "$id" ]] && docker image inspect "$id" >/dev/null 2>&1; then
        docker image tag "$id" "$IMAGE_REF" || return 1
        log "Image $IMAGE_REF set back to $id"
    elif docker image inspect "$IMAGE:previous" >/dev/null 2>&1; then
        docker image tag "$IMAGE:previous" "$IMAGE_REF" || return 1
        log "Image $IMAGE_REF set back to $IMAGE:previous"
    else
        warn "No previous image found; keeping $IMAGE_REF as it is."
    fi
}

restore_data() {
    local backup=$1 stamp db suffix had_no_db=0
    stamp=$(date '+%Y%m%d-%H%M%S')
    db=$(sqlite_file)
    if grep -qx 'database: none yet' "$backup/MANIFEST" 2>/dev/null; then
        had_no_db=1
    fi
    if [[ -n "$db" && ( -f "$backup/pilms.db" || $had_no_db -eq 1 ) ]]; then
        for suffix in "" -wal -shm; do
            if [[ -f "$db$suffix" ]]; then
                mv -- "$db$suffix" "$db$suffix.before-rollback-$stamp" || return 1
            fi
        done
    fi
    if [[ -n "$db" && $had_no_db -eq 1 ]]; then
        log "The backup was taken before there was a database: the app starts with a new one (any database there was is now $db.before-rollback-$stamp)."
    elif [[ -n "$db" && -f "$backup/pilms.db" ]]; then
        cp -p -- "$backup/pilms.db" "$db" || return 1
        for suffix in -wal -shm; do
            if [[ -f "$backup/pilms.db$suffix" ]]; then
                cp -p -- "$backup/pilms.db$suffix" "$db$suffix" || return 1
            fi
        done
        log "Database restored (the replaced one is $db.before-rollback-$stamp)."
    fi
    if [[ -d "$backup/media" ]]; then
        mkdir -p -- "$MEDIA_DIR" || return 1
        if command -v rsync >/dev/null 2>&1; then
            rsync -a --delete --exclude=/tmp/ -- "$backup/media/" "$MEDIA_DIR/" || return 1
        else
            # Files uploaded after the backup stay; nothing refers to them any more.
            copy_missing_files "$backup/media" "$MEDIA_DIR" || return 1
        fi
        log "Media restored."
    fi
    if [[ -f "$backup/env" ]] && ! cmp -s -- "$backup/env" "$ENV_FILE" 2>/dev/null; then
        cp -p -- "$ENV_FILE" "$BACKUP_DIR/env.before-rollback-$stamp" || return 1
        cp -p -- "$backup/env" "$ENV_FILE" || return 1
        load_settings
        log ".env restored (the replaced one is $BACKUP_DIR/env.before-rollback-$stamp)."
    fi
}

rollback_to() {
    local backup=$1
    [[ -n "$backup" && -d "$backup" ]] || die "No backup to roll back to."
    warn "Rolling back to $backup ..."
    compose stop pilms >/dev/null 2>&1 || true
    if ! restore_image "$backup"; then
        warn "Could not set the image back."
        return 1
    fi
    if ! restore_data "$backup"; then
        warn "Could not restore the data from $backup; restore it by hand (docs/operations.md)."
        return 1
    fi
    if ! compose up -d --remove-orphans; then
        warn "docker compose up failed during rollback."
        return 1
    fi
    reload_nginx
    if wait_healthy "$HEALTH_TIMEOUT"; then
        log "Rollback complete."
    else
        warn "Still not healthy after the rollback: see docker compose logs pilms, and docs/operations.md (Troubleshooting)."
        return 1
    fi
}

cmd_rollback() {
    local backup=${1:-}
    # No check of the current .env's secrets: the backup's .env may be the one that works.
    check_tools
    check_owner
    check_dirs
    acquire_lock
    if [[ -z "$backup" ]]; then
        backup=$(latest_backup)
        [[ -n "$backup" ]] || die "No backup found in $BACKUP_DIR."
    fi
    backup=$(realpath -m -- "$backup")
    [[ -d "$backup" ]] || die "No such backup: $backup"
    rollback_to "$backup" || die "Rollback did not bring Pi-LMS back to health."
}

# --- health ---------------------------------------------------------------------------------

cmd_health() {
    local failed=0 service state
    for service in nginx pilms redis ollama; do
        state=$(docker inspect --format '{{.State.Status}}{{if .State.Health}} ({{.State.Health.Status}}){{end}}' \
            "$(compose ps -q "$service" 2>/dev/null | head -n 1)" 2>/dev/null || echo "not running")
        printf '%-8s %s\n' "$service" "$state"
        case "$service:$state" in
            ollama:running*) ;;
            *:"running (healthy)") ;;
            ollama:*) warn "ollama is not running: the AI tutor falls back to lesson passages." ;;
            *) failed=1 ;;
        esac
    done
    local path
    for path in /health /api/health; do
        if check_url "$BASE_URL$path"; then
            printf '%-12s ok\n' "$path"
        else
            printf '%-12s FAILED (%s)\n' "$path" "$BASE_URL$path"
            failed=1
        fi
    done
    if [[ $failed -ne 0 ]]; then
        die "Pi-LMS is not healthy. Look at: docker compose --env-file $ENV_FILE -f $COMPOSE_FILE logs pilms"
    fi
    log "All checks passed."
}

# --- main -----------------------------------------------------------------------------------

main() {
    local command=${1:-}
    case "$command" in
        deploy | rollback | backup | health) ;;
        -h | --help | help)
            usage
            return 0
            ;;
        *)
            usage >&2
            return 2
            ;;
    esac
    shift
    load_settings
    case "$command" in
        deploy) cmd_deploy ;;
        rollback) cmd_rollback "$@" ;;
        backup)
            check_tools
            check_owner
            check_dirs
            check_resources
            acquire_lock
            create_backup
            ;;
        health)
            check_tools
            cmd_health
            ;;
        *) die "unreachable: $command" ;;
    esac
}

main "$@"
