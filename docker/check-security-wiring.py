"""Checks that docker-compose.yml and ops/prometheus/prometheus.yml agree on where the token files are.

Without a Docker engine the containers never run here, so the paths are checked as data: the `tokens` service
writes the `security` volume (its root at DATA in issue-tokens.sh); each service mounts the volume read-only
and is told the public key's path in it; Prometheus mounts it and every scrape job reads the ops token from it.
Input: `docker-compose config` on stdin. Needs PyYAML (docker-compose's own Python has it). Exit 1 on a mismatch.
"""
import re
import sys

import yaml

SERVICES = ["routing-service", "center-service", "workload-service", "notification-service"]
PUBLIC_KEY = "security/jwt-public.pem"
PROMETHEUS_TOKEN = "security/prometheus-ops.token"


def mount_of(service, volume):
    """(target, read_only) of a named volume in a service of `docker-compose config` output, or None."""
    for v in service.get("volumes", []):
        if isinstance(v, dict) and v.get("source") == volume and v.get("type", "volume") == "volume":
            return v["target"].rstrip("/"), bool(v.get("read_only"))
        if isinstance(v, str) and v.split(":")[0] == volume:
            parts = v.split(":")
            return parts[1].rstrip("/"), len(parts) > 2 and "ro" in parts[2].split(",")
    return None


def main():
    compose = yaml.safe_load(sys.stdin)
    services = compose["services"]
    failures = []
    script = open("docker/issue-tokens.sh").read()
    data = re.search(r"^DATA=(\S+)$", script, re.M)
    issuer_mount = mount_of(services.get("tokens", {}), "security")
    if not data or not issuer_mount or issuer_mount[0] != data.group(1).rstrip("/") or issuer_mount[1]:
        failures.append(f"tokens must mount the security volume read-write at DATA of issue-tokens.sh "
                        f"({data.group(1) if data else '?'}); it has {issuer_mount}")
    for name in SERVICES:
        service = services[name]
        mount = mount_of(service, "security")
        if not mount or not mount[1]:
            failures.append(f"{name} must mount the security volume read-only; it has {mount}")
            continue
        want = "file:" + mount[0] + "/" + PUBLIC_KEY
        got = service.get("environment", {}).get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION")
        if got != want:
            failures.append(f"{name}: public-key-location is {got}, the key is at {want}")
        if "tokens" not in service.get("depends_on", {}):
            failures.append(f"{name} must wait for the tokens service (its key)")
    mount = mount_of(services["prometheus"], "security")
    if not mount:
        failures.append("prometheus must mount the security volume")
    else:
        want = mount[0] + "/" + PROMETHEUS_TOKEN
        config = yaml.safe_load(open("ops/prometheus/prometheus.yml"))
        for job in config["scrape_configs"]:
            auth = job.get("authorization") or {}
            if auth.get("type", "Bearer") != "Bearer" or auth.get("credentials_file") != want:
                failures.append(f"prometheus.yml job {job['job_name']}: authorization {auth}, the token is at {want}")
    for f in failures:
        print("check-compose: FAIL: " + f, file=sys.stderr)
    if not failures:
        print(f"check-compose: the four services verify tokens with the issuer's key on the security volume; "
              f"Prometheus scrapes with its token file from it")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
