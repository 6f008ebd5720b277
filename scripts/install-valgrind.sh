#!/usr/bin/env bash
# Installs valgrind (Debian package `valgrind`), which tier 1 of the CI gate counts instructions
# with (callgrind), and a C compiler (`gcc`) for its small client-request addon: the package ships
# the headers the addon includes (/usr/include/valgrind/callgrind.h). Safe to run again: it does
# nothing when both are present. Exit 1 with one line on stderr when they cannot be had.
set -euo pipefail

missing=()
command -v valgrind >/dev/null 2>&1 && [ -f /usr/include/valgrind/callgrind.h ] || missing+=(valgrind)
command -v "${CC:-cc}" >/dev/null 2>&1 || missing+=(gcc)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-valgrind: $(valgrind --version) and $("${CC:-cc}" --version | head -n 1) are already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-valgrind: cannot install ${missing[*]}: no apt-get on this machine; install them yourself (tier 1 needs valgrind >= 3.19 with its headers, and a C compiler)" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "install-valgrind: cannot install ${missing[*]}: not root and no password-less sudo; run 'apt-get update && apt-get install -y ${missing[*]}' as root" >&2
    exit 1
  fi
fi

echo "install-valgrind: installing ${missing[*]} (apt-get install -y ${missing[*]})"
# The package lists are refreshed only when the install fails with the lists at hand.
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  if ! $SUDO apt-get update >/dev/null 2>&1 ||
    ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "install-valgrind: apt-get could not install ${missing[*]} (no network to the Debian mirror, or no such package here); tier 1 cannot run" >&2
    exit 1
  fi
fi
echo "install-valgrind: installed $(valgrind --version) and $("${CC:-cc}" --version | head -n 1)"
