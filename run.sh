#!/usr/bin/env bash
# Runs the platform in embedded mode: one process, with a private PostgreSQL cluster under .data/
# (set ConnectionStrings__Platform to use an existing database instead) and a private mosquitto
# under .data/mosquitto for the devices (MQTT_PORT, default 51883). Extra arguments go to the host,
# e.g. ./run.sh --Urls=http://127.0.0.1:6080. Ctrl-C stops it, its cluster and its broker with it.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

ensure_prerequisites
ensure_apt_package curl curl
ensure_apt_package mosquitto_passwd mosquitto # the embedded MQTT broker (the daemon sits in /usr/sbin)
ensure_apt_package mosquitto_pub mosquitto-clients
mqtt_port="${MQTT_PORT:-51883}"

info "dotnet build src/Api (Release)"
dotnet build src/Api/Platform.Api.csproj -c Release -v quiet -nologo

# The address to print: the first of the configured URLs, with wildcard hosts made reachable.
url="${ASPNETCORE_URLS:-${URLS:-http://127.0.0.1:5080}}"
for argument in "$@"; do
  case "$argument" in --[Uu]rls=*) url="${argument#*=}" ;; esac
done
url="${url%%;*}"
url="$(echo "$url" | sed -E 's#//(0\.0\.0\.0|\*|\+|\[::\])#//127.0.0.1#')"

# The demo dealership (slug demo): seeded on the first start, kept across restarts. Its owner's
# password is generated once and kept beside the data, never in the repository.
# Platform__Demo__Seed=false runs without it.
export Platform__Demo__Seed="${Platform__Demo__Seed:-true}"
# Its simulated devices (a fridge, a soil sensor, a door) publish to the embedded broker; false stops them.
export Platform__Demo__Devices="${Platform__Demo__Devices:-$Platform__Demo__Seed}"
# Its past: 12 months of generated sales (leads, opportunities, wins) before it signed up, so the analytics
# dashboard has real figures; seeded once. 0 seeds none.
export Platform__Demo__HistoryMonths="${Platform__Demo__HistoryMonths:-12}"
demo_email="${Platform__Demo__OwnerEmail:-dueno@autos-demo.test}"
if [ -z "${Platform__Demo__OwnerPassword:-}" ]; then
  data_dir="${Platform__DataDirectory:-$PWD/.data}"
  password_file="$data_dir/demo-owner-password"
  if [ ! -s "$password_file" ]; then
    mkdir -p "$data_dir"
    (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$password_file")
  fi
  Platform__Demo__OwnerPassword="$(cat "$password_file")"
  export Platform__Demo__OwnerPassword
fi

# A platform operator (role platform-admin, in no tenant) for /api/platform: created on the first
# start with a password generated once and kept beside the data, never in the repository.
# Platform__Operators__Bootstrap__Email= (empty) skips it; ./platform operators add makes others.
export Platform__Operators__Bootstrap__Email="${Platform__Operators__Bootstrap__Email-ops@plataforma.test}"
operator_line=""
if [ -n "$Platform__Operators__Bootstrap__Email" ]; then
  if [ -z "${Platform__Operators__Bootstrap__Password:-}" ]; then
    operator_file="${Platform__DataDirectory:-$PWD/.data}/platform-operator-password"
    if [ ! -s "$operator_file" ]; then
      mkdir -p "$(dirname "$operator_file")"
      (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$operator_file")
    fi
    Platform__Operators__Bootstrap__Password="$(cat "$operator_file")"
    export Platform__Operators__Bootstrap__Password
  fi
  operator_line="
    Platform operator (POST $url/api/platform/auth/sign-in, then $url/api/platform/overview):
      $Platform__Operators__Bootstrap__Email / $Platform__Operators__Bootstrap__Password"
fi

# The key that wraps every person's data key (crypto-shredding): generated once beside the data.
if [ -z "${Platform__Privacy__MasterKey:-}" ]; then
  key_file="${Platform__DataDirectory:-$PWD/.data}/privacy-master-key"
  if [ ! -s "$key_file" ]; then
    mkdir -p "$(dirname "$key_file")"
    (umask 077; head -c 32 /dev/urandom | base64 > "$key_file")
  fi
  Platform__Privacy__MasterKey="$(cat "$key_file")"
  export Platform__Privacy__MasterKey
fi

if [ -n "${ConnectionStrings__Platform:-}" ]; then
  database="the database in ConnectionStrings__Platform"
else
  database="a private PostgreSQL cluster in ${Platform__DataDirectory:-$PWD/.data}/postgres"
fi

# Waits in the background for /health, then says where to go; exec below keeps the host's pid
# ($$), so Ctrl-C and kill reach the host directly and it stops its cluster on the way out.
(
  for _ in $(seq 1 180); do
    kill -0 $$ 2>/dev/null || exit 0
    if curl -fsS -o /dev/null --max-time 2 "$url/health" 2>/dev/null; then
      demo=""
      if [ "$Platform__Demo__Seed" = "true" ]; then
        demo="
    Demo catalog (search it and ask for a quote): $url/catalogo/demo
      owner account: $demo_email / $Platform__Demo__OwnerPassword
      (the few hundred demo vehicles appear within a minute of the first start)
    Sales dashboard (sign in with the owner account): $url/panel/ingresar
    Demo devices publish every 5 s: curl -N $url/api/devices/stream -H \"Authorization: Bearer \$TOKEN\" (README: Devices)"
      fi
      cat >&2 <<BANNER

  Platform is running on $database.
    API:     $url
    Health:  $url/health
    MQTT:    127.0.0.1:$mqtt_port (devices: register one at $url/api/devices, see the README)$demo$operator_line
  Logs are JSON lines on this terminal. Stop with Ctrl-C; ./test.sh runs the tests,
  and docker-compose.yml runs PostgreSQL and the API as separate services.

BANNER
      exit 0
    fi
    sleep 1
  done
  echo "warning: $url/health did not answer within 180 s; see the log above" >&2
) &

# A script started in the background inherits an ignored SIGINT, and so would the host; GNU env
# can restore it, so kill -INT works as Ctrl-C does.
reset_sigint=()
if env --default-signal=INT true 2>/dev/null; then reset_sigint=(env --default-signal=INT); fi
exec "${reset_sigint[@]}" dotnet src/Api/bin/Release/net10.0/Platform.Api.dll \
  --Platform:Mqtt:Embedded=true "--Platform:Mqtt:Port=$mqtt_port" "$@"
