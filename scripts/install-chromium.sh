#!/usr/bin/env bash
# Installs the system Chromium (Debian package `chromium`) that the browser test of report.html
# drives through playwright-core. playwright-core never downloads a browser of its own here: the
# test points it at /usr/bin/chromium. Safe to run again: it does nothing when Chromium is present.
set -euo pipefail

CHROMIUM="${MEMOBENCH_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "install-chromium: $CHROMIUM is already installed ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: cannot install: no apt-get on this machine; install Chromium yourself and set MEMOBENCH_CHROMIUM to its path" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-chromium: cannot install: not root and no sudo; run 'apt-get update && apt-get install -y chromium' as root" >&2
    exit 1
  fi
fi

echo "install-chromium: installing the Debian package chromium (apt-get update && apt-get install -y chromium)"
if ! $SUDO apt-get update || ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium; then
  echo "install-chromium: apt-get could not install chromium (no network to the Debian mirror, or no such package on this distribution); the browser test of report.html will be skipped" >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: apt-get finished but $CHROMIUM is missing; set MEMOBENCH_CHROMIUM to the installed binary" >&2
  exit 1
fi
echo "install-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
