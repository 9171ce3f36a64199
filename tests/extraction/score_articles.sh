#!/usr/bin/env bash
# Score the extractor on a folder of NAME.txt / NAME.meta.json / NAME.gold.json fixtures.
#   tests/extraction/score_articles.sh [DIR]   (default: tests/extraction/heldout)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$here/tests/extraction/heldout}"
py="${PYTHON:-$here/.venv/bin/python}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/gold" "$out/pred"
for gold in "$dir"/*.gold.json; do
  name="$(basename "$gold" .gold.json)"
  cp "$gold" "$out/gold/$name.json"
  pub="$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("published") or "")' "$dir/$name.meta.json")"
  (cd "$here" && "$py" -m extraction "$dir/$name.txt" ${pub:+--published "$pub"}) > "$out/pred/$name.json"
done
python3 /work/shared/eval/score.py "$out/gold" "$out/pred" -v
