#!/usr/bin/env bash
# Renders the audit files of the sample portfolio to PNG, to see what an auditor sees:
# the first page of the SoA PDF, the first page and the evidence page of a dossier PDF, and the
# workbook as LibreOffice prints it (cover and inventory). Output: docs/samples/ (or the folder given).
# Needs poppler-utils (pdftoppm) and LibreOffice Calc; installs them with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/samples}"
mkdir -p "$out"
if ! command -v pdftoppm >/dev/null || ! command -v soffice >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils libreoffice-calc-nogui >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npx tsx scripts/render-samples.ts "$work"

png() { # file.pdf page name [crop: x y w h at 400 dpi]
  if [[ $# -gt 3 ]]; then pdftoppm -f "$2" -l "$2" -r 400 -x "$4" -y "$5" -W "$6" -H "$7" -png -singlefile "$1" "$out/$3"
  else pdftoppm -f "$2" -l "$2" -r 80 -png -singlefile "$1" "$out/$3"; fi
}
png "$work/soa.pdf" 1 soa-page-1
png "$work/dossier-applicant-ranker.pdf" 1 dossier-page-1
evidence_page=$(for i in $(seq 1 "$(pdfinfo "$work/dossier-applicant-ranker.pdf" | awk '/^Pages:/ {print $2}')"); do
  text=$(pdftotext -f "$i" -l "$i" "$work/dossier-applicant-ranker.pdf" -)
  if [[ "$text" == *wiki.example.com* ]]; then echo "$i"; break; fi
done)
png "$work/dossier-applicant-ranker.pdf" "${evidence_page:-1}" dossier-evidence
# LibreOffice prints the workbook a sheet a page wide: page 1 is the cover, page 2 the inventory, page 3
# the evidence matrix. The register pages are cut to their top left corner at a readable size.
soffice --headless --calc --convert-to pdf --outdir "$work" "$work/workbook.xlsx" >/dev/null 2>&1
png "$work/workbook.pdf" 1 workbook-cover
png "$work/workbook.pdf" 2 workbook-inventory 200 250 2400 900
png "$work/workbook.pdf" 3 workbook-evidence-matrix 200 250 1800 500
ls -l "$out"
