// hub75.Matrix: argument parsing and Python objects around upanel::hub75::Matrix.
#include <cstring>
#include <new>

#include "hub75_matrix.h"

extern "C" {
#include "hub75_obj.h"
#include "py/gc.h"
#include "py/runtime.h"
}

using upanel::core::PixelFormat;
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
    if (!m.active()) mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("Matrix is deinitialised"));
    return m;
}

void set_pins(Config &cfg, mp_obj_t pins) {
    if (pins == mp_const_none) return;
    if (!mp_obj_is_type(pins, &mp_type_dict))
        mp_raise_TypeError(MP_ERROR_TEXT("pins must be a dict such as {'oe': 15, 'lat': 4}"));
    mp_map_t *map = mp_obj_dict_get_map(pins);
    for (size_t i = 0; i < map->alloc; i++) {
        if (!mp_map_slot_is_filled(map, i)) continue;
        const char *name = mp_obj_str_get_str(map->table[i].key);
        int index = -1;
        for (int p = 0; p < upanel::hub75::kPinCount; p++)
            if (!strcmp(name, upanel::hub75::kPinNames[p])) index = p;
        if (index < 0)
            mp_raise_msg_varg(&mp_type_ValueError,
                              MP_ERROR_TEXT("unknown pin '%s'; pins are r1 g1 b1 r2 g2 b2 a b c d e lat oe clk"),
                              name);
        mp_int_t pad = mp_obj_get_int(map->table[i].value);
        cfg.pins[index] = int8_t(pad < -1 || pad > 99 ? 99 : pad);
    }
}

void raise_status(const Matrix &m, Status s) {
    using upanel::hub75::kPinNames;
    const Config &c = m.config();
    switch (s) {
        case Status::kOk: return;
        case Status::kBadWidth:
            mp_raise_ValueError(MP_ERROR_TEXT("width must be a multiple of 8 from 8 to 256, and width*chain at most 1024"));
        case Status::kBadHeight:
            mp_raise_ValueError(MP_ERROR_TEXT("height must be 16, 32 or 64 (1/8, 1/16 or 1/32 scan)"));
        case Status::kBadChain: mp_raise_ValueError(MP_ERROR_TEXT("chain must be from 1 to 8"));
        case Status::kBadDepth: mp_raise_ValueError(MP_ERROR_TEXT("depth must be from 1 to 12"));
        case Status::kBadClock:
            mp_raise_ValueError(MP_ERROR_TEXT("clock_hz must be from 1000000 to 20000000"));
        case Status::kBadI2s: mp_raise_ValueError(MP_ERROR_TEXT("i2s must be 0 or 1"));
        case Status::kBadPin:
            mp_raise_msg_varg(&mp_type_ValueError,
                              MP_ERROR_TEXT("pin %s: pad %d is not an output pad (34-39 input only, 6-11 flash)"),
                              kPinNames[m.error_pin()], int(m.pending_pin(m.error_pin())));
        case Status::kPinTwice:
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("pad %d is given to both %s and %s"),
                              int(m.pending_pin(m.error_pin())), kPinNames[m.error_other_pin()],
                              kPinNames[m.error_pin()]);
        case Status::kNoDmaMemory:
            mp_raise_msg_varg(&mp_type_MemoryError,
                              MP_ERROR_TEXT("needs %u bytes of DMA RAM, %u free; lower depth/chain or double_buffer=False"),
                              unsigned(m.dma_needed()), unsigned(m.dma_available()));
        case Status::kI2sBusy:
            mp_raise_msg_varg(&mp_type_OSError, MP_ERROR_TEXT("I2S%d is already in use"), int(c.i2s));
        case Status::kNotActive:
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("Matrix is deinitialised"));
        case Status::kBadBuffer:
            mp_raise_ValueError(MP_ERROR_TEXT("buffer size does not match width*height in this format"));
    }
}

}  // namespace

extern "C" mp_obj_t hub75_matrix_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
                                          const mp_obj_t *args) {
    enum { ARG_width, ARG_height, ARG_chain, ARG_depth, ARG_clock_hz, ARG_double_buffer,
           ARG_brightness, ARG_gamma, ARG_pins, ARG_i2s };
    static const mp_arg_t allowed[] = {
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
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(allowed), allowed, a);

    auto clamp = [](mp_int_t v) { return uint32_t(v < 0 ? 0xFFFFFFFFu : v > 0x7FFFFFFF ? 0x7FFFFFFF : v); };
    Config cfg;
    cfg.width = clamp(a[ARG_width].u_int);
    cfg.height = clamp(a[ARG_height].u_int);
    cfg.chain = clamp(a[ARG_chain].u_int);
    cfg.depth = clamp(a[ARG_depth].u_int);
    cfg.clock_hz = clamp(a[ARG_clock_hz].u_int);
    cfg.double_buffer = a[ARG_double_buffer].u_bool;
    cfg.gamma = a[ARG_gamma].u_bool;
    cfg.i2s = clamp(a[ARG_i2s].u_int);
    mp_int_t brightness = a[ARG_brightness].u_int;
    if (brightness < 0 || brightness > 255)
        mp_raise_ValueError(MP_ERROR_TEXT("brightness must be from 0 to 255"));
    cfg.brightness = uint32_t(brightness);
    set_pins(cfg, a[ARG_pins].u_obj);

    auto *self = static_cast<Hub75Obj *>(m_malloc_with_finaliser(sizeof(Hub75Obj)));
    self->base.type = type;
    self->pixels = nullptr;
    self->pixels_len = 0;
    new (&self->matrix) Matrix();
    Status s = self->matrix.init(cfg);
    if (s != Status::kOk) raise_status(self->matrix, s);

    size_t len = size_t(self->matrix.width()) * self->matrix.height() * 2;
    self->pixels = static_cast<uint8_t *>(m_malloc_maybe(len));
    if (!self->pixels) {
        self->matrix.deinit();
        mp_raise_msg_varg(&mp_type_MemoryError,
                          MP_ERROR_TEXT("no room for the %u-byte frame buffer"), unsigned(len));
    }
    memset(self->pixels, 0, len);
    self->pixels_len = len;
    return MP_OBJ_FROM_PTR(self);
}

