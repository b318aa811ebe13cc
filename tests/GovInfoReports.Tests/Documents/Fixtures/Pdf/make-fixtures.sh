#!/usr/bin/env bash
# Regenerates the PDF fixtures in this folder the way agencies make their PDFs: random report documents (fixed seeds)
# laid out by `govinfo render` as Word and converted by LibreOffice, or as HTML and printed by headless Chromium; plus
# a scan (image-only), a user-password file, an owner-password-only file, a damaged and a truncated file.
# NAME.expected.json is exactly the report document NAME.pdf was rendered from (null = blank cell).
#
# Needs: python3, the .NET runtime, and the Debian packages
#   libreoffice-writer-nogui fonts-noto-cjk chromium poppler-utils qpdf img2pdf
# The govinfo tool: GOVINFO=/path/to/govinfo.dll, else it is published from src/GovInfoReports.Cli into a temporary
# folder (needs the .NET SDK).
# Usage: bash make-fixtures.sh   (from any folder; writes next to this script; the JSON is the same on every run,
# the PDF bytes differ by timestamps and document ids)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
helper="$here/fixtures.py"

if [ -n "${GOVINFO:-}" ]; then dll="$GOVINFO"
else
  dotnet publish "$repo/src/GovInfoReports.Cli" -c Release -o "$work/tool" >/dev/null
  dll="$work/tool/govinfo.dll"
fi
govinfo() { dotnet "$dll" "$@"; }
govinfo schema 2019 > "$work/2019.schema.json"
govinfo schema 2021 > "$work/2021.schema.json"

# Old outputs go first, so that a fixture that is no longer made does not linger.
rm -f "$here"/*.pdf "$here"/*.expected.json

report() { # name template seed agency year → name.expected.json
  python3 "$helper" report "$work/$2.schema.json" "$3" "$here/$1.expected.json" "$4" "$5"
}

docx() { # name → $work/name.docx (fixed column widths, as the repository's DocxWriter gives since 2f56042)
  govinfo render "$here/$1.expected.json" --format docx -o "$work/$1.raw.docx"
  python3 "$helper" fixed-widths "$work/$1.raw.docx" "$work/$1.docx"
}

lo_pdf() { # docx-name pdf-name: $work/docx-name.docx → LibreOffice → $here/pdf-name.pdf
  libreoffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$work/lo" \
    "$work/$1.docx" >/dev/null 2>&1
  cp "$work/lo/$1.pdf" "$here/$2.pdf"
}

html() { # name → $work/name.html, A4 pages (the tool's HTML sets no page size; Chromium's default is US Letter)
  govinfo render "$here/$1.expected.json" --format html -o "$work/$1.raw.html"
  python3 "$helper" css "$work/$1.raw.html" "$work/$1.html" "@page { size: A4; }"
}

chromium_pdf() { # html-name pdf-name: $work/html-name.html → Chromium → $here/pdf-name.pdf
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$work/chromium-profile" \
    --print-to-pdf="$here/$2.pdf" "file://$work/$1.html" >/dev/null 2>&1
}

optimise() { # pdf-name: rewritten by qpdf as a PDF optimiser would (object streams, a cross-reference stream,
  # streams recompressed), which also shrinks Chromium's output (its Type 3 font and structure-tree dictionaries)
  qpdf --object-streams=generate --recompress-flate --compression-level=9 "$here/$1.pdf" "$work/$1.opt.pdf"
  cp "$work/$1.opt.pdf" "$here/$1.pdf"
}

# Word → LibreOffice, both templates. The 2021 section 三 table runs over two page breaks.
report lo-2019 2019 19001 "某某市某某区人民政府" 2020
docx lo-2019; lo_pdf lo-2019 lo-2019
report lo-2021 2021 21001 "某某县某某镇人民政府" 2023
docx lo-2021; lo_pdf lo-2021 lo-2021

# Word → LibreOffice with the narrative sections 一, 五 and 六 of a real report, and the three header rows of the
# section 三 table marked "repeat as header row" (w:tblHeader): LibreOffice repeats them on every page the table runs
# over; no row is broken by a page (w:cantSplit).
report lo-2021-long 2021 21005 "某某市某某区某某街道办事处" 2022
docx lo-2021-long
python3 "$helper" narrative "$work/lo-2021-long.docx" "$work/lo-2021-long.n.docx"
python3 "$helper" repeat-header "$work/lo-2021-long.n.docx" "$work/lo-2021-long.r.docx"
lo_pdf lo-2021-long.r lo-2021-long

# HTML → Chromium, both templates.
report chromium-2019 2019 19002 "某某省某某厅" 2019
html chromium-2019; chromium_pdf chromium-2019 chromium-2019
report chromium-2021 2021 21002 "某某市人民政府办公室" 2022
html chromium-2021; chromium_pdf chromium-2021 chromium-2021

# A table with no rules and no shading at all. (This one and the next are passed through qpdf, see optimise.)
report chromium-2021-borderless 2021 21003 "某某县某某街道办事处" 2024
html chromium-2021-borderless
python3 "$helper" css "$work/chromium-2021-borderless.html" "$work/chromium-2021-borderless.b.html" \
  "table, thead, tbody, tr, td, th { border: none !important; background: none !important; }"
chromium_pdf chromium-2021-borderless.b chromium-2021-borderless
optimise chromium-2021-borderless

# Narrow label columns: the row labels wrap over three lines and more.
report chromium-2021-narrow 2021 21004 "某某县人民政府" 2021
html chromium-2021-narrow
python3 "$helper" css "$work/chromium-2021-narrow.html" "$work/chromium-2021-narrow.n.html" \
  "td.label, th[rowspan='3'] { width: 3em; max-width: 3em; word-break: break-all; } td.value { min-width: 4em; }"
chromium_pdf chromium-2021-narrow.n chromium-2021-narrow
optimise chromium-2021-narrow

# A report whose numbers do not add up, as real ones sometimes do: the total of the newly received applications is 1
# more than the sum of its row. Read exactly as printed; the validator's finding stands on the page, in the cell's box.
report lo-2021-mismatch 2021 21007 "某某县某某乡人民政府" 2023
python3 "$helper" add-to-cell "$here/lo-2021-mismatch.expected.json" applications.newlyReceived.total 1
docx lo-2021-mismatch; lo_pdf lo-2021-mismatch lo-2021-mismatch

# An owner password only (printing and copying restricted): opens without a password.
report owner-only-2021 2021 21006 "某某县某某局" 2023
docx owner-only-2021; lo_pdf owner-only-2021 owner-only-2021.plain
qpdf --encrypt "" owner-secret 256 --print=none --extract=n -- "$here/owner-only-2021.plain.pdf" "$here/owner-only-2021.pdf"
rm "$here/owner-only-2021.plain.pdf"

# Not readable as text: a user password; a scan (grey page images, no text layer); bytes overwritten; cut short.
qpdf --encrypt user-secret owner-secret 256 -- "$here/lo-2021.pdf" "$here/encrypted-user.pdf"
# (8-bit grey PGM at 100 dpi, Flate-compressed by img2pdf: poppler 22.12 writes -gray -png as RGB, three times larger)
pdftoppm -r 100 -gray "$here/chromium-2021.pdf" "$work/scan"
img2pdf --imgsize 100dpix100dpi "$work"/scan-*.pgm -o "$here/scanned-2021.pdf"
python3 "$helper" damage "$here/lo-2019.pdf" "$here/corrupt.pdf" 5
python3 "$helper" truncate "$here/lo-2019.pdf" "$here/truncated.pdf" 0.4

python3 "$helper" check "$here"
