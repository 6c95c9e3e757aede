#!/usr/bin/env bash
# `npm run demo`: installs what is missing, builds, and lints the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node-22.sh
bash scripts/ensure-node-deps.sh
npx turbo run build --output-logs=errors-only
echo
echo "\$ shipshape lint examples/"
node packages/cli/bin/shipshape.js lint examples/ || true
echo
echo "\$ shipshape plan --desired 4 --min 50 --max 100"
node packages/cli/bin/shipshape.js plan --desired 4 --min 50 --max 100 || true
