#!/usr/bin/env bash
# Runs every benchmark once (about 35 minutes on two cores) and writes:
#   bench/results/results.json     raw JMH results (-rf json), allocation included (-prof gc)
#   bench/results/output.txt       JMH's console output
#   bench/results/environment.txt  machine, OS, JDK, and the load average during the run
# then rewrites the generated tables of docs/PERFORMANCE.md from them (ring memory is measured
# there, with JOL). Extra arguments go to JMH, e.g. a benchmark pattern or '-p servers=10'.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results
mkdir -p "$out"

./mvnw -q -B -DskipTests package -pl bench -am

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "os: $(uname -srm)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "cpu: family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')," \
    "model $(grep -m1 '^model\s*:' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')," \
    "$(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | tr -d ' ') MHz"
  lscpu | grep -E '^(L1d|L2|L3) cache|^Hypervisor' | sed 's/  */ /g; s/^/cpu: /'

  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  java -version 2>&1 | sed 's/^/java: /'
  echo "command: java -jar bench/target/benchmarks.jar -prof gc -rf json -rff $out/results.json $*"
} > "$out/environment.txt"

# The load average once a minute during the run: other work on the machine makes numbers noisy.
(
  trap 'kill "$nap" 2>/dev/null; exit 0' TERM
  while true; do
    sleep 60 &
    nap=$!
    wait "$nap"
    echo "load: $(date -u '+%H:%M') $(cut -d' ' -f1-3 /proc/loadavg)"
  done
) >> "$out/environment.txt" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT
echo "load: $(date -u '+%H:%M') $(cut -d' ' -f1-3 /proc/loadavg) (start)" >> "$out/environment.txt"

java -jar bench/target/benchmarks.jar -prof gc -rf json -rff "$out/results.json" "$@" \
  | tee "$out/output.txt"

kill "$sampler" 2>/dev/null || true
echo "load: $(date -u '+%H:%M') $(cut -d' ' -f1-3 /proc/loadavg) (end)" >> "$out/environment.txt"
java -Djdk.attach.allowAttachSelf -cp bench/target/benchmarks.jar \
  dev.hashring.bench.PerformanceReport "$out/results.json" docs/PERFORMANCE.md
