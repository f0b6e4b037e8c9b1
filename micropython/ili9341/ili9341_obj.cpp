// ili9341.ILI9341: argument parsing and Python objects around upanel::ili9341::Display.
#include <cstring>
#include <new>

#include "ili9341_display.h"
#include "upanel/ll/bus.h"

extern "C" {
#include "ili9341_obj.h"
#include "py/runtime.h"
}

using upanel::ili9341::Config;
using upanel::ili9341::Display;
using upanel::ili9341::Pin;
using upanel::ili9341::Status;

namespace {

// Runs what interrupts scheduled; mp_handle_pending() runs one Python callback a call.
void run_scheduled() {
    for (int i = 0; i < MICROPY_SCHEDULER_DEPTH && mp_sched_num_pending(); i++) mp_handle_pending(true);
    mp_handle_pending(true);
}

constexpr uint32_t kTagFlushReady = 1;

struct BufferObj {
    mp_obj_base_t base;
    struct DisplayObj *owner;
    uint8_t *data;
    size_t len;
};

struct DisplayObj {
    mp_obj_base_t base;
    mp_obj_t buffers[2];
    mp_obj_t disp;  // the LVGL display driver flush_cb was last given
    // flush_ready calls the scheduler had no room for: made from wait() instead, never lost.
    volatile uint32_t ready_unscheduled;
    uint32_t ready_late;  // how many were made that way, for info()
    Display display;
};

DisplayObj *self_of(mp_obj_t o) { return static_cast<DisplayObj *>(MP_OBJ_TO_PTR(o)); }

Display &active(mp_obj_t o) {
    Display &d = self_of(o)->display;
    if (!d.active()) mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("ILI9341 is deinitialised"));
    return d;
}

uint32_t coord(mp_obj_t v) {
    mp_int_t i = mp_obj_get_int(v);
    return uint32_t(i < 0 || i > 0xFFFF ? 0xFFFF : i);  // out of range either way
}

void raise_status(const Display &d, Status s) {
    using upanel::ili9341::kPinNames;
    switch (s) {
        case Status::kOk: return;
        case Status::kBadSpi: mp_raise_ValueError(MP_ERROR_TEXT("spihost must be ili9341.HSPI or ili9341.VSPI"));
        case Status::kBadClock: mp_raise_ValueError(MP_ERROR_TEXT("mhz must be from 1 to 80"));
        case Status::kBadRotation: mp_raise_ValueError(MP_ERROR_TEXT("rotation must be 0, 1, 2 or 3"));
        case Status::kBadPin:
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%s: pad %d cannot be used (34-39 input only, 6-11 flash)"),
                              kPinNames[d.error_pin()], d.pending_pin(d.error_pin()));
        case Status::kPinTwice:
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("pad %d is given to both %s and %s"),
                              d.pending_pin(d.error_pin()), kPinNames[d.error_other_pin()],
                              kPinNames[d.error_pin()]);
        case Status::kNoDmaMemory:
            mp_raise_msg_varg(&mp_type_MemoryError, MP_ERROR_TEXT("needs %u bytes of DMA RAM, %u free; raise factor"),
                              unsigned(d.dma_needed()), unsigned(d.dma_available()));
        case Status::kBusy:
            mp_raise_msg(&mp_type_OSError, MP_ERROR_TEXT("the SPI host or its interrupt is already in use"));
        case Status::kNotActive: mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("ILI9341 is deinitialised"));
        case Status::kBadArea: mp_raise_ValueError(MP_ERROR_TEXT("area is outside the screen or inverted"));
        case Status::kBufferTooSmall: mp_raise_ValueError(MP_ERROR_TEXT("buffer is smaller than the area's pixels"));
        case Status::kNotDmaMemory:
            mp_raise_ValueError(MP_ERROR_TEXT("buffer is not in DMA-capable RAM: use buffers() or blit()"));
    }
}

// Called in the transfer-done interrupt: LVGL learns of it from the scheduler, not the ISR.
void on_done(void *arg, uint32_t tag) {
    DisplayObj *self = static_cast<DisplayObj *>(arg);
    if (tag == kTagFlushReady && self->disp != MP_OBJ_NULL &&
        !mp_sched_schedule(MP_OBJ_FROM_PTR(&ili9341_flush_ready_obj), self->disp))
        self->ready_unscheduled = self->ready_unscheduled + 1;
}

mp_obj_t new_buffer(DisplayObj *owner, uint8_t *data, size_t len) {
    BufferObj *b = mp_obj_malloc(BufferObj, &ili9341_type_buffer);
    b->owner = owner;
    b->data = data;
    b->len = len;
    return MP_OBJ_FROM_PTR(b);
}

}  // namespace

