#!/bin/bash
# R17.4, #21's item 6: the Debian package as an operator meets it.
# make deb builds it (dpkg-buildpackage); apt-get installs
# ./build/supportal_*.deb on this machine; the installed supportal.service
# is started as its unit says: by systemctl where systemd is PID 1;
# elsewhere (this container) this script does what systemd would with
# its User, Group, RuntimeDirectory and mode, Environment, UMask,
# CapabilityBoundingSet, NoNewPrivileges and ExecStart, read from the
# installed unit file (ProtectSystem and the other namespaces are not
# reproduced).  Behind the installed nginx site (only its listen ports
# and certificate changed, as an operator changes them) with nginx's
# workers as www-data, an account made with supportalctl signs in over
# HTTPS; a reinstall migrates; apt-get purge leaves only the portal's
# data.  Needs root; refuses a machine where supportal is installed for
# real.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
T=$(mktemp -d /tmp/supportal-deb.XXXXXX)
VARD=/var/lib/supportal
MARK=$VARD/.package-check	# this test's own installation
UNITS=/lib/systemd/system
SITE=/etc/nginx/sites-available/supportal
EMAIL=olga@example.com PW='a long pass phrase'
DB=$VARD/supportal.db
ours=0 SVC_PID="" NGINX_PID=""
export DEBIAN_FRONTEND=noninteractive

# leftovers: what this test installed, made and started, gone
leftovers() {
	service_stop
	nginx_stop
	if dpkg-query -W supportal >/dev/null 2>&1; then
		apt-get purge -y -q supportal >>"$T/apt.log" 2>&1
	fi
	rm -rf "$VARD" /run/supportal
	if [ -L /etc/nginx/sites-enabled/supportal ]; then
		rm -f /etc/nginx/sites-enabled/supportal
	fi
	getent passwd supportal >/dev/null && userdel supportal
	getent group supportal >/dev/null && groupdel supportal
}
finish() {
	[ $ours = 1 ] && leftovers
	echo "# $PASS passed, $FAIL failed in $(basename "$0")"
	[ "${KEEP:-0}" = 1 ] && echo "# kept $T" || rm -rf "$T"
	[ "$FAIL" -eq 0 ]
	exit $?
}
trap finish EXIT

if [ "$(id -u)" != 0 ]; then
	not_ok "R17.4 the package test runs as root (it installs a package)"
	exit 1
fi
# one run at a time on a machine: it is the machine's package
exec 9>/run/lock/supportal-package-check
flock -w 900 9 || { not_ok "R17.4 another package test holds the machine"; exit 1; }
if dpkg-query -W supportal >/dev/null 2>&1 || [ -e "$VARD" ] ||
    getent passwd supportal >/dev/null; then
	if [ ! -e "$MARK" ]; then
		not_ok "R17.4 supportal is installed on this machine, not by this test: left alone"
		exit 1
	fi
	ours=1
	leftovers	# of a run of this test that was killed
fi

# unit_val FILE KEY: the last KEY= of a unit file, continuation lines joined
unit_val() {
	sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$1" | sed -n "s/^$2=//p" | tail -1
}

# unit_run FILE: run the ExecStart of unit FILE as systemd would, in the
# background; sets SVC_PID (the main process, as systemd's MainPID)
unit_run() {
	local user group rtdir rtmode env um caps nnp wd cmd sp=() c bset
	user=$(unit_val "$1" User) group=$(unit_val "$1" Group)
	rtdir=$(unit_val "$1" RuntimeDirectory)
	rtmode=$(unit_val "$1" RuntimeDirectoryMode)
	env=$(unit_val "$1" Environment) um=$(unit_val "$1" UMask)
	caps=$(unit_val "$1" CapabilityBoundingSet)
	nnp=$(unit_val "$1" NoNewPrivileges) wd=$(unit_val "$1" WorkingDirectory)
	read -ra cmd <<<"$(unit_val "$1" ExecStart)"
	if [ -n "$rtdir" ]; then
		mkdir -p "/run/$rtdir"
		chmod "${rtmode:-0755}" "/run/$rtdir"
		chown "${user:-root}:${group:-root}" "/run/$rtdir"
	fi
	if [ -n "$user" ]; then
		sp+=(--reuid="$user" --regid="${group:-$user}" --init-groups)
	else
		sp+=(--regid="${group:-root}" --clear-groups)
	fi
	if [ -n "$caps" ]; then
		bset=-all
		for c in $caps; do
			c=${c,,}
			bset="$bset,+${c#cap_}"
		done
		sp+=(--bounding-set="$bset")
	fi
	[ "$nnp" = yes ] && sp+=(--no-new-privs)
	( umask "${um:-0022}"; cd "${wd:-/}" || exit 1
	  exec 9>&-
	  exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin $env \
		setpriv "${sp[@]}" -- "${cmd[@]}" ) >>"$T/service.log" 2>&1 &
	SVC_PID=$!
}

