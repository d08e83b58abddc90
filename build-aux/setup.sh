# Sourced by build-aux/run and build-aux/test: installs the Debian packages Upright needs
# (listed in build-aux/packages.txt) when they are missing, then configures a meson build.
# Never prompts: CI runs as root with no terminal.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

upr_missing_packages ()
{
  local pkgs missing=() p
  pkgs=$(grep -v -E '^\s*(#|$)' "$top/build-aux/packages.txt")
  for p in $pkgs "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  echo "${missing[@]}"
}

upr_install_packages ()
{
  local missing
  missing=$(upr_missing_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q || { echo "apt-get update failed" >&2; return 1; }
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing || return 1
  else
    echo "Upright needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get install --no-install-recommends $missing" >&2
    return 1
  fi
}

upr_configure ()
{
  local dir=$1; shift
  if [ -f "$top/$dir/build.ninja" ]; then
    meson setup --reconfigure "$top/$dir" "$top" "$@" >/dev/null
  else
    meson setup "$top/$dir" "$top" "$@"
  fi
}
