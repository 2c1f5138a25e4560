/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stddef.h>

/* Writes data to path so that readers see the old file or the new one, never a part:
 * a temporary file in the same directory, fsynced, renamed over path, directory
 * fsynced. "-" writes to stdout. An existing path that is not a regular file
 * (/dev/null, a FIFO, a terminal) is written in place, since renaming over it would
 * replace the device node. New files get 0666 & ~umask. */
int atomic_file_write(const char *path, const void *data, size_t size);

/* Reads a whole file ("-" is stdin) into a NUL-terminated buffer. */
int read_full_file(const char *path, char **ret, size_t *ret_size);
