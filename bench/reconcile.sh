#!/usr/bin/env bash
# Reconciliation beside the home search, on the same 100 names (src/test/resources/reconcile/names.tsv), in one run:
#   1. in-process (JMH, throughput): one /reconcile batch of 100 queries against 100 home searches (the index);
#   2. served: the built jar on loopback, one client, alternating one POST of the batch of 100 and 100 GETs of
#      /search?q= for the same names (median of ROUNDS rounds after 5 of warm-up).
# Prints a Markdown table of names per second and writes it to bench/results/reconcile-<date>.md.
# Needs JDK 17, Maven and a built jar (mvn -B -DskipTests package). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-30}
PORT=${PORT:-3493}
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 6 -w 3s -i 5 -r 3s"}
JAR=target/arbeidsmigratie-kg.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 1; }
RAW=target/bench/reconcile; mkdir -p "$RAW" bench/results
mvn -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="bench/target/classes:$(cat bench/target/cp.txt)"
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
load_start=$(cut -d' ' -f1 /proc/loadavg)

# shellcheck disable=SC2086
java -Xmx1g -cp "$CP" org.openjdk.jmh.Main ReconcileBench $JMH_ARGS -rf json -rff "$RAW/jmh.json" > "$RAW/jmh.log" 2>&1 \
  || { tail -20 "$RAW/jmh.log" >&2; exit 1; }
read -r jmh_rec jmh_rec_err jmh_search jmh_search_err < <(python3 - "$RAW/jmh.json" <<'PY'
import json, sys
r = {b["benchmark"].split(".")[-1]: b["primaryMetric"] for b in json.load(open(sys.argv[1]))}
a, s = r["reconcileBatchOf100"], r["homeSearchOf100"]
print(round(a["score"] * 100), round(a["scoreError"] * 100), round(s["score"] * 100), round(s["scoreError"] * 100))
PY
)

java -jar "$JAR" serve --port "$PORT" > "$RAW/serve.log" 2>&1 &
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/\$/ping" && break; sleep 0.1; done
read -r served_rec served_search < <(java -cp "$CP" nl.arbeidsmigratie.kg.bench.ReconcileServed "http://127.0.0.1:$PORT" "$ROUNDS")
load_end=$(cut -d' ' -f1 /proc/loadavg)

OUT=bench/results/reconcile-$(date +%F).md
{
  echo "# Reconciliation beside the home search, $(date -u +%F) on $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (modified)')"
  echo
  echo "100 names of \`src/test/resources/reconcile/names.tsv\`, $(nproc) cores, 1-minute load $load_start at the start, $load_end at the end."
  echo
  echo "| names per second | /reconcile, one batch of 100 | home search, 100 searches | ratio |"
  echo "|---|---:|---:|---:|"
  echo "| in-process (JMH $JMH_ARGS) | $jmh_rec ± $jmh_rec_err | $jmh_search ± $jmh_search_err | $(python3 -c "print(f'{$jmh_rec/$jmh_search:.1f}×')") |"
  echo "| served (one client, median of $ROUNDS rounds) | $served_rec | $served_search | $(python3 -c "print(f'{$served_rec/$served_search:.1f}×')") |"
} | tee "$OUT"
