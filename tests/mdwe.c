/* mdwe.c - run a command with Linux's memory-deny-write-execute on, as
 * systemd's MemoryDenyWriteExecute=yes does (usage: mdwe COMMAND ARG...) */
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif

int main(int argc, char **argv)
{
	if (argc < 2 || prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0) {
		perror("mdwe");
		return 77;	/* not supported here: the test is skipped */
	}
	execv(argv[1], argv + 1);
	perror(argv[1]);
	return 1;
}
