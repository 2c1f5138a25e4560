/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define _cleanup_(f)   __attribute__((cleanup(f)))
#define _unused_       __attribute__((unused))
#define _noinline_     __attribute__((noinline))
#define _printf_(a, b) __attribute__((format(printf, a, b)))

#define ELEMENTSOF(x) (sizeof(x) / sizeof((x)[0]))

/* Whether s equals one of the strings that follow. */
#define STR_IN_SET(s, ...) str_in_set((s), (const char *const[]){ __VA_ARGS__, NULL })
static inline int str_in_set(const char *s, const char *const *set) {
        for (; *set; set++)
                if (__builtin_strcmp(s, *set) == 0)
                        return 1;
        return 0;
}

/* Hand ownership out of a _cleanup_ variable. */
#define TAKE_PTR(p)                    \
        ({                             \
                typeof(p) _ptr_ = (p); \
                (p) = NULL;            \
                _ptr_;                 \
        })
#define TAKE_FD(fd)              \
        ({                       \
                int _fd_ = (fd); \
                (fd) = -1;       \
                _fd_;            \
        })

/* Define NAMEp(type *p) calling NAME(*p) when *p is not NULL. */
#define DEFINE_TRIVIAL_CLEANUP_FUNC(type, func) \
        static inline void func##p(type *p) {   \
                if (*p)                         \
                        func(*p);               \
        }

static inline void freep(void *p) {
        free(*(void **) p);
}
#define _cleanup_free_ _cleanup_(freep)

static inline void closep(int *fd) {
        if (*fd >= 0) {
                int saved = errno;
                close(*fd);
                errno = saved;
        }
}
#define _cleanup_close_ _cleanup_(closep)

static inline void fclosep(FILE **f) {
        if (*f)
                fclose(*f);
}
#define _cleanup_fclose_ _cleanup_(fclosep)

static inline void closedirp(DIR **d) {
        if (*d)
                closedir(*d);
}
#define _cleanup_closedir_ _cleanup_(closedirp)

/* Negative errno from the current errno, never 0 (callers rely on r < 0). */
static inline int negative_errno(void) {
        return errno > 0 ? -errno : -EIO;
}
