// esp32sim: Python access to the emulated board shared by the host firmware's modules.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "upanel/emu/board.h"
#include "upanel/emu/display_picture.h"
#include "upanel/emu/png_writer.h"
#include "upanel/live/session.h"
#include "upanel/live/timed_captures.h"

extern "C" {
#include "esp32sim_functions.h"
#include "machine_timer.h"
#include "py/objstr.h"
#include "py/mphal.h"
#include "py/mpstate.h"
#include "py/runtime.h"
#include "py/mperrno.h"
}
#include "../common/glue.h"

using namespace upanel::emu;
using upanel::glue::fail;
using upanel::glue::text;
using upanel::live::default_session;
using upanel::live::default_timed_captures;
using upanel::live::TimedCaptures;

// The host firmware hands the register layer its board at start: drivers, the idf shim and
// LVGL's flush wait find it there, and native modules ask esp32sim._host_bus() for it.
extern "C" void upanel_host_bus_connect(void) { upanel_host_bus_current = default_board().host_bus(); }
[[maybe_unused]] static const bool g_board_connected = (upanel_host_bus_connect(), true);

namespace {

// What save_png and record take (limits() tells scripts, upanel's command line among them).
// The furthest at_ms: well inside what 64-bit picoseconds count (about 213 days).
constexpr double kMaxAtMs = 1e10;
constexpr mp_int_t kMaxPngScale = 32, kMaxGifScale = 16, kMaxFps = 50, kMaxGifFrames = 3000;

[[noreturn]] void fail_range(const char *what, mp_int_t lo, mp_int_t hi) {
    mp_obj_t v[] = {text(what), mp_obj_new_int(lo), mp_obj_new_int(hi)};
    fail(MP_QSTR_ValueError, "%s must be from %d to %d", 3, v);
}

// Runs what interrupts scheduled; mp_handle_pending() runs one Python callback a call.
void run_scheduled() {
    for (int i = 0; i < MICROPY_SCHEDULER_DEPTH && mp_sched_num_pending(); i++) mp_handle_pending(true);
    mp_handle_pending(true);
}

Board &board() { return default_board(); }

[[noreturn]] void no_device(mp_obj_t name) {
    fail(MP_QSTR_ValueError, "no device '%s'; attached: hub75, ili9341", 1, &name);
}

bool is_ili9341(mp_obj_t name) { return !strcmp(mp_obj_str_get_str(name), "ili9341"); }
bool is_xpt2046(mp_obj_t name) { return !strcmp(mp_obj_str_get_str(name), "xpt2046"); }

Hub75Panel &device(mp_obj_t name) {
    const char *s = mp_obj_str_get_str(name);
    if (strcmp(s, "hub75") != 0) no_device(name);
    return *board().hub75();
}

// A MicroPython error unwinds with longjmp, past C++ destructors: every function here
// allocates its MicroPython objects before or after the C++ objects' scope, never inside it.

mp_obj_t ili9341_snapshot() {
    vstr_t out;
    vstr_init_len(&out, size_t(Ili9341Model::kWidth) * Ili9341Model::kHeight * 3);
    {
        std::vector<uint8_t> rgb = board().ili9341()->picture();
        memcpy(out.buf, rgb.data(), rgb.size());
    }
    mp_obj_t items[3] = {MP_OBJ_NEW_SMALL_INT(Ili9341Model::kWidth),
                         MP_OBJ_NEW_SMALL_INT(Ili9341Model::kHeight), mp_obj_new_bytes_from_vstr(&out)};
    return mp_obj_new_tuple(3, items);
}

mp_obj_t xpt2046_info();

mp_obj_t ili9341_info() {
    Board &b = board();
    const Ili9341Model &m = *b.ili9341();
    const Ili9341Model::Stats &s = m.stats();
    mp_obj_t d = mp_obj_new_dict(12);
    auto put = [&](qstr k, mp_obj_t v) { mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(k), v); };
    put(MP_QSTR_bytes, mp_obj_new_int_from_ull(s.bytes));
    put(MP_QSTR_frames, mp_obj_new_int_from_ull(s.frames));
    put(MP_QSTR_pixels, mp_obj_new_int_from_ull(s.pixels));
    put(MP_QSTR_commands, mp_obj_new_int_from_ull(s.commands));
    put(MP_QSTR_ignored, mp_obj_new_int_from_ull(s.ignored));
    put(MP_QSTR_busy_us, mp_obj_new_float(double(m.busy(b.now())) / kPicosPerUs));
    put(MP_QSTR_idle_us, mp_obj_new_float(double(m.idle(b.now())) / kPicosPerUs));
    put(MP_QSTR_written_on_bus,
        mp_obj_new_int_from_ull(b.spi(2).stats().written_on_bus + b.spi(3).stats().written_on_bus));
    put(MP_QSTR_display_on, mp_obj_new_bool(m.display_on()));
    put(MP_QSTR_sleeping, mp_obj_new_bool(m.sleeping()));
    put(MP_QSTR_backlight, mp_obj_new_bool(m.backlight()));
    put(MP_QSTR_madctl, MP_OBJ_NEW_SMALL_INT(m.madctl()));
    return d;
}

