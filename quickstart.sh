#!/usr/bin/env bash
# The main job: ./quickstart.sh [prompt-folder] [output-folder]
# Builds what it needs (first run: a few minutes), then renders every .txt prompt and every .jsonl request line of the
# folder into PNG files plus a JSON sidecar each. Without SD_API_KEY it runs on the embedded emulator; with it, on the
# real API (SD_BASE_URL, SD_API_VERSION=v3|v6 optional). Exits non-zero if any prompt failed.
set -euo pipefail
cd "$(dirname "$0")"
input="${1:-quickstart/prompts}"
output="${2:-out}"
./mvnw -q -B -pl quickstart -am install -Dmaven.test.skip=true
exec java -jar quickstart/target/quarkus-app/quarkus-run.jar "$input" "$output"
