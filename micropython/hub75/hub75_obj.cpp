// hub75.Matrix: argument parsing and Python objects around upanel::hub75::Matrix.
// Written against the part of MicroPython's API that native modules (.mpy) also have, so the
// same file serves the built-in module and micropython/natmod/hub75.
#include <stddef.h>

#include "hub75_matrix.h"

// Construction in memory the MicroPython heap gave; its own tag, since not every target has
// the C++ library's <new> (native modules for bare-metal RISC-V have no C++ library).
struct InPlace {};
inline void *operator new(size_t, void *where, InPlace) noexcept { return where; }

extern "C" {
#include "hub75_obj.h"
#if MICROPY_ENABLE_DYNRUNTIME
#include "py/dynruntime.h"
#else
#include "py/runtime.h"
#endif
}
#include "../common/glue.h"

using upanel::core::PixelFormat;
using upanel::glue::fail;
using upanel::glue::text;
using upanel::hub75::Config;
using upanel::hub75::Matrix;
using upanel::hub75::Status;

namespace {

struct Hub75Obj {
    mp_obj_base_t base;
    uint8_t *pixels;  // the back buffer framebuf draws into: RGB565, width x height
    size_t pixels_len;
    Matrix matrix;
};

Hub75Obj *self_of(mp_obj_t o) { return static_cast<Hub75Obj *>(MP_OBJ_TO_PTR(o)); }

Matrix &active(mp_obj_t o) {
    Matrix &m = self_of(o)->matrix;
    if (!m.active()) fail(MP_QSTR_RuntimeError, "Matrix is deinitialised");
    return m;
}

// A measured figure given in 1/scale units: a float where the runtime has floats (native
// modules for chips without an FPU have none), else whole units. The runtime divides: a
// native module has no soft-float division routine (LLVM calls __divsf3 on Xtensa).
mp_obj_t figure(uint32_t value, uint32_t scale) {
#if MICROPY_PY_BUILTINS_FLOAT
    return mp_binary_op(MP_BINARY_OP_TRUE_DIVIDE, mp_obj_new_int_from_uint(value),
                        mp_obj_new_int_from_uint(scale));
#else
    return mp_obj_new_int_from_uint(value / scale);
#endif
}

uint32_t clamp(mp_int_t v) { return uint32_t(v < 0 ? 0xFFFFFFFFu : v > 0x7FFFFFFF ? 0x7FFFFFFF : v); }

// chip=: the panel's driver chips by name.
const char kChipNames[] = "chip must be 'generic', 'fm6126a', 'fm6124' or 'icn2038s'";
upanel::core::Hub75Chip chip_of(mp_obj_t name_obj) {
    using upanel::core::Hub75Chip;
    using upanel::glue::same;
    if (name_obj == mp_const_none) return Hub75Chip::kGeneric;
    const char *name = mp_obj_str_get_str(name_obj);
    if (same(name, "generic")) return Hub75Chip::kGeneric;
    if (same(name, "fm6126a")) return Hub75Chip::kFm6126a;
    if (same(name, "icn2038s")) return Hub75Chip::kIcn2038s;
    if (same(name, "fm6124")) return Hub75Chip::kFm6124;
    fail(MP_QSTR_ValueError, kChipNames);
}

void raise_status(const Matrix &m, Status s) {
    using upanel::hub75::kPinNames;
    switch (s) {
        case Status::kOk:
            return;
        case Status::kBadWidth:
            fail(MP_QSTR_ValueError, "width must be a multiple of 8 from 8 to 256, width*chain at most 1024");
        case Status::kBadHeight:
            fail(MP_QSTR_ValueError, "height must be 16, 32 or 64 (1/8, 1/16 or 1/32 scan)");
        case Status::kBadScan:
            fail(MP_QSTR_ValueError,
                 "scan must be height/2, height/4 or height (single channel, up to 32); scan_block must "
                 "divide width");
        case Status::kBadGrid:
            fail(MP_QSTR_ValueError, "grid rows must divide chain");
        case Status::kBadChain:
            fail(MP_QSTR_ValueError, "chain must be from 1 to 8");
        case Status::kBadDepth:
            fail(MP_QSTR_ValueError, "depth must be from 1 to 12");
        case Status::kBadClock:
            fail(MP_QSTR_ValueError, "clock_hz must be from 1000000 to 20000000");
        case Status::kBadI2s:
            fail(MP_QSTR_ValueError, "i2s must be 0 or 1");
        case Status::kBadPin: {
            mp_obj_t v[] = {text(kPinNames[m.error_pin()]),
                            MP_OBJ_NEW_SMALL_INT(m.pending_pin(m.error_pin()))};
            fail(MP_QSTR_ValueError,
                 "pin %s: pad %d is not an output pad (34-39 are input only, 6-11 carry the flash)", 2, v);
        }
        case Status::kPinTwice: {
            mp_obj_t v[] = {MP_OBJ_NEW_SMALL_INT(m.pending_pin(m.error_pin())),
                            text(kPinNames[m.error_other_pin()]), text(kPinNames[m.error_pin()])};
            fail(MP_QSTR_ValueError, "pad %d is given to both %s and %s", 3, v);
        }
        case Status::kNoDmaMemory: {
            mp_obj_t v[] = {mp_obj_new_int_from_uint(m.dma_needed()),
                            mp_obj_new_int_from_uint(m.dma_available()),
                            mp_obj_new_int_from_uint(m.brightness())};
            if (m.active())  // a brightness change: the matrix goes on as it was
                fail(MP_QSTR_MemoryError,
                     "HUB75 needs %d bytes of DMA-capable RAM for this brightness, %d free; it stays at "
                     "brightness %d",
                     3, v);
            fail(MP_QSTR_MemoryError,
                 "HUB75 needs %d bytes of DMA-capable RAM, %d free; lower depth or chain, or "
                 "double_buffer=False",
                 2, v);
        }
        case Status::kI2sBusy: {
            mp_obj_t v[] = {mp_obj_new_int_from_uint(m.pending_i2s())};
            fail(MP_QSTR_OSError, "I2S%d is already in use", 1, v);
        }
        case Status::kNotActive:
            fail(MP_QSTR_RuntimeError, "Matrix is deinitialised");
        case Status::kBadBuffer:
            fail(MP_QSTR_ValueError, "buffer size does not match width*height in this format");
        case Status::kBadBlanking:
            fail(MP_QSTR_ValueError, "latch_blanking must be from 0 to 16");
        case Status::kBadPhase:
            fail(MP_QSTR_ValueError, "clk_phase must be 0 (rising edge) or 1 (falling edge)");
        case Status::kBadChip:
            fail(MP_QSTR_ValueError, kChipNames);
        case Status::kNoEndOfFrame: {
            mp_obj_t v[] = {MP_OBJ_NEW_SMALL_INT(m.config().i2s),
                            MP_OBJ_NEW_SMALL_INT(Matrix::kWaitRefreshes)};
            fail(MP_QSTR_OSError,
                 "no end-of-frame from I2S%d in %d refresh periods: is its clock enabled? Matrix "
                 "deinitialised",
                 2, v);
        }
    }
}

}  // namespace

extern "C" mp_obj_t hub75_matrix_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
                                          const mp_obj_t *args) {
    enum {
        ARG_width,
        ARG_height,
        ARG_chain,
        ARG_depth,
        ARG_clock_hz,
        ARG_double_buffer,
        ARG_brightness,
        ARG_gamma,
        ARG_pins,
        ARG_i2s,
        ARG_scan,
        ARG_scan_block,
        ARG_grid,
        ARG_serpentine,
        ARG_rotation,
        ARG_invert,
        ARG_chip,
        ARG_latch_blanking,
        ARG_clk_phase
    };
    // Not static: a native module's qstrs are only known at load time.
    const mp_arg_t allowed[] = {
        {MP_QSTR_width, MP_ARG_INT, {.u_int = 64}},
        {MP_QSTR_height, MP_ARG_INT, {.u_int = 32}},
        {MP_QSTR_chain, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 1}},
        {MP_QSTR_depth, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 8}},
        {MP_QSTR_clock_hz, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 20000000}},
        {MP_QSTR_double_buffer, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = true}},
        {MP_QSTR_brightness, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 255}},
        {MP_QSTR_gamma, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = true}},
        {MP_QSTR_pins, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_i2s, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 1}},
        {MP_QSTR_scan, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_scan_block, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_grid, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_serpentine, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
        {MP_QSTR_rotation, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0}},
        {MP_QSTR_invert, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
        {MP_QSTR_chip, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_latch_blanking, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 2}},
        {MP_QSTR_clk_phase, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(allowed), allowed, a);

    Config cfg;
    cfg.width = clamp(a[ARG_width].u_int);
    cfg.height = clamp(a[ARG_height].u_int);
    cfg.chain = clamp(a[ARG_chain].u_int);
    cfg.depth = clamp(a[ARG_depth].u_int);
    cfg.clock_hz = clamp(a[ARG_clock_hz].u_int);
    cfg.double_buffer = a[ARG_double_buffer].u_bool;
    cfg.gamma = a[ARG_gamma].u_bool;
    cfg.i2s = clamp(a[ARG_i2s].u_int);
    // None: the default (0 in Config); 0 or less given: a value the driver refuses.
    auto optional = [](mp_obj_t v) {
        if (v == mp_const_none) return uint32_t(0);
        uint32_t u = clamp(mp_obj_get_int(v));
        return u ? u : 0xFFFFFFFFu;
    };
    cfg.scan = optional(a[ARG_scan].u_obj);
    cfg.scan_block = optional(a[ARG_scan_block].u_obj);
    // grid=(rows, cols): the chain is rows * cols panels (chain may be left out).
    if (a[ARG_grid].u_obj != mp_const_none) {
        mp_obj_t *rc;
        size_t n;
        mp_obj_get_array(a[ARG_grid].u_obj, &n, &rc);
        if (n != 2) fail(MP_QSTR_ValueError, "grid must be (rows, cols)");
        mp_int_t rows = mp_obj_get_int(rc[0]), cols = mp_obj_get_int(rc[1]);
        if (rows < 1 || cols < 1 || rows * cols > 8)
            fail(MP_QSTR_ValueError, "grid must be (rows, cols) of at most 8 panels");
        if (cfg.chain == 1) cfg.chain = uint32_t(rows * cols);
        if (cfg.chain != uint32_t(rows * cols))
            fail(MP_QSTR_ValueError, "chain must be rows*cols of the grid");
        cfg.grid_rows = uint32_t(rows);
    }
    cfg.serpentine = a[ARG_serpentine].u_bool;
    cfg.invert_outputs = a[ARG_invert].u_bool;
    mp_int_t rotation = a[ARG_rotation].u_int;
    if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270)
        fail(MP_QSTR_ValueError, "rotation must be 0, 90, 180 or 270");
    cfg.rotation = uint32_t(rotation / 90);
    cfg.chip = chip_of(a[ARG_chip].u_obj);
    cfg.latch_blanking = clamp(a[ARG_latch_blanking].u_int);
    cfg.clk_phase = clamp(a[ARG_clk_phase].u_int);
    mp_int_t brightness = a[ARG_brightness].u_int;
    if (brightness < 0 || brightness > 255) fail(MP_QSTR_ValueError, "brightness must be from 0 to 255");
    cfg.brightness = uint32_t(brightness);
    // Pads out of range become 99, which the driver refuses naming the pin.
    upanel::glue::read_pins(
        a[ARG_pins].u_obj, upanel::hub75::kPinNames, upanel::hub75::kPinCount,
        [&](size_t i, mp_int_t pad) { cfg.pins[i] = int8_t(pad < -1 || pad > 99 ? 99 : pad); });

    auto *self = static_cast<Hub75Obj *>(hub75_alloc_obj(sizeof(Hub75Obj)));
    self->base.type = type;
    self->pixels = nullptr;
    self->pixels_len = 0;
    new (&self->matrix, InPlace{}) Matrix();
    raise_status(self->matrix, self->matrix.validate(cfg));
    // The frame buffer first: if the heap is full, nothing else has been set up yet.
    size_t len = size_t(cfg.width) * cfg.chain * cfg.height * 2;
    self->pixels = static_cast<uint8_t *>(m_malloc(len));
    for (size_t i = 0; i < len; i++) self->pixels[i] = 0;
    self->pixels_len = len;
    raise_status(self->matrix, self->matrix.init(cfg));
    return MP_OBJ_FROM_PTR(self);
}

