// The implementation of the made-up library of mpbdemo.h.
#include "mpbdemo.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int demo_add(int a, int b) { return a + b; }
int8_t demo_i8(int8_t v) { return v; }
uint8_t demo_u8(uint8_t v) { return v; }
int16_t demo_i16(int16_t v) { return v; }
uint16_t demo_u16(uint16_t v) { return v; }
int32_t demo_i32(int32_t v) { return v; }
uint32_t demo_u32(uint32_t v) { return v; }
demo_timeout_t demo_timeout(demo_timeout_t v) { return v; }
int64_t demo_i64(int64_t v) { return v; }
uint64_t demo_u64(uint64_t v) { return v; }
size_t demo_size(size_t v) { return v; }
bool demo_not(bool v) { return !v; }
float demo_half(float v) { return v / 2; }
double demo_scale(double v, double by) { return v * by; }
long double demo_long_double(long double v) { return v; }
int demo_printf(const char *fmt, ...) {
    (void)fmt;
    return 0;
}
void demo_nothing(void) {}

demo_color_t demo_next_color(demo_color_t c) {
    return c == DEMO_COLOR_RED ? DEMO_COLOR_GREEN : c == DEMO_COLOR_GREEN ? DEMO_COLOR_BLUE : DEMO_COLOR_RED;
}

size_t demo_strlen(const char *s) { return s ? strlen(s) : 0; }
static const char *kept;
void demo_keep(const char *s) { kept = s; }
const char *demo_kept(void) { return kept; }
size_t demo_hello(char *out, size_t len) {
    size_t n = len > 5 ? 5 : len - 1;
    memcpy(out, "hello", n);
    out[n] = '\0';
    return n;
}
const char *demo_null_string(void) { return NULL; }

int demo_counter = 5;
uint32_t demo_ticks;
const char *demo_label = "start";
demo_point_t demo_origin = {1, 2};
const int demo_limit = 99;
const demo_point_t demo_unit = {1, 1};
uint8_t demo_table[4] = {1, 2, 3, 4};

void demo_tick(void) { demo_ticks++; }

int demo_counter_twice(void) { return 2 * demo_counter; }

int32_t demo_path_sum(const demo_path_t *p) {
    int32_t sum = 0;
    for (int i = 0; i < p->count && i < 4; i++) {
        sum += p->points[i].x + p->points[i].y;
    }
    return sum;
}

int32_t demo_area(const demo_rect_t *r) { return (int32_t)r->w * r->h; }
void demo_grow(demo_rect_t *r, int16_t by) {
    r->w += by;
    r->h += by;
}
demo_point_t demo_center(demo_rect_t r) {
    demo_point_t p = {(int16_t)(r.origin.x + r.w / 2), (int16_t)(r.origin.y + r.h / 2)};
    return p;
}
static demo_rect_t static_rect = {.origin = {1, 2}, .w = 30, .h = 40};
demo_rect_t *demo_static_rect(void) { return &static_rect; }
uint32_t demo_sum_bytes(const uint8_t *data, size_t len) {
    uint32_t s = 0;
    for (size_t i = 0; i < len; i++) s += data[i];
    return s;
}
void demo_fill(uint8_t *data, size_t len, uint8_t value) { memset(data, value, len); }

struct demo_handle {
    int id;
};
int demo_open(int id, demo_handle_t *out) {
    if (id < 0) return -1;
    *out = malloc(sizeof(struct demo_handle));
    (*out)->id = id;
    return 0;
}
int demo_handle_id(demo_handle_t h) { return h->id; }
void demo_close(demo_handle_t h) { free(h); }
void demo_get_size(size_t *out) { *out = (size_t)0x1122334455667788ULL; }
void demo_get_u32(uint32_t *out) { *out = 0xCAFEF00Du; }

void demo_widget_set(demo_widget_t *w, int value) {
    if (w->filter) value = w->filter(w, value);
    int old = w->value;
    w->value = value;
    if (w->on_change) w->on_change(w, old);
}

int demo_for_each(int n, demo_visit_cb_t cb, void *user_data) {
    int sum = 0;
    for (int i = 0; i < n; i++) sum += cb(i, user_data);
    return sum;
}
int demo_walk3(int n, demo_visit_cb_t before, demo_visit_cb_t each, demo_visit_cb_t after, void *user_data) {
    int sum = before ? before(-1, user_data) : 0;
    for (int i = 0; i < n; i++) sum += each(i, user_data);
    return sum + (after ? after(n, user_data) : 0);
}
int demo_manhattan(demo_const_point_t p) { return abs(p.x) + abs(p.y); }
const void *demo_same(const void *p) { return p; }
int demo_path_length(const demo_point_t points[], size_t count) {
    int sum = 0;
    for (size_t i = 1; i < count; i++)
        sum += abs(points[i].x - points[i - 1].x) + abs(points[i].y - points[i - 1].y);
    return sum;
}
int64_t demo_weighted_sum(const int16_t values[], size_t count) {
    int64_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += (int64_t)(i + 1) * values[i];
    return sum;
}
static int32_t *kept_samples;
static size_t kept_count;
void demo_keep_samples(int32_t samples[], size_t count) {
    kept_samples = samples;
    kept_count = count;
}
int32_t demo_kept_sample(size_t i) { return i < kept_count ? kept_samples[i] : -1; }
float demo_dot3(const float a[3], const float b[3]) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
static demo_visit_cb_t registered_cb;
static void *registered_user;
void demo_register(demo_visit_cb_t cb, void *user_data) {
    registered_cb = cb;
    registered_user = user_data;
}
int demo_fire(int item) { return registered_cb ? registered_cb(item, registered_user) : -1; }

static demo_source_config_t source;  // the library's own copy, which no collector scans
void demo_source_init(const demo_source_config_t *cfg) { source = *cfg; }
void demo_source_raise(int code, void *user) {
    demo_event_t ev = {code, user};
    if (source.on_event) source.on_event(&ev);
}

int demo_apply(demo_cmp_t f, int a, int b) { return f(a, b); }
int demo_max(int a, int b) { return a > b ? a : b; }

#define DEMO_IRQ_LINES 4
static struct {
    demo_isr_t isr;
    void *arg;
} irq_lines[DEMO_IRQ_LINES];
void demo_irq_attach(int line, demo_isr_t isr, void *arg) {
    if (line >= 0 && line < DEMO_IRQ_LINES) {
        irq_lines[line].isr = isr;
        irq_lines[line].arg = arg;
    }
}
void demo_soft_attach(int line, demo_isr_t isr, void *arg) { demo_irq_attach(line, isr, arg); }
void demo_irq_raise(int line, int times) {
    for (int i = 0; i < times && line >= 0 && line < DEMO_IRQ_LINES; i++) {
        demo_event_t ev = {i, NULL};
        if (irq_lines[line].isr) irq_lines[line].isr(&ev, irq_lines[line].arg);
    }
}

static char last_line[128];

int demo_log_line(int level, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(last_line, sizeof last_line, "%d:", level);
    n += vsnprintf(last_line + n, sizeof last_line - (size_t)n, fmt, ap);
    va_end(ap);
    return n;
}

const char *demo_last_line(void) { return last_line; }

uint32_t demo_checksum(const void *data, size_t len) {
    uint32_t sum = 0;
    for (size_t i = 0; data && i < len; i++) sum += ((const uint8_t *)data)[i];
    return sum;
}
