#!/bin/sh
# Regenerates NotoSansCJKsc-Regular-GB2312.otf from Debian's fonts-noto-cjk (see README.md).
# Needs: fonts-noto-cjk and a python3 with fontTools (Debian: python3-fonttools); PYTHON=/usr/bin/python3 picks one.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
source_ttc=${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT

# Every character GB2312 encodes (rows 0xA1-0xF7, cells 0xA1-0xFE; unassigned pairs are skipped), then ASCII,
# Latin-1 and Latin Extended-A (U+00A0-U+017F), general punctuation (U+2000-U+206F), CJK symbols and punctuation
# (U+3000-U+303F) and the full-width forms (U+FF01-U+FF5E).
"$python" - "$chars" <<'PY'
import sys
chars = []
for row in range(0xA1, 0xF8):
    for cell in range(0xA1, 0xFF):
        try:
            chars.append(bytes([row, cell]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
ranges = [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF01, 0xFF5E)]
chars += [chr(c) for lo, hi in ranges for c in range(lo, hi + 1)]
with open(sys.argv[1], 'w', encoding='utf-8') as out:
    out.write(''.join(sorted(set(chars))))
PY

"$python" -m fontTools.subset "$source_ttc" --font-number=2 --text-file="$chars" \
  --layout-features='*' --name-IDs='*' --notdef-outline \
  --output-file="$here/NotoSansCJKsc-Regular-GB2312.otf"
