#!/usr/bin/env bash
# The simulator against a private mosquitto: readings arrive in order with increasing seq, every
# payload follows the platform's contract, unacked readings are resent until the platform's
# ack on .../ack arrives and only then stop, and the broker's credentials come from the file.
# Usage: test-sim.sh path/to/fw_sim
set -euo pipefail
sim=$1
# Debian puts the broker in /usr/sbin, which a non-root PATH may lack.
PATH="$PATH:/usr/sbin"
for tool in mosquitto mosquitto_sub mosquitto_pub mosquitto_passwd; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool missing (apt-get install mosquitto mosquitto-clients)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/fw-sim-test.XXXXXX")
# mktemp's folder is private; the broker's user must be able to pass through it.
chmod 711 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  echo "--- broker log" >&2; tail -n 20 "$work/broker/log" >&2 || true
  echo "--- simulator" >&2; tail -n 5 "$work/sim.log" >&2 || true
  exit 1
}

# Broker users: two devices and the platform (what ingest will use); the third device in the
# credentials file has a wrong password and must never get in.
mkdir -p "$work/broker"
mosquitto_passwd -c -b "$work/broker/passwd" fridge-1 fridge-secret 2>/dev/null
mosquitto_passwd -b "$work/broker/passwd" soil-1 soil-secret 2>/dev/null
mosquitto_passwd -b "$work/broker/passwd" platform platform-secret 2>/dev/null
cat > "$work/credentials" <<CREDS
# tenant device username password profile
acme fridge-1 fridge-1 fridge-secret fridge
acme soil-1   soil-1   soil-secret   soil
acme door-9   door-9   not-the-password door
CREDS

# A free port: try a few at random; a port someone takes meanwhile makes mosquitto exit, and
# the next one is tried.
port=""
for _ in 1 2 3 4 5 6 7 8; do
  candidate=$((20000 + RANDOM % 30000))
  (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null && continue
  {
    echo "listener $candidate 127.0.0.1"
    echo "allow_anonymous false"
    echo "password_file $work/broker/passwd"
    echo "persistence false"
    echo "log_dest file $work/broker/log"
    # As root mosquitto drops to this user, which must own its folder.
    [ "$(id -u)" -eq 0 ] && echo "user mosquitto"
  } > "$work/broker/mosquitto.conf"
  [ "$(id -u)" -eq 0 ] && chown -R mosquitto: "$work/broker" && chmod 700 "$work/broker"
  mosquitto -c "$work/broker/mosquitto.conf" & broker=$!
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    kill -0 "$broker" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$port" ]; then pids+=("$broker"); break; fi
  kill "$broker" 2>/dev/null || true
done
[ -n "$port" ] || fail "could not start mosquitto on a free port"
sub=(mosquitto_sub -h 127.0.0.1 -p "$port" -u platform -P platform-secret -q 1 -v -t 'tenants/+/devices/+/telemetry')

"${sub[@]}" > "$work/before.txt" & pids+=($!)
sleep 0.3
"$sim" --credentials "$work/credentials" --port "$port" --duration 9 --interval-ms 300 --resend-ms 1000 \
  --speed 60 --stats-every 0 2> "$work/sim.log" & simulator=$!
pids+=("$simulator")

seqs_of() { grep "^tenants/acme/devices/$2/telemetry " "$1" | sed -E 's/.*"seq":([0-9]+).*/\1/'; }

sleep 3
fridge_boot=$(grep -m1 '^tenants/acme/devices/fridge-1/telemetry ' "$work/before.txt" | sed -E 's/.*"boot":([0-9]+).*/\1/')
[ -n "$fridge_boot" ] || fail "no reading from fridge-1 within 3 s"
highest=$(seqs_of "$work/before.txt" fridge-1 | sort -n | tail -n 1)
[ "$highest" -ge 5 ] || fail "fridge-1 sent only $highest readings in 3 s at 300 ms"
# Ack all but the last two: those were sent before the ack and must keep coming.
acked=$((highest - 2))
mosquitto_pub -h 127.0.0.1 -p "$port" -u platform -P platform-secret -q 1 \
  -t tenants/acme/devices/fridge-1/ack -m "{\"boot\":$fridge_boot,\"seq\":$acked}"
sleep 0.5
"${sub[@]}" > "$work/after.txt" & after=$!
pids+=("$after")
wait "$simulator" || fail "the simulator exited with an error"
sleep 0.3

# 1. New readings appear in seq order, contiguous from 1, and resends repeat old seqs.
for device in fridge-1 soil-1; do
  firsts=$(seqs_of "$work/before.txt" "$device" | awk '!seen[$1]++' | tr '\n' ' ')
  expected=$(seq 1 "$(echo "$firsts" | wc -w)" | tr '\n' ' ')
  [ "$firsts" = "$expected" ] || fail "$device: new seqs not in order: $firsts"
done
[ "$(seqs_of "$work/before.txt" soil-1 | sort | uniq -d | wc -l)" -gt 0 ] || fail "soil-1 never resent an unacked reading"

# 2. Every payload follows the contract.
reading='\{"sensor":"[^"]+","value":-?[0-9]+(\.[0-9]+)?,"unit":"[^"]*"\}'
contract="^tenants/[^/]+/devices/[^/]+/telemetry \{\"boot\":[0-9]+,\"seq\":[0-9]+,\"ts\":[0-9]{13},(\"first\":[0-9]+,)?\"readings\":\[$reading(,$reading)*\]\}$"
bad=$(cat "$work/before.txt" "$work/after.txt" | grep -v -E "$contract" || true)
[ -z "$bad" ] || fail "payloads off the contract: $(echo "$bad" | head -n 3)"

# 3. After the ack: nothing up to the acked seq again, the unacked ones still resent.
if seqs_of "$work/after.txt" fridge-1 | awk -v a="$acked" '$1 <= a {found=1} END {exit !found}'; then
  fail "fridge-1 resent a reading the platform had acked (seq <= $acked)"
fi
for kept in $((acked + 1)) $((acked + 2)); do
  seqs_of "$work/after.txt" fridge-1 | grep -qx "$kept" || fail "fridge-1 dropped unacked seq $kept before its ack"
done
seqs_of "$work/after.txt" soil-1 | grep -qx 1 || fail "soil-1 stopped resending seq 1 though it was never acked"
grep -q "device=fridge-1 .* acked=$acked " "$work/sim.log" || fail "fridge-1 did not count $acked acked readings"

# 4. Credentials come from the file: the device with a wrong password never got in.
! grep -q 'devices/door-9/' "$work/before.txt" "$work/after.txt" || fail "door-9 published with a wrong password"

total=$(cat "$work/before.txt" | wc -l)
echo "simulator test passed: $total readings seen, fridge-1 acked up to $acked, resends until acked"
