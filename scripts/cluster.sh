#!/usr/bin/env bash
# NetworkHub's cluster mode on one machine, for trying it out: a local PostgreSQL, the schema, two silos and
# two API nodes, all on 127.0.0.1. Not for production (see docs/cluster.md).
#
#   scripts/cluster.sh start    build, start everything, print the URLs
#   scripts/cluster.sh stop     stop the nodes, then the database
#   scripts/cluster.sh status   which nodes run
#
# Logs and pids go to .data/cluster/, the database to .data/cluster-postgres/ (kept between runs).
# Ports: PostgreSQL ${NETWORKHUB_CLUSTER_PG_PORT:-55433}; silos 21111/31000 and 21112/31001 (silo/gateway);
# API nodes http://127.0.0.1:5081 and :5082. Settings in the environment reach every node, for example
# Orleans__Membership__ProbeTimeout=00:00:02 scripts/cluster.sh start
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=$REPO/.data/cluster
PG_DIR=${NETWORKHUB_CLUSTER_PG_DIR:-$REPO/.data/cluster-postgres}
PG_PORT=${NETWORKHUB_CLUSTER_PG_PORT:-55433}
CONFIGURATION=${NETWORKHUB_CLUSTER_CONFIGURATION:-Debug}
# Not Orleans' default ports, which a NetworkHub in embedded mode may be using on this machine.
SILO_PORTS=(21111 21112)
GATEWAY_PORTS=(31000 31001)
API_PORTS=(5081 5082)

die() { echo "cluster.sh: $*" >&2; exit 1; }

alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Detached from this shell (setsid), so the nodes outlive it. The node writes its own pid (the shell's pid,
# which exec hands to dotnet), because setsid may fork and $! would then name the wrong process.
launch() {
    local name=$1 dir=$2
    shift 2
    rm -f "$STATE/$name.pid"
    (cd "$dir" && setsid sh -c 'echo $$ >"$0"; exec dotnet "$@"' "$STATE/$name.pid" "$@" >"$STATE/$name.log" 2>&1 </dev/null &)
    local tries=0
    until [[ -s $STATE/$name.pid ]]; do (( ++tries < 50 )) || die "$name did not start"; sleep 0.1; done
}

wait_ready() {
    local name=$1 url=$2 tries=0
    until curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; do
        alive "$STATE/$name.pid" || { tail -n 30 "$STATE/$name.log" >&2; die "$name stopped (log: $STATE/$name.log)"; }
        (( ++tries < 180 )) || die "$name is not ready after 90 s (log: $STATE/$name.log)"
        sleep 0.5
    done
}

start() {
    mkdir -p "$STATE"
    for pid in "$STATE"/*.pid; do
        alive "$pid" && die "already running ($(basename "$pid" .pid)); run: scripts/cluster.sh stop"
    done

    local url
    url=$("$REPO/scripts/postgres.sh" start "$PG_DIR" "$PG_PORT")
    echo "PostgreSQL: $url"

    echo "Building..."
    dotnet build "$REPO/api/NetworkHub.Api.csproj" -c "$CONFIGURATION" --nologo -v quiet >"$STATE/build.log" 2>&1 ||
        { tail -n 30 "$STATE/build.log" >&2; die "the build failed (log: $STATE/build.log)"; }
    local silo_dir=$REPO/silo/bin/$CONFIGURATION/net10.0 api_dir=$REPO/api/bin/$CONFIGURATION/net10.0

    # Every node reads these; the API's appsettings.json says Embedded, so it is set here for all of them.
    export Orleans__Mode=Cluster Storage__Provider=PostgreSql Storage__ConnectionString=$url
    dotnet "$silo_dir/NetworkHub.Silo.dll" migrate

    for i in 0 1; do
        launch "silo$((i + 1))" "$silo_dir" NetworkHub.Silo.dll \
            "--Orleans:SiloPort=${SILO_PORTS[i]}" "--Orleans:GatewayPort=${GATEWAY_PORTS[i]}"
    done
    for i in 0 1; do
        launch "api$((i + 1))" "$api_dir" NetworkHub.Api.dll "--Urls=http://127.0.0.1:${API_PORTS[i]}"
    done
    for i in 0 1; do
        wait_ready "api$((i + 1))" "http://127.0.0.1:${API_PORTS[i]}"
    done

    echo "NetworkHub cluster is running:"
    for i in 0 1; do
        echo "  API node $((i + 1)): http://127.0.0.1:${API_PORTS[i]}   (API reference: http://127.0.0.1:${API_PORTS[i]}/scalar)"
    done
    echo "  silos: 127.0.0.1:${SILO_PORTS[0]} and 127.0.0.1:${SILO_PORTS[1]}; logs in $STATE"
    echo "Stop it with: scripts/cluster.sh stop"
}

stop() {
    local pid_file pid
    for pid_file in "$STATE"/api*.pid "$STATE"/silo*.pid; do
        [[ -f $pid_file ]] || continue
        if alive "$pid_file"; then
            pid=$(cat "$pid_file")
            kill -TERM "$pid"
            # A silo leaves the membership table cleanly on SIGTERM; give it the time to.
            for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
            kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        fi
        rm -f "$pid_file"
    done
    "$REPO/scripts/postgres.sh" stop "$PG_DIR"
    echo "NetworkHub cluster stopped."
}

status() {
    local pid_file
    for pid_file in "$STATE"/silo*.pid "$STATE"/api*.pid; do
        [[ -f $pid_file ]] || continue
        if alive "$pid_file"; then echo "$(basename "$pid_file" .pid): running (pid $(cat "$pid_file"))"; else echo "$(basename "$pid_file" .pid): stopped"; fi
    done
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) sed -n '2,13s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac
