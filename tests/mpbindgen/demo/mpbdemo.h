/* A C library made up to exercise every kind of declaration mpbindgen binds. The MicroPython
 * module `mpbdemo` is generated from this header; tests/mpbindgen/test_*.py use it. */
#ifndef MPBDEMO_H
#define MPBDEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DEMO_VERSION 3
#define DEMO_MASK (1u << 7)
#define DEMO_NEGATIVE (-42)
#define DEMO_BIG 0x123456789ULL
#define DEMO_RATIO 0.25
#define DEMO_NAME "upanel"
#define DEMO_SQUARE(x) ((x) * (x))
#define DEMO_EMPTY
/* Constants grouped as a class by the config (LIMIT.LOW...), one also in a second class, and
 * integers beyond a 64-bit port's small ints too (ROM int objects). */
#define DEMO_LIMIT_LOW (-7)
#define DEMO_LIMIT_HIGH 1000
#define DEMO_LIMIT_HUGE 0xFEDCBA9876543210ULL
#define DEMO_LIMIT_DEEP (-0x7EDCBA9876543210LL)
#define DEMO_LIMIT_LABEL "limits"

/** Adds two ints. */
int demo_add(int a, int b);
/* Older names kept as macros, as LVGL's API maps keep them: bound under the old name, but not
 * the one with a leading underscore. */
#define demo_sum demo_add
#define _demo_sum demo_add
int8_t demo_i8(int8_t v);
uint8_t demo_u8(uint8_t v);
int16_t demo_i16(int16_t v);
uint16_t demo_u16(uint16_t v);
int32_t demo_i32(int32_t v);
uint32_t demo_u32(uint32_t v);
/** A timeout in ticks, where C code passes -1 for "forever" (config "wrap demo_timeout_t"). */
typedef uint32_t demo_timeout_t;
demo_timeout_t demo_timeout(demo_timeout_t v);
int64_t demo_i64(int64_t v);
uint64_t demo_u64(uint64_t v);
size_t demo_size(size_t v);
bool demo_not(bool v);
float demo_half(float v);
double demo_scale(double v, double by);
long double demo_long_double(long double v);
int demo_printf(const char *fmt, ...);
void demo_nothing(void);

/** Colours, with a common prefix. */
typedef enum {
    DEMO_COLOR_RED = 1,
    DEMO_COLOR_GREEN = 2,
    DEMO_COLOR_BLUE = 4,
} demo_color_t;

enum {
    DEMO_CAP_DMA = 1 << 3,
    DEMO_CAP_INTERNAL = 1 << 11,
};

/** Returns the colour after `c` (red, green, blue, red...). */
demo_color_t demo_next_color(demo_color_t c);

/* Strings. */
size_t demo_strlen(const char *s);
/** Keeps the pointer: demo_kept() returns it later. */
void demo_keep(const char *s);
const char *demo_kept(void);
/** Writes "hello" into `out` (at most `len` bytes with the NUL); returns the length written. */
size_t demo_hello(char *out, size_t len);
const char *demo_null_string(void);

/* Structs and unions. */
typedef struct {
    int16_t x;
    int16_t y;
} demo_point_t;

typedef struct demo_rect {
    demo_point_t origin; /**< nested by value */
    uint16_t w, h;
    uint8_t tag[4];     /**< array field */
    unsigned flags : 3; /**< bitfield */
    signed level : 4;
    bool visible;
    float alpha;
    double weight;
    const char *name;
    union { /* anonymous member */
        uint32_t as_u32;
        uint8_t as_bytes[4];
    };
    struct demo_rect *next; /**< pointer to its own type */
    void *user;
} demo_rect_t;

typedef union {
    void *ptr_val;
    int int_val;
    unsigned int uint_val;
    const char *str_val;
} C_Pointer;

/* Global variables: module.cvar.NAME, read and written in place. */
extern int demo_counter;
/** Bumped by demo_tick(): C writes, Python reads. */
extern uint32_t demo_ticks;
extern const char *demo_label;
extern demo_point_t demo_origin;
extern const int demo_limit;
extern const demo_point_t demo_unit;
extern uint8_t demo_table[4];
void demo_tick(void);
int demo_counter_twice(void);

