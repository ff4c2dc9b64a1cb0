#!/usr/bin/env bash
# Regenerates the sample feed's media in www/media/ with ffmpeg (Debian package `ffmpeg`).
# The outputs are committed, so neither the page nor the build needs this script or a network.
set -euo pipefail
cd "$(dirname "$0")/../www/media"
command -v ffmpeg >/dev/null || { echo "gen-media needs ffmpeg (apt-get install ffmpeg)" >&2; exit 1; }

ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }

# name  colours (3)  seed  gradient type
while read -r name c0 c1 c2 seed type; do
  ff -f lavfi -i "gradients=s=720x1280:c0=$c0:c1=$c1:c2=$c2:n=3:seed=$seed:speed=0.00001:type=$type" \
     -vf "vignette=PI/5" -frames:v 1 -q:v 7 "$name.jpg"
done <<'LIST'
stadium   0x0b1d3a 0x2e7d32 0xf2d16b 4  radial
monsoon   0x0f2a3d 0x2f5d7c 0x9ec7d9 11 linear
market    0x4a1a0a 0xc2561b 0xf6c453 7  linear
temple    0x2b1b3d 0x8e3b5c 0xf0a35e 3  radial
skyline   0x091428 0x3a2e6b 0xff8a5b 21 linear
beach     0x0d4d63 0x3fb0b8 0xf5e2b8 9  radial
phone     0x111111 0x3b3b8f 0x7fd6ff 5  radial
cinema    0x1a0508 0x7a0f1f 0xe8b04a 13 linear
LIST

# A 4-second clip: muted, small, loops cleanly.
ff -f lavfi -i "gradients=s=360x640:c0=0x7a0f1f:c1=0xe8b04a:c2=0x1a0508:n=3:seed=2:speed=0.02:rate=24:duration=4" \
   -c:v libvpx-vp9 -b:v 120k -an -row-mt 1 -deadline good clip.webm
ff -i clip.webm -frames:v 1 -q:v 7 clip-poster.jpg

# Publisher logos: flat shapes, no text, so no fonts are needed.
logo() {
  printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="12" fill="%s"/>%s</svg>\n' "$2" "$3" > "logo-$1.svg"
}
logo cricket '#0b5ed7' '<circle cx="24" cy="24" r="11" fill="#fff"/><path d="M15 20q9 4 18 0M15 28q9-4 18 0" stroke="#d62828" stroke-width="2" fill="none"/>'
logo news '#c1121f' '<rect x="12" y="13" width="24" height="22" rx="3" fill="#fff"/><rect x="16" y="18" width="16" height="3" fill="#c1121f"/><rect x="16" y="24" width="16" height="2" fill="#999"/><rect x="16" y="29" width="10" height="2" fill="#999"/>'
logo football '#2a9d8f' '<circle cx="24" cy="24" r="12" fill="#fff"/><path d="M24 17l6 4-2 7h-8l-2-7z" fill="#222"/>'
logo shop '#f77f00' '<path d="M14 19h20l-2 16H16z" fill="#fff"/><path d="M19 19v-3a5 5 0 0 1 10 0v3" stroke="#fff" stroke-width="2.5" fill="none"/>'
logo film '#6a4c93' '<rect x="12" y="15" width="24" height="18" rx="2" fill="#fff"/><path d="M22 19l7 5-7 5z" fill="#6a4c93"/>'
logo weather '#0096c7' '<circle cx="20" cy="21" r="7" fill="#ffd166"/><path d="M16 33h17a6 6 0 0 0-1-12 8 8 0 0 0-15 3 5 5 0 0 0-1 9z" fill="#fff"/>'
ls -la
