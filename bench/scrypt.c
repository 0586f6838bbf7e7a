/*
 * scrypt: libscrypt alone at the configured cost (SUPPORTAL_SCRYPT or
 * the default N=2^15, r=8, p=3), checks per second on every core, the
 * baseline of the sign-in scenario.  Usage: scrypt SECONDS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libscrypt.h>

int
main(int argc, char *argv[])
{
	int		 logn = 15, r = 8, p = 3, secs = argc > 1 ? atoi(argv[1]) : 5;
	int		 cores = (int)sysconf(_SC_NPROCESSORS_ONLN), i, fd[2];
	double		 total = 0, rate;
	const char	*sc = getenv("SUPPORTAL_SCRYPT");
	char		 mcf[SCRYPT_MCF_LEN];

	if (sc != NULL && *sc != '\0')
		sscanf(sc, "%d,%d,%d", &logn, &r, &p);
	if (libscrypt_hash(mcf, "a long pass phrase", 1u << logn, r, p) <= 0 ||
	    pipe(fd) != 0)
		return 1;
	for (i = 0; i < cores; i++)
		if (fork() == 0) {
			struct timespec	 t0, t;
			double		 el = 0;
			long		 n;
			char		 copy[SCRYPT_MCF_LEN];

			clock_gettime(CLOCK_MONOTONIC, &t0);
			for (n = 0; el < secs; n++) {
				memcpy(copy, mcf, sizeof(copy));
				libscrypt_check(copy, "a long pass phrase");
				clock_gettime(CLOCK_MONOTONIC, &t);
				el = (t.tv_sec - t0.tv_sec) +
				    (t.tv_nsec - t0.tv_nsec) / 1e9;
			}
			rate = n / el;
			if (write(fd[1], &rate, sizeof(rate)) != sizeof(rate))
				_exit(1);
			_exit(0);
		}
	for (i = 0; i < cores; i++) {
		if (read(fd[0], &rate, sizeof(rate)) == sizeof(rate))
			total += rate;
		wait(NULL);
	}
	printf("%.1f\n", total);
	return 0;
}
