#!/usr/bin/env bash
# Ad-hoc SPARQL through the query workers against plain Fuseki 5.6.0, in one run (issue 16):
#   1. answers/s on the in-memory graph: our jar (serve, query workers) and plain Fuseki on our Turtle dump, alternating,
#      wrk with query texts that change on every request (bench/adhoc-varying.lua), at 1 and 2 connections;
#   2. the time to end and replace a worker: queries past a 1 s deadline, and the "ready in" lines the server logs;
#   3. answers/s on TDB2: `serve --tdb2` on a store `build --tdb2` wrote, against plain Fuseki on a copy of that store.
# Writes bench/results/adhoc-<date>.md. Needs JDK 17, Maven, wrk, curl. Loopback only; bounded in time.
# Usage: bench/adhoc.sh [DURATION]   (default 10s per wrk run; runs alternate 3 times)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10s}
RUNS=${RUNS:-3}
OUT=bench/results/adhoc-$(date +%F).md
RAW=target/bench/adhoc; rm -rf "$RAW"; mkdir -p "$RAW"
OURS=3691; PEER=3692
JAR=target/arbeidsmigratie-kg.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
mvn -B -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 >/dev/null
PEER_JAR=~/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar
pids=()
cleanup() { for p in "${pids[@]}"; do pkill -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
log() { printf '[adhoc %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
wait_ready() { for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }
stop_all() { cleanup; pids=(); sleep 1; }

# The same heap for both servers; ours runs its workers beside it (2 of them: --max-concurrent 4 lets one client, wrk,
# hold 2 at once).
start_ours() { java -Xmx1g -jar "$JAR" serve --port $OURS --max-concurrent 4 "$@" > "$RAW/ours.log" 2>&1 & pids+=($!); wait_ready "http://127.0.0.1:$OURS/\$/ping"; }
start_peer() { (cd "$RAW" && exec java -Xmx1g -jar "$PEER_JAR" --port $PEER "$@") > "$RAW/peer.log" 2>&1 & pids+=($!); wait_ready "http://127.0.0.1:$PEER/\$/ping"; }

rate() { # url-base endpoint connections -> answers/s
  wrk -t1 -c"$3" -d"$DURATION" -s bench/adhoc-varying.lua "$1" -- "$2" | awk -F'\t' '/^RESULT/ {print $3 "\t" $4 "\t" $7}'
}

measure() { # label ours-endpoint peer-endpoint
  for c in 1 2; do
    for r in $(seq 1 "$RUNS"); do
      o=$(rate "http://127.0.0.1:$OURS" /kg/sparql "$c"); p=$(rate "http://127.0.0.1:$PEER" "$3" "$c")
      printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$c" "$r" "$o" "$p" >> "$RAW/rates.tsv"
      log "$1 c=$c run $r: ours $o | plain $p"
    done
  done
}

log "memory: our jar and plain Fuseki on the same dump"
start_ours; start_peer --file="$(pwd)/target/dumps/arbeidsmigratie.ttl" /ds
for _ in 1 2 3; do rate "http://127.0.0.1:$OURS" /kg/sparql 2 >/dev/null; rate "http://127.0.0.1:$PEER" /ds/sparql 2 >/dev/null; done
measure memory /kg/sparql /ds/sparql

log "ending and replacing workers: 10 queries past a 1 s deadline"
Q='SELECT * { <https://w3id.org/arbeidsmigratie/id/bron/rapport> (!(<u>|^<u>)/!(<u>|^<u>)/!(<u>|^<u>)/!(<u>|^<u>))* ?x }'
for i in $(seq 1 10); do
  curl -s -o /dev/null -w '%{http_code}\t%{time_total}\n' --get --data-urlencode "query=$Q # $i" \
    "http://127.0.0.1:$OURS/kg/sparql?timeout=1" >> "$RAW/deadline.tsv"
  sleep 3
done
grep -o 'ready in [0-9]* ms' "$RAW/ours.log" | awk '{print $3}' > "$RAW/ready-ms.txt"
stop_all

log "TDB2: serve --tdb2 and plain Fuseki on a copy of the same store"
rm -rf "$RAW/tdb2" "$RAW/tdb2-peer"
java -jar "$JAR" build --tdb2 "$RAW/tdb2" > "$RAW/tdb2-build.log" 2>&1
cp -r "$RAW/tdb2" "$RAW/tdb2-peer"; rm -f "$RAW/tdb2-peer/kg-tdb2.properties" "$RAW/tdb2-peer/tdb.lock"
start_ours --tdb2 "$(pwd)/$RAW/tdb2"; start_peer --loc="$(pwd)/$RAW/tdb2-peer" /ds
for _ in 1 2 3; do rate "http://127.0.0.1:$OURS" /kg/sparql 2 >/dev/null; rate "http://127.0.0.1:$PEER" /ds/sparql 2 >/dev/null; done
measure tdb2 /kg/sparql /ds/sparql
stop_all

python3 - "$RAW" "$OUT" <<'PY'
import sys, statistics, collections
raw, out = sys.argv[1], sys.argv[2]
rows = [l.rstrip('\n').split('\t') for l in open(raw + '/rates.tsv')]
by = collections.defaultdict(list)
for store, c, run, o, op50, oerr, p, pp50, perr in rows:
    by[(store, c)].append((float(o), float(p), int(oerr), int(perr), int(op50), int(pp50)))
dl = [l.split('\t') for l in open(raw + '/deadline.tsv')]
ready = [int(x) for x in open(raw + '/ready-ms.txt').read().split()]
with open(out, 'w') as f:
    f.write('# Ad-hoc SPARQL: query workers against plain Fuseki 5.6.0\n\n')
    f.write('`bench/adhoc.sh` (wrk, query text different on every request; median of the alternating runs).\n\n')
    f.write('| store | connections | ours answers/s | plain Fuseki answers/s | ratio ours/plain | ours p50 ms | plain p50 ms | errors ours/plain |\n|---|---|---|---|---|---|---|---|\n')
    for (store, c), v in sorted(by.items()):
        o = statistics.median(x[0] for x in v); p = statistics.median(x[1] for x in v)
        f.write(f'| {store} | {c} | {o:.0f} | {p:.0f} | {o/p:.2f} | {statistics.median(x[4] for x in v)/1000:.1f} | {statistics.median(x[5] for x in v)/1000:.1f} | {sum(x[2] for x in v)}/{sum(x[3] for x in v)} |\n')
    f.write('\nQueries past a 1 s deadline (status, seconds until the answer): ' + ', '.join(f'{s} {float(t):.2f}' for s, t in dl) + '\n\n')
    if ready:
        f.write(f'Worker start (first start and every replacement, {len(ready)} starts): median {statistics.median(ready)} ms, max {max(ready)} ms\n')
print(open(out).read())
PY
