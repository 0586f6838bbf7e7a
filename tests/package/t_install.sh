#!/bin/bash
# R17.4 make install: into a staging DESTDIR, the tree an operator gets
# (templates/, lang/, schema/ and static/ whole, the programs, the units
# and the examples with this installation's paths written in); then into
# a real temporary PREFIX, where the installed supportalctl and worker
# run with no environment at all: they find their configuration at the
# path built into them, and through it the templates, languages and
# schema; make uninstall leaves the configuration and var/ alone.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
T=$(mktemp -d /tmp/supportal-install.XXXXXX)
finish() {
	echo "# $PASS passed, $FAIL failed in $(basename "$0")"
	rm -rf "$T"
	[ "$FAIL" -eq 0 ]
	exit $?
}
trap finish EXIT

make -s install DESTDIR="$T/stage" >"$T/make.log" 2>&1
check "R17.4 make install DESTDIR=... succeeds" test $? = 0
S=$T/stage/usr/local
check "R17.4 make install: supportalctl in sbin" test -x "$S/sbin/supportalctl"
check "R17.4 make install: the worker in libexec/supportal" \
	test -x "$S/libexec/supportal/supportal.fcgi"
for d in templates lang schema static; do
	check "R17.4 make install: $d/ whole in share/supportal" \
		diff -r "$d" "$S/share/supportal/$d"
done
for u in conf/systemd/*.in; do
	u=$(basename "$u" .in)
	check "R17.4 make install: unit $u in lib/systemd/system" \
		test -f "$S/lib/systemd/system/$u"
done
check "R17.4 make install: the configuration example in etc/supportal" \
	test -f "$S/etc/supportal/supportal.hdf.example"
check "R17.4 make install: the nginx site example in etc/supportal" \
	test -f "$S/etc/supportal/nginx-site.conf.example"
check "R17.4 make install: no @name@ left in what it wrote" \
	bash -c "! grep -rl '@[a-z]*@' '$S/etc' '$S/lib/systemd'"
# every program and directory the units and examples name is installed
paths=$(cat "$S"/lib/systemd/system/* "$S"/etc/supportal/* |
	grep -o '/usr/local/[a-z/_.-]*' | sort -u |
	grep -v '/var/lib/supportal\|/etc/supportal/supportal.hdf')
for p in $paths; do
	check "R17.4 make install: $p, named in a unit or example, is installed" \
		test -e "$T/stage$p"
done
check "R17.4 the unit starts the installed worker" \
	grep -q ' /usr/local/libexec/supportal/supportal.fcgi$' \
	"$S/lib/systemd/system/supportal.service"
check "R17.4 the configuration example points at the installed files" \
	grep -qx 'Root = /usr/local/share/supportal' "$S/etc/supportal/supportal.hdf.example"
check "R17.4 the configuration example's var follows localstatedir" \
	grep -qx 'Var = /usr/local/var/lib/supportal' "$S/etc/supportal/supportal.hdf.example"
check "R17.4 the nginx site serves the installed static files" \
	grep -q 'alias /usr/local/share/supportal/static/;' \
	"$S/etc/supportal/nginx-site.conf.example"
expect_eq "R17.4 make install writes nothing else" \
	"$(cd "$T/stage" && find . -type f | cut -d/ -f2-5 | LC_ALL=C sort -u | tr '\n' ' ')" \
	"usr/local/etc/supportal usr/local/lib/systemd usr/local/libexec/supportal usr/local/sbin/supportalctl usr/local/share/supportal "

# FHS paths from the variables, as debian/rules passes them
make -s install DESTDIR="$T/fhs" PREFIX=/usr sysconfdir=/etc \
	localstatedir=/var >"$T/make.log" 2>&1
check "R17.4 make install sysconfdir=/etc localstatedir=/var" \
	grep -q '^Environment=SUPPORTAL_CONFIG=/etc/supportal/supportal.hdf$' \
	"$T/fhs/usr/lib/systemd/system/supportal.service"
check "R17.4 the units' var directory follows localstatedir" \
	grep -q '^ReadWritePaths=/var/lib/supportal$' \
	"$T/fhs/usr/lib/systemd/system/supportal-mail.service"

# a real installation in a temporary prefix, run with no environment
P=$T/prefix
make -s install PREFIX="$P" >"$T/make.log" 2>&1
check "R17.4 make install PREFIX=... succeeds" test $? = 0
cp "$P/etc/supportal/supportal.hdf.example" "$P/etc/supportal/supportal.hdf"
mkdir -p "$P/var/lib"
mkdir "$T/cwd"
run() { (cd "$T/cwd" && env -i PATH=/usr/bin:/bin "$@"); }
check "R17.4 the installed supportalctl names its configuration" \
	bash -c "cd '$T/cwd' && '$P/sbin/supportalctl' --help | grep -q '$P/etc/supportal/supportal.hdf'"
run "$P/sbin/supportalctl" init >"$T/init.out" 2>&1
check "R17.4 the installed supportalctl init, no environment, makes var/ where the configuration says" \
	test -f "$P/var/lib/supportal/supportal.db" -a -f "$P/var/lib/supportal/secret.key"
run "$P/sbin/supportalctl" demo >"$T/demo.out" 2>&1
check "R17.4 the installed supportalctl demo finds schema/ through the configuration" \
	grep -q 'demo accounts' "$T/demo.out"
cgi() {
	run REQUEST_METHOD=GET DOCUMENT_URI="$1" REMOTE_ADDR=127.0.0.1 \
		HTTP_ACCEPT_LANGUAGE="$2" "$P/libexec/supportal/supportal.fcgi" \
		2>>"$T/worker.log"
}
cgi /signin en >"$T/en.html"
check "R17.4 the installed worker renders the sign-in page from the installed templates" \
	bash -c "grep -q '<html lang=\"en\">' '$T/en.html' && grep -q 'name=\"csrf\"' '$T/en.html'"
cgi /signin pl >"$T/pl.html"
check "R17.4 the installed worker reads the installed languages (Polish)" \
	grep -q '<html lang="pl">' "$T/pl.html"
check "R17.4 the programs of build/ read no installed configuration" \
	bash -c "cd '$P/etc/supportal' && '$ROOT/build/supportalctl' --help | grep -qx 'supportal.hdf), SUPPORTAL_VAR (default ./var), SUPPORTAL_ROOT'"

make -s uninstall PREFIX="$P" >"$T/make.log" 2>&1
expect_eq "R17.4 make uninstall leaves only the configuration and var/" \
	"$(cd "$P" && find . -type f | cut -d/ -f2-4 | LC_ALL=C sort -u | tr '\n' ' ')" \
	"etc/supportal/supportal.hdf var/lib/supportal "
