#!/bin/sh
# Installs the Debian packages dragoman needs to build and test, only those missing.
# Run as root on Debian 12 (make demo and make test call it); a no-op when all are present.
set -eu
PKGS="build-essential pkg-config libjansson-dev libutf8proc-dev libsqlite3-dev libxxhash-dev libyajl-dev libcmocka-dev clang libclang-rt-14-dev python3"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "bootstrap: missing Debian packages:$missing; run 'sudo scripts/bootstrap.sh' or install them" >&2
  exit 1
fi
echo "bootstrap: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
