#!/usr/bin/env bash
# One command from a fresh checkout to a load-test report:
#   load-tests/run.sh [harness options]     (see load-tests/README.md, or --help)
# Builds the service jar if it is missing, builds the harness, starts the service (its embedded
# broker unless --bootstrap-servers is given) once per processing guarantee, measures the
# pass-through baseline and the service, and writes load-tests/results/load-report.{md,json,html}.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f target/quarkus-app/quarkus-run.jar ]]; then
  echo "building the service jar (./mvnw -q package -DskipTests)"
  ./mvnw -q package -DskipTests
fi
echo "building the load-test harness"
./mvnw -q -f load-tests/pom.xml package -DskipTests
# The harness's own pauses (GC, safepoints) delay sends and reads alike and would read as the
# measured system's latency: they are logged, like the service's, to tell the two apart.
exec java -Xlog:safepoint=info:file=load-tests/target/harness-safepoint.log:utctime,level,tags \
  -jar load-tests/target/streamlearn-load-tests.jar "$@"