# where systemd runs (PID 1), it starts and stops the units itself
SYSTEMD=0
[ -d /run/systemd/system ] && SYSTEMD=1

# service_start UNIT: start a unit (a oneshot to its end: its status)
service_start() {
	local rc
	if [ $SYSTEMD = 1 ]; then
		systemctl restart "$1"
		rc=$?
		SVC_PID=$(systemctl show -p MainPID --value "$1")
		[ "$SVC_PID" = 0 ] && SVC_PID=""
		return $rc
	fi
	unit_run "$UNITS/$1"
	if [ "$(unit_val "$UNITS/$1" Type)" = oneshot ]; then
		wait "$SVC_PID"
		rc=$?
		SVC_PID=""
		return $rc
	fi
}

# service_stop: as systemctl stop: KillSignal (SIGTERM) to the main
# process, the workers finish, then the runtime directory goes
service_stop() {
	local i=0
	if [ $SYSTEMD = 1 ]; then
		systemctl stop supportal.service 2>/dev/null
		SVC_PID=""
		return 0
	fi
	[ -n "$SVC_PID" ] || return 0
	kill -TERM "$SVC_PID" 2>/dev/null
	while kill -0 "$SVC_PID" 2>/dev/null && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -KILL "$SVC_PID" 2>/dev/null
	pkill -KILL -u supportal 2>/dev/null
	wait "$SVC_PID" 2>/dev/null
	SVC_PID=""
	rm -rf /run/supportal
}
nginx_stop() {
	[ -n "$NGINX_PID" ] || return 0
	kill -TERM "$NGINX_PID" 2>/dev/null
	wait "$NGINX_PID" 2>/dev/null
	NGINX_PID=""
}
wait_socket() {
	local i=0
	until [ -S /run/supportal/supportal.sock ]; do
		i=$((i + 1)); [ $i -gt 100 ] && return 1
		sleep 0.1
	done
}
# as USER: run a command as a user and its groups (runuser's way)
as() { local u=$1; shift; setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups -- "$@"; }

# --- the package
make -s deb >"$T/deb.log" 2>&1
rc=$?
DEB=$(ls "$ROOT"/build/supportal_*.deb 2>/dev/null | head -1)
check "R17.4 make deb builds the package with dpkg-buildpackage" test $rc = 0 -a -n "$DEB"
[ -n "$DEB" ] || { tail -30 "$T/deb.log"; exit 1; }
dpkg-deb -c "$DEB" | awk '{ print $6 }' | sed 's|^\.||' >"$T/contents"
for p in /usr/sbin/supportalctl /usr/libexec/supportal/supportal.fcgi \
    /usr/share/supportal/templates/header.cs /usr/share/supportal/lang/pl.hdf \
    /usr/share/supportal/schema/001_init.sql /usr/share/supportal/static/style.css \
    $UNITS/supportal.service $UNITS/supportal-mail.timer $UNITS/supportal-remind.timer \
    /etc/supportal/supportal.hdf $SITE; do
	check "R17.4 the package holds $p" grep -qx "$p" "$T/contents"
done
check "R17.4 the package depends on spawn-fcgi, multiwatch and adduser" \
	bash -c "dpkg-deb -f '$DEB' Depends | grep 'spawn-fcgi' | grep 'multiwatch' | grep -q 'adduser'"
check "R17.4 the configuration and the nginx site are conffiles" \
	bash -c "dpkg-deb -I '$DEB' conffiles | grep -qx /etc/supportal/supportal.hdf && dpkg-deb -I '$DEB' conffiles | grep -qx $SITE"

# --- apt install ./supportal_*.deb
ours=1
apt-get install -y -q "$DEB" >"$T/install.log" 2>&1
check "R17.4 apt-get install ./supportal_*.deb" test $? = 0
[ -d "$VARD" ] && touch "$MARK"
check "R17.4 postinst ran supportalctl init on the first install" \
	grep -q $'^supportal: supportalctl init\r\\?$' "$T/install.log"
pw=$(getent passwd supportal)
check "R17.4 the system user supportal, without a login" \
	bash -c "echo '$pw' | awk -F: '\$3 < 1000 && \$6 == \"$VARD\" && \$7 ~ /nologin\$/' | grep -q ."
expect_eq "R17.4 $VARD is supportal's alone (0700)" "$(stat -c '%U:%G %a' "$VARD")" "supportal:supportal 700"
expect_eq "R17.4 the database, made by init, is supportal's alone (0600)" \
	"$(stat -c '%U:%G %a' "$DB" 2>&1)" "supportal:supportal 600"
