// machine.Timer of the host firmware: the ESP32 port's software-visible timer, on the emulated
// board's virtual time. A timer's callback is scheduled (micropython.schedule, as the ESP32
// port does) when virtual time reaches its deadline, however time passes: esp32sim.run_ms(),
// or a driver waiting for its hardware. LVGL's event loop (lv_utils.event_loop) runs on it.
#include <cstdint>

#include "upanel/emu/board.h"

extern "C" {
#include "machine_timer.h"
#include "py/mpstate.h"
#include "py/runtime.h"
}
#include "../common/glue.h"

using namespace upanel::emu;

namespace {

struct TimerObj {
    mp_obj_base_t base;
    mp_int_t id;
    mp_obj_t callback;  // None: disarmed
    Picos period;
    Picos due;  // of the next callback
    bool periodic;
    uint32_t generation;  // deadlines of an earlier init() are stale
};

enum { kOneShot = 0, kPeriodic = 1 };

Board &board() { return default_board(); }

// Armed timers, reachable by the collector while the board holds their deadlines.
mp_obj_t armed_list() {
    if (MP_STATE_VM(esp32sim_armed_timers) == MP_OBJ_NULL)
        MP_STATE_VM(esp32sim_armed_timers) = mp_obj_new_list(0, nullptr);
    return MP_STATE_VM(esp32sim_armed_timers);
}

void disarm(TimerObj *t) {
    t->generation++;
    if (t->callback == mp_const_none) return;
    t->callback = mp_const_none;
    mp_obj_list_remove(armed_list(), MP_OBJ_FROM_PTR(t));
}

void arm_next(TimerObj *t) {
    uint32_t gen = t->generation;
    board().call_at(t->due, [t, gen] {
        if (t->generation != gen || t->callback == mp_const_none) return;
        // As from the timer's interrupt: the callback runs once Python gets control.
        mp_sched_schedule(t->callback, MP_OBJ_FROM_PTR(t));
        if (t->periodic) {
            t->due += t->period;
            arm_next(t);
        } else {
            disarm(t);
        }
    });
}

void init(TimerObj *t, size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    enum { ARG_mode, ARG_callback, ARG_period, ARG_freq };
    static const mp_arg_t allowed[] = {
        {MP_QSTR_mode, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = kPeriodic}},
        {MP_QSTR_callback, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE}},
        {MP_QSTR_period, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE}},
        {MP_QSTR_freq, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE}},
    };
    mp_arg_val_t a[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args, args, kw, MP_ARRAY_SIZE(allowed), allowed, a);
    if (a[ARG_mode].u_int != kOneShot && a[ARG_mode].u_int != kPeriodic)
        upanel::glue::fail(MP_QSTR_ValueError, "mode must be Timer.ONE_SHOT or Timer.PERIODIC");
    double period_s;
    if (a[ARG_freq].u_obj != mp_const_none) {
        double f = mp_obj_get_float(a[ARG_freq].u_obj);
        if (!(f > 0)) upanel::glue::fail(MP_QSTR_ValueError, "freq must be positive");
        period_s = 1.0 / f;
    } else if (a[ARG_period].u_obj != mp_const_none) {
        period_s = double(mp_obj_get_int(a[ARG_period].u_obj)) / 1000.0;  // ms, as on the ESP32
    } else {
        upanel::glue::fail(MP_QSTR_TypeError, "give period (ms) or freq (Hz)");
    }
    if (!(period_s >= 1e-6) || period_s > 3600.0)
        upanel::glue::fail(MP_QSTR_ValueError, "period must be from 1 us to 1 hour");
    mp_obj_t cb = a[ARG_callback].u_obj;
    if (cb != mp_const_none && !mp_obj_is_callable(cb))
        upanel::glue::fail(MP_QSTR_TypeError, "callback must be callable");
    disarm(t);
    if (cb == mp_const_none) return;
    t->callback = cb;
    t->periodic = a[ARG_mode].u_int == kPeriodic;
    t->period = Picos(period_s * double(kPicosPerSecond));
    t->due = board().now() + t->period;
    mp_obj_list_append(armed_list(), MP_OBJ_FROM_PTR(t));
    arm_next(t);
}

}  // namespace

extern "C" mp_obj_t esp32sim_timer_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
                                            const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, true);
    TimerObj *t = mp_obj_malloc(TimerObj, type);
    t->id = mp_obj_get_int(args[0]);
    t->callback = mp_const_none;
    t->generation = 0;
    if (n_kw > 0) {
        mp_map_t kw;
        mp_map_init_fixed_table(&kw, n_kw, args + n_args);
        init(t, 0, nullptr, &kw);
    }
    return MP_OBJ_FROM_PTR(t);
}

extern "C" mp_obj_t esp32sim_timer_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    init(static_cast<TimerObj *>(MP_OBJ_TO_PTR(args[0])), n_args - 1, args + 1, kw);
    return mp_const_none;
}

extern "C" mp_obj_t esp32sim_timer_deinit(mp_obj_t self) {
    disarm(static_cast<TimerObj *>(MP_OBJ_TO_PTR(self)));
    return mp_const_none;
}

// Milliseconds until the next callback (0 when disarmed).
extern "C" mp_obj_t esp32sim_timer_value(mp_obj_t self) {
    TimerObj *t = static_cast<TimerObj *>(MP_OBJ_TO_PTR(self));
    if (t->callback == mp_const_none) return MP_OBJ_NEW_SMALL_INT(0);
    Picos left = t->due > board().now() ? t->due - board().now() : 0;
    return mp_obj_new_int_from_ull(left / kPicosPerMs);
}

extern "C" void esp32sim_timer_print(const mp_print_t *print, mp_obj_t self, mp_print_kind_t kind) {
    (void)kind;
    TimerObj *t = static_cast<TimerObj *>(MP_OBJ_TO_PTR(self));
    if (t->callback == mp_const_none) {
        mp_printf(print, "Timer(%d)", int(t->id));
    } else {
        mp_printf(print, "Timer(%d, mode=%s, period=%u us)", int(t->id),
                  t->periodic ? "PERIODIC" : "ONE_SHOT", unsigned(t->period / kPicosPerUs));
    }
}

extern "C" uint64_t esp32sim_timers_next_due(void) {
    uint64_t next = UINT64_MAX;
    if (MP_STATE_VM(esp32sim_armed_timers) == MP_OBJ_NULL) return next;
    size_t n;
    mp_obj_t *items;
    mp_obj_list_get(MP_STATE_VM(esp32sim_armed_timers), &n, &items);
    for (size_t i = 0; i < n; i++) {
        TimerObj *t = static_cast<TimerObj *>(MP_OBJ_TO_PTR(items[i]));
        if (t->due < next) next = t->due;
    }
    return next;
}
