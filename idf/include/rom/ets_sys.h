/* The ROM's system functions (esp32/rom/ets_sys.h, ESP-IDF 4.4): busy waits, the CPU's clock
 * as the ROM knows it, printing, software timers (ETSTimer), the CPU's interrupts and the
 * interrupt matrix. The ROM's task scheduler, boot and flash loading have no meaning once an
 * application runs (ESP-IDF says not to call them) and fail or are logged, as each says. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ROM's status codes. */
typedef enum {
    ETS_OK = 0,
    ETS_FAILED = 1,
} ETS_STATUS;

/** A handler of one of the CPU's interrupts. */
typedef void (*ets_isr_t)(void *arg);

/* The ROM's task scheduler (before FreeRTOS starts). */
typedef uint32_t ETSSignal;
typedef uint32_t ETSParam;
typedef struct ETSEventTag {
    ETSSignal sig;
    ETSParam par;
} ETSEvent;
typedef void (*ETSTask)(ETSEvent *e);
typedef void (*ets_idle_cb_t)(void *arg);

/** The ROM's task loop: it never returns on the chip. Not for applications: logged, returns. */
void ets_run(void);

/** The ROM loop's idle callback. Not for applications: logged, nothing kept. */
void ets_set_idle_cb(ets_idle_cb_t func, void *arg);

/** A ROM task. Not for applications: logged, nothing kept. */
void ets_task(ETSTask task, uint8_t prio, ETSEvent *queue, uint8_t qlen);

/** Posts to a ROM task: ETS_FAILED (there are none; FreeRTOS runs instead). */
ETS_STATUS ets_post(uint8_t prio, ETSSignal sig, ETSParam par);

/** Boot-time settings of the ROM (where to jump, what to call, the APP CPU's entry): they
 *  take effect at a boot, which an application does not go through again. Logged, ignored. */
void ets_set_user_start(uint32_t start);
void ets_set_startup_callback(void (*callback)(void));
void ets_set_appcpu_boot_addr(uint32_t start);

/** Loads and maps an application image from flash: ETS_FAILED (there is no flash to load from
 *  and no cache to map it with; on the chip it replaces the running application). */
ETS_STATUS ets_unpack_flash_code_legacy(uint32_t pos, uint32_t *entry_addr, bool jump, bool config);
ETS_STATUS ets_unpack_flash_code(uint32_t pos, uint32_t *entry_addr, bool jump, bool sb_need_check,
                                 bool config);

/** Formats as printf does and sends the characters to the output functions putc1 and putc2
 *  (UART0 by default: the host's stdout); returns the number of characters. */
int ets_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Sends one character to UART0 (the host's stdout). */
void ets_write_char_uart(char c);

/** Sets the function ets_printf sends its characters to first (putc1) and second (putc2);
 *  NULL for none. */
void ets_install_putc1(void (*p)(char c));
void ets_install_putc2(void (*p)(char c));

/** Makes putc1 the UART (ets_write_char_uart) again. */
void ets_install_uart_printf(void);

/* Software timers on the emulated board's time: armed timers run their function when their
 * time comes, from the interrupt of the timer behind them (TIMG0's timer 0 counting
 * microseconds, its level interrupt allocated with esp_intr_alloc at the first arm; on the
 * chip ESP-IDF runs them from the esp_timer task). The struct is the ROM's; the shim keeps it
 * up to date: timer_next links the armed timers in the order they expire, timer_expire is
 * the expiry (low 32 bits of the microsecond count), timer_period the period in
 * microseconds (0: once). An armed ETSTimer must stay where it is until disarmed. */
typedef void ETSTimerFunc(void *timer_arg);
typedef struct _ETSTIMER_ {
    struct _ETSTIMER_ *timer_next;
    uint32_t timer_expire;
    uint32_t timer_period;
    ETSTimerFunc *timer_func;
    void *timer_arg;
} ETSTimer;

/** ESP-IDF 4.4 leaves these empty (the ROM's timer service is replaced by esp_timer, which
 *  starts itself): nothing to do. */
void ets_timer_init(void);
void ets_timer_deinit(void);

/** Arms the timer to run its function tmout milliseconds from now, and every tmout ms after
 *  when repeat. An armed timer is re-armed. A timer without a function, or repeating with
 *  period 0, is logged and not armed. */
void ets_timer_arm(ETSTimer *timer, uint32_t tmout, bool repeat);

/** The same in microseconds. */
void ets_timer_arm_us(ETSTimer *ptimer, uint32_t us, bool repeat);

/** Stops the timer (nothing for one not armed). */
void ets_timer_disarm(ETSTimer *timer);

/** Sets the function and its argument; an armed timer is disarmed first. */
void ets_timer_setfn(ETSTimer *ptimer, ETSTimerFunc *pfunction, void *parg);

/** Disarms the timer and forgets its function. */
void ets_timer_done(ETSTimer *ptimer);

/** Busy-waits us microseconds as the ROM does: us times the CPU ticks per microsecond it was
 *  told (ets_update_cpu_frequency; 240 at start) of a CPU that runs 240 ticks per
 *  microsecond, so a wrong frequency gives a wrong wait. On the host emulated time passes (in
 *  an interrupt handler it returns at once: emulated interrupts do not nest). */
void ets_delay_us(uint32_t us);

/** Tells the ROM the CPU's ticks per microsecond (its MHz), which ets_delay_us counts with;
 *  the _rom variant sets the same value. */
void ets_update_cpu_frequency(uint32_t ticks_per_us);
void ets_update_cpu_frequency_rom(uint32_t ticks_per_us);

/** The ticks per microsecond the ROM counts with (240 unless told otherwise). */
uint32_t ets_get_cpu_frequency(void);

/** The crystal's frequency over the internal 8 MHz RC oscillator's, times 256, as the ROM
 *  calibrates it: 40 MHz / 8 MHz * 256 = 1280 on the emulated board, whose RC runs at its
 *  nominal frequency. */
uint32_t ets_get_xtal_scale(void);

/** The crystal's frequency in Hz: 40000000. */
uint32_t ets_get_detected_xtal_freq(void);

/** Makes func(arg) the handler of CPU interrupt i (0..31; others are logged and ignored).
 *  NULL removes it. */
void ets_isr_attach(int i, ets_isr_t func, void *arg);

/** Disables the CPU interrupts in mask (bit n: interrupt n; INTENABLE). */
void ets_isr_mask(uint32_t mask);

/** Enables the CPU interrupts in mask. */
void ets_isr_unmask(uint32_t unmask);

/** Holds off the CPU's interrupts up to priority 3 (the C-callable ones) until
 *  ets_intr_unlock: PS.INTLEVEL raised to 3. Not nested: one unlock ends any number of locks. */
void ets_intr_lock(void);

/** Lets them in again (PS.INTLEVEL back to 0). */
void ets_intr_unlock(void);

/** Waits for an interrupt (the waiti 0 instruction): on the host, lets emulated time pass
 *  until an interrupt was served or 20 us passed. Returns at once in an interrupt handler. */
void ets_waiti0(void);

/** Routes interrupt source model_num (0..68, ETS_*_INTR_SOURCE) to interrupt intr_num (0..31)
 *  of CPU cpu_no (0 PRO, 1 APP) in the interrupt matrix. Out-of-range numbers are logged. */
void intr_matrix_set(int cpu_no, uint32_t model_num, uint32_t intr_num);

#ifdef __cplusplus
}
#endif
