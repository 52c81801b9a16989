#!/usr/bin/env bash
# The long soak of SECURITY.md: SoakIT against the built jar for 10 minutes (or the seconds given): 64 clients from 64
# loopback addresses, 1,000 idle connections from 4 other addresses held open throughout, and a pinger from yet another
# address whose p99 is compared with its own floor, measured in the same run. The report is
# target/test-artifacts/soak-<seconds>s.txt. Usage: bench/soak.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
start=$SECONDS
mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SoakIT -Dkg.soak.seconds="$seconds"
cat "target/test-artifacts/soak-${seconds}s.txt"
echo "bench/soak.sh: $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
