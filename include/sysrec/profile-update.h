/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "sysrec/profile.h"
#include "sysrec/syscall-set.h"

/* Makes p allow every named syscall of set (what complain mode found missing): each
 * name leaves the rules that deny it (rules left empty are dropped) and joins p's
 * first ALLOW rule without argument conditions, made if there is none; when p lists
 * architectures, those of set are added. Numbers with no name are skipped. */
int profile_allow_syscalls(struct profile *p, const struct syscall_set *set);
