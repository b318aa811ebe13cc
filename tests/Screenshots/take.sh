#!/usr/bin/env bash
# Renders the 2021 sample report as the official tables (govinfo render) and takes a picture of the page with
# headless Chromium, for the README. Needs Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk).
# Not part of the test run: run it by hand when the renderer's output changes, and commit the PNG.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/Screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet run --project src/GovInfoReports.Cli -- render tests/samples/2021-wuyuan-hesheng-township.txt --format html --output "$work/report.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=1180,1580 --screenshot="$work/report.png" "file://$work/report.html" 2>/dev/null
cp "$work/report.png" "$out/official-table-2021.png"
echo "wrote $out/official-table-2021.png"
