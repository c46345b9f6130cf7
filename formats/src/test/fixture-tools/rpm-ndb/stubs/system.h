#pragma once
#include <stdlib.h>
#include <stdio.h>
#include <stdarg.h>
#define xcalloc calloc
#define xmalloc malloc
#define xrealloc realloc
#define xstrdup strdup
#define _(x) x
