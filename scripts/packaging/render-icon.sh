#!/bin/sh
# Renders resources/icon.svg to resources/icon.png (512 × 512, transparent corners) with headless
# Chromium; electron-builder makes the Windows .ico and macOS .icns from the PNG.
set -e
cd "$(dirname "$0")/../.."
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=512,512 --screenshot="$PWD/resources/icon.png" "file://$PWD/resources/icon.svg"
