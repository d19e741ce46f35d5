#!/usr/bin/env bash
# HTTP overhead benchmark: see bench/README.md.
#   bench/http.sh [memory|mongo-s3] [requests per client, default 200] [clients, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f bench/target/classpath.txt ] || [ "${BENCH_REBUILD:-1}" = 1 ]; then
  mvn -q -B -pl udm-bootstrap -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=test >/dev/null
fi
CP="udm-bootstrap/target/test-classes:udm-bootstrap/target/classes:udm-app/target/classes:udm-domain/target/classes"
CP="$CP:udm-ports/target/classes:udm-adapter-memory/target/classes:udm-adapter-mongo/target/classes"
CP="$CP:udm-adapter-s3/target/classes:udm-http/target/classes:$(cat bench/target/classpath.txt)"
java -cp "$CP" io.udm.bench.HttpOverheadBench "$@" 2>&1 \
  | grep -v " WARN \| INFO \|^INFO:\|^SLF4J\|^[A-Z][a-z][a-z] [0-9]*, 20[0-9][0-9] "