// One call runs at most an emulated hour, so a wrong unit cannot hang a script for days.
Picos picos_of(mp_obj_t v, double scale) {
    double d = mp_obj_get_float(v);
    if (!(d >= 0) || d * scale > double(3600 * kPicosPerSecond))
        fail(MP_QSTR_ValueError, "time must be from 0 to one hour per call");
    return Picos(d * scale);
}

// Through the session, which serves, paces and records between slices when asked to; a
// Ctrl-C ends a long real-time run early (run_scheduled() raises it).
// machine.Timer callbacks run at their virtual time: time passes up to each deadline, then
// the callbacks it scheduled run before time goes on. So do those a timer group's alarm
// interrupt schedules (espidf's ETS timers).
void run_for(Picos d) {
    const Picos end = board().now() + d;
    auto interrupted = [] { return MP_STATE_MAIN_THREAD(mp_pending_exception) != MP_OBJ_NULL; };
    do {
        // At least a step, so that a deadline that is due now fires.
        const Picos due = std::min<Picos>(esp32sim_timers_next_due(), board().next_timer_alarm());
        Picos next = std::min<Picos>(end, std::max<Picos>(board().now() + 1, due));
        default_session().run_for(board(), next - board().now(), interrupted);
        run_scheduled();
    } while (board().now() < end && !interrupted());
}

mp_obj_t hub75_raw_light(Hub75Panel &panel) {
    const Hub75Geometry &g = panel.geometry();
    vstr_t out;
    vstr_init_len(&out, size_t(g.wall_width()) * g.wall_height() * 3 * sizeof(float));
    {
        std::vector<float> v = panel.light(false, board().now());
        memcpy(out.buf, v.data(), v.size() * sizeof(float));
    }
    mp_obj_t bytes = mp_obj_new_bytes_from_vstr(&out);
    mp_obj_t arr = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_array), MP_OBJ_NEW_QSTR(MP_QSTR_f));
    mp_obj_t dest[3];
    mp_load_method(arr, MP_QSTR_extend, dest);
    dest[2] = bytes;
    mp_call_method_n_kw(1, 0, dest);
    return arr;
}

// Overrides the pads a pins dict names, keeping the others; min_pad -1 allows "not wired".
template <size_t N>
void read_pins(mp_obj_t dict, const char *const (&names)[N], std::array<int, N> &pads, int min_pad) {
    upanel::glue::read_pins(dict, names, N, [&](size_t i, mp_int_t pad) {
        if (pad < min_pad || pad >= kPadCount) {
            mp_obj_t v = mp_obj_new_int(pad);
            fail(MP_QSTR_ValueError, "pad %d does not exist", 1, &v);
        }
        pads[i] = int(pad);
    });
}

}  // namespace

// Work interrupts scheduled (micropython.schedule, a driver's callbacks) runs before the
// script goes on, as it would have while that time passed.
extern "C" mp_obj_t esp32sim_run_ms(mp_obj_t ms) {
    run_for(picos_of(ms, double(kPicosPerMs)));
    return mp_const_none;
}

// time.sleep_ms (the firmware's variant names this its mp_hal_delay_ms): the board runs for
// the time, and the host's clock passes it too, for scripts that time themselves with
// time.ticks_ms.
extern "C" void upanel_delay_ms(uintptr_t ms) {
    const mp_uint_t start = mp_hal_ticks_ms();
    run_for(Picos(ms) * kPicosPerMs);
    while (mp_hal_ticks_ms() - start < ms) mp_event_wait_ms(1);
}

extern "C" mp_obj_t esp32sim_run_us(mp_obj_t us) {
    run_for(picos_of(us, double(kPicosPerUs)));
    return mp_const_none;
}

extern "C" mp_obj_t esp32sim_time_us(void) { return mp_obj_new_int_from_ull(board().now() / kPicosPerUs); }

