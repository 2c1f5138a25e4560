/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "sysrec/audit-source.h"

/* The readers of each kind of source, behind audit_source_read(). */
int audit_source_kmsg_read(struct audit_source *s, struct audit_collector *c);
int audit_source_netlink_read(struct audit_source *s, struct audit_collector *c);
