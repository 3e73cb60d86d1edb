#!/usr/bin/env bash
# The benchmark: ./bench.sh [--quick] [--only=overhead|waiting|hand-written|webhook|start-up]. Builds what it measures, then runs every measurement in one fresh JVM and prints
# a table of figures and ratios; bench/target/bench-results.md and .json keep them. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building the benchmark, the emulator and the quick start (first run: a few minutes)..."
# package, not install: the harness runs on the jars of this build, never on copies in the local Maven repository
./mvnw -q -B -pl bench,quickstart -am package -Dmaven.test.skip=true
exec java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -classpath "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
    io.github.camelsd.bench.SdBenchmark "${@:---full}"
