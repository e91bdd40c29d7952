#!/usr/bin/env bash
# Compiles the portable core and drivers for Xtensa (Debian's gcc-xtensa-lx106, the ESP8266
# compiler: ESP-IDF's ESP32 toolchain does not install here) as freestanding C99 with every
# warning an error, then checks the objects need nothing from a C library but the memcpy and
# memset a compiler may emit, and no allocator at all. Prints the code and data size.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/build/xtensa}"
cc=xtensa-lx106-elf-gcc
command -v "$cc" >/dev/null 2>&1 || { echo "error: $cc not found (apt-get install gcc-xtensa-lx106)" >&2; exit 1; }
mkdir -p "$out"
objects=()
for source in "$here"/core/*.c "$here"/drivers/*.c; do
  object="$out/$(basename "$(dirname "$source")")_$(basename "${source%.c}").o"
  "$cc" -std=c99 -pedantic -ffreestanding -Os -mlongcalls -Wall -Wextra -Werror -Wshadow -Wconversion \
    -I"$here" -c "$source" -o "$object"
  objects+=("$object")
done
# Undefined symbols must be ours (fw_*), compiler runtime helpers (__*), or memcpy/memset.
foreign=$(xtensa-lx106-elf-nm -u "${objects[@]}" | awk 'NF==2 {print $2}' | sort -u \
  | grep -v -E '^(fw_|__|memcpy$|memset$)' || true)
if [ -n "$foreign" ]; then
  echo "error: the core needs symbols a freestanding build does not have:" >&2
  echo "$foreign" >&2
  exit 1
fi
xtensa-lx106-elf-size -t "${objects[@]}" | tail -n 1 | awk '{print "xtensa: " $1 " bytes text, " $2 " data, " $3 " bss in " n " objects"}' n=${#objects[@]}
echo "xtensa compile check passed: ${#objects[@]} files, no C library or allocator needed"
