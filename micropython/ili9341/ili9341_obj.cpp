// ili9341.ILI9341: argument parsing and Python objects around upanel::ili9341::Display.
// Written against the part of MicroPython's API that native modules (.mpy) also have, so the
// same file serves the built-in module and micropython/natmod/ili9341; what differs (memory
// with a finaliser, the scheduler) comes from the binding through ili9341_obj.h.
#include <stddef.h>

#include "ili9341_display.h"

// Construction in memory the MicroPython heap gave; its own tag, since not every target has
// the C++ library's <new> (native modules for bare-metal RISC-V have no C++ library).
struct InPlace {};
inline void *operator new(size_t, void *where, InPlace) noexcept { return where; }

extern "C" {
#include "ili9341_obj.h"
#if MICROPY_ENABLE_DYNRUNTIME
#include "py/dynruntime.h"
#else
#include "py/runtime.h"
#endif
}
#include "../common/glue.h"

using upanel::glue::fail;
using upanel::glue::text;
using upanel::ili9341::Config;
using upanel::ili9341::Display;
using upanel::ili9341::Status;

namespace {

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
    // flush_cb jobs done and flush_ready calls made; one writer each (the interrupt, the
    // caller), so neither update can be lost. A report the scheduler had no room for is made
    // from wait() instead, never lost.
    volatile uint32_t ready_done;
    uint32_t ready_given;
    Display display;
};

DisplayObj *self_of(mp_obj_t o) { return static_cast<DisplayObj *>(MP_OBJ_TO_PTR(o)); }

Display &active(mp_obj_t o) {
    Display &d = self_of(o)->display;
    if (!d.active()) fail(MP_QSTR_RuntimeError, "ILI9341 is deinitialised");
    return d;
}

uint32_t coord(mp_obj_t v) {
    mp_int_t i = mp_obj_get_int(v);
    return uint32_t(i < 0 || i > 0xFFFF ? 0xFFFF : i);  // out of range either way
}

void raise_status(const Display &d, Status s) {
    using upanel::ili9341::kPinNames;
    switch (s) {
        case Status::kOk:
            return;
        case Status::kBadSpi:
            fail(MP_QSTR_ValueError, "spihost must be ili9341.HSPI or ili9341.VSPI");
        case Status::kBadClock:
            fail(MP_QSTR_ValueError, "mhz must be from 1 to 80");
        case Status::kBadRotation:
            fail(MP_QSTR_ValueError, "rotation must be 0, 1, 2 or 3");
        case Status::kBadPin: {
            mp_obj_t v[] = {text(kPinNames[d.error_pin()]),
                            MP_OBJ_NEW_SMALL_INT(d.pending_pin(d.error_pin()))};
            fail(MP_QSTR_ValueError, "%s: pad %d cannot be used (34-39 input only, 6-11 flash)", 2, v);
        }
        case Status::kPinTwice: {
            mp_obj_t v[] = {MP_OBJ_NEW_SMALL_INT(d.pending_pin(d.error_pin())),
                            text(kPinNames[d.error_other_pin()]), text(kPinNames[d.error_pin()])};
            fail(MP_QSTR_ValueError, "pad %d is given to both %s and %s", 3, v);
        }
        case Status::kNoDmaMemory: {
            mp_obj_t v[] = {mp_obj_new_int_from_uint(d.dma_needed()),
                            mp_obj_new_int_from_uint(d.dma_available())};
            fail(MP_QSTR_MemoryError, "needs %u bytes of DMA RAM, %u free; raise factor", 2, v);
        }
        case Status::kBusy:
            fail(MP_QSTR_OSError, "the SPI host or its interrupt is already in use");
        case Status::kNotActive:
            fail(MP_QSTR_RuntimeError, "ILI9341 is deinitialised");
        case Status::kBadArea:
            fail(MP_QSTR_ValueError, "area is outside the screen or inverted");
        case Status::kBufferTooSmall:
            fail(MP_QSTR_ValueError, "buffer is smaller than the area's pixels");
        case Status::kNotDmaMemory:
            fail(MP_QSTR_ValueError, "buffer is not in DMA-capable RAM: use buffers() or blit()");
        case Status::kNoTransferDone: {
            mp_obj_t v[] = {MP_OBJ_NEW_SMALL_INT(d.config().spi),
                            MP_OBJ_NEW_SMALL_INT(Display::kWaitTransfers)};
            fail(MP_QSTR_OSError,
                 "no transfer-done from SPI%d in %d transfer times: is its clock enabled? ILI9341 "
                 "deinitialised",
                 2, v);
        }
    }
}