extern "C" mp_obj_t esp32sim_snapshot(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        {MP_QSTR_device, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_raw, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
    };
    mp_arg_val_t a[2];
    mp_arg_parse_all(n_args, args, kw_args, 2, allowed, a);
    if (is_ili9341(a[0].u_obj)) return ili9341_snapshot();
    Hub75Panel &panel = device(a[0].u_obj);
    const Hub75Geometry &g = panel.geometry();
    if (a[1].u_bool) return hub75_raw_light(panel);
    vstr_t rgb;
    vstr_init_len(&rgb, size_t(g.wall_width()) * g.wall_height() * 3);
    {
        std::vector<uint8_t> bytes = light_bytes(panel.light(true, board().now()));
        memcpy(rgb.buf, bytes.data(), bytes.size());
    }
    mp_obj_t items[3] = {MP_OBJ_NEW_SMALL_INT(g.wall_width()), MP_OBJ_NEW_SMALL_INT(g.wall_height()),
                         mp_obj_new_bytes_from_vstr(&rgb)};
    return mp_obj_new_tuple(3, items);
}

namespace {

// attach_hub75's chip, clk_edge and turn_off_ns: how the panel differs from the ideal one.
Hub75Electrical hub75_electrical(mp_obj_t chip, mp_obj_t clk_edge, mp_int_t turn_off_ns) {
    Hub75Electrical e;
    if (chip != mp_const_none) {
        const char *name = mp_obj_str_get_str(chip);
        if (!strcmp(name, "generic")) e.chip = Hub75Chip::kGeneric;
        else if (!strcmp(name, "fm6126a")) e.chip = Hub75Chip::kFm6126a;
        else if (!strcmp(name, "icn2038s")) e.chip = Hub75Chip::kIcn2038s;
        else if (!strcmp(name, "fm6124")) e.chip = Hub75Chip::kFm6124;
        else fail(MP_QSTR_ValueError, "chip must be 'generic', 'fm6126a', 'fm6124' or 'icn2038s'");
    }
    if (clk_edge != mp_const_none) {
        const char *edge = mp_obj_str_get_str(clk_edge);
        if (!strcmp(edge, "falling")) e.clk_falling = true;
        else if (strcmp(edge, "rising")) fail(MP_QSTR_ValueError, "clk_edge must be 'rising' or 'falling'");
    }
    if (turn_off_ns < 0 || turn_off_ns > 10000) fail_range("turn_off_ns", 0, 10000);
    e.turn_off = Picos(turn_off_ns) * 1000;  // ps
    return e;
}

// A list per colour line (R1 G1 B1 R2 G2 B2) of each chip's register value.
mp_obj_t chip_registers(const Hub75DriverChips &c, bool second) {
    mp_obj_t lines = mp_obj_new_list(0, nullptr);
    for (uint32_t line = 0; line < Hub75DriverChips::kLines; line++) {
        mp_obj_t chips = mp_obj_new_list(0, nullptr);
        for (uint32_t i = 0; i < c.chips_per_line(); i++)
            mp_obj_list_append(chips, MP_OBJ_NEW_SMALL_INT(second ? c.reg2(line, i) : c.reg1(line, i)));
        mp_obj_list_append(lines, chips);
    }
    return lines;
}

}  // namespace

extern "C" mp_obj_t esp32sim_info(size_t n_args, const mp_obj_t *args) {
    mp_obj_t d = mp_obj_new_dict(8);
    auto put = [&](qstr k, mp_obj_t v) { mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(k), v); };
    if (n_args == 1 && is_ili9341(args[0])) return ili9341_info();
    if (n_args == 1 && is_xpt2046(args[0])) return xpt2046_info();
    if (n_args == 1) {
        Hub75Panel &panel = device(args[0]);
        Hub75Panel::Stats s = panel.stats();
        put(MP_QSTR_refresh_hz, mp_obj_new_float(s.refresh_hz));
        put(MP_QSTR_oe_duty, mp_obj_new_float(s.oe_duty));
        put(MP_QSTR_ghost, mp_obj_new_float(s.ghost));
        put(MP_QSTR_torn, mp_obj_new_int_from_ull(s.torn));
        put(MP_QSTR_refreshes, mp_obj_new_int_from_ull(s.refreshes));
        if (const Hub75DriverChips *c = panel.driver_chips()) {
            put(MP_QSTR_reg1, chip_registers(*c, false));
            put(MP_QSTR_reg2, chip_registers(*c, true));
        }
        return d;
    }
    Board &b = board();
    Board::Stats s = b.stats();
    put(MP_QSTR_time_us, mp_obj_new_int_from_ull(b.now() / kPicosPerUs));
    put(MP_QSTR_reg_reads, mp_obj_new_int_from_ull(s.reg_reads));
    put(MP_QSTR_reg_writes, mp_obj_new_int_from_ull(s.reg_writes));
    put(MP_QSTR_interrupts, mp_obj_new_int_from_ull(s.interrupts));
    put(MP_QSTR_dma_free, mp_obj_new_int_from_uint(b.dram().heap_free()));
    put(MP_QSTR_dma_heap, mp_obj_new_int_from_uint(b.dram().heap_size()));
    // Bytes the host's C heap (malloc) has in use: the emulator's, the drivers' host side and
    // the firmware's own, for soak tests that the C side does not grow (0 under ASan, whose
    // allocator does not report it).
    put(MP_QSTR_c_heap, mp_obj_new_int_from_ull(mallinfo2().uordblks));
    put(MP_QSTR_faults, mp_obj_new_int_from_uint(b.faults().size()));
    return d;
}

