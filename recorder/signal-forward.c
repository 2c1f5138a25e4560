/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sysrec/macro.h"
#include "sysrec/signal-forward.h"

static const int forwarded_signals[] = { SIGINT, SIGTERM, SIGHUP };

void signal_forward_mask(sigset_t *ret) {
        sigemptyset(ret);
        for (size_t i = 0; i < ELEMENTSOF(forwarded_signals); i++) {
                struct sigaction sa;
                if (sigaction(forwarded_signals[i], NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
                        continue;
                sigaddset(ret, forwarded_signals[i]);
        }
}

bool signal_forward_wanted(int si_code) {
        return si_code != SI_KERNEL;
}

int signal_forward_signalfd(void) {
        sigset_t mask;
        int fd;

        signal(SIGCHLD, SIG_DFL);
        signal_forward_mask(&mask);
        sigaddset(&mask, SIGCHLD);
        if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0)
                return -errno;
        fd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
        return fd < 0 ? -errno : fd;
}

int signal_stop_signalfd(void) {
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        return signal_forward_signalfd();
}

void signal_forward_dispatch(int sigfd, pid_t target, bool *exited, int *status,
                             void (*orphans)(void *userdata, int signo), void *userdata) {
        struct signalfd_siginfo si;

        while (read(sigfd, &si, sizeof(si)) == sizeof(si)) {
                /* Each time, not only on SIGCHLD: a signalfd gives lower signals first,
                 * so a SIGTERM comes before the SIGCHLD of a target that has already
                 * exited, and would go to its zombie instead of what it left. */
                if (!*exited && waitpid(target, status, WNOHANG) == target)
                        *exited = true;
                if (si.ssi_signo == SIGCHLD || !signal_forward_wanted(si.ssi_code))
                        continue;
                if (!*exited)
                        kill(target, (int) si.ssi_signo);
                else if (orphans)
                        orphans(userdata, (int) si.ssi_signo);
        }
}

int signal_forward_read_stop(int sigfd) {
        struct signalfd_siginfo si;
        int stop = 0;

        while (read(sigfd, &si, sizeof(si)) == sizeof(si))
                if (si.ssi_signo != SIGCHLD)
                        stop = 1;
        return stop;
}
