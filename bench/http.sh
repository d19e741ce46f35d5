#!/usr/bin/env bash
# HTTP overhead benchmark: the same as bench/run.sh http (see bench/README.md).
#   bench/http.sh [memory,mongo-s3] [requests per client, default 200] [clients, default 32]
exec "$(dirname "$0")/run.sh" http "$@"
