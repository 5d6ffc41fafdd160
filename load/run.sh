#!/usr/bin/env sh
# The load test (docs/benchmarks.md, "Load test"): the service in live mode against the Dataverse simulator, both
# on 127.0.0.1, with CLIENTS concurrent clients reading accounts and grants for SECONDS (after a 5 s warm-up).
# Fails when any call fails or when Dataverse saw more requests at once than BOUND
# (dynamics.http.max-concurrent-requests). The report is printed and written to target/load-report.md.
#
#   load/run.sh [SECONDS=60] [CLIENTS=50] [BOUND=16]
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
CLIENTS="${2:-50}"
BOUND="${3:-16}"
exec ./mvnw -q test -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dload.seconds="$SECONDS_TO_RUN" -Dload.clients="$CLIENTS" -Dload.bound="$BOUND"
