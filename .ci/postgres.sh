# Sourced by .ci/run: a throwaway PostgreSQL server on loopback for the hub's tests, so that
# they run on the real server as well as on the embedded PGlite (packages/hub, issue 16).
#
# Installs Debian's `postgresql` when missing, creates a cluster in a temporary folder
# (never touches the machine's own clusters), starts it on 127.0.0.1 at a free port with
# password-less access for the local test user, creates the database `welfare_hub` and
# exports DATABASE_URL. The server stops when the calling shell exits (trap).
# Root cannot run PostgreSQL: as root the cluster belongs to, and runs as, `postgres`.
# When anything fails, DATABASE_URL stays unset and the hub's tests run on PGlite only
# (a line says so); the suite itself decides nothing from this script's exit status.

ci_postgres_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "::group::apt-get install postgresql"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1; }
    echo "::endgroup::"
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -z "$bin" ]; then
    echo "PostgreSQL could not be installed: the hub's tests run on PGlite only."
    return 0
  fi

  local as=() user
  user=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    # env -C /: the checkout may be a folder postgres cannot enter (mktemp -d is 0700).
    as=(runuser -u postgres -- env -C /)
    user=postgres
  fi
  local dir
  dir=$(mktemp -d /tmp/welfare-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"

  # A free port on loopback (asked of the kernel, then released for PostgreSQL).
  local port
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

  if ! "${as[@]}" "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    echo "PostgreSQL initdb failed ($dir/initdb.log): the hub's tests run on PGlite only."
    tail -n 5 "$dir/initdb.log"
    return 0
  fi
  # fsync off: a test cluster that is thrown away at the end needs no durability, only speed.
  if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null; then
    echo "PostgreSQL did not start ($dir/server.log): the hub's tests run on PGlite only."
    tail -n 5 "$dir/server.log"
    return 0
  fi
  CI_PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop)
  CI_PG_DIR=$dir
  trap 'ci_postgres_stop' EXIT
  if ! "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" welfare_hub; then
    echo "The test database could not be created: the hub's tests run on PGlite only."
    return 0
  fi
  export DATABASE_URL="postgres://$user@127.0.0.1:$port/welfare_hub"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port: the hub's tests also run on it (DATABASE_URL)."
}

ci_postgres_stop() {
  [ -n "${CI_PG_STOP+x}" ] && "${CI_PG_STOP[@]}" >/dev/null 2>&1
  [ -n "${CI_PG_DIR:-}" ] && rm -rf "$CI_PG_DIR"
  return 0
}
