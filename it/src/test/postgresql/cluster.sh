#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the integration tests.
#
#   cluster.sh start DATADIR PORT    initdb into DATADIR (a stale cluster there is stopped and removed
#                                    first), start it on 127.0.0.1:PORT, create the application's role
#                                    and database
#   cluster.sh stop  DATADIR PORT    fast shutdown; does nothing when no cluster runs there
#
# The role, its password and the database come from the environment (defaults in brackets):
# PG_IT_USER [appconnection], PG_IT_PASSWORD [appconnection-it], PG_IT_DATABASE [appconnection].
#
# The server binaries are taken from `pg_config --bindir`, else from the newest /usr/lib/postgresql/*/bin;
# PG_BINDIR overrides both. initdb and postgres refuse to run as root: as root, the cluster belongs to the
# `postgres` user (runuser, else su). The cluster listens on 127.0.0.1 only; its Unix socket and log sit
# next to DATADIR (in DATADIR/../run), the socket in /tmp when that path is too long for a socket.
# Every wait is bounded (PG_IT_TIMEOUT seconds, default 60).
set -euo pipefail

usage() {
    echo "usage: $0 start|stop DATADIR PORT" >&2
    exit 2
}
[[ $# -eq 3 ]] || usage
action=$1
port=$3
[[ $port =~ ^[0-9]+$ ]] || usage
datadir=$(realpath -m -- "$2")
base=$(dirname -- "$datadir")
rundir=$base/run
logfile=$rundir/postgresql.log
timeout_s=${PG_IT_TIMEOUT:-60}
db_user=${PG_IT_USER:-appconnection}
db_password=${PG_IT_PASSWORD:-appconnection-it}
db_name=${PG_IT_DATABASE:-appconnection}
superuser=postgres

log() { echo "[postgresql-it] $*"; }
die() { echo "[postgresql-it] ERROR: $*" >&2; exit 1; }

find_bindir() {
    local dir
    if [[ -n ${PG_BINDIR:-} ]]; then
        dir=$PG_BINDIR
    else
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [[ -z $dir || ! -x $dir/initdb || ! -x $dir/pg_ctl ]]; then
            # Debian/Ubuntu keep the server binaries out of PATH, one directory per major version.
            dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
        fi
    fi
    [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]] \
        || die "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found: install PostgreSQL (Debian: apt-get install postgresql), set PG_BINDIR, or skip with -DskipPostgresql"
    echo "$dir"
}

# As root, everything that touches the cluster runs as the postgres user.
if [[ $(id -u) -eq 0 ]]; then
    owner=postgres
    id -u "$owner" >/dev/null 2>&1 || die "running as root but there is no '$owner' user to own the cluster"
else
    owner=$(id -un)
fi
as_owner() {
    if [[ $owner == "$(id -un)" ]]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$owner" -- "$@"
    else
        su -s /bin/sh "$owner" -c "$(printf '%q ' "$@")"
    fi
}
# Creates a directory that belongs to the cluster's owner.
owned_dir() {
    mkdir -p -- "$1"
    if [[ $owner != "$(id -un)" ]]; then
        chown "$owner": -- "$1"
    fi
    chmod "$2" -- "$1"
}

# A Unix socket path may not exceed 107 bytes.
socket_dir() {
    if (( ${#rundir} + 20 > 100 )); then
        echo "${TMPDIR:-/tmp}/appconnection-pg-$port"
    else
        echo "$rundir"
    fi
}

is_running() {
    [[ -f $datadir/postmaster.pid ]] && as_owner "$bindir/pg_ctl" status -D "$datadir" >/dev/null 2>&1
}

# Postmasters started by this script for DATADIR whose directory is gone (e.g. `mvn clean` after an
# interrupted run): they still hold the port. Found by their exact command line, never by name alone.
orphans() {
    local proc args
    for proc in /proc/[0-9]*; do
        [[ -r $proc/cmdline ]] || continue
        args=$(tr '\0' '\n' 2>/dev/null <"$proc/cmdline") || continue
        if [[ $(head -n 1 <<<"$args") == */postgres ]] && grep -qxF -- "$datadir" <<<"$args" \
            && grep -qxF -- "-p" <<<"$args" && grep -qxF -- "$port" <<<"$args"; then
            basename "$proc"
        fi
    done
}

stop_cluster() {
    local mode=$1 pid deadline
    if is_running; then
        log "stopping the cluster in $datadir ($mode)"
        as_owner "$bindir/pg_ctl" stop -D "$datadir" -m "$mode" -w -t "$timeout_s" >/dev/null \
            || die "pg_ctl stop failed; see $logfile"
    fi
    for pid in $(orphans); do
        log "stopping an orphaned postmaster (pid $pid) of $datadir"
        kill -INT "$pid" 2>/dev/null || true
        deadline=$((SECONDS + timeout_s))
        while kill -0 "$pid" 2>/dev/null; do
            (( SECONDS < deadline )) || { kill -KILL "$pid" 2>/dev/null || true; break; }
            sleep 0.2
        done
    done
}

port_in_use() {
    # bash's /dev/tcp: a successful connect means someone listens there.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

psql_super() {
    as_owner timeout "$timeout_s" "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" \
        -U "$superuser" -d postgres "$@"
}

if [[ $action == stop && ! -e $datadir ]] && ! pg_config --bindir >/dev/null 2>&1 \
    && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 && [[ -z ${PG_BINDIR:-} ]]; then
    log "nothing to stop: no cluster in $datadir"
    exit 0
fi
bindir=$(find_bindir)
sockdir=$(socket_dir)

case $action in
start)
    [[ $db_password != *"'"* && $db_user =~ ^[a-z_][a-z0-9_]*$ && $db_name =~ ^[a-z_][a-z0-9_]*$ ]] \
        || die "PG_IT_USER/PG_IT_DATABASE must be plain lower-case identifiers, PG_IT_PASSWORD without quotes"
    # Whatever an earlier, interrupted run left behind goes first.
    stop_cluster immediate
    if port_in_use; then
        die "127.0.0.1:$port is in use by something else; free it or choose another port (-Dit.pg.port=...)"
    fi
    rm -rf -- "$datadir"
    mkdir -p -- "$base"
    owned_dir "$datadir" 0700
    owned_dir "$rundir" 0755
    owned_dir "$sockdir" 0755
    if [[ $owner != "$(id -un)" ]] && ! as_owner test -w "$datadir"; then
        die "user $owner cannot reach $datadir (a parent directory is not searchable by others)"
    fi
    cd -- "$base"

    log "initdb into $datadir ($("$bindir/postgres" --version), as $owner)"
    as_owner "$bindir/initdb" -D "$datadir" -U "$superuser" -E UTF8 --locale=C --no-sync \
        --auth-local=trust --auth-host=scram-sha-256 >"$rundir/initdb.log" 2>&1 \
        || { cat "$rundir/initdb.log" >&2; die "initdb failed"; }

    log "starting on 127.0.0.1:$port (socket in $sockdir, log $logfile)"
    as_owner "$bindir/pg_ctl" start -D "$datadir" -l "$logfile" -w -t "$timeout_s" \
        -o "-p $port -k $sockdir -c listen_addresses=127.0.0.1" >/dev/null \
        || { tail -n 30 "$logfile" >&2 || true; die "the cluster did not start"; }

    deadline=$((SECONDS + timeout_s))
    until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2; do
        (( SECONDS < deadline )) || { stop_cluster immediate; die "not ready after ${timeout_s}s"; }
        sleep 0.2
    done

    psql_super -c "CREATE ROLE $db_user LOGIN PASSWORD '$db_password'" \
        -c "CREATE DATABASE $db_name OWNER $db_user" \
        || { stop_cluster immediate; die "could not create role $db_user and database $db_name"; }
    log "ready: database $db_name, role $db_user, on 127.0.0.1:$port"
    ;;
stop)
    stop_cluster fast
    log "stopped (or was not running): $datadir"
    ;;
*)
    usage
    ;;
esac
