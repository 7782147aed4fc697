#!/usr/bin/env bash
# Builds the static site into dist/: the calculator page (Trunk, release), the embeddable
# widget (dist/widget/) and the JavaScript package (js/pkg/), then reports gzipped sizes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trunk build --release --offline
[ -x scripts/build-widget.sh ] && scripts/build-widget.sh
[ -x scripts/build-js.sh ] && scripts/build-js.sh
# The widget demo (a provider's pricing page), pointing at the widget build beside it in dist/.
mkdir -p dist/examples
sed 's#\.\./dist/widget/#../widget/#' examples/pricing.html > dist/examples/pricing.html
scripts/size-report.sh
