# supportal: make run | make check | make install-deps | make clean
# make bench (benchmarks), make fuzz (long fuzzing), make soak (long chaos),
# make scan (sqlmap and wapiti against a running portal)

CC      ?= gcc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror \
           -I/usr/include/ClearSilver
# ClearSilver ships only static libraries in Debian; they need zlib.
LIBS     = -lneo_cgi -lneo_cs -lneo_utl -lz -lfcgi -lsqlite3 -lscrypt \
           -loath -lqrencode -lsodium
ASAN     = -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined

B        = build
# cgi/ in rings, one folder a ring (ARCHITECTURE.md §2, cgi/README.md):
# a file includes only its own ring and the rings inside it
# (tests/lint/run checks), and supportalctl links no web/ or pages/ object
LIB      = lib/util lib/arena lib/config
DATA     = data/sql data/db data/schema
DOMAIN   = domain/outbox domain/password domain/throttle domain/account domain/session \
           domain/catalogue domain/contract domain/sla domain/draft \
           domain/attach domain/request domain/queue domain/held \
           domain/multipart domain/payment domain/totp domain/identity \
           domain/report
TEXT     = text/i18n text/tpl
MAIL     = mail/mail
WEB      = web/req web/form web/reply web/view web/session web/route \
           web/serve
PAGES    = pages/routes pages/start pages/auth pages/account \
           pages/profile pages/contracts pages/requests pages/request \
           pages/wizard pages/ppi pages/card pages/queue
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
	$(CC) $(CFLAGS) -Icgi -MMD -MP -c -o $@ $<

$(B)/asan/%.o: cgi/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASAN) -Icgi -MMD -MP -c -o $@ $<

-include $(shell find $(B) -name '*.d' 2>/dev/null)

$(B)/supportal.fcgi: $(WORKER_O) $(CORE_O)
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(B)/supportalctl: $(B)/admin/admin.o $(CORE_O)
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(B)/asan/supportal.fcgi: $(AWORK_O) $(ACORE_O)
	$(CC) $(CFLAGS) $(ASAN) -o $@ $^ $(LIBS)

$(B)/asan/supportalctl: $(B)/asan/admin/admin.o $(ACORE_O)
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
	@tools/install-deps scan
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

clean:
	rm -rf $(B)

.PHONY: all asan unit-bin install-deps run check bench fuzz soak scan clean
