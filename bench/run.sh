#!/usr/bin/env bash
# Benchmarks: see bench/README.md.
#   bench/run.sh [items]                   collection restore (default 100000 items)
#   bench/run.sh perf [writeOps] [readOps]  the side-by-side performance suite (raw drivers, UDM, Javers)
#   bench/run.sh growth [maxItems] [storages]  cost-growth curves and their chart (default 100000, memory,mongo-s3)
#   bench/run.sh http [memory|mongo-s3] [requests per client] [clients]  the HTTP service's overhead over direct calls
#   bench/run.sh jmh [JMH options]          microbenchmarks of the CPU-bound in-process paths
#   bench/run.sh ceiling [perRound] [rounds]  creates/s of one thread on the in-memory adapters, with GC time
#   bench/run.sh groupcommit [writesPerRun] [rounds]  the most group commit could win: commits/s with and without it
#   bench/run.sh scale [serviceMicros] [slots] [writersPerPair] [createsPerPair]  creates/s by pairs of modelled capacity
#   bench/run.sh diff [rounds]              the worst document pairs found for a JSON diff, timed on one core
# Extra Maven flags (for example -Dmaven.repo.local=...) go in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
# Builds udm-bench (profile bench adds it; the default build, mvn verify, never builds it) and its classpath.
bench_classpath() {
  mkdir -p bench/target
  if [ ! -f bench/target/perf-classpath.txt ] || [ "${BENCH_REBUILD:-1}" = 1 ]; then
    mvn -q -B ${MAVEN_ARGS:-} -Pbench -pl udm-bench -am install -DskipTests -Dinvoker.skip=true >/dev/null
    mvn -q -B ${MAVEN_ARGS:-} -Pbench -pl udm-bench dependency:build-classpath \
        -Dmdep.outputFile="$PWD/bench/target/perf-classpath.txt" >/dev/null
  fi
  BENCH_CP="udm-bench/target/classes:$(cat bench/target/perf-classpath.txt)"
}
case "${1:-}" in
  perf)
    shift
    bench_classpath
    echo "load average before: $(cat /proc/loadavg)"
    # One JVM: the servers and every contender share it, as in the issue's first measurement.
    exec java -Xmx3g -cp "$BENCH_CP" io.udm.bench.perf.PerfSuite "${1:-600}" "${2:-1000}" bench
    ;;
  growth)
    shift
    bench_classpath
    # One JVM, like perf; the servers hold up to 100k items, hence the larger heap.
    exec java -Xmx6g -Djava.awt.headless=true -cp "$BENCH_CP" io.udm.bench.growth.GrowthSuite \
        "${1:-100000}" bench "${2:-memory,mongo-s3}"
    ;;
  ceiling)
    shift
    bench_classpath
    echo "load average before: $(cat /proc/loadavg)"
    # A heap large enough that only young collections run; ParallelGC, whose pauses are easy to read.
    java -Xms6g -Xmx6g -XX:+UseParallelGC -cp "$BENCH_CP" io.udm.bench.perf.InMemoryCeiling "${1:-30000}" "${2:-10}" bench
    echo "load average after: $(cat /proc/loadavg)"
    exit 0
    ;;
  groupcommit)
    shift
    bench_classpath
    echo "load average before: $(cat /proc/loadavg)"
    # The two writes group commit would batch, each writer alone or one committer for all; bench/group-commit-results.md.
    exec java -Xmx2g -cp "$BENCH_CP" io.udm.bench.perf.GroupCommitProbe "${1:-4000}" "${2:-3}" bench
    ;;
  scale)
    shift
    bench_classpath
    # Each pair a server of fixed capacity (slots x service time); the creates/s by pairs go to bench/.
    exec java -Xmx3g -cp "$BENCH_CP" io.udm.bench.scale.ScaleOutSimulation "${1:-2000}" "${2:-4}" "${3:-8}" \
        "${4:-2000}" bench
    ;;
  diff)
    shift
    bench_classpath
    echo "load average before: $(cat /proc/loadavg)"
    # One core: the JVM pinned to one CPU where taskset is there, told it has one, with the serial
    # collector; the heap holds two 16 MB documents' trees and a patch. Writes bench/diff-results.md.
    PIN=""
    command -v taskset >/dev/null && PIN="taskset -c 0"
    $PIN java -Xmx3g -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -cp "$BENCH_CP" io.udm.bench.diff.DiffBench \
        "${1:-5}" bench
    echo "load average after: $(cat /proc/loadavg)"
    exit 0
    ;;
  http)
    shift
    bench_classpath
    java -cp "$BENCH_CP" io.udm.bench.http.HttpOverheadBench "$@" 2>&1 \
      | grep -v " WARN \| INFO \|^INFO:\|^SLF4J\|^[A-Z][a-z][a-z] [0-9]*, 20[0-9][0-9] "
    exit 0
    ;;
  jmh)
    shift
    bench_classpath
    OUT=bench/jmh-results.txt
    {
      echo "date: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before: $(cat /proc/loadavg)"
      # Short settings (one fork, 5 x 1 s warm-up, 5 x 1 s measurement): enough to rank the paths, not
      # to settle small differences. Extra JMH options (e.g. a benchmark regex) follow the mode.
      java -cp "$BENCH_CP" org.openjdk.jmh.Main -f 1 -wi 5 -w 1s -i 5 -r 1s -tu us -bm avgt \
          -rf text -rff bench/target/jmh-table.txt "$@" > bench/target/jmh-log.txt
      echo "load average after: $(cat /proc/loadavg)"
      echo
      cat bench/target/jmh-table.txt
      echo
      echo "Each measured iteration (us/op): on a shared machine one disturbed iteration inflates the mean and its error."
      grep -E '^# Benchmark: |^Iteration ' bench/target/jmh-log.txt | sed 's/^# Benchmark: /\n/'
    } > "$OUT"
    cat "$OUT"
    exit 0
    ;;
esac
bench_classpath
ITEMS="${1:-100000}"
WORK="$(mktemp -d)"
# The servers get their own JVM and a big heap: they hold every stored document.
java -Xmx8g -cp "$BENCH_CP" io.udm.bench.restore.CollectionRestoreBench serve "$WORK/servers.json" \
    > "$WORK/servers.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do [ -f "$WORK/servers.json" ] && break; sleep 0.5; done
# The restoring JVM: 256 MiB of heap.
java -Xmx256m -cp "$BENCH_CP" io.udm.bench.restore.CollectionRestoreBench run "$WORK/servers.json" "$ITEMS" 2>&1 \
  | grep -v " WARN \| INFO \|^INFO:\|^[A-Z][a-z][a-z] [0-9]* 20[0-9][0-9] "
