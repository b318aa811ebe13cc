#!/usr/bin/env bash
# Regenerates the PDF fixtures of PdfFixtureTests, the way agencies make their PDFs: random report documents (fixed
# seeds) rendered by `govinfo render` to Word and converted by LibreOffice, or to HTML and printed by headless Chromium;
# plus a scanned (image-only), an encrypted, an owner-password-only, a damaged and a truncated file.
# Needs: the .NET SDK, python3, and the Debian packages libreoffice-writer-nogui fonts-noto-cjk chromium poppler-utils
# qpdf img2pdf. The test suite does not: the PDFs and their expected records are committed.
# Usage: bash make-fixtures.sh   (from any folder; writes next to this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$repo/src/GovInfoReports.Cli" -c Release -o "$work/tool" >/dev/null
govinfo() { dotnet "$work/tool/govinfo.dll" "$@"; }
govinfo schema 2019 > "$work/2019.schema.json"
govinfo schema 2021 > "$work/2021.schema.json"

report() { # name template seed [agency]
  python3 "$here/make_reports.py" "$work/$2.schema.json" "$3" "$here/$1.expected.json" "${4:-某某县人民政府办公室}"
}

libreoffice_pdf() { # name: expected.json → docx → pdf
  govinfo render "$here/$1.expected.json" --format docx -o "$work/$1.docx"
  (cd "$work" && libreoffice --headless --convert-to pdf "$1.docx" >/dev/null 2>&1)
  cp "$work/$1.pdf" "$here/$1.pdf"
}

chromium_pdf() { # name [css]: expected.json → html (+ css) → pdf
  govinfo render "$here/$1.expected.json" --format html -o "$work/$1.html"
  if [ -n "${2:-}" ]; then
    python3 - "$work/$1.html" "$2" <<'PY'
import sys
path, css = sys.argv[1], sys.argv[2]
html = open(path, encoding="utf-8").read()
html = html.replace("</head>", "<style>" + css + "</style></head>", 1)
open(path, "w", encoding="utf-8").write(html)
PY
  fi
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$here/$1.pdf" "file://$work/$1.html" >/dev/null 2>&1
}

# Word → LibreOffice, both templates (the 2021 section 三 table runs over page breaks, rows broken by the page).
report lo-2019 2019 19001 "某某市某某区人民政府"
libreoffice_pdf lo-2019
report lo-2021 2021 21001 "某某县某某镇人民政府"
libreoffice_pdf lo-2021

# HTML → Chromium, both templates; a table without any rules; labels wrapping over three lines and more.
report chromium-2019 2019 19002 "某某省某某厅"
chromium_pdf chromium-2019
report chromium-2021 2021 21002 "某某市人民政府办公室"
chromium_pdf chromium-2021
report chromium-2021-borderless 2021 21004 "某某县某某街道办事处"
chromium_pdf chromium-2021-borderless "table, tr, td, th { border: none !important; }"
report chromium-2021-narrow 2021 21003 "某某县人民政府"
chromium_pdf chromium-2021-narrow "table { width: 100%; table-layout: fixed; } td, th { font-size: 12pt; }"

# An owner password only (printing and copying restricted): opens normally.
report owner-only-2021 2021 21005 "某某县某某局"
libreoffice_pdf owner-only-2021
qpdf --encrypt "" owner-secret 256 --print=none --extract=n -- "$here/owner-only-2021.pdf" "$work/owner.pdf"
cp "$work/owner.pdf" "$here/owner-only-2021.pdf"

# Unreadable: a user password; a scan (pages as grey images, no text layer); bytes overwritten; cut short.
qpdf --encrypt user-secret owner-secret 256 -- "$here/lo-2021.pdf" "$here/encrypted-user.pdf"
pdftoppm -r 60 -gray -png "$here/chromium-2021.pdf" "$work/scan"
img2pdf "$work"/scan-*.png -o "$here/scanned-2021.pdf"
python3 - "$here/lo-2019.pdf" "$here/corrupt.pdf" "$here/truncated.pdf" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], "rb").read())
rnd = random.Random(5)
start = len(data) // 3
for i in range(start, start + 4096):
    data[i] = rnd.randrange(256)
# The cross-reference table and trailer are damaged too, so that no reader can recover the pages.
tail = len(data) - 1200
for i in range(tail, len(data) - 8):
    data[i] = rnd.randrange(256)
open(sys.argv[2], "wb").write(bytes(data))
whole = open(sys.argv[1], "rb").read()
open(sys.argv[3], "wb").write(whole[: int(len(whole) * 0.4)])
PY

for f in "$here"/*.pdf; do echo "$(basename "$f"): $(pdfinfo "$f" 2>/dev/null | awk '/^Pages/ {print $2}') pages, $(stat -c %s "$f") bytes"; done
