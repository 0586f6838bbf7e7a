# supportal: make run | make check | make install-deps | make clean
# make install (PREFIX, DESTDIR), make deb (the Debian package), make
# package-check (the package installed, served, signed in to and purged)
# make bench (benchmarks), make fuzz (long fuzzing), make soak (long chaos),
# make scan (sqlmap and wapiti against a running portal)

CC      ?= gcc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror \
           -I/usr/include/ClearSilver -I/usr/include/postgresql
# ClearSilver ships only static libraries in Debian; they need zlib.
LIBS     = -lneo_cgi -lneo_cs -lneo_utl -lz -lfcgi -lsqlite3 -lpq -lscrypt \
           -loath -lqrencode -lsodium
ASAN     = -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined

B        = build
# cgi/ in rings, one folder a ring (ARCHITECTURE.md §2, cgi/README.md):
# a file includes only its own ring and the rings inside it
# (tests/lint/run checks), and supportalctl links no web/ or pages/ object
LIB      = lib/util lib/arena lib/config
DATA     = data/sql data/db data/db_sqlite data/db_pg data/schema
DOMAIN   = domain/history domain/outbox domain/password domain/throttle domain/account domain/session \
           domain/catalogue domain/contract domain/sla domain/draft \
           domain/attach domain/request domain/note domain/notify domain/queue domain/search domain/held \
           domain/multipart domain/payment domain/totp domain/identity \
           domain/report
TEXT     = text/i18n text/tpl
MAIL     = mail/mail
WEB      = web/req web/form web/reply web/view web/session web/route \
           web/serve
PAGES    = pages/routes pages/start pages/auth pages/account \
           pages/profile pages/contracts pages/requests pages/request \
           pages/wizard pages/ppi pages/card pages/queue pages/help
# what supportalctl and the test tools may link: never WEB or PAGES
CORE     = $(LIB) $(DATA) $(DOMAIN) $(TEXT) $(MAIL)
WORKER   = main $(WEB) $(PAGES)

