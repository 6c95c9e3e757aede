#!/usr/bin/env bash
# Installs the npm packages when node_modules is missing or older than package-lock.json.
# `npm install` rather than `npm ci`: the lock can only record the platform packages of biome and
# turbo that the registry serves here (linux), and `npm ci` refuses a lock without the others.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "shipshape: installing npm packages (npm install)"
  npm install --no-audit --no-fund --loglevel=error
fi
