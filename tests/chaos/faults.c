/*
 * faults.so: an LD_PRELOAD shim that fails one write or sync of the
 * database files (SECURITY.md L.50), SQLite's own way of testing I/O
 * errors done from outside the process.
 *
 *   FAULT_AT=N      the Nth write, pwrite or (f)datasync of a file named
 *                   *.db, *.db-wal or *.db-journal fails with EIO
 *                   (0 or unset: none fails)
 *   FAULT_REPORT=F  at exit, the number of such calls is written to F,
 *                   so that a test knows when N passed the last of them
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long	 calls, at = -1;

static int
is_db(int fd)
{
	char	 link[64], path[1024];
	ssize_t	 n;
	size_t	 l;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, sizeof(path) - 1)) <= 0)
		return 0;
	path[n] = '\0';
	l = (size_t)n;
	return (l > 3 && strcmp(path + l - 3, ".db") == 0) ||
	    (l > 7 && strcmp(path + l - 7, ".db-wal") == 0) ||
	    (l > 11 && strcmp(path + l - 11, ".db-journal") == 0);
}

/* fail: 1 when this call on fd is the one to fail */
static int
fail(int fd)
{
	if (at < 0) {
		const char *s = getenv("FAULT_AT");

		at = s != NULL ? atol(s) : 0;
	}
	if (!is_db(fd))
		return 0;
	if (++calls == at) {
		errno = EIO;
		return 1;
	}
	return 0;
}

__attribute__((destructor)) static void
report(void)
{
	const char	*f = getenv("FAULT_REPORT");
	FILE		*fp;

	if (f != NULL && (fp = fopen(f, "w")) != NULL) {
		fprintf(fp, "%ld\n", calls);
		fclose(fp);
	}
}

#define NEXT(name)	static __typeof__(name) *next; \
	if (next == NULL) next = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t
write(int fd, const void *p, size_t n)
{
	NEXT(write);
	return fail(fd) ? -1 : next(fd, p, n);
}

ssize_t
pwrite(int fd, const void *p, size_t n, off_t off)
{
	NEXT(pwrite);
	return fail(fd) ? -1 : next(fd, p, n, off);
}

ssize_t
pwrite64(int fd, const void *p, size_t n, off64_t off)
{
	NEXT(pwrite64);
	return fail(fd) ? -1 : next(fd, p, n, off);
}

int
fsync(int fd)
{
	NEXT(fsync);
	return fail(fd) ? -1 : next(fd);
}

int
fdatasync(int fd)
{
	NEXT(fdatasync);
	return fail(fd) ? -1 : next(fd);
}
