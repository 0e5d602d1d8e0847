#!/usr/bin/env bash
# A throwaway PostgreSQL for the storage and API tests.
#
#   export GONGKAI_TEST_PG_URL="$(scripts/pg-test-server.sh start)"   # prints the URL on stdout
#   node --import tsx --test test/store/*.test.ts test/serve/*.test.ts
#   scripts/pg-test-server.sh stop
#
# The cluster lives in /tmp/gongkai-pg-<port> with trust auth on 127.0.0.1 only, fsync off
# (nothing in it is worth keeping); `stop` deletes it. Port: $2, else $GONGKAI_PG_PORT, else 55432.
set -euo pipefail

cmd="${1:-}"
port="${2:-${GONGKAI_PG_PORT:-55432}}"
dir="/tmp/gongkai-pg-${port}"
db="gongkai_test"

bin="${PG_BIN:-}"
if [[ -z "$bin" ]]; then
  for v in 17 16 15 14 13; do
    if [[ -x "/usr/lib/postgresql/$v/bin/initdb" ]]; then bin="/usr/lib/postgresql/$v/bin"; break; fi
  done
fi
if [[ -z "$bin" ]]; then
  if command -v initdb >/dev/null 2>&1; then bin="$(dirname "$(command -v initdb)")"; else
    echo "pg-test-server: 找不到 PostgreSQL 的 initdb（设置 PG_BIN 指向其 bin 目录）" >&2; exit 1
  fi
fi

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url="postgres://postgres@127.0.0.1:${port}/${db}"

case "$cmd" in
  start)
    if [[ -f "$dir/data/postmaster.pid" ]] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "$url"; exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [[ "$(id -u)" == 0 ]]; then chown postgres: "$dir"; fi
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
      echo "pg-test-server: initdb 失败，见 $dir/initdb.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      start >/dev/null || { echo "pg-test-server: 启动失败，见 $dir/server.log" >&2; exit 1; }
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
    echo "pg-test-server: PostgreSQL 已在 127.0.0.1:${port} 启动（数据目录 $dir）" >&2
    echo "$url"
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    echo "pg-test-server: 已停止并删除 $dir" >&2
    ;;
  url)
    echo "$url"
    ;;
  *)
    echo "用法: $0 start|stop|url [端口]" >&2; exit 2
    ;;
esac
