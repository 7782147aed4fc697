#!/usr/bin/env bash
# Sets up everything wacost needs (idempotent), builds the static site and serves it locally.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
scripts/build-site.sh
exec node scripts/serve.mjs
