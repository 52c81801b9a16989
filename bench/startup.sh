#!/usr/bin/env bash
# Start-up and first answers, measured in one run on this machine against plain Fuseki 5.6.0 serving the same dump.
#   1. start-up to first answer: ours (`serve`, first /api/queries answer) and plain Fuseki (`--file` of our Turtle
#      dump, first SPARQL answer), alternating, RUNS times each; the median of each.
#   2. `query ID` on the command line, RUNS times; its median against plain Fuseki's start-up median.
#   3. after our server reports ready: the first request of every prepared question, against the median of 20 warm
#      requests of the same URL (curl's own time_total, so process start-up is not counted).
# Needs curl and a built jar (mvn -B -DskipTests package). Writes a Markdown table to stdout. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
OURS=3491
PEER=3492
JAR=target/arbeidsmigratie-kg.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 1; }
mvn -B -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 >/dev/null
PEER_JAR=~/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar
DUMP=$(pwd)/target/dumps/arbeidsmigratie.ttl
LAW=https://w3id.org/arbeidsmigratie/id/wet/wtta
TMP=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$TMP"' EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
wait_for() { # url → waits until it answers 200
  for _ in $(seq 1 3000); do curl -fs -o /dev/null "$1" && return 0; sleep 0.01; done; echo "no answer from $1" >&2; exit 1
}
ours_start() {
  local t0; t0=$(now_ms)
  java -jar "$JAR" serve --port $OURS > "$TMP/ours.log" 2>&1 &
  wait_for "http://127.0.0.1:$OURS/api/queries/law?law=$LAW"
  echo $(( $(now_ms) - t0 ))
}
peer_start() {
  local t0; t0=$(now_ms)
  (cd "$TMP" && exec java -jar "$PEER_JAR" --port $PEER --file="$DUMP" /ds) > "$TMP/peer.log" 2>&1 &
  wait_for "http://127.0.0.1:$PEER/ds/sparql?query=ASK%7B%7D"
  echo $(( $(now_ms) - t0 ))
}
stop_all() { kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; }

: > "$TMP/ours"; : > "$TMP/peer"; : > "$TMP/cli"
for i in $(seq 1 "$RUNS"); do
  ours_start >> "$TMP/ours"; stop_all
  peer_start >> "$TMP/peer"; stop_all
  t0=$(now_ms); java -jar "$JAR" query law --param law=$LAW --format json > /dev/null; echo $(( $(now_ms) - t0 )) >> "$TMP/cli"
done
OURS_MS=$(median < "$TMP/ours"); PEER_MS=$(median < "$TMP/peer"); CLI_MS=$(median < "$TMP/cli")
echo "## Start-up (median of $RUNS, alternating runs)"
echo
echo "| what | runs (ms) | median (ms) | ratio to plain Fuseki start-up |"
echo "|---|---|---|---|"
echo "| plain Fuseki 5.6.0, --file dump, first SPARQL answer | $(tr '\n' ' ' < "$TMP/peer") | $PEER_MS | 1.00 |"
echo "| ours, serve, first /api/queries answer | $(tr '\n' ' ' < "$TMP/ours") | $OURS_MS | $(awk "BEGIN{printf \"%.2f\", $OURS_MS/$PEER_MS}") |"
echo "| ours, query law on the command line | $(tr '\n' ' ' < "$TMP/cli") | $CLI_MS | $(awk "BEGIN{printf \"%.2f\", $CLI_MS/$PEER_MS}") |"
echo

# First request of each prepared question after ready, against warm requests of the same URL.
java -jar "$JAR" serve --port $OURS > "$TMP/ours.log" 2>&1 &
wait_for "http://127.0.0.1:$OURS/\$/ping"
BASE="http://127.0.0.1:$OURS"
mapfile -t URLS < <(curl -fs "$BASE/api/queries" | /usr/bin/python3 -c '
import json, sys, urllib.parse
for q in json.load(sys.stdin):
    params = {}
    for p in q["parameters"]:
        if p["required"] and p["default"] is None and p["allowedValues"]:
            params[p["name"]] = p["allowedValues"][0]["value"]
    print("/api/queries/%s?%s" % (q["id"], urllib.parse.urlencode(dict(params, format="json"))))')
echo "## First request after ready vs warm (ms, curl time_total)"
echo
echo "| question | first | warm median of 20 | ratio |"
echo "|---|---|---|---|"
worst=0
for u in "${URLS[@]}"; do
  first=$(curl -s -o /dev/null -w '%{time_total}' "$BASE$u")
  warm=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$BASE$u"; done | median)
  ratio=$(awk "BEGIN{printf \"%.2f\", $first/$warm}")
  echo "| ${u%%\?*} | $(awk "BEGIN{printf \"%.2f\", $first*1000}") | $(awk "BEGIN{printf \"%.2f\", $warm*1000}") | $ratio |"
done
stop_all