expect_eq "R17.4 the key file is supportal's alone (0600)" \
	"$(stat -c '%U:%G %a' "$VARD/secret.key" 2>&1)" "supportal:supportal 600"
expect_eq "R17.4 the configuration: root's, readable by supportal (0640)" \
	"$(stat -c '%U:%G %a' /etc/supportal/supportal.hdf)" "root:supportal 640"
for u in multi-user.target.wants/supportal.service \
    timers.target.wants/supportal-mail.timer timers.target.wants/supportal-remind.timer; do
	check "R17.4 the package enables $u" test -L "/etc/systemd/system/$u"
done
check "R17.4 systemd-analyze verify accepts the installed units" \
	systemd-analyze verify $UNITS/supportal.service $UNITS/supportal-mail.service \
	$UNITS/supportal-remind.service $UNITS/supportal-mail.timer $UNITS/supportal-remind.timer
check "R17.4 the installed supportalctl finds /etc/supportal/supportal.hdf" \
	bash -c "cd / && /usr/sbin/supportalctl --help | grep -q '^/etc/supportal/supportal.hdf), '"
check "R17.4 supportalctl check as supportal passes on the new installation" \
	bash -c "cd / && runuser -u supportal -- /usr/sbin/supportalctl check | grep -q '^check passed'"

# --- the operator's part: the origin, an account, the nginx site
PORT=$(free_port) HPORT=$(free_port)
sed -i "s|^Origin = .*|Origin = https://support.example.com:$PORT|" /etc/supportal/supportal.hdf
printf '%s\n' "$PW" | (cd / && runuser -u supportal -- /usr/sbin/supportalctl add-account \
	--email "$EMAIL" --first Olga --last Operator) >"$T/add.out" 2>&1
check "R17.4 supportalctl add-account as supportal" test $? = 0
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=support.example.com \
	-addext subjectAltName=DNS:support.example.com \
	-keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1
ln -s "$SITE" /etc/nginx/sites-enabled/supportal
sed -e "s|listen 80;|listen 127.0.0.1:$HPORT;|" -e '/listen \[::\]/d' \
	-e "s|listen 443 ssl http2;|listen 127.0.0.1:$PORT ssl http2;|" \
	-e "s|^\(\s*ssl_certificate\)\s.*|\1 $T/cert.pem;|" \
	-e "s|^\(\s*ssl_certificate_key\)\s.*|\1 $T/key.pem;|" "$SITE" >"$T/site.conf"
expect_eq "R17.4 the nginx site is used as installed but for its ports and certificate" \
	"$(diff "$SITE" "$T/site.conf" | grep '^[<>]' | grep -cv 'listen\|ssl_certificate')" 0
# Debian's nginx.conf: workers as www-data, the sites included in http {}
cat >"$T/nginx.conf" <<CONF
user www-data;
worker_processes 1;
pid $T/nginx.pid;
error_log $T/nginx-error.log warn;
events {
	worker_connections 64;
}
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log $T/nginx-access.log;
	include $T/site.conf;
}
CONF
check "R17.4 nginx -t accepts the installed site" nginx -t -q -c "$T/nginx.conf"

# --- the service, as its unit says
service_start supportal.service
wait_socket
check "R17.4 the installed service opens its socket" test -S /run/supportal/supportal.sock
expect_eq "R17.4 /run/supportal: root:www-data 0750, as the unit says" \
	"$(stat -c '%U:%G %a' /run/supportal)" "root:www-data 750"
expect_eq "R17.4 G.32 the socket: supportal:www-data 0660" \
	"$(stat -c '%U:%G %a' /run/supportal/supportal.sock 2>&1)" "supportal:www-data 660"
check "R17.4 www-data (nginx) may connect to the socket" as www-data test -w /run/supportal/supportal.sock
check "R17.4 nobody else reaches it" bash -c "! setpriv --reuid=nobody --regid=nogroup --clear-groups -- test -e /run/supportal/supportal.sock"
sleep 0.5
workers=$(pgrep -P "$SVC_PID" | tr '\n' ' ')
expect_eq "R17.4 multiwatch runs the unit's four workers" "$(echo $workers | wc -w)" 4
uid=$(id -u supportal) gid=$(id -g supportal)
for w in $SVC_PID $workers; do
	expect_eq "R17.4 process $w ($(cat /proc/$w/comm 2>/dev/null)) runs as supportal:supportal, no other group, no capability" \
		"$(awk '/^Uid:/ { u = $2 } /^Gid:/ { g = $2 }
			/^Groups:/ { for (i = 2; i <= NF; i++) s = s $i "," }
			/^CapEff:/ { c = $2 } END { print u, g, s, c }' /proc/$w/status)" \
		"$uid $gid $gid, 0000000000000000"
done
nginx -c "$T/nginx.conf" -g 'daemon off;' 2>>"$T/nginx-error.log" 9>&- &
NGINX_PID=$!
printf 'cacert = "%s"\nresolve = "support.example.com:%s:127.0.0.1"\n' "$T/cert.pem" "$PORT" >"$T/.curlrc"
export CURL_HOME=$T
BASE=https://support.example.com:$PORT
i=0
until curl -fs "$BASE/healthz" >/dev/null 2>&1 || [ $i -gt 100 ]; do sleep 0.1; i=$((i + 1)); done
get /healthz
expect_eq "R17.4 the portal answers through nginx (www-data) and the socket, over HTTPS" "$STATUS" 200
get /static/style.css
expect_eq "R17.4 nginx serves the installed static files" "$STATUS" 200
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: support.example.com' "http://127.0.0.1:$HPORT/signin")
expect_eq "R17.4 plain HTTP is sent to HTTPS" "$STATUS" 301
signin "$EMAIL" "$PW"
expect_eq "R17.4 the account made with supportalctl signs in" "$STATUS" 303
check "R17.4 signed in: a __Host- session cookie, Secure, over HTTPS" \
	bash -c "awk '\$4 == \"TRUE\" && \$6 == \"__Host-sid\"' '$T/jar' | grep -q ."

get /profile
check "R17.4 signed in: the profile page, with the account's name" \
	bash -c "[ '$STATUS' = 200 ] && grep -q Olga '$T/body'"
main=$SVC_PID
for u in supportal-mail supportal-remind; do
	service_start "$u.service"
	check "R17.4 $u.service's command runs as its unit says" test $? = 0
done
SVC_PID=$main

# --- an upgrade: the service stopped first (prerm), migrate, started again
service_stop
check "R17.4 the workers stop with the service" bash -c "! pgrep -u supportal >/dev/null"
apt-get install -y -q --reinstall "$DEB" >"$T/upgrade.log" 2>&1
check "R17.4 apt-get install --reinstall (an upgrade)" test $? = 0
check "R17.4 postinst ran supportalctl migrate on the upgrade" \
	grep -q $'^supportal: supportalctl migrate\r\\?$' "$T/upgrade.log"
check "R17.4 the operator's configuration is kept on an upgrade" \
	grep -q "^Origin = https://support.example.com:$PORT$" /etc/supportal/supportal.hdf
service_start supportal.service
wait_socket
i=0
until curl -fs "$BASE/healthz" >/dev/null 2>&1 || [ $i -gt 100 ]; do sleep 0.1; i=$((i + 1)); done
get /profile
check "R17.4 after the upgrade the session still holds" bash -c "[ '$STATUS' = 200 ] && grep -q Olga '$T/body'"
service_stop
nginx_stop

# --- apt purge: nothing left but the portal's data
dpkg -L supportal | grep supportal >"$T/files"
apt-get purge -y -q supportal >"$T/purge.log" 2>&1
check "R17.4 apt-get purge supportal" test $? = 0
check "R17.4 dpkg forgets the package" bash -c "! dpkg-query -W supportal >/dev/null 2>&1"
left=$(while read -r f; do [ -e "$f" ] && echo "$f"; done <"$T/files")
expect_eq "R17.4 no file of the package is left" "$left" ""
check "R17.4 /etc/supportal is gone" test ! -e /etc/supportal
check "R17.4 the link of the nginx site is gone" test ! -L /etc/nginx/sites-enabled/supportal
expect_eq "R17.4 the units are no longer enabled" \
	"$(find /etc/systemd/system /var/lib/systemd/deb-systemd-helper-enabled -name 'supportal*' 2>/dev/null)" ""
check "R17.4 /run/supportal is gone" test ! -e /run/supportal
expect_eq "R17.4 what stays: the database, its attachments and its key" \
	"$(cd "$VARD" && find . -mindepth 1 ! -name .package-check ! -name 'supportal.db-*' | LC_ALL=C sort | tr '\n' ' ')" \
	"./attachments ./secret.key ./supportal.db "
expect_eq "R17.4 the database kept is whole, with its account" \
	"$(sqlite3 "$DB" 'PRAGMA integrity_check' "SELECT count(*) FROM accounts WHERE email = '$EMAIL'" | tr '\n' ' ')" "ok 1 "
check "R17.4 the user supportal stays, the owner of the data kept" \
	bash -c "getent passwd supportal >/dev/null && [ \$(stat -c %U '$DB') = supportal ]"
