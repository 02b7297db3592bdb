#!/usr/bin/env bash
# The crash loop of docs/reliability.md: the embedded program (the built api on one SQLite file) under write load,
# killed with SIGKILL KILLS times at random moments and started again on the same file; prints how many acknowledged
# writes were lost and how many organisations are missing from their creator's spaces or the directory, or stale
# there, and SQLite's integrity check after every kill. The load client is a mode of bench/ (bench/CrashLoop.cs).
#
#   scripts/crashloop.sh [KILLS] [extra options, e.g. --writers 4 --seed 7]    default 30 kills, a few minutes
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
kills=${1:-30}
shift || true
configuration=${NETWORKHUB_CRASHLOOP_CONFIGURATION:-Release}

dotnet build api -c "$configuration" -p:SkipWebBuild=true --nologo -v quiet >/dev/null
dotnet build bench -c "$configuration" -p:SkipWebBuild=true --nologo -v quiet >/dev/null
dotnet "bench/bin/$configuration/net10.0/NetworkHub.Bench.dll" crashloop \
    --api "api/bin/$configuration/net10.0/NetworkHub.Api.dll" --kills "$kills" "$@"
