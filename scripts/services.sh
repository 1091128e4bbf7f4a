# Throwaway PostgreSQL and Redis for the tests and benchmarks: sourced by scripts/test and
# scripts/bench. `services_start` installs them from Debian when missing, starts one cluster and
# one Redis on free loopback ports in a temporary directory, and exports
#   VINSNAP_TEST_POSTGRES  postgres://vinsnap@127.0.0.1:PORT/postgres (trust auth, loopback only)
#   VINSNAP_TEST_REDIS     redis://127.0.0.1:PORT
# `services_stop` stops both (by their own pid files) and removes the directory; the caller
# traps it on EXIT. Durability is off (fsync, WAL on commit): a test cluster lives for one run.
# SERVICES_PG_SHARED_BUFFERS sizes PostgreSQL's cache (256MB unless set; the benchmark's catalog
# needs more, see README "Benchmarks").

services_install() {
    local missing=()
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing ${missing[*]} (Debian)"
        apt-get -o DPkg::Lock::Timeout=900 update -qq
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
            --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# A TCP port nothing listens on now.
services_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

services_start() {
    services_install
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    SERVICES_DIR=$(mktemp -d /tmp/vinsnap-services.XXXXXX)
    chmod 755 "$SERVICES_DIR"
    # PostgreSQL refuses to run as root: then the cluster belongs to the package's `postgres` user.
    local as=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$SERVICES_DIR"
        as=(runuser -u postgres --)
    fi
    local pg_port redis_port
    pg_port=$(services_free_port)
    redis_port=$(services_free_port)
    "${as[@]}" "$bin/initdb" -D "$SERVICES_DIR/pg" -U vinsnap --auth=trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$SERVICES_DIR/initdb.log" 2>&1 ||
        { cat "$SERVICES_DIR/initdb.log" >&2; return 1; }
    "${as[@]}" "$bin/pg_ctl" -D "$SERVICES_DIR/pg" -l "$SERVICES_DIR/pg.log" -w -s start -o \
        "-p $pg_port -k $SERVICES_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 \
         -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
         -c shared_buffers=${SERVICES_PG_SHARED_BUFFERS:-256MB}" ||
        { cat "$SERVICES_DIR/pg.log" >&2; return 1; }
    SERVICES_PG_CTL=("${as[@]}" "$bin/pg_ctl" -D "$SERVICES_DIR/pg")
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no \
        --daemonize yes --dir "$SERVICES_DIR" --pidfile "$SERVICES_DIR/redis.pid" \
        --logfile "$SERVICES_DIR/redis.log"
    local i
    for i in $(seq 50); do
        [ -s "$SERVICES_DIR/redis.pid" ] && redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    export VINSNAP_TEST_POSTGRES="postgres://vinsnap@127.0.0.1:$pg_port/postgres"
    export VINSNAP_TEST_REDIS="redis://127.0.0.1:$redis_port"
    echo "== PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port ($SERVICES_DIR)"
}

services_stop() {
    [ -n "${SERVICES_DIR:-}" ] && [ -d "$SERVICES_DIR" ] || return 0
    "${SERVICES_PG_CTL[@]}" stop -m immediate -s >/dev/null 2>&1 || true
    if [ -s "$SERVICES_DIR/redis.pid" ]; then
        kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$SERVICES_DIR"
    SERVICES_DIR=
}
