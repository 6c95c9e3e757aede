#!/usr/bin/env bash
# `npm test`: installs what is missing (npm packages; Docker engine, registry and moto for the
# end-to-end suites), builds the packages, and runs every test once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node-22.sh
bash scripts/ensure-node-deps.sh
if [ -f scripts/ensure-services.sh ]; then bash scripts/ensure-services.sh; fi
npx turbo run build --output-logs=errors-only
npx vitest run "$@"
