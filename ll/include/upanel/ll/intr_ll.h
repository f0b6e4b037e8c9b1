// The interrupt matrix and the CPU's interrupts (TRM chapter 2 "Interrupt Matrix"; ESP-IDF's
// interrupt_descriptor_table for the ESP32). Each peripheral interrupt source (0..68) is routed
// to one of a CPU's 32 interrupts by its map register in DPORT; a CPU interrupt has a fixed
// priority level and is either level- or edge-triggered, and six are the CPU's own (timers,
// software, profiling), which no source can raise: a source mapped to one of them is off.
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/soc.h"

namespace upanel::ll {

constexpr uint32_t kDportProIntrMap0 = kDportBase + 0x104;  // DPORT_PRO_MAC_INTR_MAP_REG
constexpr uint32_t kDportAppIntrMap0 = kDportBase + 0x218;  // DPORT_APP_MAC_INTR_MAP_REG
constexpr int kCpuIntrCount = 32;

// Routes interrupt source `source` to CPU `cpu`'s interrupt `intno` (ROM intr_matrix_set).
inline void intr_matrix_set(int cpu, int source, int intno) {
    reg_write((cpu ? kDportAppIntrMap0 : kDportProIntrMap0) + 4u * uint32_t(source), uint32_t(intno) & 0x1F);
}

inline int intr_matrix_get(int cpu, int source) {
    return int(reg_read((cpu ? kDportAppIntrMap0 : kDportProIntrMap0) + 4u * uint32_t(source)) & 0x1F);
}

enum CpuIntrType : uint8_t { kIntrLevel, kIntrEdge, kIntrInternal };
// How ESP-IDF may use an interrupt on each CPU: freely, not at all (Wi-Fi, BT, FreeRTOS's tick,
// the NMI...), or only when asked for by number (the CPU-internal ones).
enum CpuIntrUse : uint8_t { kIntrNormal, kIntrReserved, kIntrSpecial };

struct CpuIntr {
    uint8_t level;  // 1..5, 7 for the NMI
    CpuIntrType type;
    CpuIntrUse use[2];  // PRO CPU, APP CPU
};

// CONFIG_FREERTOS_CORETIMER_0: the FreeRTOS tick uses internal timer 0, interrupt 6.
constexpr CpuIntr kCpuIntr[kCpuIntrCount] = {
    {1, kIntrLevel, {kIntrReserved, kIntrReserved}},     // 0
    {1, kIntrLevel, {kIntrReserved, kIntrReserved}},     // 1
    {1, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 2
    {1, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 3
    {1, kIntrLevel, {kIntrReserved, kIntrNormal}},       // 4
    {1, kIntrLevel, {kIntrReserved, kIntrReserved}},     // 5
    {1, kIntrInternal, {kIntrReserved, kIntrReserved}},  // 6: timer 0 (the tick)
    {1, kIntrInternal, {kIntrSpecial, kIntrSpecial}},    // 7: software 0
    {1, kIntrLevel, {kIntrReserved, kIntrReserved}},     // 8
    {1, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 9
    {1, kIntrEdge, {kIntrNormal, kIntrNormal}},          // 10
    {3, kIntrInternal, {kIntrSpecial, kIntrSpecial}},    // 11: profiling
    {1, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 12
    {1, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 13
    {7, kIntrLevel, {kIntrReserved, kIntrReserved}},     // 14: NMI
    {3, kIntrInternal, {kIntrSpecial, kIntrSpecial}},    // 15: timer 1
    {5, kIntrInternal, {kIntrSpecial, kIntrSpecial}},    // 16: timer 2
    {1, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 17
    {1, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 18
    {2, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 19
    {2, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 20
    {2, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 21
    {3, kIntrEdge, {kIntrReserved, kIntrNormal}},        // 22
    {3, kIntrLevel, {kIntrNormal, kIntrNormal}},         // 23
    {4, kIntrLevel, {kIntrReserved, kIntrNormal}},       // 24
    {4, kIntrLevel, {kIntrReserved, kIntrReserved}},     // 25
    {5, kIntrLevel, {kIntrNormal, kIntrReserved}},       // 26
    {3, kIntrLevel, {kIntrReserved, kIntrReserved}},     // 27
    {4, kIntrEdge, {kIntrNormal, kIntrNormal}},          // 28
    {3, kIntrInternal, {kIntrSpecial, kIntrSpecial}},    // 29: software 1
    {4, kIntrEdge, {kIntrReserved, kIntrReserved}},      // 30
    {5, kIntrLevel, {kIntrReserved, kIntrReserved}},     // 31
};

// A source mapped here is disconnected (ESP-IDF's INT_MUX_DISABLED_INTNO).
constexpr int kIntrMuxDisabled = 6;
// The CPU-internal interrupts, by ESP-IDF's negative source numbers -1..-6
// (ETS_INTERNAL_TIMER0_INTR_SOURCE ...): timer 0, 1, 2, software 0, 1, profiling.
constexpr int kInternalIntrOfSource[6] = {6, 15, 16, 7, 29, 11};

}  // namespace upanel::ll
