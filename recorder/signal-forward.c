/* SPDX-License-Identifier: LGPL-2.1-or-later */
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

bool signal_forward_wanted(const siginfo_t *si) {
        return si->si_code != SI_KERNEL;
}