extern "C" mp_obj_t esp32sim_attach_hub75(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum {
        ARG_width,
        ARG_height,
        ARG_chain,
        ARG_scan,
        ARG_pins,
        ARG_scan_block,
        ARG_grid,
        ARG_serpentine,
        ARG_inverted,
        ARG_chip,
        ARG_clk_edge,
        ARG_turn_off_ns
    };
    static const mp_arg_t allowed[] = {
        {MP_QSTR_width, MP_ARG_INT, {.u_int = 64}},
        {MP_QSTR_height, MP_ARG_INT, {.u_int = 32}},
        {MP_QSTR_chain, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 1}},
        {MP_QSTR_scan, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_pins, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_scan_block, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_grid, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_serpentine, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
        {MP_QSTR_inverted, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
        {MP_QSTR_chip, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_clk_edge, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_turn_off_ns, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args, args, kw_args, MP_ARRAY_SIZE(allowed), allowed, a);
    mp_int_t w = a[ARG_width].u_int, h = a[ARG_height].u_int, chain = a[ARG_chain].u_int;
    // grid=(rows, cols): a wall of rows x cols panels on one chain (chain may be left out).
    mp_int_t grid_rows = 0;
    if (a[ARG_grid].u_obj != mp_const_none) {
        size_t n;
        mp_obj_t *rc;
        mp_obj_get_array(a[ARG_grid].u_obj, &n, &rc);
        if (n != 2) fail(MP_QSTR_ValueError, "grid must be (rows, cols)");
        grid_rows = mp_obj_get_int(rc[0]);
        mp_int_t cols = mp_obj_get_int(rc[1]);
        if (grid_rows < 1 || cols < 1 || grid_rows * cols > 8)
            fail(MP_QSTR_ValueError, "grid must be (rows, cols) of at most 8 panels");
        if (chain == 1) chain = grid_rows * cols;
        if (chain != grid_rows * cols) fail(MP_QSTR_ValueError, "chain must be rows*cols of the grid");
    }
    if (w < 8 || w > 256 || w % 8) fail(MP_QSTR_ValueError, "width must be a multiple of 8 from 8 to 256");
    if (h != 16 && h != 32 && h != 64) fail(MP_QSTR_ValueError, "height must be 16, 32 or 64");
    if (chain < 1 || chain > 8) fail(MP_QSTR_ValueError, "chain must be from 1 to 8");
    mp_int_t scan = a[ARG_scan].u_obj == mp_const_none ? h / 2 : mp_obj_get_int(a[ARG_scan].u_obj);
    if (scan != h / 2 && scan != h / 4 && !(scan == h && h <= 32))
        fail(MP_QSTR_ValueError,
             "scan must be height/2 (two rows per address), height/4 (four-scan) or height (single channel, "
             "up to 32)");
    mp_int_t block = a[ARG_scan_block].u_obj == mp_const_none ? w : mp_obj_get_int(a[ARG_scan_block].u_obj);
    if (block < 1 || block > w || w % block)
        fail(MP_QSTR_ValueError, "scan_block must divide the panel's width");
    Hub75Pins pins;
    read_pins(a[ARG_pins].u_obj, Hub75Pins::kNames, pins.pad, 0);
    pins.inverted = a[ARG_inverted].u_bool;
    Hub75Geometry g{int(w), int(h), int(chain), int(scan)};
    g.scan_block = int(block);
    g.grid_rows = int(grid_rows);
    g.serpentine = a[ARG_serpentine].u_bool;
    Hub75Electrical e = hub75_electrical(a[ARG_chip].u_obj, a[ARG_clk_edge].u_obj, a[ARG_turn_off_ns].u_int);
    if (e.chip != Hub75Chip::kGeneric && (w * chain) % Hub75DriverChips::kOutputs)
        fail(MP_QSTR_ValueError, "a panel of driver chips needs width*chain a multiple of 16");
    board().attach_hub75(g, pins, e);
    return mp_const_none;
}

extern "C" mp_obj_t esp32sim_attach_ili9341(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        {MP_QSTR_pins, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_backlight_on, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 1}},
    };
    mp_arg_val_t a[2];
    mp_arg_parse_all(n_args, args, kw_args, 2, allowed, a);
    Ili9341Pins pins;
    read_pins(a[0].u_obj, Ili9341Pins::kNames, pins.pad, -1);
    if (a[1].u_int != 0 && a[1].u_int != 1) fail(MP_QSTR_ValueError, "backlight_on must be 0 or 1");
    pins.backlight_on = a[1].u_int == 1;
    board().attach_ili9341(pins);
    return mp_const_none;
}

