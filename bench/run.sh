#!/usr/bin/env bash
# The benchmark suite, one command: bench/run.sh [--quick]
#   1. builds the jar (mvn package, tests skipped) and the benchmark project (bench/pom.xml: JMH, RDF4J);
#   2. in-process (JMH, sample mode): every prepared question and six ad-hoc shapes on our store and on the peer
#      engines (RDF4J MemoryStore, Jena's other in-memory datasets), each engine in a JVM of its own, after checking
#      that every engine returns the same row count for every query;
#   3. served, under load (bench/served.sh): wrk against our jar and plain Fuseki 5.6.0 on the same dump, alternating,
#      at 1, 8 and 64 connections; GC pauses and peak RSS of both;
#   4. start-up (bench/startup.sh): first answer against plain Fuseki's, `query ID`, first request vs warm;
#   5. scale: synthetic data (bench: Synthetic) to 100 k, 1 M and 10 M triples; load time, memory and the latency of
#      every prepared question in memory and in TDB2 (`build --tdb2 DIR --add FILE`);
#   6. writes bench/results/<date>.md (tables, the machine, versions, load), <date>.csv and <date>.svg.
# Needs JDK 17, Maven, wrk, curl and python3. Loopback only; every run is bounded in time.
# --quick: shorter runs and sizes up to 1 M, for development; its results say so and are never the final ones.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0; [ "${1:-}" = --quick ] && QUICK=1
STAMP=$(date +%F)
RESULTS=bench/results
RAW=target/bench/raw
rm -rf "$RAW"; mkdir -p "$RAW" "$RESULTS"
SIZES=${SCALE_SIZES:-"100000 1000000 10000000"}
JMH_ARGS=${JMH_ARGS:-"-f 0 -wi 1 -w 300ms -i 2 -r 400ms"}
if [ $QUICK = 1 ]; then
  SIZES=${SCALE_SIZES:-"100000 1000000"}; JMH_ARGS="-f 0 -wi 1 -w 200ms -i 2 -r 300ms"
  export WRK_DURATION=${WRK_DURATION:-1s} RUNS=${RUNS:-1}
fi
log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
T0=$(date +%s)
uptime > "$RAW/load-start.txt"

log "building the jar and the benchmark project"
mvn -B -q -DskipTests package
mvn -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="bench/target/classes:$(cat bench/target/cp.txt)"
mvn -B -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 >/dev/null
PEER_JAR=~/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar

log "environment"
{
  echo "date	$(date -u +%FT%TZ)"
  echo "commit	$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src queries data ontology pom.xml || echo ' (modified)')"
  echo "cpu	$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "cores	$(nproc)"
  echo "memory	$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "os	$(uname -sr)"
  echo "jvm	$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.name|java.runtime.version/ {printf "%s ", $2}')"
  echo "jvm-defaults	$(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize | UseG1GC | UseParallelGC | UseSerialGC / && /true|MaxHeapSize/ {printf "%s=%s ", $2, $4}')"
  echo "maven	$(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo "wrk	$(wrk -v 2>&1 | head -1)"
  echo "versions	Jena 5.6.0 (ours and plain Fuseki 5.6.0), RDF4J 5.1.6, JMH 1.37"
  echo "triples	$(grep ^triples target/classes/kg/release/release.properties | cut -d= -f2)"
  echo "quick	$QUICK"
} > "$RAW/env.tsv"

log "row counts on every engine (in-process)"
java -cp "$CP" nl.arbeidsmigratie.kg.bench.RowCounts "$RAW" > "$RAW/rowcounts.log" 2>&1 \
  || { cat "$RAW/rowcounts.log" >&2; exit 1; }
PREPARED=$(awk -F'\t' '$2=="prepared" {printf "%s%s", s, $1; s=","}' "$RAW/workload.tsv")
ALL=$(awk -F'\t' '{printf "%s%s", s, $1; s=","}' "$RAW/workload.tsv")

log "in-process: JMH, one JVM per engine"
for engine in ours ours-arq jena-txnmem jena-roaring jena-graphmem-legacy rdf4j; do
  queries=$ALL; [ $engine = ours ] && queries=$PREPARED
  # shellcheck disable=SC2086
  java -Xmx2g -cp "$CP" org.openjdk.jmh.Main InProcessBench -p engine=$engine -p query="$queries" $JMH_ARGS \
    -rf json -rff "$RAW/jmh-$engine.json" > "$RAW/jmh-$engine.log" 2>&1 || { tail -20 "$RAW/jmh-$engine.log" >&2; exit 1; }
done

log "served, under load: ours and plain Fuseki, alternating"
bench/served.sh "$RAW" "$RAW/workload.tsv" "$PEER_JAR"

log "start-up and first answers"
RUNS=${RUNS:-3} bench/startup.sh > "$RAW/startup.md" 2> "$RAW/startup.log"

log "scale: synthetic data, in memory and TDB2"
SCALE_DIR=$(mktemp -d)
trap 'rm -rf "$SCALE_DIR"' EXIT
: > "$RAW/scale.tsv"
java -Xmx2g -cp "$CP" nl.arbeidsmigratie.kg.bench.Scale mem real /nonexistent "$RAW/scale.tsv" 2>> "$RAW/scale.log"
for size in $SIZES; do
  java -Xmx4g -cp "$CP" nl.arbeidsmigratie.kg.bench.Synthetic "$size" "$SCALE_DIR/synthetic.nt" >> "$RAW/scale.log"
  java -Xmx12g -cp "$CP" nl.arbeidsmigratie.kg.bench.Scale mem "$size" "$SCALE_DIR/synthetic.nt" "$RAW/scale.tsv" 2>> "$RAW/scale.log" \
    || printf '%s\tmem\tfailed\t\t%s\n' "$size" "out of memory or error (see scale.log)" >> "$RAW/scale.tsv"
  # TDB2 where memory or start-up would end: from 1 M triples on.
  if [ "$size" -lt 1000000 ]; then continue; fi
  t=$(date +%s%N)
  java -Xmx4g -jar target/arbeidsmigratie-kg.jar build --tdb2 "$SCALE_DIR/tdb2-$size" --add "$SCALE_DIR/synthetic.nt" >> "$RAW/scale.log"
  awk -v s="$size" -v t="$t" -v n="$(date +%s%N)" 'BEGIN {printf "%s\ttdb2\tbuild_s\t\t%.2f\n", s, (n - t) / 1e9}' >> "$RAW/scale.tsv"
  printf '%s\ttdb2\tdisk_mb\t\t%s\n' "$size" "$(du -sm "$SCALE_DIR/tdb2-$size" | cut -f1)" >> "$RAW/scale.tsv"
  java -Xmx2g -cp "$CP" nl.arbeidsmigratie.kg.bench.Scale tdb2 "$size" "$SCALE_DIR/tdb2-$size" "$RAW/scale.tsv" 2>> "$RAW/scale.log"
  rm -rf "$SCALE_DIR/tdb2-$size"
done

uptime > "$RAW/load-end.txt"
echo "seconds	$(( $(date +%s) - T0 ))" >> "$RAW/env.tsv"
log "report"
python3 bench/report.py "$RAW" "$RESULTS" "$STAMP"
