#!/usr/bin/env bash
# Measures the figures of docs/reliability.md: runs the two fault tests of the cluster suite (a silo killed
# with SIGKILL; PostgreSQL stopped and restarted, both under write load) RUNS times and prints one table row
# per run. Uses a throw-away PostgreSQL of its own, like test.sh. The tests give the nodes loopback tuning
# (tests/NetworkHub.Cluster.Tests/Cluster/ClusterSettings.cs); NETWORKHUB_RELIABILITY_ORLEANS_DEFAULTS=1
# measures with Orleans' defaults instead. A run whose test fails still reports its row, and is named.
#
#   scripts/reliability.sh [RUNS]    default 3
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3}

pg_dir=$(mktemp -d /tmp/networkhub-reliability-pg.XXXXXX)
pg_port=${NETWORKHUB_RELIABILITY_PG_PORT:-55441}
report=$(mktemp /tmp/networkhub-reliability.XXXXXX)
cleanup() { scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir" "$report"; }
trap cleanup EXIT
chmod 755 "$pg_dir"
scripts/postgres.sh start "$pg_dir" "$pg_port" >/dev/null
export NETWORKHUB_TEST_POSTGRES NETWORKHUB_RELIABILITY_REPORT=$report
NETWORKHUB_TEST_POSTGRES=$(scripts/postgres.sh url "$pg_port")

dotnet build tests/NetworkHub.Cluster.Tests --nologo -v quiet >/dev/null
failed=0
for ((i = 1; i <= runs; i++)); do
    dotnet test tests/NetworkHub.Cluster.Tests --no-build --nologo -v quiet \
        --filter "FullyQualifiedName~SiloFailureTests|FullyQualifiedName~DatabaseOutageTests" >/dev/null ||
        { echo "run $i: a fault test failed; run the suite to see why" >&2; failed=1; }
done

echo "| scenario | requests tried | acknowledged (2xx) | failed | lost | unavailable (s) | longest gap between acks (s) |"
echo "|---|---|---|---|---|---|---|"
sort "$report"
exit $failed
