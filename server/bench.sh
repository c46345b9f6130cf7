#!/usr/bin/env bash
# The fleet server's benchmarks (FleetBench): upload latency of a 1,000-component SBOM, re-match after an advisory
# update for fleets of several sizes, memory and database size. Never part of the tests.
#
#   server/bench.sh [hsqldb|h2|postgres] [uploads] [fleet sizes...]  e.g. server/bench.sh postgres 200 1000 10000
#   server/bench.sh load [hsqldb|h2|postgres] [clients] [seconds]  a bounded load of mixed uploads and reads
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
./mvnw -q -B -DskipTests -pl server -am install >/dev/null
cp="$(./mvnw -q -B -pl server dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
exec java -Xmx2g -cp "server/target/test-classes:server/target/classes:$cp" org.patchgap.server.bench.FleetBench "$@"
