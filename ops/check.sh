#!/usr/bin/env bash
# Checks ops/ for real: promtool on the Prometheus config and rules, docker-compose on the compose
# file, then starts the local stack (simulator on, a webhook subscriber so delivery metrics exist) and a
# real Prometheus scraping it on loopback, waits for data, and evaluates every dashboard panel query and
# every alert rule (ops/check_queries.py). The services require tokens: the calls below use the local
# stack's ready-made ones (its tokens.env), and Prometheus scrapes with the ops token file the stack writes.
# Needs: a built local stack (./mvnw verify or package), Debian's prometheus (promtool) and docker-compose.
# Ports: Kafka 9092, services 8081-8084, Prometheus 9090, a receiver on 18099, all on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
WAIT=${CENTERLINE_OPS_WAIT:-75}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== promtool"
# The token file each config names exists only where a stack runs: syntax here; prometheus-local.yml is checked
# in full below, once this check's local stack has written its token file.
promtool check config --syntax-only ops/prometheus/prometheus.yml ops/prometheus/prometheus-local.yml
promtool check rules ops/prometheus/alerts.yml
if [ -f ops/prometheus/alerts_test.yml ]; then (cd ops/prometheus && promtool test rules alerts_test.yml); fi

echo "== docker-compose"
docker/check-compose.sh

echo "== local stack + Prometheus"
java -Xmx512m -jar local-stack/target/local-stack.jar --rate 20 --data-dir "$work/stack" > "$work/stack.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 180); do
  grep -q "Centerline is up" "$work/stack.log" && break
  grep -q "did not start" "$work/stack.log" && { cat "$work/stack.log"; exit 1; }
  sleep 1
done
grep -q "Centerline is up" "$work/stack.log" || { echo "the local stack did not come up"; cat "$work/stack.log"; exit 1; }

# The stack's ready-made tokens (FILER_TOKEN ... ADMIN_TOKEN), minted for its data dir.
# shellcheck source=/dev/null
source "$work/stack/tokens.env"
# call TOKEN METHOD URL [JSON]: the answer's body; on an error status, fails with it.
call() {
  local args=(-sS --fail-with-body -X "$2" -H "Authorization: Bearer $1")
  [ -z "${4:-}" ] || args+=(-H 'Content-Type: application/json' -d "$4")
  curl "${args[@]}" "$3" || { echo; echo "ops check: $2 $3 failed"; exit 1; }
}
# Scrapes need the ops token: without a token 401, with another role 403.
for port in 8081 8082 8083 8084; do
  anonymous=$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/actuator/prometheus")
  filer=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $FILER_TOKEN" "localhost:$port/actuator/prometheus")
  if [ "$anonymous" != 401 ] || [ "$filer" != 403 ]; then
    echo "ops check: localhost:$port/actuator/prometheus answered $anonymous without a token and $filer to a filer (want 401, 403)"
    exit 1
  fi
done
metrics=$(call "$OPS_TOKEN" GET localhost:8081/actuator/prometheus)
grep -q '^centerline_' <<< "$metrics" \
  || { echo "ops check: no centerline_ metric from routing-service with the ops token"; exit 1; }

# A subscriber that accepts everything, so deliveries happen; one announcement so every event type occurs.
python3 -c '
import http.server as h
class R(h.BaseHTTPRequestHandler):
    def do_POST(s):
        s.rfile.read(int(s.headers.get("Content-Length", 0))); s.send_response(204); s.end_headers()
    def log_message(s, *a): pass
h.HTTPServer(("127.0.0.1", 18099), R).serve_forever()' &
pids+=($!)
# ops sees every event, so its subscription matches everything; ELE's director announces to ELE.
call "$OPS_TOKEN" POST localhost:8084/api/subscriptions \
  '{"subscriber":"ops check","webhook":{"url":"http://127.0.0.1:18099/hook","secret":"ops-check-secret-0123456789"}}' > /dev/null
call "$DIRECTOR_TOKEN" POST localhost:8084/api/announcements \
  '{"centerCode":"ELE","title":"Ops check","body":"A message so every event type occurs."}' > /dev/null

# prometheus-local.yml as it is, but with this stack's token file (and alerts.yml next to it, as it expects).
mkdir -p "$work/config"
cp ops/prometheus/alerts.yml "$work/config/"
sed -e "s#credentials_file: .*#credentials_file: $work/stack/security/prometheus-ops.token#" \
  -e "s#\.\./\.\./\.centerline/prometheus/#$work/stack/prometheus/#" \
  ops/prometheus/prometheus-local.yml > "$work/config/prometheus-local.yml"
grep -q "credentials_file: $work/stack/security/prometheus-ops.token" "$work/config/prometheus-local.yml" \
  || { echo "ops check: prometheus-local.yml has no credentials_file to point at this stack's token"; exit 1; }
promtool check config "$work/config/prometheus-local.yml"
prometheus --config.file="$work/config/prometheus-local.yml" --web.listen-address=127.0.0.1:9090 \
  --storage.tsdb.path="$work/prometheus" > "$work/prometheus.log" 2>&1 &
pids+=($!)
echo "waiting ${WAIT}s for data"
sleep "$WAIT"
python3 ops/check_queries.py
