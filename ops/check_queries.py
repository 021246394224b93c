#!/usr/bin/env python3
"""Evaluates every Grafana panel query and checks every alert rule against a running Prometheus.

A panel query must return at least one series (a panel that shows nothing fails the build); a query
that looks back (`offset 7d`) and returns nothing on this young Prometheus must parse, and must return
series without its offsets; every
alert and recording rule must have loaded and evaluated without error. Standard library only.
"""
import glob
import json
import os
import re
import sys
import time
import urllib.parse
import urllib.request

PROMETHEUS = os.environ.get("PROMETHEUS_URL", "http://127.0.0.1:9090")
DASHBOARDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "grafana", "dashboards")
# Grafana's variables, as a dashboard with "All" selected would send them.
SUBSTITUTIONS = {"$__rate_interval": "1m", "${__rate_interval}": "1m", "$__interval": "1m", "${__interval}": "1m",
                 "$__range": "5m", "${__range}": "5m", "${center:regex}": ".*", "${center}": ".*", "$center": ".*"}


OFFSET = re.compile(r"\s+offset\s+-?\d+[smhdwy]")


def get(path, **params):
    url = PROMETHEUS + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def panels(node):
    """Every panel, including those inside rows."""
    for panel in node.get("panels", []):
        yield panel
        yield from panels(panel)


def expand(expr):
    for variable, value in SUBSTITUTIONS.items():
        expr = expr.replace(variable, value)
    return expr


def main():
    failures = []
    checked = 0
    for target in get("/api/v1/targets")["data"]["activeTargets"]:
        job, health = target["labels"].get("job"), target.get("health")
        print(f"{'ok  ' if health == 'up' else 'FAIL'} target {job} {target.get('scrapeUrl')} {health} {target.get('lastError', '')}")
        if health != "up":
            failures.append(f"target {job} is {health}: {target.get('lastError', '')}")
    files = sorted(glob.glob(os.path.join(DASHBOARDS, "*.json")))
    if not files:
        print(f"no dashboards under {DASHBOARDS}")
        return 1
    for path in files:
        dashboard = json.load(open(path))
        for panel in panels(dashboard):
            for target in panel.get("targets", []):
                expr = target.get("expr")
                if not expr or target.get("hide"):
                    continue
                checked += 1
                query = expand(expr)
                try:
                    result = get("/api/v1/query", query=query)
                    series = len(result["data"]["result"]) if result.get("status") == "success" else 0
                    error = None if result.get("status") == "success" else result.get("error")
                except Exception as e:  # an HTTP 400 means the expression does not parse
                    series, error = 0, str(e)
                name = f"{os.path.basename(path)} / {panel.get('title')} / {target.get('refId', '?')}"
                if not error and series == 0 and OFFSET.search(query):
                    # A look back (offset 7d) has no data on a Prometheus younger than the offset: it must parse
                    # (it did: no error) and the same query without the offset must return series.
                    query = OFFSET.sub("", query)
                    try:
                        result = get("/api/v1/query", query=query)
                        series = len(result["data"]["result"]) if result.get("status") == "success" else 0
                        error = None if result.get("status") == "success" else result.get("error")
                    except Exception as e:
                        series, error = 0, str(e)
                    name += " (without its offset)"
                if error or series == 0:
                    failures.append(f"{name}: {'error: ' + error if error else 'no series'}\n    {query}")
                print(f"{'ok  ' if not error and series else 'FAIL'} {series:4d} series  {name}")
    rules = get("/api/v1/rules")["data"]["groups"]
    rule_count = 0
    for group in rules:
        for rule in group["rules"]:
            rule_count += 1
            health = rule.get("health")
            ok = health == "ok"
            print(f"{'ok  ' if ok else 'FAIL'} rule {group['name']} / {rule['name']} ({rule['type']}, {health})")
            if not ok:
                failures.append(f"rule {rule['name']}: health {health} {rule.get('lastError', '')}")
    if rule_count == 0:
        failures.append("Prometheus loaded no rules")
    print(f"\n{checked} panel queries and {rule_count} rules checked, {len(failures)} failed")
    for failure in failures:
        print("  - " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
