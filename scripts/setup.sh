#!/usr/bin/env bash
# Installs every tool Waypoint's build and tests need, skipping each one that
# is already present at the right version (so a warm machine takes seconds).
#
#   scripts/setup.sh              everything (build + browser tests)
#   scripts/setup.sh --no-browser skip Chromium/chromedriver (enough for `make dist`)
#
# Prints one line per tool: "ok <tool> <version>" or "installing <tool> ...".
set -euo pipefail

WITH_BROWSER=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) WITH_BROWSER=0 ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

TRUNK_VERSION=0.21.14
STAMPS="$ROOT/.setup-stamps"

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# Never let Playwright fetch its own browsers (the network here is closed to
# them); the tests use Debian's /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

die() { echo "setup.sh: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# ---------------------------------------------------------------- versions
wasm_bindgen_version() {
  local v=""
  if [ -f Cargo.lock ]; then
    v=$(awk '
      /^\[\[package\]\]/ { name = "" }
      /^name = /        { name = $3; gsub(/"/, "", name) }
      /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
    ' Cargo.lock)
  fi
  if [ -z "$v" ] && [ -f crates/web/Cargo.toml ]; then
    # wasm-bindgen = "=0.2.130"   or   wasm-bindgen = { version = "=0.2.130", ... }
    v=$(sed -nE 's/^[[:space:]]*wasm-bindgen[[:space:]]*=.*"=([0-9]+\.[0-9]+\.[0-9]+)".*/\1/p' crates/web/Cargo.toml | head -n1)
  fi
  [ -n "$v" ] || die "cannot find the wasm-bindgen version in Cargo.lock or an \"=x.y.z\" pin in Cargo.toml"
  echo "$v"
}

# -------------------------------------------------------------------- rust
command -v cargo >/dev/null 2>&1 || die "cargo not found (install Rust via rustup first)"
command -v rustup >/dev/null 2>&1 || die "rustup not found (needed to add the wasm32 target)"
echo "ok rust $(rustc --version | awk '{print $2}')"

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "ok wasm32-unknown-unknown target"
else
  echo "installing wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm rebuilds the standard library for size (Makefile
# WASM_RELEASE_ENV): that needs the toolchain's own library source.
if rustup component list --installed | grep -qx rust-src; then
  echo "ok rust-src"
else
  echo "installing rust-src (the standard library's source, for the release wasm)"
  rustup component add rust-src
fi
# Building that library offline (trunk --offline) needs its own crates in
# cargo's cache: a fresh machine has none of them (moto-rt, ...). Fetched
# once; afterwards the offline check succeeds without the network.
std_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if RUSTC_BOOTSTRAP=1 cargo fetch --offline --manifest-path "$std_manifest" >/dev/null 2>&1; then
  echo "ok standard library crates"
else
  echo "fetching the standard library's crates (for the release wasm)"
  RUSTC_BOOTSTRAP=1 cargo fetch --manifest-path "$std_manifest"
fi

# ------------------------------------------------------------ wasm-bindgen
WB_VERSION=$(wasm_bindgen_version)
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
have_wbtr=$(command -v wasm-bindgen-test-runner >/dev/null 2>&1 && echo yes || true)
if [ "$have_wb" = "$WB_VERSION" ] && [ -n "$have_wbtr" ]; then
  echo "ok wasm-bindgen-cli $WB_VERSION"
else
  echo "installing wasm-bindgen-cli $WB_VERSION (found: ${have_wb:-none}; takes ~2 min)"
  # No --locked: the registry mirror lacks a crate version the published lock pins.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# ------------------------------------------------------------------- trunk
have_trunk=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  echo "ok trunk $TRUNK_VERSION"
else
  echo "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}; takes ~7 min)"
  # --locked is required: without it lightningcss drifts and the build fails.
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# ---------------------------------------------------------- node packages
command -v node >/dev/null 2>&1 || die "node not found (Node 20+ is required)"
command -v npm >/dev/null 2>&1 || die "npm not found"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node 20+ required, found $(node --version)"
echo "ok node $(node --version | sed 's/^v//')"

[ -f package-lock.json ] || die "package-lock.json missing (run npm install and commit it)"
lock_hash=$( { sha256sum package.json package-lock.json; node --version; } | sha256sum | awk '{print $1}')
stamp="$STAMPS/npm-ci"
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ] \
   && [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright ]; then
  echo "ok node_modules $(cut -c1-12 "$stamp")"
else
  echo "installing node_modules (npm ci)"
  rm -f "$stamp"
  npm ci --no-audit --no-fund
  mkdir -p "$STAMPS"
  echo "$lock_hash" > "$stamp"
fi
wasm_opt_version=$(wasm-opt --version | awk '{print $3}')
[ "$wasm_opt_version" = 132 ] || die "node_modules/.bin/wasm-opt is version $wasm_opt_version, expected 132"
echo "ok wasm-opt $wasm_opt_version"

# ---------------------------------------------------------------- browser
if [ "$WITH_BROWSER" = 1 ]; then
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "ok chromium $(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo present)"
  else
    echo "installing chromium chromium-driver (apt)"
    export DEBIAN_FRONTEND=noninteractive
    if ! as_root apt-get install -y chromium chromium-driver; then
      as_root apt-get update
      as_root apt-get install -y chromium chromium-driver
    fi
  fi
  # Chinese, Japanese, Korean and Thai letters: phones have system fonts
  # for them (the site ships no web font), a bare Debian does not, and the
  # screenshots would show empty boxes instead of the page people see.
  if [ "$(dpkg-query -W -f='${Status}\n' fonts-noto-cjk fonts-thai-tlwg 2>/dev/null | grep -c ' installed$')" = 2 ]; then
    echo "ok fonts for CJK and Thai"
  else
    echo "installing fonts-noto-cjk fonts-thai-tlwg (apt)"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y fonts-noto-cjk fonts-thai-tlwg || { as_root apt-get update; as_root apt-get install -y fonts-noto-cjk fonts-thai-tlwg; }
  fi
fi
