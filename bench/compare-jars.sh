#!/usr/bin/env bash
# Two builds of this project against plain Fuseki 5.6.0 in one run, alternating, 3 runs each: start-up to the first
# answer (/api/queries/agenda; Fuseki: ASK on its SPARQL endpoint), and `query agenda` on the command line.
# Usage: bench/compare-jars.sh OLD_JAR   (e.g. a jar built from an older commit; the new one is target/'s)
# Needs a built target/ (mvn -B -DskipTests package), curl, and Fuseki 5.6.0 in ~/.m2 (bench/startup.sh fetches it).
set -uo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1"); NEW=$(pwd)/target/arbeidsmigratie-kg.jar
PEER=~/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar
DUMP=$(pwd)/target/dumps/arbeidsmigratie.ttl
now() { date +%s%3N; }
first() { for i in $(seq 1 6000); do curl -fs -o /dev/null "$1" && return; sleep 0.01; done; }
W=$(mktemp -d); cd $W
for r in 1 2 3; do
  for who in old new peer; do
    t0=$(now)
    case $who in
      old) java -jar $OLD serve --port 3801 > $W/old.log 2>&1 & first "http://127.0.0.1:3801/api/queries/agenda" ;;
      new) java -jar $NEW serve --port 3802 > $W/new.log 2>&1 & first "http://127.0.0.1:3802/api/queries/agenda" ;;
      peer) java -jar $PEER --port 3803 --file=$DUMP /ds > $W/peer.log 2>&1 & first "http://127.0.0.1:3803/ds/sparql?query=ASK%7B%7D" ;;
    esac
    echo "start $who $(( $(now) - t0 ))"
    kill %1; wait 2>/dev/null; sleep 0.5
  done
  for who in old new; do
    J=$OLD; [ $who = new ] && J=$NEW
    t0=$(now); java -jar $J query agenda --format json > /dev/null 2>&1; echo "cli $who $(( $(now) - t0 ))"
  done
done
rm -rf $W
