#!/usr/bin/env bash
# The README's pictures, taken with headless Chromium:
# - official-table-2021.png: the 2021 sample rendered as the official tables (govinfo render);
# - report-corpus.png, report-page.png: govinfo report's corpus page and a report page with a failing rule highlighted,
#   over the samples and the 200 generated reports of CliReportSiteTests (which keeps its site in GOVINFO_SITE_OUT).
# Needs Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk).
# Not part of the test run: run it by hand when the renderer's or the site's output changes, and commit the PNGs.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/Screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() { # url png width height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="$2" "$1" 2>/dev/null
}

dotnet run --project src/GovInfoReports.Cli -- render tests/samples/2021-wuyuan-hesheng-township.txt --format html --output "$work/report.html"
shoot "file://$work/report.html" "$out/official-table-2021.png" 1180 1580

GOVINFO_SITE_OUT="$work/site" dotnet test tests/GovInfoReports.Tests --filter "FullyQualifiedName~CliReportSiteTests" >/dev/null
shoot "file://$work/site/index.html" "$out/report-corpus.png" 1280 1900
page=$(grep -l 'class="n fail"' "$work"/site/reports/*.html | head -1)
shoot "file://$page" "$out/report-page.png" 1280 2150
echo "wrote $out/official-table-2021.png, $out/report-corpus.png, $out/report-page.png"
