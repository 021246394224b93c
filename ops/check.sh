#!/usr/bin/env bash
# Checks ops/ for real: promtool on the Prometheus config and rules, docker-compose on the compose
# file, then starts the local stack (simulator on, a webhook subscriber so delivery metrics exist) and a
# real Prometheus scraping it on loopback, waits for data, and evaluates every dashboard panel query and
# every alert rule (ops/check_queries.py). Needs: a built local stack (./mvnw verify or package),
# Debian's prometheus (promtool) and docker-compose. Ports: Kafka 9092, services 8081-8084, Prometheus
# 9090, a receiver on 18099, all on 127.0.0.1.
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
promtool check config ops/prometheus/prometheus.yml
promtool check config ops/prometheus/prometheus-local.yml
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

# A subscriber that accepts everything, so deliveries happen; one announcement so every event type occurs.
python3 -c '
import http.server as h
class R(h.BaseHTTPRequestHandler):
    def do_POST(s):
        s.rfile.read(int(s.headers.get("Content-Length", 0))); s.send_response(204); s.end_headers()
    def log_message(s, *a): pass
h.HTTPServer(("127.0.0.1", 18099), R).serve_forever()' &
pids+=($!)
curl -sf -XPOST localhost:8084/api/subscriptions -H 'Content-Type: application/json' \
  -d '{"subscriber":"ops check","webhook":{"url":"http://127.0.0.1:18099/hook","secret":"ops-check-secret-0123456789"}}' > /dev/null
curl -sf -XPOST localhost:8084/api/announcements -H 'Content-Type: application/json' \
  -d '{"centerCode":"ELE","title":"Ops check","body":"A message so every event type occurs."}' > /dev/null

prometheus --config.file=ops/prometheus/prometheus-local.yml --web.listen-address=127.0.0.1:9090 \
  --storage.tsdb.path="$work/prometheus" > "$work/prometheus.log" 2>&1 &
pids+=($!)
echo "waiting ${WAIT}s for data"
sleep "$WAIT"
python3 ops/check_queries.py
