#!/usr/bin/env bash
# The main job on a fresh machine: generate a national-scale demo export (once), run the pipeline on
# it, and serve the dashboards at http://127.0.0.1:5080 on the embedded DuckDB warehouse.
#   ./demo.sh                 national preset (~16M rows; first run generates ~1 GB of CSV)
#   PRESET=tiny ./demo.sh     a small one, ready in seconds
#   PORT=5081 ./demo.sh       another port (or URLS=http://127.0.0.1:5081 for the full address)
# Works from any working directory: every path below is made absolute from this script's folder.
set -euo pipefail
repo=$(cd "$(dirname "$0")" && pwd)
preset=${PRESET:-national}
data=$(realpath -m "${DATA_DIR:-$repo/.data/demo-$preset}")   # a relative DATA_DIR is the caller's
cd "$repo"
port=${PORT:-5080}
urls=${URLS:-http://127.0.0.1:$port}
url=${urls%%;*}
hostport=${url#*://}; hostport=${hostport%%/*}; hostport=${hostport/://}   # 127.0.0.1/5080 for bash's /dev/tcp
export_dir=$repo/.data/export-$preset
bin=$repo/.data/dashboards-bin
export MONITORING_DEMO=1   # demo mode: a throw-away pseudonym key outside the repository is allowed

# The demo export comes from the generator tool (tools/Generate, not part of the product); building it builds etl too.
dotnet build -c Release tools/Generate/Monitoring.Tools.Generate.csproj -nologo -v q
dotnet publish -c Release dashboards/Monitoring.Dashboards.csproj -o "$bin" -nologo -v q
etl="dotnet $repo/etl/bin/Release/net10.0/monitoring-etl.dll"
generate="dotnet $repo/tools/Generate/bin/Release/net10.0/monitoring-generate.dll"

if [ ! -f "$export_dir/manifest.json" ]; then
  $generate --preset "$preset" --seed 7 --out "$export_dir"
fi
if [ ! -f "$data/CURRENT" ]; then
  $etl run --source "$export_dir" --data "$data" --demo
  $etl publish --data "$data" --out "$data/opendata" | fold -s -w 80 || true   # release summary within 80 columns
fi

# The app's own log goes to a file, so the last lines on screen are where to go and what to click.
log=$data/dashboards.log
dotnet "$bin/Monitoring.Dashboards.dll" --data "$data" --urls "$urls" >"$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' INT TERM HUP EXIT
for _ in $(seq 1 120); do
  if ! kill -0 "$app" 2>/dev/null; then echo "the dashboards stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; fi
  if (exec 3<>"/dev/tcp/$hostport") 2>/dev/null; then break; fi
  sleep 0.5
done
cat <<MSG

Dashboards ready (app log: ${log#"$repo"/}). Ctrl+C stops them.
First click: "Accedi" (Sign in), then "Ministero" (Ministry):
the red flags and the funnel plot. "English" at the top switches.

  $url
MSG
wait "$app"