namespace {

Xpt2046Model &touch_panel() {
    Xpt2046Model *m = board().xpt2046();
    if (!m) fail(MP_QSTR_ValueError, "no touch panel: call esp32sim.attach_xpt2046() first");
    return *m;
}

// A virtual time in ms from now on, as a Picos; none: now.
Picos moment(mp_obj_t ms_obj, const char *what) {
    const Picos now = board().now();
    if (ms_obj == mp_const_none) return now;
    const double ms = mp_obj_get_float(ms_obj);
    if (!(ms >= 0) || ms > kMaxAtMs) fail_range(what, 0, mp_int_t(kMaxAtMs));
    const Picos t = Picos(std::llround(ms * double(kPicosPerMs)));
    if (t < now) {
        char msg[120];
        snprintf(msg, sizeof msg, "%s=%g is past: virtual time is already %.3f ms", what, ms,
                 double(now) / kPicosPerMs);
        fail(MP_QSTR_ValueError, msg);
    }
    return t;
}

}  // namespace

extern "C" mp_obj_t esp32sim_attach_xpt2046(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        {MP_QSTR_pins, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_calibration, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
    };
    mp_arg_val_t a[2];
    mp_arg_parse_all(n_args, args, kw_args, 2, allowed, a);
    Xpt2046Pins pins;
    read_pins(a[0].u_obj, Xpt2046Pins::kNames, pins.pad, -1);
    for (int i = 0; i < 5; i++) {
        mp_obj_t v[] = {text(Xpt2046Pins::kNames[i]), mp_obj_new_int(pins.pad[i])};
        const int pad = pins.pad[i];
        if (pad < 0 && i != Xpt2046Pins::kPenirq)
            fail(MP_QSTR_ValueError, "%s must be wired (a pad from 0 to 39)", 1, v);
        if (pad >= 6 && pad <= 11) fail(MP_QSTR_ValueError, "%s: pad %d carries the SPI flash", 2, v);
        // CS, CLK and MOSI come from the chip: input-only pads cannot drive them.
        if (pad >= 34 && (i == Xpt2046Pins::kCs || i == Xpt2046Pins::kClk || i == Xpt2046Pins::kMosi))
            fail(MP_QSTR_ValueError, "%s: pad %d is input-only and cannot drive it", 2, v);
        for (int j = 0; j < i; j++)
            if (pad >= 0 && pins.pad[j] == pad) {
                mp_obj_t w[] = {v[1], text(Xpt2046Pins::kNames[j]), v[0]};
                fail(MP_QSTR_ValueError, "pad %d is given for both %s and %s", 3, w);
            }
    }
    Xpt2046Calibration cal;
    if (a[1].u_obj != mp_const_none) {
        size_t n;
        mp_obj_t *items;
        mp_obj_get_array(a[1].u_obj, &n, &items);
        if (n != 4)
            fail(MP_QSTR_ValueError,
                 "calibration must be (x0, y0, x1, y1), xpt2046.py's cal_x0, cal_y0, cal_x1, cal_y1");
        int c[4];
        for (size_t i = 0; i < 4; i++) {
            mp_int_t v = mp_obj_get_int(items[i]);
            if (v < 0 || v > 4095) fail(MP_QSTR_ValueError, "calibration readings must be from 0 to 4095");
            c[i] = int(v);
        }
        if (c[0] == c[2] || c[1] == c[3])
            fail(MP_QSTR_ValueError, "calibration: x0 == x1 or y0 == y1 leaves no axis");
        cal = Xpt2046Calibration{c[0], c[1], c[2], c[3]};
    }
    board().attach_xpt2046(pins, cal);
    return mp_const_none;
}

