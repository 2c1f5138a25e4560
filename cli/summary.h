/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "sysrec/recording.h"

/* On stderr, since stdout may carry the profile. One paragraph: distinct syscalls per
 * architecture, events, processes, duration, and anything lost. */
void summary_print(const struct recording *rec);
/* A table like strace -c: name, calls, first process, most called first. */
void summary_print_table(const struct recording *rec);
