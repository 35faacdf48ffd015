#!/usr/bin/env bash
# The main job on a fresh machine: generate a national-scale demo export (once), run the pipeline on
# it, and serve the dashboards at http://127.0.0.1:5080 on the embedded DuckDB warehouse.
#   ./demo.sh                 national preset (~16M rows; first run generates ~1 GB of CSV)
#   PRESET=tiny ./demo.sh     a small one, ready in seconds
set -euo pipefail
cd "$(dirname "$0")"
preset=${PRESET:-national}
data=${DATA_DIR:-.data/demo-$preset}
export_dir=.data/export-$preset
export MONITORING_DEMO=1   # demo mode: a throw-away pseudonym key outside the repository is allowed

dotnet build -c Release etl/Monitoring.Etl.csproj -nologo -v q
dotnet publish -c Release dashboards/Monitoring.Dashboards.csproj -o .data/dashboards-bin -nologo -v q
etl="dotnet etl/bin/Release/net10.0/monitoring-etl.dll"

if [ ! -f "$export_dir/manifest.json" ]; then
  $etl generate --preset "$preset" --seed 7 --out "$export_dir"
fi
if [ ! -f "$data/CURRENT" ]; then
  $etl run --source "$export_dir" --data "$data" --demo
  $etl publish --data "$data" --out "$data/opendata" || true
fi
echo "dashboards at http://127.0.0.1:5080"
exec dotnet .data/dashboards-bin/Monitoring.Dashboards.dll --data "$(realpath "$data")" --urls http://127.0.0.1:5080
