#!/usr/bin/env bash
# The browser and Java runtime the tests need: headless Chromium (axe, browser tests) and Java
# (the Nu HTML Checker). Installs them with apt when run as root; otherwise says what to install.
# `ensure_system_tools.sh screenshots`: Chromium and a Traditional Chinese font (make screenshots).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [[ ${1:-} == screenshots ]]; then
  [[ -n $(fc-list :lang=zh-tw 2>/dev/null) ]] || missing+=(fonts-noto-cjk)
else
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
fi
if ((${#missing[@]} == 0)); then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need: ${missing[*]}. Install them, e.g. sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
