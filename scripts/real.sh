#!/bin/sh
# `make real`: ICE's real records beside the checkout -> a warehouse -> the two real reports.
# Every step is a `yearbook` command a user could type.
set -eu
BIN=${BIN:-.venv/bin}
DATA=${DATA:-../shared/data}
OUT=${OUT:-yearbook-real}
if [ ! -d "$DATA/real/foia-2019-icfo-53623" ]; then
  echo "make real needs ICE's real files in $DATA/real/ (set DATA=... to point elsewhere)" >&2
  exit 2
fi
W="$OUT/warehouse"
export COLUMNS="${COLUMNS:-160}"  # wide enough for each file's row accounting on one line
rm -rf "$W"  # made from the files each time
set -x
"$BIN/yearbook" ingest "$DATA"/real/foia-2019-icfo-53623/*.csv.gz --into "$W" --pack packs/ice
"$BIN/yearbook" ingest "$DATA/real/ddp/facilities-daily-population-latest.parquet" --into "$W" --pack packs/ice
"$BIN/yearbook" ingest "$DATA/official_figures.csv" --into "$W" --pack packs/ice
"$BIN/yearbook" published "$DATA"/real/ice-detention-stats/*.xlsx --pack packs/ice --into "$W"
"$BIN/yearbook" build reports/ice-ero-fy2018 --warehouse "$W" --out "$OUT/ice-ero-fy2018"
"$BIN/yearbook" build reports/ice-detention-fy2025 --warehouse "$W" --out "$OUT/ice-detention-fy2025"
"$BIN/yearbook" reconcile "$OUT/ice-ero-fy2018"
"$BIN/yearbook" reconcile "$OUT/ice-detention-fy2025"
set +x
echo
echo "The real reports:"
echo "  $OUT/ice-ero-fy2018/index.html        ERO FY2018, arrests, removals and encounters FY2016-FY2019"
echo "  $OUT/ice-detention-fy2025/index.html  detention FY2023-FY2025 beside ICE's workbooks"
