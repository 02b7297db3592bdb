#!/usr/bin/env bash
# A throw-away local PostgreSQL for development and tests. Not for production.
#
#   scripts/postgres.sh start [DATADIR] [PORT]   install if needed, initialise once, start, print the url
#   scripts/postgres.sh stop  [DATADIR]
#   scripts/postgres.sh url   [PORT]             print the Npgsql connection string
#
# Defaults: DATADIR=${NETWORKHUB_PG_DIR:-<repo>/.data/postgres}, PORT=${NETWORKHUB_PG_PORT:-55432}.
# The server listens on 127.0.0.1 only and keeps its unix socket in DATADIR. It does not apply our
# schema: the application does that at start-up.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEFAULT_DIR=${NETWORKHUB_PG_DIR:-$REPO/.data/postgres}
DEFAULT_PORT=${NETWORKHUB_PG_PORT:-55432}
APP_USER=networkhub

die() { echo "postgres.sh: $*" >&2; exit 1; }

url() { echo "Host=127.0.0.1;Port=$1;Username=$APP_USER;Password=$APP_USER;Database=$APP_USER"; }

# PostgreSQL refuses to run as root, so as root everything runs as the postgres OS user.
as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Debian keeps the server binaries out of PATH, in /usr/lib/postgresql/<major>/bin; prefer the newest.
find_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] && { echo "$dir"; return; }
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dir=$(dirname "$(readlink -f "$(command -v initdb)")")
        [[ -x $dir/pg_ctl ]] && { echo "$dir"; return; }
    fi
    return 1
}

install_postgres() {
    local sudo=()
    if [[ $EUID -ne 0 ]]; then
        command -v sudo >/dev/null || die "PostgreSQL is not installed and installing it needs root"
        sudo=(sudo)
    fi
    echo "postgres.sh: installing PostgreSQL with apt-get" >&2
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
}

is_running() { as_owner "$BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

start() {
    local dir port
    dir=$(realpath -m "${1:-$DEFAULT_DIR}")
    port=${2:-$DEFAULT_PORT}
    [[ $port =~ ^[0-9]+$ ]] || die "port must be a number: $port"
    [[ $dir != *"'"* ]] || die "data directory must not contain a quote: $dir"

    BIN=$(find_bin) || { install_postgres; BIN=$(find_bin) || die "no initdb/pg_ctl after installing"; }
    if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    fi

    if [[ -f $dir/PG_VERSION ]] && is_running "$dir"; then
        # Report the port the server really uses, which may differ from this call's argument.
        url "$(sed -n 4p "$dir/postmaster.pid")"
        return
    fi

    if [[ ! -f $dir/PG_VERSION ]]; then
        mkdir -p "$dir"
        [[ $EUID -eq 0 ]] && chown postgres:postgres "$dir"
        chmod 700 "$dir"
        as_owner test -w "$dir" ||
            die "the postgres user cannot reach $dir (a parent directory is private?); set NETWORKHUB_PG_DIR"
        # C locale: no dependency on generated locales, and byte-wise, case-sensitive text comparison,
        # which is what Orleans keys need. Trust only for the bootstrap; pg_hba.conf is replaced below.
        local log
        log=$(mktemp)
        as_owner "$BIN/initdb" -D "$dir" -U postgres -E UTF8 --locale=C \
            --auth-local=trust --auth-host=trust >"$log" 2>&1 || { cat "$log" >&2; die "initdb failed"; }
        rm -f "$log"
        # Local socket (reachable only by postgres and root: it lives in the 0700 data dir) is trusted;
        # TCP needs the password, so other local users cannot walk in as superuser.
        as_owner tee "$dir/pg_hba.conf" >/dev/null <<'EOF'
local all all               trust
host  all all 127.0.0.1/32  scram-sha-256
EOF
        echo "include_if_exists = 'networkhub.conf'" | as_owner tee -a "$dir/postgresql.conf" >/dev/null
    fi

    # Rewritten on every start so a different PORT argument takes effect.
    as_owner tee "$dir/networkhub.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = on
timezone = 'UTC'
EOF

    as_owner "$BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null ||
        { tail -n 20 "$dir/server.log" >&2 || true; die "the server did not start (see $dir/server.log)"; }

    local tries=0
    until "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; do
        (( ++tries < 60 )) || die "the server is not accepting connections on 127.0.0.1:$port"
        sleep 0.5
    done

    # Idempotent, and run on every start so an interrupted first start heals itself.
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres <<EOF
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$APP_USER', '$APP_USER')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$APP_USER', '$APP_USER')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$APP_USER') \gexec
-- Tests create a fresh database per test; this server is throw-away, never production.
ALTER ROLE $APP_USER CREATEDB;
EOF

    url "$port"
}

stop() {
    local dir
    dir=$(realpath -m "${1:-$DEFAULT_DIR}")
    [[ -f $dir/PG_VERSION ]] || { echo "postgres.sh: no cluster in $dir" >&2; return; }
    BIN=$(find_bin) || die "PostgreSQL is not installed"
    if is_running "$dir"; then
        as_owner "$BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    fi
}

case ${1:-} in
    start) shift; start "$@" ;;
    stop)  shift; stop "$@" ;;
    url)   shift; url "${1:-$DEFAULT_PORT}" ;;
    *)     sed -n '2,10s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac
