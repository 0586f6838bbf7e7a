# tests/pg.sh: a private PostgreSQL for the tests (R18), sourced by
# tests/http/run and tests/lib.sh.  Never a system service: initdb and
# pg_ctl in a temporary directory, a unix socket in that directory only
# (listen_addresses empty), fsync off.  As root, the server runs as the
# postgres user (postgres refuses root); the tests connect as the
# database user postgres through the socket, trust authentication.
#
#   PGBIN                    the PostgreSQL 15 binaries
#   SUPPORTAL_TEST_PGHOST    the socket directory of the running cluster;
#                            set by pg_cluster_start, inherited by the tests

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

# pg_as CMD...: CMD as the cluster's owner (the postgres user when root)
pg_as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# pg_cluster_start DIR [SETTINGS]: a new cluster in DIR (a directory of
# the caller's, without data/), started (pg_cluster_run); exports
# SUPPORTAL_TEST_PGHOST=DIR.
pg_cluster_start() {
	local d=$1
	[ "$(id -u)" = 0 ] && chown postgres: "$d"
	chmod 700 "$d"
	pg_as "$PGBIN/initdb" -D "$d/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
		>"$d/initdb.log" 2>&1 || { cat "$d/initdb.log" >&2; return 1; }
	pg_cluster_run "$@" || return 1
	# the tests (root or not) reach the socket through the directory
	chmod 711 "$d"
	export SUPPORTAL_TEST_PGHOST=$d
}

# pg_cluster_run DIR [SETTINGS]: the server of DIR's cluster started, its
# socket in DIR and nowhere else, its log DIR/log.  SETTINGS, the
# server's -c options, are the tests' by default: fsync off; connections
# for a test file's workers (up to 10) and supportalctl, the concurrency
# test holding a few dozen at once.
pg_cluster_run() {
	local d=$1 settings=${2:--c fsync=off -c max_connections=200}
	pg_as "$PGBIN/pg_ctl" -D "$d/data" -l "$d/log" -w -t 60 \
		-o "-c listen_addresses='' -k $d $settings" \
		start >/dev/null || { cat "$d/log" >&2; return 1; }
}

# pg_cluster_stop DIR: stop the cluster of DIR (its files stay)
pg_cluster_stop() {
	[ -f "$1/data/postmaster.pid" ] || return 0
	pg_as "$PGBIN/pg_ctl" -D "$1/data" -m immediate -w -t 60 stop >/dev/null 2>&1
}

# pg_compat_sql: what the tests' own SQL needs of SQLite's on PostgreSQL,
# in a schema of its own that only the tests' psql has on its search_path
# (db in tests/lib.sh): the workers never see it, so a statement of the
# portal's that leans on SQLite's functions still fails as in production.
# Only what has no text both engines take: the rest of the tests' SQL is
# written once for both (unixepoch(), CAST(x AS INTEGER) for a truth
# value, an alias on every subquery, dates reckoned by date(1)).
pg_compat_sql() {
	cat <<'SQL'
CREATE SCHEMA test_compat;
-- group_concat(X [, SEP]): SQLite's, NULLs skipped, ',' by default
CREATE FUNCTION test_compat.group_concat_step(acc text, v anyelement, sep text)
  RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text
    ELSE acc || sep || v::text END $$;
CREATE FUNCTION test_compat.group_concat_step(acc text, v anyelement)
  RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text
    ELSE acc || ',' || v::text END $$;
CREATE AGGREGATE test_compat.group_concat(anyelement, text)
  (SFUNC = test_compat.group_concat_step, STYPE = text);
CREATE AGGREGATE test_compat.group_concat(anyelement)
  (SFUNC = test_compat.group_concat_step, STYPE = text);
-- instr(X, Y): SQLite's, PostgreSQL's strpos
CREATE FUNCTION test_compat.instr(text, text) RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$ SELECT strpos($1, $2) $$;
-- db_hash(): every row of every table of the portal's, in a stable
-- order, hashed in one statement (db_hash in tests/lib.sh: the IDOR
-- tests hash before and after each of hundreds of tries)
CREATE FUNCTION test_compat.db_hash() RETURNS text LANGUAGE plpgsql AS $$
DECLARE t record; h text; acc text := '';
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c
      WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
      ORDER BY c.relname LOOP
    EXECUTE format('SELECT md5(coalesce(string_agg(x::text, E''\n'' ORDER BY x::text), '''')) FROM public.%I x', t.relname) INTO h;
    acc := acc || t.relname || ':' || h || E'\n';
  END LOOP;
  RETURN md5(acc);
END $$;
SQL
}