extern "C" mp_obj_t hub75_matrix_show(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_buf, ARG_format };
    const mp_arg_t allowed[] = {
        {MP_QSTR_buf, MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_format, MP_ARG_INT, {.u_int = 0}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args - 1, args + 1, kw_args, MP_ARRAY_SIZE(allowed), allowed, a);
    Hub75Obj *self = self_of(args[0]);
    Matrix &m = active(args[0]);
    mp_int_t format = a[ARG_format].u_int;
    if (format < 0 || format > 2) fail(MP_QSTR_ValueError, "format must be hub75.RGB565, RGB888 or RGB48");
    const uint8_t *pixels = self->pixels;
    size_t len = self->pixels_len;
    if (a[ARG_buf].u_obj != mp_const_none) {
        mp_buffer_info_t info;
        mp_get_buffer_raise(a[ARG_buf].u_obj, &info, MP_BUFFER_READ);
        pixels = static_cast<const uint8_t *>(info.buf);
        len = info.len;
    } else if (format != 0) {
        fail(MP_QSTR_ValueError, "the matrix's own buffer is RGB565; pass buf for other formats");
    }
    PixelFormat f = PixelFormat(format);
    size_t want = size_t(m.width()) * m.height() * upanel::core::bytes_per_pixel(f);
    if (len != want) {
        mp_obj_t v[] = {mp_obj_new_int_from_uint(len), mp_obj_new_int_from_uint(m.width()),
                        mp_obj_new_int_from_uint(m.height()), mp_obj_new_int_from_uint(want)};
        fail(MP_QSTR_ValueError, "buffer has %d bytes; %dx%d pixels in this format need %d", 4, v);
    }
    raise_status(m, m.show(pixels, uint32_t(len), f));
    return mp_const_none;
}