// (x, y): a panel pixel; the touch lands at its centre (x + 0.5, y + 0.5).
extern "C" mp_obj_t esp32sim_touch(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        {MP_QSTR_x, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_y, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_at_ms, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_until_ms, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
    };
    mp_arg_val_t a[4];
    mp_arg_parse_all(n_args, args, kw_args, 4, allowed, a);
    touch_panel();
    const double x = mp_obj_get_float(a[0].u_obj), y = mp_obj_get_float(a[1].u_obj);
    if (!(x >= 0 && x < Xpt2046Model::kWidth && y >= 0 && y < Xpt2046Model::kHeight)) {
        mp_obj_t v[] = {a[0].u_obj, a[1].u_obj};
        fail(MP_QSTR_ValueError, "touch (%r, %r) is outside the 240x320 glass", 2, v);
    }
    const Picos at = moment(a[2].u_obj, "at_ms");
    Picos until = 0;
    if (a[3].u_obj != mp_const_none) {
        until = moment(a[3].u_obj, "until_ms");
        if (until <= at) fail(MP_QSTR_ValueError, "until_ms must come after the touch (at_ms, or now)");
    }
    Board &b = board();
    if (a[2].u_obj == mp_const_none) b.touch(x + 0.5, y + 0.5);
    else b.call_at(at, [&b, x, y] { b.touch(x + 0.5, y + 0.5); });
    if (until) b.call_at(until, [&b] { b.release(); });
    return mp_const_none;
}

extern "C" mp_obj_t esp32sim_release(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        {MP_QSTR_at_ms, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
    };
    mp_arg_val_t a[1];
    mp_arg_parse_all(n_args, args, kw_args, 1, allowed, a);
    touch_panel();
    Board &b = board();
    if (a[0].u_obj == mp_const_none) b.release();
    else b.call_at(moment(a[0].u_obj, "at_ms"), [&b] { b.release(); });
    return mp_const_none;
}

namespace {
mp_obj_t xpt2046_info() {
    const Xpt2046Model &m = touch_panel();
    mp_obj_t d = mp_obj_new_dict(6);
    auto put = [&](qstr k, mp_obj_t v) { mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(k), v); };
    put(MP_QSTR_touched, mp_obj_new_bool(m.touched()));
    put(MP_QSTR_x, m.touched() ? mp_obj_new_int(mp_int_t(std::floor(m.x()))) : mp_const_none);
    put(MP_QSTR_y, m.touched() ? mp_obj_new_int(mp_int_t(std::floor(m.y()))) : mp_const_none);
    put(MP_QSTR_touches, mp_obj_new_int_from_ull(m.stats().touches));
    put(MP_QSTR_conversions, mp_obj_new_int_from_ull(m.stats().conversions));
    put(MP_QSTR_penirq, mp_obj_new_bool(m.penirq_high()));
    return d;
}
}  // namespace

namespace {

const char *display_name(Display d) { return d == Display::kIli9341 ? "ili9341" : "hub75"; }

// Refuses a path whose folder is missing or read-only now rather than when the time comes.
void check_writable(const char *path) {
    char dir[256];
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else snprintf(dir, sizeof dir, "%.*s", int(slash == path ? 1 : slash - path), path);
    if (access(dir, W_OK) != 0) {
        mp_obj_t v[] = {text(path), text(strerror(errno))};
        fail(MP_QSTR_OSError, "%s: %s", 2, v);
    }
}

mp_obj_t save_png_at(Display display, const char *path, int scale, bool leds, mp_obj_t at_obj) {
    Board &b = board();
    const Picos at = moment(at_obj, "at_ms");
    check_writable(path);
    char err[300] = "";
    {
        TimedCaptures::Capture c;
        c.display = display, c.path = path, c.at = at, c.scale = scale, c.leds = leds;
        snprintf(err, sizeof err, "%s", default_timed_captures().schedule(b, std::move(c)).error.c_str());
    }
    if (err[0]) fail(MP_QSTR_OSError, err);
    return mp_const_none;
}

}  // namespace

// With at_ms, the picture is taken when virtual time reaches it (at once if it has).
extern "C" mp_obj_t esp32sim_save_png(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_device, ARG_path, ARG_scale, ARG_leds, ARG_at_ms };
    static const mp_arg_t allowed[] = {
        {MP_QSTR_device, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_path, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_scale, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 1}},
        {MP_QSTR_leds, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
        {MP_QSTR_at_ms, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = mp_const_none}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args, args, kw_args, MP_ARRAY_SIZE(allowed), allowed, a);
    const char *path = mp_obj_str_get_str(a[ARG_path].u_obj);
    mp_int_t scale = a[ARG_scale].u_int;
    if (scale < 1 || scale > kMaxPngScale) fail_range("scale", 1, kMaxPngScale);
    if (!is_ili9341(a[ARG_device].u_obj)) device(a[ARG_device].u_obj);  // raises for an unknown name
    const Display display = is_ili9341(a[ARG_device].u_obj) ? Display::kIli9341 : Display::kHub75;
    if (a[ARG_at_ms].u_obj != mp_const_none)
        return save_png_at(display, path, int(scale), a[ARG_leds].u_bool, a[ARG_at_ms].u_obj);
    char err[300] = "";
    snprintf(err, sizeof err, "%s",
             write_png(path, display_picture(board(), display, int(scale), a[ARG_leds].u_bool)).c_str());
    if (err[0]) fail(MP_QSTR_OSError, err);
    return mp_const_none;
}