CORE_O   = $(CORE:%=$(B)/%.o)
WORKER_O = $(WORKER:%=$(B)/%.o)
ACORE_O  = $(CORE:%=$(B)/asan/%.o)
AWORK_O  = $(WORKER:%=$(B)/asan/%.o)
UNIT     = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/t_*.c))
TOOLS    = $(patsubst tests/tools/%.c,%,$(wildcard tests/tools/*.c))

all: $(B)/supportal.fcgi $(B)/supportalctl

# each object depends on the headers it includes, as the compiler saw
# them (-MMD -MP): a new statement in sql.def rebuilds what uses the enum
$(B)/%.o: cgi/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Icgi -MMD -MP -c -o $@ $<

$(B)/asan/%.o: cgi/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASAN) -Icgi -MMD -MP -c -o $@ $<

# (not those of make deb's copy of the tree, build/deb/)
-include $(shell find $(B) -path $(B)/deb -prune -o -name '*.d' -print \
    2>/dev/null)

$(B)/supportal.fcgi: $(WORKER_O) $(CORE_O)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/supportalctl: $(B)/admin/admin.o $(B)/admin/copy.o $(CORE_O)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/asan/supportal.fcgi: $(AWORK_O) $(ACORE_O)
	$(CC) $(CFLAGS) $(ASAN) -o $@ $^ $(LIBS)

$(B)/asan/supportalctl: $(B)/asan/admin/admin.o $(B)/asan/admin/copy.o $(ACORE_O)
	$(CC) $(CFLAGS) $(ASAN) -o $@ $^ $(LIBS)

# unit tests link the domain and plumbing objects, not main.o
$(B)/unit/%: tests/unit/%.c tests/unit/unit.h $(ACORE_O) \
    $(filter-out $(B)/asan/main.o,$(AWORK_O)) | $(B)/unit
	$(CC) $(CFLAGS) $(ASAN) -Icgi -o $@ $< $(ACORE_O) \
	    $(filter-out $(B)/asan/main.o,$(AWORK_O)) $(LIBS)

# small programs the HTTP tests drive the domain code with
$(B)/tools/%: tests/tools/%.c $(CORE_O) | $(B)/tools
	$(CC) $(CFLAGS) -Icgi -o $@ $< $(CORE_O) $(LIBS)

asan: $(B)/asan/supportal.fcgi $(B)/asan/supportalctl

unit-bin: $(UNIT:%=$(B)/unit/%) $(TOOLS:%=$(B)/tools/%)

$(B)/unit $(B)/tools:
	mkdir -p $@

install-deps:
	@tools/install-deps

run: install-deps all
	@tools/run

check: install-deps all asan unit-bin
	@tools/install-deps scan package
	@tests/run-all

# the benchmarks (not part of check): BENCH_QUICK=1 for a smoke run
bench: install-deps all
	@bench/run

# long fuzzing: an hour per target (make check fuzzes each for 20 s); an
# hour's inputs and ASan's quarantine outgrow libFuzzer's 2 GB default
fuzz: install-deps all
	FUZZ_SECONDS=$${FUZZ_SECONDS:-3600} FUZZ_FLAGS="-rss_limit_mb=8192 $${FUZZ_FLAGS:-}" \
	    ASAN_OPTIONS=$${ASAN_OPTIONS:-quarantine_size_mb=64} tests/fuzz/run

# long chaos runs (make check runs them for 20 s): SECURITY.md L.48 for
# 120 s, L.51 for 10 minutes
soak: install-deps all
	CHAOS_SECONDS=120 ONLY=t_kill tests/chaos/run
	CHAOS_SECONDS=600 ONLY=t_wal TEST_TIMEOUT=900 tests/chaos/run

# the scanners against the ASan+UBSan worker (make check runs them in
# their short form, SCAN_QUICK=1)
scan: install-deps all asan
	@tools/install-deps scan
	@tests/scan/run

# make install: the GNU directory variables (PREFIX or prefix, sbindir,
# libexecdir, datadir, sysconfdir, localstatedir; unitdir for the systemd
# units) and DESTDIR.  FHS paths from /usr/local:
#   make install sysconfdir=/etc localstatedir=/var
# It makes no user and no var directory: README.md, or the package.
PREFIX        ?= /usr/local
prefix        ?= $(PREFIX)
exec_prefix   ?= $(prefix)
sbindir       ?= $(exec_prefix)/sbin
libexecdir    ?= $(exec_prefix)/libexec
datarootdir   ?= $(prefix)/share
datadir       ?= $(datarootdir)
sysconfdir    ?= $(prefix)/etc
localstatedir ?= $(prefix)/var
unitdir       ?= $(prefix)/lib/systemd/system
pkgdatadir     = $(datadir)/supportal
pkgconfdir     = $(sysconfdir)/supportal
vardir         = $(localstatedir)/lib/supportal
I              = $(B)/inst
SUBST          = sed -e 's|@sbindir@|$(sbindir)|g' \
                     -e 's|@libexecdir@|$(libexecdir)|g' \
                     -e 's|@pkgdatadir@|$(pkgdatadir)|g' \
                     -e 's|@pkgconfdir@|$(pkgconfdir)|g' \
                     -e 's|@vardir@|$(vardir)|g'
UNITS          = $(patsubst conf/systemd/%.in,%,$(wildcard conf/systemd/*.in))

# The installed programs read $(pkgconfdir)/supportal.hdf when
# SUPPORTAL_CONFIG is unset (those of build/ read ./supportal.hdf, so that
# no test ever reads an installed configuration): only config.o differs,
# built again when the path changes ($(I)/paths holds it).
INST_O   = $(filter-out $(B)/lib/config.o,$(CORE_O)) $(I)/config.o

$(I)/paths: FORCE
	@mkdir -p $(@D)
	@echo '$(pkgconfdir)/supportal.hdf' | cmp -s - $@ || \
	    echo '$(pkgconfdir)/supportal.hdf' > $@

$(I)/config.o: cgi/lib/config.c $(I)/paths
	$(CC) $(CPPFLAGS) $(CFLAGS) -Icgi -MMD -MP \
	    -DCONFIG_FILE='"$(pkgconfdir)/supportal.hdf"' -c -o $@ $<

$(I)/supportal.fcgi: $(WORKER_O) $(INST_O)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(I)/supportalctl: $(B)/admin/admin.o $(B)/admin/copy.o $(INST_O)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# the worker, supportalctl, templates/ lang/ schema/ static/, the units
# and the examples of the configuration and of the nginx site, with the
# paths of this installation written in (@...@ in conf/, the layout of
# README.md in nginx.conf.example)
install: $(I)/supportal.fcgi $(I)/supportalctl
	install -d $(DESTDIR)$(sbindir) $(DESTDIR)$(libexecdir)/supportal \
	    $(DESTDIR)$(pkgdatadir) $(DESTDIR)$(pkgconfdir) $(DESTDIR)$(unitdir)
	install -m 0755 $(I)/supportalctl $(DESTDIR)$(sbindir)/supportalctl
	install -m 0755 $(I)/supportal.fcgi \
	    $(DESTDIR)$(libexecdir)/supportal/supportal.fcgi
	for d in templates lang schema static; do \
		find $$d -type d -exec install -d -m 0755 \
		    '$(DESTDIR)$(pkgdatadir)/{}' ';' && \
		find $$d -type f -exec install -m 0644 '{}' \
		    '$(DESTDIR)$(pkgdatadir)/{}' ';' || exit 1; \
	done
	for u in $(UNITS); do \
		$(SUBST) conf/systemd/$$u.in > $(I)/$$u && \
		install -m 0644 $(I)/$$u $(DESTDIR)$(unitdir)/$$u || exit 1; \
	done
	$(SUBST) conf/supportal.hdf.in > $(I)/supportal.hdf.example
	install -m 0644 $(I)/supportal.hdf.example $(DESTDIR)$(pkgconfdir)/
	sed -e 's|/usr/local/share/supportal|$(pkgdatadir)|g' \
	    nginx.conf.example > $(I)/nginx-site.conf.example
	install -m 0644 $(I)/nginx-site.conf.example $(DESTDIR)$(pkgconfdir)/

# what install put there, but for the configuration and var/
uninstall:
	rm -f $(DESTDIR)$(sbindir)/supportalctl \
	    $(DESTDIR)$(libexecdir)/supportal/supportal.fcgi \
	    $(DESTDIR)$(pkgconfdir)/supportal.hdf.example \
	    $(DESTDIR)$(pkgconfdir)/nginx-site.conf.example
	for u in $(UNITS); do rm -f $(DESTDIR)$(unitdir)/$$u; done
	rm -rf $(DESTDIR)$(pkgdatadir)
	-rmdir $(DESTDIR)$(libexecdir)/supportal $(DESTDIR)$(pkgconfdir)

# make deb: the Debian package (debian/), built by dpkg-buildpackage in a
# copy of the tree so that its clean and its build leave build/ alone;
# the .deb lands in build/.  apt install ./build/supportal_*.deb
deb:
	@tools/install-deps package
	rm -rf $(B)/deb $(B)/supportal_*.deb
	mkdir -p $(B)/deb/supportal
	tar -cf - --exclude=./build --exclude=./var --exclude=./.git \
	    --exclude=node_modules . | tar -xf - -C $(B)/deb/supportal
	cd $(B)/deb/supportal && dpkg-buildpackage -b -us -uc -jauto
	mv $(B)/deb/supportal_*.deb $(B)/

# the package as an operator meets it (R17.4): built, installed on this
# machine, served as its units say behind its nginx site, signed in to,
# purged; and make install into a temporary prefix.  Needs root.
package-check: install-deps
	@tools/install-deps package
	@tests/package/run

clean:
	rm -rf $(B)

FORCE:

.PHONY: all asan unit-bin install-deps run check bench fuzz soak scan clean \
	install uninstall deb package-check FORCE