extern "C" mp_obj_t hub75_matrix_info(mp_obj_t self_in) {
    Matrix &m = active(self_in);
    upanel::hub75::Info i = m.info();
    mp_obj_t d = mp_obj_new_dict(12);
    auto put = [&](qstr k, mp_obj_t v) { mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(k), v); };
    put(MP_QSTR_refresh_hz, figure(i.refresh_hz_x100, 100));
    put(MP_QSTR_oe_duty, figure(i.oe_duty_x1000, 1000));
    put(MP_QSTR_dma_bytes, mp_obj_new_int_from_uint(i.dma_bytes));
    put(MP_QSTR_descriptors, mp_obj_new_int_from_uint(i.descriptors));
    put(MP_QSTR_clock_hz, mp_obj_new_int_from_uint(i.clock_hz));
    put(MP_QSTR_depth, mp_obj_new_int_from_uint(i.depth));
    put(MP_QSTR_brightness, mp_obj_new_int_from_uint(m.brightness()));
    put(MP_QSTR_unit_clocks, mp_obj_new_int_from_uint(i.unit_clocks));
    put(MP_QSTR_clocks_per_refresh, mp_obj_new_int_from_uint(i.clocks_per_refresh));
    put(MP_QSTR_swaps, mp_obj_new_int_from_uint(m.swaps()));
    put(MP_QSTR_plane0_clocks, figure(i.lit_quarters, 4));
    put(MP_QSTR_dither_refreshes, mp_obj_new_int_from_uint(i.dither_refreshes));
    return d;
}

extern "C" mp_obj_t hub75_matrix_deinit(mp_obj_t self_in) {
    self_of(self_in)->matrix.deinit();
    return mp_const_none;
}

extern "C" void hub75_matrix_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    Hub75Obj *self = self_of(self_in);
    const Matrix &m = self->matrix;
    if (dest[0] == MP_OBJ_NULL) {
        if (attr == MP_QSTR_width) dest[0] = MP_OBJ_NEW_SMALL_INT(m.width());
        else if (attr == MP_QSTR_height) dest[0] = MP_OBJ_NEW_SMALL_INT(m.height());
        else if (attr == MP_QSTR_depth) dest[0] = MP_OBJ_NEW_SMALL_INT(m.config().depth);
        else if (attr == MP_QSTR_brightness) dest[0] = MP_OBJ_NEW_SMALL_INT(m.brightness());
        else dest[1] = MP_OBJ_SENTINEL;  // methods: look in locals_dict
        return;
    }
    if (dest[0] == MP_OBJ_SENTINEL && dest[1] != MP_OBJ_NULL && attr == MP_QSTR_brightness) {
        mp_int_t b = mp_obj_get_int(dest[1]);
        if (b < 0 || b > 255) fail(MP_QSTR_ValueError, "brightness must be from 0 to 255");
        raise_status(self->matrix, active(self_in).set_brightness(uint32_t(b)));
        dest[0] = MP_OBJ_NULL;
    }
}

extern "C" mp_int_t hub75_matrix_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    (void)flags;
    Hub75Obj *self = self_of(self_in);
    if (!self->pixels) return 1;
    bufinfo->buf = self->pixels;
    bufinfo->len = self->pixels_len;
    bufinfo->typecode = 'B';
    return 0;
}
