#!/usr/bin/env bash
# Lints the documents the services publish, as the services' integration tests saved them (see
# service-support's org.centerline.web.PublishedDocuments): every */target/published/*.openapi.json with Redocly's
# recommended rules (no errors allowed; warnings are printed) and every */target/published/*.metrics.txt with
# `promtool check metrics` (help text, Prometheus naming, units: no finding allowed).
# Needs: Node.js >= 20.19 with npm (Redocly CLI is fetched once into .ci/cache/redocly, pinned) and Debian's
# prometheus package (promtool). Run after ./mvnw verify (or the services' ITs).
# Usage: ops/lint-published.sh [file ...]   (default: every saved document)
set -euo pipefail
cd "$(dirname "$0")/.."
REDOCLY_VERSION=2.77.0
CACHE=.ci/cache/redocly

if [ $# -gt 0 ]; then
  files=("$@")
else
  shopt -s nullglob
  files=(*/target/published/*.openapi.json */target/published/*.metrics.txt)
fi
docs=(); scrapes=()
for f in "${files[@]}"; do
  case "$f" in
    *.openapi.json) docs+=("$f") ;;
    *.metrics.txt) scrapes+=("$f") ;;
  esac
done
if [ ${#docs[@]} -eq 0 ] || [ ${#scrapes[@]} -eq 0 ]; then
  echo "lint-published: no saved documents (run the services' integration tests first)"; exit 1
fi

failed=0
echo "== promtool check metrics (${#scrapes[@]} scrapes)"
for f in "${scrapes[@]}"; do
  if ! out=$(promtool check metrics < "$f" 2>&1); then
    echo "$f:"; sed 's/^/  /' <<< "$out"; failed=1
  fi
done

echo "== redocly lint, recommended rules (${#docs[@]} documents)"
node_version=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)||(a===20&&b>=19)?0:1)' 2>/dev/null; then
  echo "lint-published: Redocly CLI $REDOCLY_VERSION needs Node.js 20.19+ or 22.12+ (found $node_version)"; exit 1
fi
if [ ! -x "$CACHE/node_modules/.bin/redocly" ] || ! grep -q "\"version\": \"$REDOCLY_VERSION\"" "$CACHE/node_modules/@redocly/cli/package.json" 2>/dev/null; then
  mkdir -p "$CACHE"
  npm install --silent --no-audit --no-fund --prefix "$CACHE" "@redocly/cli@$REDOCLY_VERSION" >/dev/null
fi
if ! out=$("$CACHE/node_modules/.bin/redocly" lint --extends recommended --format stylish "${docs[@]}" 2>&1); then
  failed=1
fi
# The findings (warnings too), without the CLI's banners.
grep -vE '^\s*[║╔╚]' <<< "$out" | grep -E 'error|warning|\.json' || true

if [ "$failed" -ne 0 ]; then
  echo "lint-published: FAILED"; exit 1
fi
echo "lint-published: OK"
