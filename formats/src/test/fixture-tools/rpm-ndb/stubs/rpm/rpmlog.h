#pragma once
#define RPMLOG_ERR 3
#define RPMLOG_WARNING 4
#define RPMLOG_DEBUG 7
static inline void rpmlog(int level, const char *fmt, ...) { va_list ap; va_start(ap, fmt); vfprintf(stderr, fmt, ap); va_end(ap); }
