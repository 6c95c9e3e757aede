#!/usr/bin/env bash
# Installs what the real-service tests need (see DESIGN.md, "Real services in tests"),
# only when missing: Debian's docker engine, registry, htpasswd and openssl, and moto's server.
# Quiet when everything is present; one line per installed thing otherwise.
set -euo pipefail

fail() {
  echo "ensure-services: $*" >&2
  exit 1
}

# Runs a command with its output kept aside, and shows the end of that output only if it fails.
quietly() {
  local log status=0
  log=$(mktemp)
  "$@" >"$log" 2>&1 || status=$?
  if ((status != 0)); then tail -n 20 "$log" >&2; fi
  rm -f "$log"
  return "$status"
}

apt_updated=false
apt_install() {
  [[ $(id -u) == 0 ]] || fail "need root to install $1 with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if [[ $apt_updated == false ]]; then
    quietly apt-get update || fail "apt-get update failed"
    apt_updated=true
  fi
  quietly apt-get install -y --no-install-recommends "$1" || fail "apt-get install $1 failed"
  echo "ensure-services: installed $1"
}

# command that must exist -> Debian package that provides it
declare -A package_for=(
  [dockerd]=docker.io
  [docker-registry]=docker-registry
  [htpasswd]=apache2-utils
  [openssl]=openssl
)
for command_name in dockerd docker-registry htpasswd openssl; do
  # dockerd lives in /usr/sbin, which a minimal PATH may lack.
  if ! PATH="$PATH:/usr/sbin:/sbin" command -v "$command_name" >/dev/null 2>&1; then
    apt_install "${package_for[$command_name]}"
  fi
done

moto_present() {
  command -v moto_server >/dev/null 2>&1 && python3 -c 'import moto.server' >/dev/null 2>&1
}

if ! moto_present; then
  command -v python3 >/dev/null 2>&1 || apt_install python3
  python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
  # Debian's own python3 refuses pip installs (PEP 668) unless told to; on a test machine we want
  # them. pips that predate PEP 668 ignore the variable.
  PIP_BREAK_SYSTEM_PACKAGES=1 quietly python3 -m pip install --disable-pip-version-check "moto[server]" \
    || fail 'pip install "moto[server]" failed'
  # pyenv puts console scripts behind shims that only appear after a rehash.
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
  hash -r
  moto_present || fail 'installed moto[server], but moto_server or "import moto.server" is still missing'
  echo "ensure-services: installed moto[server]"
fi
