#!/usr/bin/env bash
# Runs the whole system locally on http://127.0.0.1:3000 (see README.md). Builds the runner first
# when it is missing or older than the sources; all arguments go to the runner (--help lists them).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=local/runner/target/local-runner.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml template.yaml functions local tools/dynalite/package-lock.json \
      -newer "$jar" -type f -not -path '*/target/*' -not -path '*/node_modules/*' -print -quit)" ]; then
  echo "building the local runner (first run, or sources changed)..."
  mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -pl local/runner -am install
fi
# the patient form (web/target/site): the same npm commands the Maven build runs, again when its sources changed
site=web/target/site/index.html
if [ ! -f "$site" ] || [ -n "$(find web/src web/questionnaire web/build web/package-lock.json \
      functions/triage-engine/src/main/resources/io/spineintake/triage/intake-form.schema.json \
      -newer "$site" -type f -print -quit)" ]; then
  echo "building the web form..."
  (cd web && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && npm run --silent build)
fi
# exec: Ctrl-C goes straight to the runner, whose shutdown hook stops what it started
exec java -jar "$jar" "$@"