extern "C" mp_obj_t ili9341_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
                                     const mp_obj_t *args) {
    enum { ARG_spihost, ARG_mosi, ARG_clk, ARG_cs, ARG_dc, ARG_rst, ARG_backlight, ARG_miso,
           ARG_mhz, ARG_rotation, ARG_bgr, ARG_invert, ARG_factor, ARG_double_buffer };
    static const mp_arg_t allowed[] = {
        {MP_QSTR_spihost, MP_ARG_INT, {.u_int = 1}},
        {MP_QSTR_mosi, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 18}},
        {MP_QSTR_clk, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 19}},
        {MP_QSTR_cs, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 13}},
        {MP_QSTR_dc, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 12}},
        {MP_QSTR_rst, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 4}},
        {MP_QSTR_backlight, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 2}},
        {MP_QSTR_miso, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 5}},
        {MP_QSTR_mhz, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 40}},
        {MP_QSTR_rotation, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0}},
        {MP_QSTR_bgr, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
        {MP_QSTR_invert, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
        {MP_QSTR_factor, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 4}},
        {MP_QSTR_double_buffer, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = true}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(allowed), allowed, a);

    Config cfg;
    mp_int_t host = a[ARG_spihost].u_int;
    cfg.spi = host == 1 ? 2 : host == 2 ? 3 : 0;
    const int pin_arg[upanel::ili9341::kPinCount] = {ARG_mosi, ARG_clk, ARG_cs, ARG_dc,
                                                     ARG_rst, ARG_backlight, ARG_miso};
    for (int i = 0; i < upanel::ili9341::kPinCount; i++) {
        mp_int_t pad = a[pin_arg[i]].u_int;
        cfg.pins[i] = int8_t(pad < -1 || pad > 99 ? 99 : pad);
    }
    mp_int_t mhz = a[ARG_mhz].u_int;
    if (mhz < 1 || mhz > 80) mp_raise_ValueError(MP_ERROR_TEXT("mhz must be from 1 to 80"));
    cfg.hz = uint32_t(mhz) * 1'000'000;
    mp_int_t rotation = a[ARG_rotation].u_int;
    if (rotation < 0 || rotation > 3) mp_raise_ValueError(MP_ERROR_TEXT("rotation must be 0, 1, 2 or 3"));
    cfg.rotation = uint8_t(rotation);
    cfg.bgr = a[ARG_bgr].u_bool;
    cfg.invert = a[ARG_invert].u_bool;
    mp_int_t factor = a[ARG_factor].u_int;
    if (factor < 1 || factor > 320 || (240 * 320) % factor)
        mp_raise_ValueError(MP_ERROR_TEXT("factor must divide 76800 (e.g. 1, 2, 4, 8, 10)"));
    cfg.buffer_pixels = uint32_t(240 * 320 / factor);
    cfg.buffer_count = a[ARG_double_buffer].u_bool ? 2 : 1;

    DisplayObj *self = static_cast<DisplayObj *>(m_malloc_with_finaliser(sizeof(DisplayObj)));
    self->base.type = type;
    self->buffers[0] = self->buffers[1] = mp_const_none;
    self->disp = MP_OBJ_NULL;
    self->ready_unscheduled = self->ready_late = 0;
    new (&self->display) Display();
    Status s = self->display.init(cfg);
    if (s != Status::kOk) raise_status(self->display, s);
    self->display.set_done_callback(on_done, self);
    for (uint32_t i = 0; i < cfg.buffer_count; i++)
        self->buffers[i] = new_buffer(self, self->display.buffer(i), self->display.buffer_bytes());
    return MP_OBJ_FROM_PTR(self);
}

// Pixels of a buffer object: a DmaBuffer of this display or any object with the buffer protocol.
static void pixels_of(mp_obj_t buf, mp_buffer_info_t *info) {
    mp_get_buffer_raise(buf, info, MP_BUFFER_READ);
}

extern "C" mp_obj_t ili9341_flush(size_t, const mp_obj_t *args) {
    Display &d = active(args[0]);
    mp_buffer_info_t info;
    pixels_of(args[5], &info);
    raise_status(d, d.flush(coord(args[1]), coord(args[2]), coord(args[3]), coord(args[4]),
                            static_cast<const uint8_t *>(info.buf), uint32_t(info.len)));
    return mp_const_none;
}

static mp_int_t area_field(mp_obj_t area, qstr field) { return mp_obj_get_int(mp_load_attr(area, field)); }