// Called in the transfer-done interrupt: LVGL learns of it from the scheduler, not the ISR.
void on_done(void *arg, uint32_t tag) {
    DisplayObj *self = static_cast<DisplayObj *>(arg);
    if (tag != kTagFlushReady) return;
    self->ready_done = self->ready_done + 1;
    ili9341_schedule(MP_OBJ_FROM_PTR(&ili9341_deliver_obj), MP_OBJ_FROM_PTR(self));
}

mp_obj_t new_buffer(DisplayObj *owner, uint8_t *data, size_t len) {
    BufferObj *b = mp_obj_malloc(BufferObj, ili9341_buffer_type);
    b->owner = owner;
    b->data = data;
    b->len = len;
    return MP_OBJ_FROM_PTR(b);
}

// Pixels of a buffer object: a DmaBuffer of this display or any object with the buffer protocol.
void pixels_of(mp_obj_t buf, mp_buffer_info_t *info) { mp_get_buffer_raise(buf, info, MP_BUFFER_READ); }

mp_int_t area_field(mp_obj_t area, qstr field) { return mp_obj_get_int(mp_load_attr(area, field)); }

uint16_t color_of(mp_obj_t c) {
    mp_int_t v = mp_obj_get_int(c);
    if (v < 0 || v > 0xFFFF) fail(MP_QSTR_ValueError, "color must be an RGB565 value 0..0xFFFF");
    return uint16_t(v);
}

}  // namespace

extern "C" mp_obj_t ili9341_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
                                     const mp_obj_t *args) {
    enum {
        ARG_spihost,
        ARG_mosi,
        ARG_clk,
        ARG_cs,
        ARG_dc,
        ARG_rst,
        ARG_backlight,
        ARG_miso,
        ARG_mhz,
        ARG_rotation,
        ARG_bgr,
        ARG_invert,
        ARG_factor,
        ARG_double_buffer
    };
    // Not static: a native module's qstrs are only known at load time.
    const mp_arg_t allowed[] = {
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
        {MP_QSTR_bgr, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = true}},
        {MP_QSTR_invert, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
        {MP_QSTR_factor, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 4}},
        {MP_QSTR_double_buffer, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = true}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(allowed), allowed, a);

    Config cfg;
    mp_int_t host = a[ARG_spihost].u_int;
    cfg.spi = host == 1 ? 2 : host == 2 ? 3 : 0;
    const int pin_arg[upanel::ili9341::kPinCount] = {ARG_mosi, ARG_clk,       ARG_cs,  ARG_dc,
                                                     ARG_rst,  ARG_backlight, ARG_miso};
    for (int i = 0; i < upanel::ili9341::kPinCount; i++) {
        mp_int_t pad = a[pin_arg[i]].u_int;
        cfg.pins[i] = int8_t(pad < -1 || pad > 99 ? 99 : pad);
    }
    mp_int_t mhz = a[ARG_mhz].u_int;
    if (mhz < 1 || mhz > 80) fail(MP_QSTR_ValueError, "mhz must be from 1 to 80");
    cfg.hz = uint32_t(mhz) * 1'000'000;
    mp_int_t rotation = a[ARG_rotation].u_int;
    if (rotation < 0 || rotation > 3) fail(MP_QSTR_ValueError, "rotation must be 0, 1, 2 or 3");
    cfg.rotation = uint8_t(rotation);
    cfg.bgr = a[ARG_bgr].u_bool;
    cfg.invert = a[ARG_invert].u_bool;
    mp_int_t factor = a[ARG_factor].u_int;
    if (factor < 1 || factor > 320 || (240 * 320) % factor)
        fail(MP_QSTR_ValueError, "factor must divide 76800 (e.g. 1, 2, 4, 8, 10)");
    cfg.buffer_pixels = uint32_t(240 * 320 / factor);
    cfg.buffer_count = a[ARG_double_buffer].u_bool ? 2 : 1;