extern "C" mp_obj_t hub75_matrix_show(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_buf, ARG_format };
    static const mp_arg_t allowed[] = {
        {MP_QSTR_buf, MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_format, MP_ARG_INT, {.u_int = 0}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args - 1, args + 1, kw_args, MP_ARRAY_SIZE(allowed), allowed, a);
    Hub75Obj *self = self_of(args[0]);
    Matrix &m = active(args[0]);
    mp_int_t format = a[ARG_format].u_int;
    if (format < 0 || format > 2)
        mp_raise_ValueError(MP_ERROR_TEXT("format must be hub75.RGB565, RGB888 or RGB48"));
    const uint8_t *pixels = self->pixels;
    size_t len = self->pixels_len;
    if (a[ARG_buf].u_obj != mp_const_none) {
        mp_buffer_info_t info;
        mp_get_buffer_raise(a[ARG_buf].u_obj, &info, MP_BUFFER_READ);
        pixels = static_cast<const uint8_t *>(info.buf);
        len = info.len;
    } else if (format != 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("the matrix's own buffer is RGB565; pass buf for other formats"));
    }
    PixelFormat f = PixelFormat(format);
    size_t want = size_t(m.width()) * m.height() * upanel::core::bytes_per_pixel(f);
    if (len != want)
        mp_raise_msg_varg(&mp_type_ValueError,
                          MP_ERROR_TEXT("buffer has %u bytes; %ux%u pixels in this format need %u"),
                          unsigned(len), unsigned(m.width()), unsigned(m.height()), unsigned(want));
    raise_status(m, m.show(pixels, uint32_t(len), f));
    return mp_const_none;
}

extern "C" mp_obj_t hub75_matrix_info(mp_obj_t self_in) {
    Matrix &m = active(self_in);
    upanel::hub75::Info i = m.info();
    mp_obj_t d = mp_obj_new_dict(10);
    auto put = [&](qstr k, mp_obj_t v) { mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(k), v); };
    put(MP_QSTR_refresh_hz, mp_obj_new_float(i.refresh_hz_x100 / 100.0));
    put(MP_QSTR_oe_duty, mp_obj_new_float(i.oe_duty_x1000 / 1000.0));
    put(MP_QSTR_dma_bytes, mp_obj_new_int_from_uint(i.dma_bytes));
    put(MP_QSTR_descriptors, mp_obj_new_int_from_uint(i.descriptors));
    put(MP_QSTR_clock_hz, mp_obj_new_int_from_uint(i.clock_hz));
    put(MP_QSTR_depth, mp_obj_new_int_from_uint(i.depth));
    put(MP_QSTR_brightness, mp_obj_new_int_from_uint(m.brightness()));
    put(MP_QSTR_unit_clocks, mp_obj_new_int_from_uint(i.unit_clocks));
    put(MP_QSTR_clocks_per_refresh, mp_obj_new_int_from_uint(i.clocks_per_refresh));
    put(MP_QSTR_swaps, mp_obj_new_int_from_uint(m.swaps()));
    return d;
}

extern "C" mp_obj_t hub75_matrix_deinit(mp_obj_t self_in) {
    self_of(self_in)->matrix.deinit();
    return mp_const_none;
}

extern "C" void hub75_matrix_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    Hub75Obj *self = self_of(self_in);
    if (dest[0] == MP_OBJ_NULL) {
        switch (attr) {
            case MP_QSTR_width: dest[0] = MP_OBJ_NEW_SMALL_INT(self->matrix.width()); return;
            case MP_QSTR_height: dest[0] = MP_OBJ_NEW_SMALL_INT(self->matrix.height()); return;
            case MP_QSTR_depth: dest[0] = MP_OBJ_NEW_SMALL_INT(self->matrix.config().depth); return;
            case MP_QSTR_brightness:
                dest[0] = MP_OBJ_NEW_SMALL_INT(self->matrix.brightness());
                return;
            default: dest[1] = MP_OBJ_SENTINEL; return;  // methods: look in locals_dict
        }
    }
    if (dest[0] == MP_OBJ_SENTINEL && dest[1] != MP_OBJ_NULL && attr == MP_QSTR_brightness) {
        mp_int_t b = mp_obj_get_int(dest[1]);
        if (b < 0 || b > 255) mp_raise_ValueError(MP_ERROR_TEXT("brightness must be from 0 to 255"));
        raise_status(self->matrix, active(self_in).set_brightness(uint32_t(b)));
        dest[0] = MP_OBJ_NULL;
    }
}

extern "C" mp_int_t hub75_matrix_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo,
                                            mp_uint_t flags) {
    (void)flags;
    Hub75Obj *self = self_of(self_in);
    if (!self->pixels) return 1;
    bufinfo->buf = self->pixels;
    bufinfo->len = self->pixels_len;
    bufinfo->typecode = 'B';
    return 0;
}
