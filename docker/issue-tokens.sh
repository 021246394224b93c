#!/bin/sh
# The compose service `tokens` (docker-compose.yml, image from issuer.Dockerfile): the local stack's token issuer
# for the containers. On the `security` volume (here /centerline) it creates the RSA key pair once and keeps it,
# writes the ready-made tokens for every role (tokens.env, printed once: `docker-compose logs tokens`) and
# Prometheus' ops token, then mints them again every hour (they are valid 12 h), as the local stack does. It is
# local-stack.jar's `tokens` command. The services mount the volume read-only and read only the public key:
# the private key and tokens.env stay root's (mode 600). Prometheus runs as nobody (65534), so its token file is
# handed to that user.
set -eu
DATA=/centerline
JAR=/opt/centerline/local-stack.jar
PROMETHEUS_USER=65534

issue() {
  java -Xmx64m -XX:+UseSerialGC -jar "$JAR" tokens --data-dir "$DATA" "$@"
  chown "$PROMETHEUS_USER:$PROMETHEUS_USER" "$DATA/security/prometheus-ops.token"
}

# docker stop: end at once (sleep runs in the background so the trap is not held up by it).
trap 'exit 0' TERM INT
issue
echo "tokens: also in $DATA/tokens.env on the security volume; renewed every hour"
while :; do
  sleep 3600 &
  wait $!
  issue --quiet
done
