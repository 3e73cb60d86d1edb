#!/usr/bin/env bash
# The benchmark: ./bench.sh [--quick] [--only=overhead|waiting|hand-written|webhook|start-up|instances] [--profile]
# [--profile-concurrency=N] [--jvm-defaults]. Builds what it measures, then runs every measurement in one fresh JVM and prints
# a table of figures and ratios; bench/target/bench-results.md and .json keep them. --profile prints where one call's
# time and bytes go instead (connector and bare client at concurrency 1). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")"
if [[ " $* " == *" --only=instances "* ]]; then
    # jobs/s with 1, 2 and 3 instances of the packaged Kafka example, each in a JVM of its own (ScaleOutBenchmark,
    # docs/scale-out.md); --quick: 60 prompts per run instead of 120
    echo "Building the Kafka example and its test servers (first run: a few minutes)..."
    ./mvnw -q -B -pl examples/kafka -am package -DskipTests
    prompts=120
    [[ " $* " == *" --quick "* ]] && prompts=60
    cd examples/kafka
    exec java -Xmx1g -Daws.requestChecksumCalculation=when_required \
        -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
        -classpath "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
        io.github.camelsd.examples.kafka.ScaleOutBenchmark "$prompts"
fi
echo "Building the benchmark, the emulator and the quick start (first run: a few minutes)..."
# package, not install: the harness runs on the jars of this build, never on copies in the local Maven repository
./mvnw -q -B -pl bench,quickstart -am package -Dmaven.test.skip=true
# The harness JVM's heap: a fixed young generation that holds a whole timed round of either side, so that a round (which
# starts with a collection, see TimedRound) runs without one; the report counts any that still falls into a round.
# TLABSize: on two cores the JDK client starts a thread per answer, and each such thread took a 512 KiB TLAB for a few
# KiB of objects, filling the young generation with empty space 16 times faster on the bare client's side; 16 KiB is
# only where a new thread starts (TLABs of long-lived threads still grow).
jvm=(-Xms1g -Xmx1g -Xmn512m -XX:TLABSize=16k)
args=()
for arg in "$@"; do
    [[ "$arg" == --jvm-defaults ]] || args+=("$arg")
done
if [[ " $* " != *" --jvm-defaults "* ]]; then
    # the setting docs/performance.md recommends on machines of 2 CPUs or fewer, for both sides alike: there the JDK's
    # default common pool has 1 thread, and CompletableFuture then starts a thread per task, so sendAsync starts one per
    # answer (bare client and connector alike). --jvm-defaults measures without it.
    jvm+=(-Djava.util.concurrent.ForkJoinPool.common.parallelism=2)
fi
if [[ " $* " == *" --profile "* ]]; then
    # deep stacks, so that allocation sites are not cut off
    jvm+=(-XX:FlightRecorderOptions:stackdepth=256)
fi
exec java "${jvm[@]}" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -classpath "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
    io.github.camelsd.bench.SdBenchmark "${args[@]:---full}"
