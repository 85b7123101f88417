#!/usr/bin/env bash
# Git pre-commit hook: lint the staged deployment files before they are committed.
# Install: cp samples/ci/pre-commit-sda-lint.sh .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
set -euo pipefail
mapfile -t files < <(git diff --cached --name-only --diff-filter=ACM -- '*.yml' '*.yaml' '*.json')
[ "${#files[@]}" -eq 0 ] && exit 0
exec sda lint --fail-on error "${files[@]}"
