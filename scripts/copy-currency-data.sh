#!/usr/bin/env bash
# Trunk post-build hook: copies each currency's card file (written by core/build.rs under a
# content-hashed name) and wacost-data.json (currency -> file name) into the staged site, and
# preloads the USD file from index.html (the `<!-- wacost-data preload -->` marker).
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
profile="${TRUNK_PROFILE:-release}"
target="${CARGO_TARGET_DIR:-${TRUNK_SOURCE_DIR:-.}/target}"
src="$target/wasm32-unknown-unknown/$profile/wacost-data"
manifest="$src/wacost-data.json"
[ -f "$manifest" ] || { echo "copy-currency-data: $manifest is missing (core/build.rs writes it)" >&2; exit 1; }
cp "$manifest" "$TRUNK_STAGING_DIR/"
for file in $(grep -o 'wacost-data-[A-Z]*-[0-9a-f]*\.csv' "$manifest"); do
  cp "$src/$file" "$TRUNK_STAGING_DIR/"
done
usd=$(grep -o 'wacost-data-USD-[0-9a-f]*\.csv' "$manifest")
sed -i "s#<!-- wacost-data preload -->#<link rel=\"preload\" href=\"./$usd\" as=\"fetch\" type=\"text/csv\" crossorigin>#" \
  "$TRUNK_STAGING_DIR/index.html"
