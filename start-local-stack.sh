#!/usr/bin/env bash
# Starts Centerline on this machine: a real Kafka broker (in-process, KRaft), the topics, the services
# as child JVMs and a broker-system simulator. Flags: see local-stack/README.md or --help.
# CENTERLINE_SKIP_BUILD=1 starts the last build without running Maven; CENTERLINE_JAVA_OPTS replaces
# the JVM options of the broker's JVM (default -Xmx512m; the services get their own, see the README).
# `./start-local-stack.sh token ROLE ...` prints a token from the local issuer instead (`token --help`);
# it uses the last build if there is one, so `TOKEN=$(./start-local-stack.sh token ops)` works.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

skip_build="${CENTERLINE_SKIP_BUILD:-}"
if [[ "${1:-}" == token || "${1:-}" == tokens ]]; then
  skip_build=1
fi
if [[ "$skip_build" != "1" || ! -f local-stack/target/local-stack.jar ]]; then
  echo "building (./mvnw -q -DskipTests -pl local-stack -am package) ..." >&2
  ./mvnw -q -DskipTests -pl local-stack -am package >&2
fi

# shellcheck disable=SC2086  # the options are meant to split into words
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${CENTERLINE_JAVA_OPTS:--Xmx512m} -jar local-stack/target/local-stack.jar "$@"
