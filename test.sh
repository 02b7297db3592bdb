#!/usr/bin/env bash
# Runs every test of NetworkHub on a fresh machine: installs and starts what the tests need (a throw-away
# PostgreSQL, Debian's chromium), checks formatting, builds (the web app too), runs all suites (.NET, Vitest,
# browser tests), and ends with one line of totals.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A PostgreSQL of its own for this run, on a port of its own, removed afterwards.
pg_dir=$(mktemp -d /tmp/networkhub-test-pg.XXXXXX)
pg_port=${NETWORKHUB_TEST_PG_PORT:-55439}
cleanup() { scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
chmod 755 "$pg_dir"
scripts/postgres.sh start "$pg_dir" "$pg_port" >/dev/null
export NETWORKHUB_TEST_POSTGRES
NETWORKHUB_TEST_POSTGRES=$(scripts/postgres.sh url "$pg_port")

dotnet restore NetworkHub.sln --verbosity quiet
dotnet format NetworkHub.sln --verify-no-changes --no-restore
dotnet build NetworkHub.sln --no-restore --verbosity quiet --nologo

# One suite at a time: the cluster and browser suites time real failures and want the machine to themselves,
# and each suite's results file gets a name of its own.
results=$(mktemp -d /tmp/networkhub-test-results.XXXXXX)
status=0
for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
done

# dotnet test prints a summary per project; CI wants one line over all of them.
passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
    [[ -e $trx ]] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    total=$(value total) executed=$(value executed) p=$(value passed) f=$(value failed)
    passed=$((passed + p))
    failed=$((failed + f + $(value error) + $(value timeout) + $(value aborted)))
    skipped=$((skipped + total - executed))
done
if [[ $files -eq 0 ]]; then
    echo "no test results were written" >&2
    status=1
fi

# The browser app (web/): Vitest component tests, then browser tests that start the built platform and drive
# Debian's chromium (Playwright cannot download browsers here). The build above already ran npm ci and built web/.
if [[ ! -x /usr/bin/chromium ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [[ ! -d web/node_modules || web/package-lock.json -nt web/node_modules/.package-lock.json ]]; then
    (cd web && npm ci --no-audit --no-fund)
fi
(cd web && npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json") || status=$?
(cd web && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/e2e.tap" e2e/) || status=$?

# Vitest's JSON report and node --test's TAP summary ("# pass N") add to the same totals.
if [[ -s $results/vitest.json ]]; then
    read -r p f s < <(node -e 'const r = require(process.argv[1]);
        console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), r.numPendingTests + r.numTodoTests)' "$results/vitest.json")
    passed=$((passed + ${p:-0})) failed=$((failed + ${f:-1})) skipped=$((skipped + ${s:-0}))
else
    echo "vitest wrote no results" >&2
    failed=$((failed + 1))
fi
if [[ -s $results/e2e.tap ]]; then
    tap() { local n; n=$(sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$results/e2e.tap" | tail -1); echo "${n:-0}"; }
    passed=$((passed + $(tap pass))) failed=$((failed + $(tap fail) + $(tap cancelled))) skipped=$((skipped + $(tap skipped) + $(tap todo)))
else
    echo "the browser tests wrote no results" >&2
    failed=$((failed + 1))
fi

rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 && $status -eq 0 ]]
