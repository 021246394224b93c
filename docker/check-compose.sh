#!/usr/bin/env bash
# Checks the Docker deployment without a Docker engine (CI has none):
#   1. docker-compose.yml is valid for docker-compose 1.29 (`docker-compose config -q`);
#   2. the files it builds and mounts from docker/ exist, and the topics and tokens scripts parse;
#   3. the topic table in docker/create-topics.sh equals the registry, Topics.all(): names,
#      partitions and configs, as printed by docker/PrintTopics.java from the built contracts
#      module (contracts/target/classes; run after `./mvnw package` or `verify`);
#   4. the token files line up: the `tokens` service's volume, the services' public-key-location, and
#      the credentials_file of every job in ops/prometheus/prometheus.yml (docker/check-security-wiring.py).
# Exit 0 when all pass, 1 otherwise. `--skip-registry` leaves out 3 (e.g. before any build).
# Needs: docker-compose (Debian package docker-compose), a JDK for 3, and PyYAML for 4 (docker-compose's Python has it).
set -euo pipefail
cd "$(dirname "$0")/.."

skip_registry=false
for arg in "$@"; do
  case "$arg" in
    --skip-registry) skip_registry=true ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "check-compose: unknown argument '$arg' (known: --skip-registry)" >&2; exit 2 ;;
  esac
done

failures=0
fail() {
  echo "check-compose: FAIL: $*" >&2
  failures=$((failures + 1))
}

# 1. The compose file.
if ! command -v docker-compose >/dev/null 2>&1; then
  fail "docker-compose is not installed (apt-get install docker-compose)"
else
  if out="$(docker-compose -f docker-compose.yml config -q 2>&1)"; then
    echo "check-compose: docker-compose.yml is valid ($(docker-compose version --short 2>/dev/null || echo docker-compose))"
    [ -z "$out" ] || echo "$out"
  else
    fail "docker-compose -f docker-compose.yml config -q:"
    echo "$out" >&2
  fi
fi

# 2. What the compose file takes from docker/.
for f in docker/service.Dockerfile docker/create-topics.sh docker/issuer.Dockerfile docker/issue-tokens.sh; do
  [ -f "$f" ] || fail "$f is missing"
done
for f in docker/create-topics.sh docker/issue-tokens.sh; do
  if [ -f "$f" ] && ! sh -n "$f"; then
    fail "$f does not parse"
  fi
done
# Mounted, but maintained with the dashboards: say so when absent, do not fail (config does not need them).
for f in ops/prometheus/prometheus.yml ops/prometheus/alerts.yml ops/grafana/provisioning ops/grafana/dashboards; do
  [ -e "$f" ] || echo "check-compose: note: $f does not exist yet (prometheus/grafana mount it)"
done

# 3. The topic table against the registry.
if [ "$skip_registry" = true ]; then
  echo "check-compose: topic table not compared with the registry (--skip-registry)"
elif [ ! -f contracts/target/classes/org/centerline/contracts/topic/Topics.class ]; then
  fail "contracts/target/classes is not built: run ./mvnw -DskipTests -pl contracts package first (or pass --skip-registry)"
elif ! command -v java >/dev/null 2>&1; then
  fail "java is not on the PATH (needed to print the registry)"
else
  registry="$(mktemp)"
  table="$(mktemp)"
  trap 'rm -f "$registry" "$table"' EXIT
  if ! java -cp contracts/target/classes docker/PrintTopics.java > "$registry"; then
    fail "docker/PrintTopics.java could not print the registry"
  else
    # Configs in the table may be in any order: sort them per line, as PrintTopics does.
    sh docker/create-topics.sh --print | awk '{
        line = $1 " " $2
        if (NF >= 3) {
          n = split($3, kv, ",")
          for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (kv[j] < kv[i]) { t = kv[i]; kv[i] = kv[j]; kv[j] = t }
          s = kv[1]; for (i = 2; i <= n; i++) s = s "," kv[i]
          line = line " " s
        }
        print line }' > "$table"
    if diff_out="$(diff <(sort "$registry") <(sort "$table"))"; then
      echo "check-compose: docker/create-topics.sh has the registry's $(wc -l < "$registry" | tr -d ' ') topics with their partitions and configs"
    else
      fail "docker/create-topics.sh differs from Topics.all() (< registry, > script); update its table:"
      echo "$diff_out" >&2
    fi
  fi
fi

# 4. Where the token files are, as the containers see them. PyYAML: from docker-compose's own Python if it is one.
yaml_python=""
for candidate in python3 "$(head -1 "$(command -v docker-compose 2>/dev/null || echo /dev/null)" 2>/dev/null | sed -n 's/^#! *//p')"; do
  if [ -n "$candidate" ] && $candidate -c 'import yaml' 2>/dev/null; then
    yaml_python=$candidate
    break
  fi
done
if ! command -v docker-compose >/dev/null 2>&1; then
  : # reported under 1.
elif [ -z "$yaml_python" ]; then
  fail "no Python with PyYAML to check the token wiring (apt-get install python3-yaml)"
elif ! docker-compose -f docker-compose.yml config | $yaml_python docker/check-security-wiring.py; then
  fail "the token files do not line up (above)"
fi

if [ "$failures" -gt 0 ]; then
  echo "check-compose: $failures check(s) failed" >&2
  exit 1
fi
echo "check-compose: OK"
