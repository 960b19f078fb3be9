#!/usr/bin/env bash
# The whole test suite: lint, layer contracts, then pytest (core, ui, real weights).
# Extra arguments go to pytest (e.g. bash scripts/test.sh tests/core -k writing).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 TRANSFORMERS_VERBOSITY=error
# Tests get their own config/data/cache folders; only the slow GGUF -> safetensors conversion
# of the bundled model (~20 s) is shared between runs, in this folder (see tests/conftest.py).
export AIGC_TEST_SHARED_CONVERSIONS=${AIGC_TEST_SHARED_CONVERSIONS:-$PWD/.test-cache/converted}
.venv/bin/ruff check .
.venv/bin/lint-imports
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "test: pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$rc"
