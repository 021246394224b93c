#!/bin/sh
# Creates every Centerline topic on the compose stack's broker, with its partitions and configs.
# Run by the one-shot `topics` service of docker-compose.yml (image apache/kafka, which has
# /opt/kafka/bin/kafka-topics.sh); safe to run again: topics that exist are left as they are, and
# one whose partition count differs from the table is reported (and makes the run fail).
#
# THE TABLE BELOW MUST FOLLOW THE REGISTRY:
#   contracts/src/main/java/org/centerline/contracts/topic/Topics.java  (Topics.all())
# Same names, partitions and configs (the table in topic_table below).
# docker/check-compose.sh compares it with what Topics.all() prints and fails on any difference,
# so a topic added to the registry without a line here breaks the build.
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:19092}"
REPLICATION="${TOPIC_REPLICATION_FACTOR:-1}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
# Each kafka-topics.sh call is a JVM: keep it small and quick to start.
export KAFKA_HEAP_OPTS="${TOPICS_HEAP_OPTS:--Xmx128m}"
export KAFKA_JVM_PERFORMANCE_OPTS="${TOPICS_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

# Admin client timeouts: fail fast (and retry below) instead of the default minute per call.
CLIENT_CONFIG=/tmp/centerline-topics-client.properties
printf 'default.api.timeout.ms=15000\nrequest.timeout.ms=10000\n' > "$CLIENT_CONFIG"
topics_cmd() {
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CLIENT_CONFIG" "$@" </dev/null
}

# The table: <name> <partitions> [<key>=<value>[,<key>=<value>...]], in the order of Topics.all().
topic_table() {
  cat <<'TOPICS'
entry-summaries.filed 6 max.message.bytes=4194304
entry-summaries.rejected 3
entry-summaries.routed 6
entry-summaries.status 6
importer-assignments 3 cleanup.policy=compact
center-staffing 1 cleanup.policy=compact
center-announcements 1 retention.ms=-1
notification-subscriptions 1 cleanup.policy=compact
notifications.dead-letter 6
center-service.commands 10
notifications 6
notifications.delivery-status 3 cleanup.policy=compact
workload-service.center-totals 3 cleanup.policy=compact
workload-service.window-counts 6 cleanup.policy=compact
notifications.dead-letter-index 3 cleanup.policy=compact
rebalancing-reviews 1 cleanup.policy=compact
notifications-retry-0 6
notifications-retry-1 6
notifications-retry-2 6
notifications-retry-3 6
centers.phc.entry-summaries 3
centers.agr.entry-summaries 3
centers.aut.entry-summaries 3
centers.aft.entry-summaries 3
centers.bme.entry-summaries 3
centers.png.entry-summaries 3
centers.ele.entry-summaries 3
centers.cpm.entry-summaries 3
centers.imm.entry-summaries 3
centers.mac.entry-summaries 3
TOPICS
}

if [ "${1:-}" = "--print" ]; then
  topic_table
  exit 0
fi

echo "topics: creating the registry's topics on ${BOOTSTRAP} (replication factor ${REPLICATION})"
# One describe for all: "<name> <partition count>" per existing topic; fails when the broker does not answer.
partition_counts() {
  described="$(topics_cmd --describe --exclude-internal)" \
    || return 1
  printf '%s\n' "$described" | awk '{ n = ""; c = ""
    for (i = 1; i < NF; i++) { if ($i == "Topic:") n = $(i + 1); if ($i == "PartitionCount:") c = $(i + 1) }
    if (n != "" && c != "") print n, c }'
}
# The broker is healthy before this runs, but give its metadata a moment (12 tries, 5 s apart).
tries=0
until existing="$(partition_counts)"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 12 ]; then
    echo "topics: the broker at ${BOOTSTRAP} does not answer" >&2
    exit 1
  fi
  echo "topics: waiting for the broker at ${BOOTSTRAP}"
  sleep 5
done
created=0
kept=0
failed=0
topic_table > /tmp/centerline-topics.txt
while read -r name partitions configs; do
  actual="$(printf '%s\n' "$existing" | awk -v t="$name" '$1 == t { print $2 }')"
  if [ -n "$actual" ]; then
    if [ "$actual" != "$partitions" ]; then
      echo "topics: $name exists with $actual partitions, the registry says $partitions (remove the kafka-data volume to recreate it)" >&2
      failed=$((failed + 1))
    else
      kept=$((kept + 1))
    fi
    continue
  fi
  set -- --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$REPLICATION"
  if [ -n "${configs:-}" ]; then
    old_ifs="$IFS"
    IFS=','
    for c in $configs; do
      set -- "$@" --config "$c"
    done
    IFS="$old_ifs"
  fi
  if topics_cmd "$@" >/dev/null; then
    echo "topics: created $name ($partitions partitions${configs:+, $configs})"
    created=$((created + 1))
  else
    echo "topics: could not create $name" >&2
    failed=$((failed + 1))
  fi
done < /tmp/centerline-topics.txt

# Every topic of the table must be on the broker now.
after="$(topics_cmd --list --exclude-internal)"
missing=0
while read -r name _rest; do
  if ! printf '%s\n' "$after" | grep -qx "$name"; then
    echo "topics: $name is missing on the broker" >&2
    missing=$((missing + 1))
  fi
done < /tmp/centerline-topics.txt

total="$(wc -l < /tmp/centerline-topics.txt | tr -d ' ')"
echo "topics: $total in the registry: $created created, $kept already there, $failed failed, $missing missing"
[ "$failed" -eq 0 ] && [ "$missing" -eq 0 ]
