# shellcheck shell=bash
# Shared by run.sh and test.sh: checks what the platform needs and installs what is missing
# when it can (root, or sudo), so a fresh machine or CI runner needs only this repository.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

info() { echo "==> $*" >&2; }
die() { echo "error: $*" >&2; exit 1; }

APT_UPDATED=0

# apt_install PACKAGE: as root, or through sudo; otherwise explains what to run.
apt_install() {
  local package=$1
  local -a sudo=()
  command -v apt-get >/dev/null 2>&1 \
    || die "$package is missing and apt-get is not available: install $package with your package manager"
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 \
      || die "$package is missing: install it as root with 'apt-get update && apt-get install -y $package'"
    sudo=(sudo)
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    info "apt-get update"
    "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  info "apt-get install -y $package"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" \
    || die "apt-get install -y $package failed"
}

# ensure_apt_package BINARY PACKAGE: installs PACKAGE unless BINARY is on the PATH.
ensure_apt_package() {
  local binary=$1 package=$2
  command -v "$binary" >/dev/null 2>&1 && return 0
  apt_install "$package"
  command -v "$binary" >/dev/null 2>&1 || die "$package is installed but $binary is still not on the PATH"
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || die "the .NET 10 SDK is required but 'dotnet' is not on the PATH: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian, package dotnet-sdk-10.0) and try again"
  dotnet --list-sdks 2>/dev/null | grep -q '^10\.' \
    || die "the .NET 10 SDK is required; found only: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')"
}

# pg_bin_dir: prints the folder with initdb and pg_ctl, found the way LocalPostgres finds it.
pg_bin_dir() {
  local dir
  if [ -n "${PLATFORM_PG_BIN:-}" ]; then
    [ -x "$PLATFORM_PG_BIN/initdb" ] && echo "$PLATFORM_PG_BIN"
    return
  fi
  for dir in $(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir)
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  fi
  return 1
}

# The server binaries only: the platform starts its own clusters, never the system's.
ensure_postgres() {
  pg_bin_dir >/dev/null && return 0
  [ -z "${PLATFORM_PG_BIN:-}" ] || die "PLATFORM_PG_BIN=$PLATFORM_PG_BIN has no initdb"
  apt_install postgresql-15
  pg_bin_dir >/dev/null || die "PostgreSQL server binaries not found after installing postgresql-15; set PLATFORM_PG_BIN"
}

# Ranked full-text search from the index (RUM). The catalog search falls back to GIN without it,
# so a machine where it cannot be installed still runs, with a warning.
ensure_rum() {
  local bin major
  bin=$(pg_bin_dir) || return 0
  [ -f "$("$bin/pg_config" --sharedir)/extension/rum.control" ] && return 0
  major=$("$bin/pg_config" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
  if ! (apt_install "postgresql-$major-rum"); then
    info "warning: postgresql-$major-rum could not be installed; catalog search uses GIN indexes only"
    return 0
  fi
  # The package can upgrade the server binaries; a postmaster started before still runs the old ones.
  restart_running_cluster "${Platform__DataDirectory:-$PWD/.data}/postgres"
}

# restart_running_cluster DATADIR: restarts the postmaster of DATADIR, if one runs, on the current binaries.
restart_running_cluster() {
  local data=$1 pid bin
  [ -f "$data/postmaster.pid" ] || return 0
  pid=$(head -n 1 "$data/postmaster.pid")
  kill -0 "$pid" 2>/dev/null || return 0
  bin=$(pg_bin_dir) || return 0
  info "restarting PostgreSQL in $data on the upgraded binaries"
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" restart -D "$data" -m fast -w -l "$data/postgresql.log" >/dev/null
  else
    "$bin/pg_ctl" restart -D "$data" -m fast -w -l "$data/postgresql.log" >/dev/null
  fi
}

ensure_prerequisites() {
  ensure_dotnet
  ensure_postgres
  ensure_rum
}

# ensure_dpkg_package PACKAGE: installs a package that puts nothing on the PATH (headers,
# libraries) unless dpkg lists it. Where there is no dpkg, CMake says what is missing.
ensure_dpkg_package() {
  local package=$1
  command -v dpkg-query >/dev/null 2>&1 || return 0
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' && return 0
  apt_install "$package"
}

# The firmware's host build (firmware/README.md): compilers, GoogleTest, the Xtensa compiler of
# the portability check, libmosquitto for the simulator and the broker its test starts.
ensure_firmware_prerequisites() {
  ensure_apt_package cmake cmake
  ensure_apt_package g++ g++
  ensure_dpkg_package libgtest-dev
  ensure_apt_package xtensa-lx106-elf-gcc gcc-xtensa-lx106
  ensure_dpkg_package libmosquitto-dev
  ensure_dpkg_package mosquitto
  ensure_apt_package mosquitto_sub mosquitto-clients
}
