#!/usr/bin/env bash
# Builds the solution and runs every test against private PostgreSQL clusters.
# Extra arguments go to dotnet test: ./test.sh --filter LocalPostgres
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

ensure_prerequisites
ensure_apt_package mosquitto_passwd mosquitto # the MQTT tests' broker (the daemon sits in /usr/sbin, off most PATHs)
ensure_apt_package mosquitto_sub mosquitto-clients
# The browser tests drive Debian's chromium through Playwright; no browser is ever downloaded.
ensure_apt_package chromium chromium
ensure_firmware_prerequisites

info "firmware: host tests, simulator against mosquitto, Xtensa compile check"
firmware/scripts/host-tests.sh

info "dotnet restore"
dotnet restore Platform.sln
info "dotnet build (Release)"
dotnet build Platform.sln -c Release --no-restore
info "dotnet test (Release)"
# One test project at a time (-m:1): the chaos tests (killed ingest, restarted broker) measure progress
# while they run, and on two cores they should not share them with another project's suite.
exec dotnet test Platform.sln -c Release --no-build -m:1 "$@"
