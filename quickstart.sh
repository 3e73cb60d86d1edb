#!/usr/bin/env bash
# The main job: ./quickstart.sh [prompt-folder] [output-folder]
# Builds what it needs (first run: a few minutes), then renders every .txt prompt and every .jsonl request line of the
# folder into PNG files plus a JSON sidecar each. Without SD_API_KEY it runs on the embedded emulator; with it, on the
# real API (SD_BASE_URL, SD_API_VERSION=v3|v6 optional). Exits non-zero if any prompt failed.
set -euo pipefail
cd "$(dirname "$0")"
input="${1:-quickstart/prompts}"
output="${2:-out}"
echo "Building the quick start (first run: a few minutes, later ones seconds)..."
# package, not install: the Quarkus build takes the extension from this reactor (quickstart/pom.xml pulls the deployment
# module in), so a copy an earlier build left in the local Maven repository can neither be needed nor hide a broken build
./mvnw -q -B -pl quickstart -am package -Dmaven.test.skip=true
exec java -jar quickstart/target/quarkus-app/quarkus-run.jar "$input" "$output"
