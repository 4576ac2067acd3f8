#!/usr/bin/env bash
# Runs gui-trial.groovy in a real Fiji GUI on a virtual display (apt-get install xvfb).
# Usage: gui-trial.sh FIJI_APP OUT_DIR WEIGHTS_FILE [macros]
#   FIJI_APP     a Fiji.app with the plugin installed (by its updater, see RealFiji in the tests)
#   OUT_DIR      receives trial.txt (what was seen) and the screenshots
#   WEIGHTS_FILE a VGG19 weights file (the tests' synthetic one is enough)
#   macros       only the bundled macros from their dialogs (and failed runs left unrecorded)
# Offline machines also need PYTORCH_LIBRARY_PATH etc. set as in shared/fiji/README.md, step 4.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../../../../../../.." && pwd)"
app="$1"; out="$(mkdir -p "$2" && cd "$2" && pwd)"; weights="$3"
Xvfb :99 -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 2
DISPLAY=:99 FIJI_JAVA_OPTS="${FIJI_JAVA_OPTS:--Djava.util.prefs.userRoot=$out/prefs}" \
	timeout 900 "$app/ImageJ-linux64" --run "$here/gui-trial.groovy" \
	"out=\"$out\",weights=\"$weights\",samples=\"$repo/sample-data\",macros=\"$repo/macros\",steps=\"${4:-all}\""
