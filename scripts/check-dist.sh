#!/usr/bin/env bash
# Fails when an action's committed dist/ differs from a fresh bundle of its source.
set -euo pipefail
cd "$(dirname "$0")/.."
npx turbo run bundle --output-logs=errors-only --force
# 'actions/*/dist' would match the directories only: a wildcard pathspec must match each file's path.
dist='actions/*/dist/**'
if ! git diff --quiet -- "$dist" || [ -n "$(git ls-files --others --exclude-standard -- "$dist")" ]; then
  echo "check-dist: the committed dist/ differs from a fresh build. Run 'npm run bundle' and commit actions/*/dist." >&2
  git status --short -- "$dist" >&2
  exit 1
fi
echo "check-dist: every action's dist/ matches its source"