extern "C" mp_obj_t ili9341_flush_cb(size_t, const mp_obj_t *args) {
    DisplayObj *self = self_of(args[0]);
    Display &d = active(args[0]);
    mp_obj_t area = args[2];
    mp_int_t x1 = area_field(area, MP_QSTR_x1), y1 = area_field(area, MP_QSTR_y1);
    mp_int_t x2 = area_field(area, MP_QSTR_x2), y2 = area_field(area, MP_QSTR_y2);
    mp_buffer_info_t info;
    pixels_of(args[3], &info);
    self->disp = args[1];
    auto c = [](mp_int_t v) { return uint32_t(v < 0 || v > 0xFFFF ? 0xFFFF : v); };
    raise_status(d, d.flush(c(x1), c(y1), c(x2), c(y2), static_cast<const uint8_t *>(info.buf),
                            uint32_t(info.len), kTagFlushReady));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_flush_ready(mp_obj_t disp) {
    mp_obj_t dest[2];
    mp_load_method(disp, MP_QSTR_flush_ready, dest);
    return mp_call_method_n_kw(0, 0, dest);
}

extern "C" mp_obj_t ili9341_wait(size_t n_args, const mp_obj_t *args) {
    Display &d = active(args[0]);
    if (n_args > 1 && args[1] != mp_const_none) {
        mp_buffer_info_t info;
        pixels_of(args[1], &info);
        while (d.in_flight(info.buf)) upanel::ll::cpu_relax();
    } else {
        d.wait();
    }
    // The flush_ready calls the interrupts scheduled run before wait() returns, and so do
    // those the scheduler's full queue turned away.
    run_scheduled();
    DisplayObj *self = self_of(args[0]);
    while (self->ready_unscheduled) {
        self->ready_unscheduled = self->ready_unscheduled - 1;
        self->ready_late++;
        ili9341_flush_ready(self->disp);
    }
    return mp_const_none;
}

static uint16_t color_of(mp_obj_t c) {
    mp_int_t v = mp_obj_get_int(c);
    if (v < 0 || v > 0xFFFF) mp_raise_ValueError(MP_ERROR_TEXT("color must be an RGB565 value 0..0xFFFF"));
    return uint16_t(v);
}

extern "C" mp_obj_t ili9341_fill(mp_obj_t self_in, mp_obj_t color) {
    Display &d = active(self_in);
    raise_status(d, d.fill_rect(0, 0, d.width(), d.height(), color_of(color)));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_fill_rect(size_t, const mp_obj_t *args) {
    Display &d = active(args[0]);
    raise_status(d, d.fill_rect(coord(args[1]), coord(args[2]), coord(args[3]), coord(args[4]),
                                color_of(args[5])));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_blit(size_t, const mp_obj_t *args) {
    Display &d = active(args[0]);
    mp_buffer_info_t info;
    pixels_of(args[1], &info);
    raise_status(d, d.blit(static_cast<const uint8_t *>(info.buf), uint32_t(info.len),
                           coord(args[2]), coord(args[3]), coord(args[4]), coord(args[5])));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_buffers(mp_obj_t self_in) {
    DisplayObj *self = self_of(self_in);
    active(self_in);
    size_t n = self->buffers[1] == mp_const_none ? 1 : 2;
    return mp_obj_new_tuple(n, self->buffers);
}

extern "C" mp_obj_t ili9341_backlight(mp_obj_t self_in, mp_obj_t on) {
    active(self_in).set_backlight(mp_obj_is_true(on));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_busy(mp_obj_t self_in, mp_obj_t buf) {
    mp_buffer_info_t info;
    pixels_of(buf, &info);
    return mp_obj_new_bool(active(self_in).in_flight(info.buf));
}

extern "C" mp_obj_t ili9341_deinit(mp_obj_t self_in) {
    DisplayObj *self = self_of(self_in);
    self->display.deinit();
    self->disp = MP_OBJ_NULL;
    return mp_const_none;
}

extern "C" void ili9341_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    DisplayObj *self = self_of(self_in);
    if (dest[0] == MP_OBJ_NULL) {
        switch (attr) {
            case MP_QSTR_width: dest[0] = MP_OBJ_NEW_SMALL_INT(self->display.width()); return;
            case MP_QSTR_height: dest[0] = MP_OBJ_NEW_SMALL_INT(self->display.height()); return;
            case MP_QSTR_rotation:
                dest[0] = MP_OBJ_NEW_SMALL_INT(self->display.config().rotation);
                return;
            default: dest[1] = MP_OBJ_SENTINEL; return;  // methods: look in locals_dict
        }
    }
    if (dest[0] == MP_OBJ_SENTINEL && dest[1] != MP_OBJ_NULL && attr == MP_QSTR_rotation) {
        mp_int_t r = mp_obj_get_int(dest[1]);
        if (r < 0 || r > 3) mp_raise_ValueError(MP_ERROR_TEXT("rotation must be 0, 1, 2 or 3"));
        Display &d = active(self_in);
        raise_status(d, d.set_rotation(uint8_t(r)));
        dest[0] = MP_OBJ_NULL;
    }
}

extern "C" mp_int_t ili9341_buffer_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo,
                                              mp_uint_t flags) {
    BufferObj *b = static_cast<BufferObj *>(MP_OBJ_TO_PTR(self_in));
    Display &d = b->owner->display;
    if (!d.active())
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("the buffer's ILI9341 is deinitialised"));
    if ((flags & MP_BUFFER_WRITE) && d.in_flight(b->data))
        mp_raise_msg(&mp_type_RuntimeError,
                     MP_ERROR_TEXT("buffer is on the bus: wait() or draw into the other one"));
    bufinfo->buf = b->data;
    bufinfo->len = b->len;
    bufinfo->typecode = 'B';
    return 0;
}

extern "C" mp_obj_t ili9341_color565(mp_obj_t r, mp_obj_t g, mp_obj_t b) {
    auto c = [](mp_obj_t v) {
        mp_int_t i = mp_obj_get_int(v);
        return uint32_t(i < 0 ? 0 : i > 255 ? 255 : i);
    };
    return MP_OBJ_NEW_SMALL_INT((c(r) >> 3) << 11 | (c(g) >> 2) << 5 | c(b) >> 3);
}