// What save_png(..., at_ms=) scheduled, in order: pending, saved (and when) or failed (and why).
extern "C" mp_obj_t esp32sim_captures(void) {
    const auto &all = default_timed_captures().captures();
    mp_obj_t list = mp_obj_new_list(0, nullptr);
    for (const TimedCaptures::Capture &c : all) {
        mp_obj_t d = mp_obj_new_dict(6);
        auto put = [&](qstr k, mp_obj_t v) { mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(k), v); };
        const bool pending = c.state == TimedCaptures::State::kPending;
        put(MP_QSTR_device, mp_obj_new_str_from_cstr(display_name(c.display)));
        put(MP_QSTR_path, mp_obj_new_str(c.path.data(), c.path.size()));
        put(MP_QSTR_at_ms, mp_obj_new_float(double(c.at) / kPicosPerMs));
        put(MP_QSTR_state, MP_OBJ_NEW_QSTR(pending                                   ? MP_QSTR_pending
                                           : c.state == TimedCaptures::State::kSaved ? MP_QSTR_saved
                                                                                     : MP_QSTR_failed));
        put(MP_QSTR_taken_ms, pending ? mp_const_none : mp_obj_new_float(double(c.taken) / kPicosPerMs));
        put(MP_QSTR_error, c.state == TimedCaptures::State::kFailed
                               ? mp_obj_new_str(c.error.data(), c.error.size())
                               : mp_const_none);
        mp_obj_list_append(list, d);
    }
    return list;
}

// A script that never ends (an event loop, an asyncio loop) still gets its pictures taken:
// once no capture scheduled with at_ms is left pending, the script gets SystemExit, at the
// next bytecode it runs (upanel capture catches it). exit_after_captures(False) undoes it.
extern "C" mp_obj_t esp32sim_exit_after_captures(size_t n_args, const mp_obj_t *args) {
    if (n_args && !mp_obj_is_true(args[0])) {
        default_timed_captures().when_all_taken = nullptr;
        return mp_const_none;
    }
    default_timed_captures().when_all_taken = [] {
        mp_obj_t msg = mp_obj_new_str_from_cstr("the last capture is taken");
        mp_sched_exception(mp_obj_new_exception_args(&mp_type_SystemExit, 1, &msg));
    };
    return mp_const_none;
}

extern "C" mp_obj_t esp32sim_faults(void) {
    const auto &f = board().faults();
    mp_obj_t list = mp_obj_new_list(0, nullptr);
    for (const std::string &s : f) mp_obj_list_append(list, mp_obj_new_str(s.data(), s.size()));
    return list;
}

// The address of the board's upanel_host_bus_t, for native modules (they cannot link to it).
extern "C" mp_obj_t esp32sim_host_bus(void) {
    board();
    return mp_obj_new_int_from_ull(uintptr_t(upanel_host_bus_current));
}

extern "C" mp_obj_t esp32sim_read32(mp_obj_t addr) {
    return mp_obj_new_int_from_uint(board().read32(uint32_t(mp_obj_get_int_truncated(addr))));
}

extern "C" mp_obj_t esp32sim_write32(mp_obj_t addr, mp_obj_t value) {
    board().write32(uint32_t(mp_obj_get_int_truncated(addr)), uint32_t(mp_obj_get_int_truncated(value)));
    return mp_const_none;
}

// The outside world on a pad: a button pressed to a level, or let go (None).
extern "C" mp_obj_t esp32sim_set_pad(mp_obj_t pad_in, mp_obj_t level_in) {
    if (!mp_obj_is_int(pad_in)) upanel::glue::fail(MP_QSTR_TypeError, "pad must be an int");
    mp_int_t pad = mp_obj_get_int(pad_in);
    if (pad < 0 || pad >= 40 || pad == 20 || pad == 24 || (pad >= 28 && pad <= 31)) {
        mp_obj_t v = pad_in;
        upanel::glue::fail(MP_QSTR_ValueError, "pad %d does not exist", 1, &v);
    }
    int level = -1;
    if (level_in != mp_const_none) {
        if (!mp_obj_is_int(level_in) && !mp_obj_is_bool(level_in))
            upanel::glue::fail(MP_QSTR_TypeError, "level must be 0, 1 or None");
        mp_int_t l = mp_obj_get_int(level_in);
        if (l != 0 && l != 1) upanel::glue::fail(MP_QSTR_ValueError, "level must be 0, 1 or None");
        level = int(l);
    }
    board().set_pad(int(pad), level);
    return mp_const_none;
}

