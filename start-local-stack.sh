#!/usr/bin/env bash
# Starts Centerline on this machine: a real Kafka broker (in-process, KRaft), the topics, the services
# as child JVMs and a broker-system simulator. Flags: see local-stack/README.md or --help.
# CENTERLINE_SKIP_BUILD=1 starts the last build without running Maven; CENTERLINE_JAVA_OPTS replaces
# the JVM options of the broker's JVM (default -Xmx512m; the services get their own, see the README).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ "${CENTERLINE_SKIP_BUILD:-}" != "1" || ! -f local-stack/target/local-stack.jar ]]; then
  echo "building (./mvnw -q -DskipTests -pl local-stack -am package) ..."
  ./mvnw -q -DskipTests -pl local-stack -am package
fi

# shellcheck disable=SC2086  # the options are meant to split into words
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${CENTERLINE_JAVA_OPTS:--Xmx512m} -jar local-stack/target/local-stack.jar "$@"
