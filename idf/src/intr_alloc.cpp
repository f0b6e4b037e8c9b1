// ESP-IDF's interrupt allocator on the register layer: a table of the CPU's interrupts and
// what uses each, the interrupt matrix (DPORT map registers) to connect sources, and the CPU's
// INTENABLE and handlers. Allocation follows ESP-IDF's rules: the lowest-priority free
// interrupt of the right trigger type among those the flags allow, shared interrupts only
// with other shared ones (the one with the fewest handlers), a source's existing interrupt
// when it has one, and a disabled source mapped to interrupt 6.
#include <cstdlib>
#include <new>
#include <vector>

#include "esp_intr_alloc.h"
#include "esp_log.h"
#include "rom/ets_sys.h"

#include "intr_alloc.h"
#include "isr_context.h"
#include "upanel/ll/intr_ll.h"

using namespace upanel;

namespace {

constexpr int kCpu = 0;  // the emulated CPU: the PRO CPU
const char *const kTag = "intr_alloc";

struct Shared {
    int source;
    bool disabled;
    uint32_t statusreg, statusmask;
    intr_handler_t isr;
    void *arg;
};

struct Vector {
    bool reserved = false, shared = false, nonshared = false, in_iram = false;
    int source = -1000;           // non-shared: its source
    std::vector<Shared *> users;  // shared: its handlers, newest first
};

}  // namespace

struct intr_handle_data_t {
    int intno;
    Shared *shared;  // NULL for a non-shared interrupt
};

namespace {

Vector g_vec[ll::kCpuIntrCount];
std::vector<intr_handle_data_t *> g_handles;
uint32_t g_non_iram = 0, g_non_iram_disabled = 0;
bool g_noniram_off = false;
bool g_handler_set[ll::kCpuIntrCount];

bool valid(intr_handle_t h) {
    for (auto *x : g_handles)
        if (x == h) return true;
    return false;
}

int level_of(int intno) { return ll::kCpuIntr[intno].level; }

void set_handler(int intno, ll::IsrHandler fn, void *arg) {
    ll::cpu_intr_set_handler(intno, fn, arg);
    g_handler_set[intno] = fn != nullptr;
}

bool usable(int intno, int flags, bool forced) {
    const ll::CpuIntr &d = ll::kCpuIntr[intno];
    const Vector &v = g_vec[intno];
    if (d.use[kCpu] == ll::kIntrReserved) return false;
    if (d.use[kCpu] == ll::kIntrSpecial && !forced) return false;
    if (!(flags & (1 << d.level))) return false;
    if (d.type != ll::kIntrInternal) {
        const bool edge = flags & ESP_INTR_FLAG_EDGE;
        if (edge != (d.type == ll::kIntrEdge)) return false;
    }
    if (v.reserved || v.nonshared) return false;
    if (v.shared) return (flags & ESP_INTR_FLAG_SHARED) && v.in_iram == bool(flags & ESP_INTR_FLAG_IRAM);
    return !g_handler_set[intno];
}

int vector_of_source(int source) {
    for (int i = 0; i < ll::kCpuIntrCount; i++) {
        const Vector &v = g_vec[i];
        if (v.nonshared && v.source == source) return i;
        if (v.shared)
            for (Shared *s : v.users)
                if (s->source == source) return i;
    }
    return -1;
}

int find_interrupt(int flags, int force, int source) {
    int existing = vector_of_source(source);
    if (existing >= 0) {
        if (force >= 0 && force != existing) return -1;
        return usable(existing, flags, force >= 0) ? existing : -1;
    }
    if (force >= 0) return usable(force, flags, true) ? force : -1;
    int best = -1, best_level = 9;
    size_t best_users = SIZE_MAX;
    for (int i = 0; i < ll::kCpuIntrCount; i++) {
        if (!usable(i, flags, false)) continue;
        const int level = level_of(i);
        if ((flags & ESP_INTR_FLAG_SHARED) && g_vec[i].shared) {
            if (g_vec[i].users.size() < best_users || level < best_level) {
                best = i;
                best_users = g_vec[i].users.size();
                best_level = level;
            }
        } else if ((flags & ESP_INTR_FLAG_SHARED) && best >= 0 && best_users != SIZE_MAX) {
            continue;  // a shared interrupt in use already beats a free one
        } else if (level < best_level) {
            best = i;
            best_level = level;
        }
    }
    return best;
}

// The handler of a shared CPU interrupt: every enabled user whose status register says so.
void shared_isr(void *arg) {
    Vector &v = g_vec[reinterpret_cast<intptr_t>(arg)];
    const std::vector<Shared *> users = v.users;  // a handler may free another's interrupt
    for (Shared *s : users) {
        if (s->disabled) continue;
        if (s->statusreg && !(ll::reg_read(s->statusreg) & s->statusmask)) continue;
        s->isr(s->arg);
    }
}

// Handlers run in interrupt context: xPortInIsrContext() says so, and waits return at once.
struct IsrCall {
    intr_handler_t fn;
    void *arg;
};
IsrCall g_direct[ll::kCpuIntrCount];

void direct_isr(void *arg) {
    const IsrCall &c = g_direct[reinterpret_cast<intptr_t>(arg)];
    idf::InIsr in_isr;
    c.fn(c.arg);
}

void shared_isr_in_context(void *arg) {
    idf::InIsr in_isr;
    shared_isr(arg);
}

}  // namespace

namespace upanel::idf {

void cpu_isr_attach(int intno, void (*fn)(void *), void *arg) {
    if (!fn) {
        set_handler(intno, nullptr, nullptr);
        return;
    }
    g_direct[intno] = {fn, arg};
    set_handler(intno, direct_isr, reinterpret_cast<void *>(intptr_t(intno)));
}

}  // namespace upanel::idf

extern "C" esp_err_t esp_intr_mark_shared(int intno, int cpu, bool is_in_iram) {
    if (intno < 0 || intno >= ll::kCpuIntrCount || cpu < 0 || cpu > 1) return ESP_ERR_INVALID_ARG;
    if (cpu != kCpu) return ESP_OK;  // the APP CPU's table is not the emulated CPU's
    g_vec[intno].shared = true;
    g_vec[intno].reserved = g_vec[intno].nonshared = false;
    g_vec[intno].in_iram = is_in_iram;
    return ESP_OK;
}

extern "C" esp_err_t esp_intr_reserve(int intno, int cpu) {
    if (intno < 0 || intno >= ll::kCpuIntrCount || cpu < 0 || cpu > 1) return ESP_ERR_INVALID_ARG;
    if (cpu != kCpu) return ESP_OK;
    g_vec[intno].reserved = true;
    g_vec[intno].shared = g_vec[intno].nonshared = false;
    return ESP_OK;
}