extern "C" mp_obj_t esp32sim_serve(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        {MP_QSTR_port, MP_ARG_INT, {.u_int = 8080}},
    };
    mp_arg_val_t a[1];
    mp_arg_parse_all(n_args, args, kw_args, 1, allowed, a);
    mp_int_t port = a[0].u_int;
    if (port < 0 || port > 65535) fail(MP_QSTR_ValueError, "port must be from 0 to 65535");
    // Raising jumps past C++ destructors: strings end in this scope, before any raise.
    char url[64] = "", err[80] = "";
    bool in_use = false;
    {
        upanel::live::LiveServer::Error e;
        snprintf(url, sizeof url, "%s", default_session().serve(board(), int(port), e).c_str());
        snprintf(err, sizeof err, "%s", e.text.c_str());
        in_use = e.port_in_use;
    }
    if (!url[0] && in_use) {  // OSError(EADDRINUSE, text), as CPython's socket raises it
        snprintf(err, sizeof err, "port %d is in use on 127.0.0.1", int(port));
        mp_obj_t exc_args[2] = {MP_OBJ_NEW_SMALL_INT(MP_EADDRINUSE), mp_obj_new_str_from_cstr(err)};
        nlr_raise(mp_obj_new_exception_args(&mp_type_OSError, 2, exc_args));
    }
    if (!url[0]) fail(MP_QSTR_OSError, err);
    return mp_obj_new_str_from_cstr(url);
}

extern "C" mp_obj_t esp32sim_stop_serving(void) {
    default_session().stop_serving();
    return mp_const_none;
}

extern "C" mp_obj_t esp32sim_realtime(size_t n_args, const mp_obj_t *args) {
    if (n_args) default_session().set_realtime(board(), mp_obj_is_true(args[0]));
    return mp_obj_new_bool(default_session().realtime());
}

extern "C" mp_obj_t esp32sim_record(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_device, ARG_path, ARG_seconds, ARG_fps, ARG_scale, ARG_leds };
    static const mp_arg_t allowed[] = {
        {MP_QSTR_device, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_path, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_seconds, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = mp_const_none}},
        {MP_QSTR_fps, MP_ARG_INT, {.u_int = 25}},
        {MP_QSTR_scale, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 1}},
        {MP_QSTR_leds, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args, args, kw_args, MP_ARRAY_SIZE(allowed), allowed, a);
    const char *dev = mp_obj_str_get_str(a[ARG_device].u_obj);
    const char *path = mp_obj_str_get_str(a[ARG_path].u_obj);
    double seconds = mp_obj_get_float(a[ARG_seconds].u_obj);
    mp_int_t fps = a[ARG_fps].u_int, scale = a[ARG_scale].u_int;
    if (fps < 1 || fps > kMaxFps) fail_range("fps", 1, kMaxFps);
    if (!(seconds > 0) || seconds * double(fps) > double(kMaxGifFrames)) {
        mp_obj_t v = mp_obj_new_int(kMaxGifFrames);
        fail(MP_QSTR_ValueError, "seconds must be above 0, at most %d frames", 1, &v);
    }
    if (scale < 1 || scale > kMaxGifScale) fail_range("scale", 1, kMaxGifScale);
    if (strcmp(dev, "hub75") != 0 && strcmp(dev, "ili9341") != 0) no_device(a[ARG_device].u_obj);
    char err[80];
    snprintf(err, sizeof err, "%s",
             default_session()
                 .record(board(), dev, path, seconds, int(fps), int(scale), a[ARG_leds].u_bool)
                 .c_str());
    if (err[0]) fail(MP_QSTR_OSError, err);
    return mp_const_none;
}

extern "C" mp_obj_t esp32sim_stop_recording(void) {
    size_t frames = 0;
    char err[80];
    snprintf(err, sizeof err, "%s", default_session().stop_recording(frames).c_str());
    if (err[0]) fail(MP_QSTR_OSError, err);
    return mp_obj_new_int_from_uint(frames);
}

extern "C" mp_obj_t esp32sim_limits(void) {
    mp_obj_t d = mp_obj_new_dict(5);
    auto put = [&](qstr k, mp_obj_t v) { mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(k), v); };
    put(MP_QSTR_at_ms, mp_obj_new_float(kMaxAtMs));
    put(MP_QSTR_png_scale, mp_obj_new_int(kMaxPngScale));
    put(MP_QSTR_gif_scale, mp_obj_new_int(kMaxGifScale));
    put(MP_QSTR_fps, mp_obj_new_int(kMaxFps));
    put(MP_QSTR_gif_frames, mp_obj_new_int(kMaxGifFrames));
    return d;
}
