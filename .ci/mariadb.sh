# Sourced by .ci/run and .ci/benchmark: start_mariadb PORT [extra mariadbd options] starts a MariaDB from
# Debian's packages on 127.0.0.1 with a throwaway data dir and a database `sladesk` (user and password
# `sladesk`, who may also create databases named sladesk*); it stops and is removed when the calling script exits.

# mariadbd and friends live in /usr/sbin, which a non-login shell may not have on PATH
export PATH="$PATH:/usr/sbin:/sbin"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

install_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

start_mariadb() {
  local port="$1"
  shift
  DATA_DIR="$(mktemp -d /tmp/sladesk-mariadb.XXXXXX)"
  SOCKET="$DATA_DIR/mysqld.sock"
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(--user=root)
  trap stop_mariadb EXIT
  echo "== starting MariaDB on 127.0.0.1:$port"
  mariadb-install-db --no-defaults "${run_as[@]}" --datadir="$DATA_DIR/data" \
    --auth-root-authentication-method=socket >/dev/null
  mariadbd --no-defaults "${run_as[@]}" --datadir="$DATA_DIR/data" --socket="$SOCKET" \
    --port="$port" --bind-address=127.0.0.1 --skip-log-bin \
    --pid-file="$DATA_DIR/mariadb.pid" --log-error="$DATA_DIR/mariadb.err" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
    --transaction-isolation=READ-COMMITTED "$@" &
  MARIADB_PID=$!
  for _ in $(seq 1 60); do
    mariadb-admin --socket="$SOCKET" -uroot ping >/dev/null 2>&1 && break
    sleep 1
  done
  mariadb --socket="$SOCKET" -uroot <<'SQL'
CREATE DATABASE sladesk CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER 'sladesk'@'127.0.0.1' IDENTIFIED BY 'sladesk';
-- the crash and outage tests make databases of their own beside it (sladesk_nodes, sladesk_outage)
GRANT ALL PRIVILEGES ON `sladesk%`.* TO 'sladesk'@'127.0.0.1';
SQL
}

stop_mariadb() {
  if [ -S "${SOCKET:-}" ]; then
    mariadb-admin --socket="$SOCKET" -uroot shutdown >/dev/null 2>&1 || true
  fi
  [ -n "${MARIADB_PID:-}" ] && wait "$MARIADB_PID" 2>/dev/null || true
  [ -n "${DATA_DIR:-}" ] && rm -rf "$DATA_DIR"
}