#if (MICROPY_ENABLE_DYNRUNTIME && !defined(UPANEL_LL_HOST)) || defined(UPANEL_ILI9341_POLLED)
    cfg.polled = true;  // a native module on the chip cannot allocate an interrupt
#endif

    DisplayObj *self = static_cast<DisplayObj *>(ili9341_alloc_obj(sizeof(DisplayObj)));
    self->base.type = type;
    self->buffers[0] = self->buffers[1] = mp_const_none;
    self->disp = MP_OBJ_NULL;
    self->ready_done = self->ready_given = 0;
    new (&self->display, InPlace{}) Display();
    raise_status(self->display, self->display.init(cfg));
    self->display.set_done_callback(on_done, self);
    for (uint32_t i = 0; i < cfg.buffer_count; i++)
        self->buffers[i] = new_buffer(self, self->display.buffer(i), self->display.buffer_bytes());
    return MP_OBJ_FROM_PTR(self);
}

extern "C" mp_obj_t ili9341_obj_flush(size_t, const mp_obj_t *args) {
    Display &d = active(args[0]);
    mp_buffer_info_t info;
    pixels_of(args[5], &info);
    raise_status(d, d.flush(coord(args[1]), coord(args[2]), coord(args[3]), coord(args[4]),
                            static_cast<const uint8_t *>(info.buf), uint32_t(info.len)));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_flush_cb(size_t, const mp_obj_t *args) {
    DisplayObj *self = self_of(args[0]);
    Display &d = active(args[0]);
    mp_obj_t area = args[2];
    mp_int_t x1 = area_field(area, MP_QSTR_x1), y1 = area_field(area, MP_QSTR_y1);
    mp_int_t x2 = area_field(area, MP_QSTR_x2), y2 = area_field(area, MP_QSTR_y2);
    auto c = [](mp_int_t v) { return uint32_t(v < 0 || v > 0xFFFF ? 0xFFFF : v); };
    mp_buffer_info_t info;
    mp_obj_t pixels = args[3];
    if (!mp_get_buffer(pixels, &info, MP_BUFFER_READ)) {
        // LVGL's px_map as its MicroPython binding hands it over: a pointer object whose
        // __dereference__(n) is a memoryview of n bytes (here, of one of our DMA buffers).
        mp_int_t w = x2 - x1 + 1, h = y2 - y1 + 1;
        mp_obj_t n = mp_obj_new_int(w > 0 && h > 0 ? w * h * 2 : 0);
        pixels = mp_call_function_n_kw(mp_load_attr(pixels, MP_QSTR___dereference__), 1, 0, &n);
    }
    pixels_of(pixels, &info);
    self->disp = args[1];
    raise_status(d, d.flush(c(x1), c(y1), c(x2), c(y2), static_cast<const uint8_t *>(info.buf),
                            uint32_t(info.len), kTagFlushReady));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_deliver(mp_obj_t self_in) {
    DisplayObj *self = self_of(self_in);
    while (self->ready_given != self->ready_done) {
        self->ready_given++;  // first: a flush_ready that raises is not made twice
        mp_obj_t no_args[1];  // not NULL: the runtime memcpy()s from it, even zero items
        mp_call_function_n_kw(mp_load_attr(self->disp, MP_QSTR_flush_ready), 0, 0, no_args);
    }
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_wait(size_t n_args, const mp_obj_t *args) {
    Display &d = active(args[0]);
    if (n_args > 1 && args[1] != mp_const_none) {
        mp_buffer_info_t info;
        pixels_of(args[1], &info);
        raise_status(d, d.wait(info.buf));
    } else {
        raise_status(d, d.wait());
    }
    // The flush_ready calls the interrupts scheduled run before wait() returns, and so do
    // those the scheduler's full queue turned away.
    ili9341_run_scheduled();
    return ili9341_deliver(args[0]);
}

extern "C" mp_obj_t ili9341_fill(mp_obj_t self_in, mp_obj_t color) {
    Display &d = active(self_in);
    raise_status(d, d.fill_rect(0, 0, d.width(), d.height(), color_of(color)));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_fill_rect(size_t, const mp_obj_t *args) {
    Display &d = active(args[0]);
    raise_status(
        d, d.fill_rect(coord(args[1]), coord(args[2]), coord(args[3]), coord(args[4]), color_of(args[5])));
    return mp_const_none;
}

extern "C" mp_obj_t ili9341_blit(size_t, const mp_obj_t *args) {
    Display &d = active(args[0]);
    mp_buffer_info_t info;
    pixels_of(args[1], &info);
    raise_status(d, d.blit(static_cast<const uint8_t *>(info.buf), uint32_t(info.len), coord(args[2]),
                           coord(args[3]), coord(args[4]), coord(args[5])));
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
    Display &d = active(self_in);
    d.poll();
    return mp_obj_new_bool(d.in_flight(info.buf));
}

// The jobs under way finish first; their flush_ready calls still come (disp is kept).
extern "C" mp_obj_t ili9341_deinit(mp_obj_t self_in) {
    self_of(self_in)->display.deinit();
    return mp_const_none;
}

// __del__ where the runtime has finalisers: nothing is scheduled for an object being collected.
extern "C" mp_obj_t ili9341_finalise(mp_obj_t self_in) {
    Display &d = self_of(self_in)->display;
    d.set_done_callback(nullptr, nullptr);
    d.deinit();
    return mp_const_none;
}

extern "C" void ili9341_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    DisplayObj *self = self_of(self_in);
    const Display &d = self->display;
    if (dest[0] == MP_OBJ_NULL) {
        // if, not switch: a native module's qstrs are not constants.
        if (attr == MP_QSTR_width) dest[0] = MP_OBJ_NEW_SMALL_INT(d.width());
        else if (attr == MP_QSTR_height) dest[0] = MP_OBJ_NEW_SMALL_INT(d.height());
        else if (attr == MP_QSTR_rotation) dest[0] = MP_OBJ_NEW_SMALL_INT(d.config().rotation);
        else dest[1] = MP_OBJ_SENTINEL;  // methods: look in locals_dict
        return;
    }
    if (dest[0] == MP_OBJ_SENTINEL && dest[1] != MP_OBJ_NULL && attr == MP_QSTR_rotation) {
        mp_int_t r = mp_obj_get_int(dest[1]);
        if (r < 0 || r > 3) fail(MP_QSTR_ValueError, "rotation must be 0, 1, 2 or 3");
        Display &act = active(self_in);
        raise_status(act, act.set_rotation(uint8_t(r)));
        dest[0] = MP_OBJ_NULL;
    }
}

extern "C" mp_int_t ili9341_buffer_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    BufferObj *b = static_cast<BufferObj *>(MP_OBJ_TO_PTR(self_in));
    Display &d = b->owner->display;
    if (!d.active()) fail(MP_QSTR_RuntimeError, "the buffer's ILI9341 is deinitialised");
    d.poll();
    if ((flags & MP_BUFFER_WRITE) && d.in_flight(b->data))
        fail(MP_QSTR_RuntimeError, "buffer is on the bus: wait() or draw into the other one");
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
