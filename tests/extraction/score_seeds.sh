#!/usr/bin/env bash
# Run the extractor over the seed articles and score them against the gold annotations.
#   tests/extraction/score_seeds.sh [SEEDS_DIR] [GOLD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
seeds="${1:-/work/shared/seeds}"
gold="${2:-/work/shared/eval/gold}"
py="${PYTHON:-$here/.venv/bin/python}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for txt in "$seeds"/*.txt; do
  name="$(basename "$txt" .txt)"
  meta="$seeds/$name.meta.json"
  pub=""
  if [ -f "$meta" ]; then
    pub="$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("published") or "")' "$meta")"
  fi
  (cd "$here" && "$py" -m extraction "$txt" ${pub:+--published "$pub"}) > "$out/$name.json"
done
python3 /work/shared/eval/score.py "$gold" "$out" -v
