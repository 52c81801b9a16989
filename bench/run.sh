#!/usr/bin/env bash
# Load test: our jar against plain Fuseki 5.6.0 (jena-fuseki-server) serving the same dump, in one run.
# Needs wrk (apt-get install -y wrk) and a built jar (mvn -B -DskipTests package). Prints wrk's summary for:
#   1. an ad-hoc SPARQL query (same text to both servers)
#   2. a prepared question (ours: /api/queries/…, peer: the same SPARQL with the parameter already in place)
# Loopback only; each run is bounded by -d.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
OURS=3391
PEER=3392
mvn -B -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 >/dev/null
PEER_JAR=~/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar

java -jar target/arbeidsmigratie-kg.jar serve --port $OURS > /tmp/bench-ours.log 2>&1 &
OURS_PID=$!
# Plain Fuseki writes a run/ folder into its working directory: keep it out of the repository.
PEER_DIR=$(mktemp -d)
DUMP=$(pwd)/target/dumps/arbeidsmigratie.ttl
(cd "$PEER_DIR" && exec java -jar "$PEER_JAR" --port $PEER --file="$DUMP" /ds) > /tmp/bench-peer.log 2>&1 &
PEER_PID=$!
trap 'kill $OURS_PID $PEER_PID 2>/dev/null || true' EXIT
for port in $OURS $PEER; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/\$/ping" >/dev/null 2>&1 && break; sleep 1; done
done

enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.stdin.read()))'; }
ADHOC=$(enc <<'Q'
PREFIX am: <https://w3id.org/arbeidsmigratie/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?p ?label WHERE { ?p a am:Problem ; rdfs:label ?label FILTER(lang(?label) = "en") } ORDER BY ?label
Q
)
THEME=https://w3id.org/arbeidsmigratie/id/thema/huisvesting
PREPARED=$(sed -e "s|?__theme_iri|<$THEME>|g" -e 's|?_lang_string|"en"|g' queries/problems-responses.rq | enc)

run() {
  echo "== $1"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept: application/sparql-results+json' "$2" \
    | grep -E 'Requests/sec|^ +(50|99)%|Non-2xx'
}
# Warm up both JVMs before measuring.
for u in "http://127.0.0.1:$OURS/kg/sparql?query=$ADHOC" "http://127.0.0.1:$PEER/ds/sparql?query=$ADHOC"; do
  wrk -t1 -c2 -d5s "$u" >/dev/null
done
run "ad-hoc SPARQL, ours"  "http://127.0.0.1:$OURS/kg/sparql?query=$ADHOC"
run "ad-hoc SPARQL, plain Fuseki" "http://127.0.0.1:$PEER/ds/sparql?query=$ADHOC"
run "prepared question, ours (/api/queries/problems-responses)" \
    "http://127.0.0.1:$OURS/api/queries/problems-responses?theme=$THEME&lang=en&format=json"
run "same question as SPARQL, plain Fuseki" "http://127.0.0.1:$PEER/ds/sparql?query=$PREPARED"
