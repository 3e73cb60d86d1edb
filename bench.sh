#!/usr/bin/env bash
# The benchmark: ./bench.sh [--quick]. Builds what it measures, then runs every measurement in one fresh JVM and prints
# a table of figures and ratios; bench/target/bench-results.md and .json keep them. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -pl bench,quickstart -am install -Dmaven.test.skip=true
./mvnw -q -B -pl bench exec:exec -Dbench.args="${1:---full}"
