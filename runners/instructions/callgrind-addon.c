/*
 * memobench's bracket for instruction counts: callgrind client requests as a Node-API addon.
 *
 * Built lazily by runners/instructions/addon.ts with `cc -O2 -shared -fPIC` and nothing else: the
 * few Node-API functions it calls are declared below (Node-API is a stable C ABI, and its symbols
 * resolve against the running node binary), so neither node-gyp nor Node's headers are needed,
 * only a C compiler and valgrind's own headers (Debian's `valgrind` package ships them in
 * /usr/include/valgrind).
 *
 * Each function is one client request and nothing more, so that the cost of crossing into it is
 * constant: the harness measures that cost in empty segments and subtracts it.
 *   start()   CALLGRIND_START_INSTRUMENTATION, once per process: every START or STOP flushes
 *             valgrind's translation cache, which costs seconds in a JIT-heavy process.
 *   zero()    CALLGRIND_ZERO_STATS, at the start of a segment.
 *   dump()    CALLGRIND_DUMP_STATS, at its end: the segment's instructions become one part of the
 *             callgrind output file.
 *   running() RUNNING_ON_VALGRIND: 0 outside valgrind, where the other three do nothing.
 */
#include <stddef.h>
#include <stdint.h>
#include <valgrind/callgrind.h>
#include <valgrind/valgrind.h>

typedef struct napi_env__ *napi_env;
typedef struct napi_value__ *napi_value;
typedef struct napi_callback_info__ *napi_callback_info;
typedef int napi_status;
typedef napi_value (*napi_callback)(napi_env env, napi_callback_info info);
typedef void (*napi_finalize)(napi_env env, void *data, void *hint);
typedef struct {
  const char *utf8name;
  napi_value name;
  napi_callback method;
  napi_callback getter;
  napi_callback setter;
  napi_value value;
  int attributes;
  void *data;
} napi_property_descriptor;

extern napi_status napi_get_undefined(napi_env env, napi_value *result);
extern napi_status napi_create_uint32(napi_env env, uint32_t value, napi_value *result);
extern napi_status napi_define_properties(napi_env env, napi_value object, size_t count,
                                          const napi_property_descriptor *properties);

static napi_value undefined_value(napi_env env) {
  napi_value value;
  napi_get_undefined(env, &value);
  return value;
}

static napi_value start(napi_env env, napi_callback_info info) {
  (void)info;
  CALLGRIND_START_INSTRUMENTATION;
  return undefined_value(env);
}

static napi_value zero(napi_env env, napi_callback_info info) {
  (void)info;
  CALLGRIND_ZERO_STATS;
  return undefined_value(env);
}

static napi_value dump(napi_env env, napi_callback_info info) {
  (void)info;
  CALLGRIND_DUMP_STATS;
  return undefined_value(env);
}

static napi_value running(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value value;
  napi_create_uint32(env, (uint32_t)RUNNING_ON_VALGRIND, &value);
  return value;
}

/* napi_enumerable, from Node-API's napi_property_attributes. */
#define ENUMERABLE (1 << 1)

napi_value napi_register_module_v1(napi_env env, napi_value exports) {
  const napi_property_descriptor properties[] = {
      {"start", NULL, start, NULL, NULL, NULL, ENUMERABLE, NULL},
      {"zero", NULL, zero, NULL, NULL, NULL, ENUMERABLE, NULL},
      {"dump", NULL, dump, NULL, NULL, NULL, ENUMERABLE, NULL},
      {"running", NULL, running, NULL, NULL, NULL, ENUMERABLE, NULL},
  };
  napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties);
  return exports;
}

/* Node-API version 1 is all this needs; node reads it to know how the module was built. */
int32_t node_api_module_get_api_version_v1(void) { return 1; }