extern "C" esp_err_t esp_intr_alloc_intrstatus(int source, int flags, uint32_t intrstatusreg,
                                               uint32_t intrstatusmask, intr_handler_t handler, void *arg,
                                               intr_handle_t *ret_handle) {
    if (source >= ll::kIrqSourceCount || source < ETS_INTERNAL_PROFILING_INTR_SOURCE)
        return ESP_ERR_INVALID_ARG;
    if ((flags & ESP_INTR_FLAG_SHARED) && (flags & ESP_INTR_FLAG_EDGE)) return ESP_ERR_INVALID_ARG;
    if ((flags & ESP_INTR_FLAG_HIGH) && handler) return ESP_ERR_INVALID_ARG;
    if ((flags & ESP_INTR_FLAG_SHARED) && (!handler || source < 0)) return ESP_ERR_INVALID_ARG;
    if (intrstatusreg && !intrstatusmask) return ESP_ERR_INVALID_ARG;
    if (source < 0) return ESP_ERR_NOT_SUPPORTED;  // the emulated CPU has no internal interrupts
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    if (!(flags & ESP_INTR_FLAG_LEVELMASK))
        flags |= (flags & ESP_INTR_FLAG_SHARED) ? ESP_INTR_FLAG_LEVEL1 : ESP_INTR_FLAG_LOWMED;

    auto *h = new (std::nothrow) intr_handle_data_t{};
    if (!h) return ESP_ERR_NO_MEM;
    const int intno = find_interrupt(flags, -1, source);
    if (intno < 0) {
        delete h;
        return ESP_ERR_NOT_FOUND;
    }
    Vector &v = g_vec[intno];
    h->intno = intno;
    if (flags & ESP_INTR_FLAG_SHARED) {
        auto *s = new (std::nothrow) Shared{source, false, intrstatusreg, intrstatusmask, handler, arg};
        if (!s) {
            delete h;
            return ESP_ERR_NO_MEM;
        }
        v.users.insert(v.users.begin(), s);
        v.shared = true;
        h->shared = s;
        set_handler(intno, shared_isr_in_context, reinterpret_cast<void *>(intptr_t(intno)));
    } else {
        v.nonshared = true;
        v.source = source;
        if (handler) idf::cpu_isr_attach(intno, handler, arg);
    }
    v.in_iram = flags & ESP_INTR_FLAG_IRAM;
    if (v.in_iram) g_non_iram &= ~(1u << intno);
    else g_non_iram |= 1u << intno;
    ll::intr_matrix_set(kCpu, source, intno);
    ll::cpu_intr_enable(1u << intno);
    g_handles.push_back(h);
    if (flags & ESP_INTR_FLAG_INTRDISABLED) esp_intr_disable(h);
    if (ret_handle) *ret_handle = h;
    else g_handles.pop_back(), delete h;  // nobody can free it: the interrupt stays
    ESP_LOGD(kTag, "connected source %d to interrupt %d (cpu 0)", source, intno);
    return ESP_OK;
}

extern "C" esp_err_t esp_intr_alloc(int source, int flags, intr_handler_t handler, void *arg,
                                    intr_handle_t *ret_handle) {
    return esp_intr_alloc_intrstatus(source, flags, 0, 0, handler, arg, ret_handle);
}

extern "C" esp_err_t esp_intr_enable(intr_handle_t handle) {
    if (!valid(handle)) return ESP_ERR_INVALID_ARG;
    int source;
    if (handle->shared) {
        handle->shared->disabled = false;
        source = handle->shared->source;
    } else {
        source = g_vec[handle->intno].source;
    }
    ll::intr_matrix_set(kCpu, source, handle->intno);
    return ESP_OK;
}

extern "C" esp_err_t esp_intr_disable(intr_handle_t handle) {
    if (!valid(handle)) return ESP_ERR_INVALID_ARG;
    int source;
    bool all_off = true;
    if (handle->shared) {
        handle->shared->disabled = true;
        source = handle->shared->source;
        for (Shared *s : g_vec[handle->intno].users)
            if (s->source == source && !s->disabled) all_off = false;
    } else {
        source = g_vec[handle->intno].source;
    }
    if (all_off) ll::intr_matrix_set(kCpu, source, ll::kIntrMuxDisabled);
    return ESP_OK;
}

extern "C" esp_err_t esp_intr_free(intr_handle_t handle) {
    if (!valid(handle)) return ESP_ERR_INVALID_ARG;
    esp_intr_disable(handle);
    Vector &v = g_vec[handle->intno];
    bool last = !handle->shared;
    if (handle->shared) {
        for (size_t i = 0; i < v.users.size(); i++)
            if (v.users[i] == handle->shared) v.users.erase(v.users.begin() + long(i));
        delete handle->shared;
        last = v.users.empty();
    }
    if (last) {
        ll::cpu_intr_disable(1u << handle->intno);
        set_handler(handle->intno, nullptr, nullptr);
        v.nonshared = v.reserved = false;
        v.shared = false;
        v.source = -1000;
        g_non_iram &= ~(1u << handle->intno);
    }
    for (size_t i = 0; i < g_handles.size(); i++)
        if (g_handles[i] == handle) g_handles.erase(g_handles.begin() + long(i));
    delete handle;
    return ESP_OK;
}

