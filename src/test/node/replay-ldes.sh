#!/usr/bin/env bash
# Replays the event stream of a running server with the LDES client from npm (ldes-client), as a consumer would:
# from the start, every page, every member. Prints the members' IRIs, one a line (the client's own output is N-Quads
# or Turtle per member; we keep only the member IRIs, which it reports with -m metadata off as the subjects of
# dct:isVersionOf). Usage: replay-ldes.sh CLIENT_DIR URL
set -euo pipefail
client="$1"; url="$2"
node "$client/node_modules/ldes-client/dist/bin/cli.js" --no-shape -o ascending "$url"
