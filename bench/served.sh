#!/usr/bin/env bash
# Served, under load: our jar and plain Fuseki 5.6.0 (started here on our Turtle dump, the same triples), both
# running, measured in alternating runs with wrk at 1, 8 and 64 connections on every target of the workload:
#   ad-hoc SPARQL (same text to both), each prepared question (ours: /api/queries/ID; Fuseki: the same question
#   as SPARQL with its parameters in place), a resource (ours: /id/… as Turtle; Fuseki: DESCRIBE), a dump (ours:
#   /dumps/arbeidsmigratie.ttl; Fuseki: the default graph as Turtle through the Graph Store Protocol).
# Before any time is taken, both servers answer every SPARQL target once and their row counts must be equal.
# Both JVMs get the same flags and log GC (-Xlog:gc); peak RSS is read from /proc at the end.
# Usage: bench/served.sh RAW_DIR WORKLOAD_TSV PEER_JAR   (bench/run.sh calls it). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
RAW=$(cd "$1" && pwd); WORKLOAD=$2; PEER_JAR=$3
DURATION=${WRK_DURATION:-1s}
LEVELS=${WRK_LEVELS:-"1 8 64"}
OURS=3591
PEER=3592
# The same heap for both servers (and, given -Xmx, ours serves in this JVM rather than relaunching itself).
JVM_FLAGS=${BENCH_JVM_FLAGS:--Xmx1g}
JAR=target/arbeidsmigratie-kg.jar
DUMP=$(pwd)/target/dumps/arbeidsmigratie.ttl
PEER_DIR=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$PEER_DIR"; }
trap cleanup EXIT

# shellcheck disable=SC2086
# --max-concurrent 128: wrk is one client (one address), and serve's default lets one client run half of one ad-hoc
# query per core at once (SECURITY.md); with it, 7 of 8 connections would measure that refusal, not the engine.
# Plain Fuseki has no such limit; this gives ours none that wrk reaches either.
java $JVM_FLAGS -Xlog:gc:file="$RAW/gc-ours.log" -jar "$JAR" serve --port $OURS --max-concurrent 128 > "$RAW/ours.log" 2>&1 &
pids+=($!); OURS_PID=$!
# shellcheck disable=SC2086
(cd "$PEER_DIR" && exec java $JVM_FLAGS -Xlog:gc:file="$RAW/gc-peer.log" -jar "$PEER_JAR" --port $PEER --file="$DUMP" /ds) \
  > "$RAW/peer.log" 2>&1 &
pids+=($!); PEER_PID=$!
wait_ready() { # pid url log
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$2" && return 0
    kill -0 "$1" 2>/dev/null || { echo "server died, see $3:" >&2; tail -n 5 "$3" >&2; exit 1; }
    sleep 0.2
  done
  echo "no answer from $2" >&2; exit 1
}
wait_ready "$OURS_PID" "http://127.0.0.1:$OURS/\$/ping" "$RAW/ours.log"
wait_ready "$PEER_PID" "http://127.0.0.1:$PEER/\$/ping" "$RAW/peer.log"

# The java process that really serves: the deepest java descendant (serve may relaunch itself with JVM settings).
java_of() {
  local p=$1 c
  for c in $(pgrep -P "$p" 2>/dev/null); do
    if [ "$(cat /proc/"$c"/comm 2>/dev/null)" = java ]; then java_of "$c"; return; fi
  done
  echo "$p"
}

# targets: name kind ours-path peer-path accept
python3 - "$WORKLOAD" > "$RAW/targets.tsv" <<'PY'
import sys, urllib.parse
q = lambda s: urllib.parse.quote(s, safe='')
for line in open(sys.argv[1], encoding='utf-8'):
    name, kind, api, sparql = line.rstrip('\n').split('\t')
    peer = '/ds/sparql?query=' + q(sparql)
    ours = api if kind == 'prepared' else '/kg/sparql?query=' + q(sparql)
    print('\t'.join([name, kind, ours, peer, 'application/sparql-results+json']))
iri = 'https://w3id.org/arbeidsmigratie/id/wet/wtta'
print('\t'.join(['id-turtle', 'page', '/id/wet/wtta', '/ds/sparql?query=' + q('DESCRIBE <%s>' % iri), 'text/turtle']))
print('\t'.join(['dump-turtle', 'dump', '/dumps/arbeidsmigratie.ttl', '/ds/get?default', 'text/turtle']))
PY

# Row counts first: every SPARQL target answered once by each server.
: > "$RAW/served-rowcounts.tsv"
while IFS=$'\t' read -r name kind ours peer accept; do
  [ "$kind" = prepared ] || [ "$kind" = adhoc ] || continue
  a=$(curl -fs -H "Accept: $accept" "http://127.0.0.1:$OURS$ours" | python3 -c 'import json,sys;print(len(json.load(sys.stdin)["results"]["bindings"]))')
  b=$(curl -fs -H "Accept: $accept" "http://127.0.0.1:$PEER$peer" | python3 -c 'import json,sys;print(len(json.load(sys.stdin)["results"]["bindings"]))')
  printf '%s\t%s\t%s\n' "$name" "$a" "$b" >> "$RAW/served-rowcounts.tsv"
  [ "$a" = "$b" ] || { echo "served row counts differ for $name: ours $a, plain Fuseki $b" >&2; exit 1; }
done < "$RAW/targets.tsv"

measure() { # server name kind level url accept
  local threads=$(( $4 < 2 ? 1 : 2 ))
  local r
  r=$(wrk -t"$threads" -c"$4" -d"$DURATION" --timeout 10s -s bench/wrk-result.lua -H "Accept: $6" "$5" | grep '^RESULT' || true)
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${r#RESULT	}" >> "$RAW/served.tsv"
}

# Warm both JVMs on every target, then mark where the GC logs stand.
while IFS=$'\t' read -r name kind ours peer accept; do
  wrk -t1 -c2 -d1s -H "Accept: $accept" "http://127.0.0.1:$OURS$ours" > /dev/null
  wrk -t1 -c2 -d1s -H "Accept: $accept" "http://127.0.0.1:$PEER$peer" > /dev/null
done < "$RAW/targets.tsv"
wc -l < "$RAW/gc-ours.log" > "$RAW/gc-ours.start"; wc -l < "$RAW/gc-peer.log" > "$RAW/gc-peer.start"

printf 'server\ttarget\tkind\tconnections\trequests\trps\tp50_us\tp99_us\tmax_us\terrors\n' > "$RAW/served.tsv"
i=0
for level in $LEVELS; do
  while IFS=$'\t' read -r name kind ours peer accept; do
    if [ $((i % 2)) -eq 0 ]; then
      measure ours "$name" "$kind" "$level" "http://127.0.0.1:$OURS$ours" "$accept"
      measure peer "$name" "$kind" "$level" "http://127.0.0.1:$PEER$peer" "$accept"
    else
      measure peer "$name" "$kind" "$level" "http://127.0.0.1:$PEER$peer" "$accept"
      measure ours "$name" "$kind" "$level" "http://127.0.0.1:$OURS$ours" "$accept"
    fi
    i=$((i + 1))
  done < "$RAW/targets.tsv"
done

for who in ours peer; do
  pid=$([ $who = ours ] && echo "$OURS_PID" || echo "$PEER_PID")
  jp=$(java_of "$pid")
  grep VmHWM /proc/"$jp"/status | awk '{print $2}' > "$RAW/rss-$who.kb"
done
