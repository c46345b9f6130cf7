#!/usr/bin/env bash
# Ours against io.github.nscuro:versatile-core (Dependency-Track's version library): version ordering and range
# evaluation throughput per ecosystem (JMH), then where the two disagree. versatile-core 0.16.1 is Java 21
# bytecode, so this builds the bench-versatile module (profile versatile) with a Java 21+ JDK; the default
# build on Java 17 does not include it. See docs/decisions/0005-versatile-comparison.md.
#
# Usage: bench/run-versatile.sh [JMH options]   e.g. bench/run-versatile.sh -p ecosystem=Maven,npm
# Default JMH options are short (2 x 1 s warm-up, 3 x 1 s measurement, 1 fork): about 3 minutes for JMH,
# 2 for the paired run, seconds for the agreement.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${VERSATILE_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
if [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "run-versatile.sh: no JDK at $JAVA_HOME (set VERSATILE_JAVA_HOME to a Java 21+ JDK)" >&2
  exit 2
fi
./mvnw -q -Pversatile -pl bench-versatile -am package -DskipTests
JAR=bench-versatile/target/benchmarks-versatile.jar
if [ $# -eq 0 ]; then set -- -wi 2 -w 1 -i 3 -r 1 -f 1; fi
"$JAVA_HOME/bin/java" -jar "$JAR" VersatileBenchmark "$@"
# The same workloads in alternating 20 ms slices (about 2 minutes): ratios that hold on a loaded machine.
"$JAVA_HOME/bin/java" -cp "$JAR" org.patchgap.core.match.VersatilePaired
"$JAVA_HOME/bin/java" -cp "$JAR" org.patchgap.core.match.VersatileAgreement