extern "C" int esp_intr_get_intno(intr_handle_t handle) { return valid(handle) ? handle->intno : -1; }

extern "C" int esp_intr_get_cpu(intr_handle_t handle) { return valid(handle) ? kCpu : -1; }

extern "C" esp_err_t esp_intr_set_in_iram(intr_handle_t handle, bool is_in_iram) {
    if (!valid(handle) || g_vec[handle->intno].shared) return ESP_ERR_INVALID_ARG;
    g_vec[handle->intno].in_iram = is_in_iram;
    if (is_in_iram) g_non_iram &= ~(1u << handle->intno);
    else g_non_iram |= 1u << handle->intno;
    return ESP_OK;
}

extern "C" void esp_intr_noniram_disable(void) {
    if (g_noniram_off) {
        ESP_LOGE(kTag, "esp_intr_noniram_disable: disabled already");
        return;
    }
    if (!ll::bus_ready()) return;
    g_noniram_off = true;
    g_non_iram_disabled = ll::cpu_intr_enabled() & g_non_iram;
    ll::cpu_intr_disable(g_non_iram);
}

extern "C" void esp_intr_noniram_enable(void) {
    if (!g_noniram_off) {
        ESP_LOGE(kTag, "esp_intr_noniram_enable: not disabled");
        return;
    }
    g_noniram_off = false;
    if (ll::bus_ready()) ll::cpu_intr_enable(g_non_iram_disabled);
}

// The ROM's interrupt functions.

extern "C" void ets_isr_attach(int i, ets_isr_t func, void *arg) {
    if (i < 0 || i >= ll::kCpuIntrCount) {
        ESP_LOGE("ets", "ets_isr_attach: no CPU interrupt %d", i);
        return;
    }
    if (ll::bus_ready()) idf::cpu_isr_attach(i, func, arg);
}

extern "C" void ets_isr_mask(uint32_t mask) {
    if (ll::bus_ready()) ll::cpu_intr_disable(mask);
}

extern "C" void ets_isr_unmask(uint32_t unmask) {
    if (ll::bus_ready()) ll::cpu_intr_enable(unmask);
}

namespace {
int g_locked_level = 0;
constexpr int kExcmLevel = 3;  // XCHAL_EXCM_LEVEL: the highest level C handlers run at
}  // namespace

extern "C" void ets_intr_lock(void) {
    if (ll::bus_ready()) g_locked_level = ll::cpu_intr_level(kExcmLevel);
}

extern "C" void ets_intr_unlock(void) {
    if (ll::bus_ready()) ll::cpu_intr_level(g_locked_level);
}

extern "C" void ets_waiti0(void) {
    if (idf::in_isr() || !ll::bus_ready()) return;
    ll::cpu_relax();
}

extern "C" void intr_matrix_set(int cpu_no, uint32_t model_num, uint32_t intr_num) {
    if (cpu_no < 0 || cpu_no > 1 || model_num >= uint32_t(ll::kIrqSourceCount) || intr_num >= 32) {
        ESP_LOGE("ets", "intr_matrix_set: no CPU %d, source %u or interrupt %u", cpu_no, unsigned(model_num),
                 unsigned(intr_num));
        return;
    }
    if (ll::bus_ready()) ll::intr_matrix_set(cpu_no, int(model_num), int(intr_num));
}

namespace upanel::idf {

// Forgets every allocation, reservation and shared mark: the emulated CPU of a new board has
// none (for tests, which make a board each).
void intr_alloc_reset() {
    for (intr_handle_data_t *h : g_handles) delete h;
    g_handles.clear();
    for (Vector &v : g_vec) {
        for (Shared *s : v.users) delete s;
        v = Vector{};
    }
    for (bool &b : g_handler_set) b = false;
    g_non_iram = g_non_iram_disabled = 0;
    g_noniram_off = false;
    g_locked_level = 0;
}

}  // namespace upanel::idf
