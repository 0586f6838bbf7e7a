/*
 * floor.h: the main of the submit floors (submit.c for SQLite,
 * submit_pg.c for PostgreSQL): PROCESSES processes each running the
 * engine's run() for SECONDS, their transactions summed and printed a
 * second; and now(), the clock run() watches.  Included by each before
 * its run().
 */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long	 run(const char *, double, int, int, long, long, long);

static double
now(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	int	 procs, i, fd[2];
	long	 total = 0, n;
	double	 secs;

	if (argc != 7) {
		fprintf(stderr, "usage: %s DATABASE SECONDS PROCESSES CONTRACT "
		    "ACCOUNT DRAFT-FROM\n", argv[0]);
		return 2;
	}
	secs = atof(argv[2]);
	procs = atoi(argv[3]);
	if (pipe(fd) != 0)
		return 1;
	for (i = 0; i < procs; i++)
		if (fork() == 0) {
			n = run(argv[1], secs, i, procs, atol(argv[4]),
			    atol(argv[5]), atol(argv[6]));
			if (write(fd[1], &n, sizeof(n)) != sizeof(n))
				_exit(1);
			_exit(0);
		}
	close(fd[1]);
	while (read(fd[0], &n, sizeof(n)) == sizeof(n))
		total += n < 0 ? 0 : n;
	while (wait(NULL) > 0)
		;
	printf("%.1f\n", total / secs);
	return 0;
}
