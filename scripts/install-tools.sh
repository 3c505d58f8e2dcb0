#!/usr/bin/env bash
# Installs the real Prometheus and Alertmanager tools the tests run: promtool, prometheus, amtool and
# prometheus-alertmanager, from Debian's packages, and Debian's chromium for the browser tests of the HTML report
# and the dashboard preview (driven by playwright-core at /usr/bin/chromium). Does nothing when they are already there.
set -euo pipefail

missing=()
for tool in promtool prometheus amtool prometheus-alertmanager; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -x /usr/bin/chromium ] || missing+=("chromium")
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-tools: promtool, prometheus, amtool, prometheus-alertmanager and chromium are installed"
  exit 0
fi
echo "install-tools: missing ${missing[*]}; installing the Debian packages prometheus, prometheus-alertmanager and chromium"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

# The package database can be locked briefly by another apt process; retry.
retry() {
  local attempt
  for attempt in 1 2 3 4 5 6; do
    "$@" && return 0
    echo "install-tools: '$*' failed (attempt $attempt); retrying in 10s" >&2
    sleep 10
  done
  return 1
}

retry $SUDO apt-get update -qq
retry $SUDO apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager chromium

# The packages start their daemons where a service manager runs; the tests start their own.
for service in prometheus prometheus-alertmanager; do
  $SUDO systemctl stop "$service" >/dev/null 2>&1 || true
done

for tool in promtool prometheus amtool prometheus-alertmanager; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-tools: $tool is still missing" >&2; exit 1; }
done
[ -x /usr/bin/chromium ] || { echo "install-tools: /usr/bin/chromium is still missing" >&2; exit 1; }
promtool --version 2>&1 | head -1
amtool --version 2>&1 | head -1
