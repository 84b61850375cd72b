#!/bin/sh
# Regenerates every compat-vectors/*.tsv (and findings/*.tsv) from the real clients.
#
# Prerequisites (Debian 12): memcached, nutcracker, php-cli, php-memcached, ruby, ruby-dalli,
# python3-pylibmc, python3-pymemcache, libmemcached-dev, gcc, pkg-config:
#   apt-get install -y memcached nutcracker php-cli php-memcached ruby ruby-dalli \
#     python3-pylibmc python3-pymemcache libmemcached-dev gcc pkg-config
# The host names in ./hosts must resolve to their loopback addresses; run as root and this
# script appends the missing lines to /etc/hosts. The loopback ports used by plan.py (11211 and
# 31211-31220 on 127.0.0.x and on ::1, 22198-22199 on 127.0.0.1) must be free.
#
# Usage: record-all.sh [NAME_SUBSTRING ...]   (only the files whose name contains one of them)
#
# Steps: record.py (the .tsv files), survey.py (findings/key-acceptance.md, full run only),
# index.py (the file tables of ../README.md), check.py (an independent model of each profile
# must agree with every labelled file; it exits non-zero and names the keys when one does not).
# About two minutes; every process it starts is stopped before it ends.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

while read -r ip name; do
  [ -n "$name" ] || continue
  if [ "$(getent ahostsv4 "$name" | awk 'NR==1 {print $1}')" != "$ip" ]; then
    if [ -w /etc/hosts ]; then
      echo "adding '$ip $name' to /etc/hosts"
      echo "$ip $name" >> /etc/hosts
    else
      echo "$name must resolve to $ip: add '$ip $name' to /etc/hosts" >&2
      exit 1
    fi
  fi
done < "$here/hosts"

export PYTHONDONTWRITEBYTECODE=1
/usr/bin/python3 "$here/record.py" "$@" > "$here/record.out" || { cat "$here/record.out"; exit 1; }
cat "$here/record.out"
if [ $# -eq 0 ]; then
  /usr/bin/python3 "$here/survey.py" > "$here/../findings/key-acceptance.md"
fi
/usr/bin/python3 "$here/index.py"
/usr/bin/python3 "$here/check.py" > "$here/check.out" || { cat "$here/check.out"; exit 1; }
echo "check.py: every labelled file agrees with the model (see record/check.out)"