/** A polyline: an array of structs as a field. */
typedef struct {
    uint8_t count;
    demo_point_t points[4];
} demo_path_t;
/** The sum of x + y over the first `count` points. */
int32_t demo_path_sum(const demo_path_t *p);

int32_t demo_area(const demo_rect_t *r);
void demo_grow(demo_rect_t *r, int16_t by);
demo_point_t demo_center(demo_rect_t r);
demo_rect_t *demo_static_rect(void);
uint32_t demo_sum_bytes(const uint8_t *data, size_t len);
void demo_fill(uint8_t *data, size_t len, uint8_t value);
/** The sum of len bytes at data, untyped memory (NULL: 0). */
uint32_t demo_checksum(const void *data, size_t len);

/* Opaque handles and out-parameters. */
typedef struct demo_handle *demo_handle_t;
int demo_open(int id, demo_handle_t *out);
int demo_handle_id(demo_handle_t h);
void demo_close(demo_handle_t h);
void demo_get_size(size_t *out);
void demo_get_u32(uint32_t *out);

/* Callbacks (a): the struct carries user_data, the callback receives the struct. */
typedef struct demo_widget {
    void *user_data;
    int value;
    void (*on_change)(struct demo_widget *w, int old_value);
    int (*filter)(struct demo_widget *w, int proposed);
} demo_widget_t;
/** Sets the value, through the filter if any, then calls on_change. */
void demo_widget_set(demo_widget_t *w, int value);

/* Callbacks (b): a trailing void * user_data. */
typedef int (*demo_visit_cb_t)(int item, void *user_data);
/** Calls `cb` for each of 0..n-1, summing what it returns. */
int demo_for_each(int n, demo_visit_cb_t cb, void *user_data);
/** Registers a callback that demo_fire() calls later (the library keeps it). */
void demo_register(demo_visit_cb_t cb, void *user_data);
int demo_fire(int item);

/* Callbacks (c): neither; the context travels in the event's `user` field (config entry). */
typedef struct {
    int code;
    void *user;
} demo_event_t;
typedef void (*demo_event_cb_t)(demo_event_t *ev);
typedef struct {
    demo_event_cb_t on_event;
} demo_source_config_t;
/** Copies the config (as ESP-IDF does with its device configs). */
void demo_source_init(const demo_source_config_t *cfg);
/** Raises an event with `code` and `user` through the stored on_event. */
void demo_source_raise(int code, void *user);

/* A callback with no context at all: only C functions can be given. */
/* What LVGL's headers first broke (regressions): three callbacks that share one user data, as
 * lv_tree_walk's; a by-value parameter of a const struct type; a const void * result. */
int demo_walk3(int n, demo_visit_cb_t before, demo_visit_cb_t each, demo_visit_cb_t after, void *user_data);
typedef const demo_point_t demo_const_point_t;
int demo_manhattan(demo_const_point_t p);
const void *demo_same(const void *p);
/** The length of a path through `count` points (city blocks): an array of structs. */
int demo_path_length(const demo_point_t points[], size_t count);
/** Arrays of numbers (LVGL's chart arrays): the weighted sum of `count` int16 values; an array
 * C keeps and reads later (as lv_chart_set_series_ext_y_array); a fixed-size float array. */
int64_t demo_weighted_sum(const int16_t values[], size_t count);
void demo_keep_samples(int32_t samples[], size_t count);
int32_t demo_kept_sample(size_t i);
float demo_dot3(const float a[3], const float b[3]);

typedef int (*demo_cmp_t)(int a, int b);
int demo_apply(demo_cmp_t f, int a, int b);
int demo_max(int a, int b);

/* A printf-like function (config "printf"): formats into a line demo_last_line() returns,
 * and returns its length. */
int demo_log_line(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *demo_last_line(void);

/* Interrupt-style callbacks: demo_irq_raise() plays the interrupt controller. The config makes
 * demo_irq_attach's callbacks hard and demo_soft_attach's scheduled. */
typedef void (*demo_isr_t)(demo_event_t *ev, void *arg);
void demo_irq_attach(int line, demo_isr_t isr, void *arg);
void demo_soft_attach(int line, demo_isr_t isr, void *arg);
/** Raises interrupt `line` `times` times in a row, as fast as C can. */
void demo_irq_raise(int line, int times);

#endif
