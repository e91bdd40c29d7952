#!/bin/sh
# Starts mosquitto and makes it reload its account files (SIGHUP) whenever the platform rewrites
# them: the ingest service writes passwd and acl into the shared volume after every registry change.
set -eu
accounts=/mosquitto/accounts
[ -f "$accounts/passwd" ] || : > "$accounts/passwd"
[ -f "$accounts/acl" ] || : > "$accounts/acl"
mosquitto -c /mosquitto/config/mosquitto.conf &
broker=$!
trap 'kill -TERM "$broker"; wait "$broker"; exit 0' TERM INT
seen=""
while kill -0 "$broker" 2>/dev/null; do
  now="$(cat "$accounts/passwd" "$accounts/acl" | md5sum)"
  if [ -n "$seen" ] && [ "$now" != "$seen" ]; then kill -HUP "$broker"; fi
  seen="$now"
  sleep 1
done
wait "$broker"
