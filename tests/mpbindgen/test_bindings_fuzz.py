# API fuzzer for the generated modules: espidf and lodepng functions called with random valid
# and invalid arguments in random order. Every call works or raises a Python exception; the
# sanitizer build runs this too. Seeded and bounded: test_bindings_fuzz.py [SEED] [CALLS]
# Left out, because C gives them raw memory with no size to check:
# - espidf.esp_log_set_vprintf (calls whatever function pointer it is given),
#   ili9341_pre_cb_isr / ili9341_post_cb_isr (read trans->user as the driver's own struct),
#   ili9xxx_flush (LVGL's flush callback: reads the display it is given, needs LVGL running);
# - lodepng's chunk functions (read a chunk's length from the memory they are given), the
#   encoders, lodepng_convert and lodepng_compute_color_stats (image size implied by w, h and
#   the colour mode), the *_file and load/save functions (they touch the file system), and the
#   info/state/color-mode copy and cleanup functions and lodepng_result_free (they free what
#   they are given).
# Blobs (unchecked pointers of unknown size) go only to espidf's handle and heap pointer
# arguments; a Blob where C reads a struct or a buffer of some size is C's own contract.
import sys

import espidf as esp
import lodepng
import random

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1
CALLS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
random.seed(SEED)

NASTY = [None, -1, 0, 1, 2, 5, 12, 13, 18, 19, 34, 39, 40, 255, 1 << 31, -(1 << 40), 1 << 70, 0.5,
         float("nan"), "", "tag", "x" * 300, b"", b"\x89PNG\r\n\x1a\n" + bytes(40), bytearray(8), bytearray(64),
         [], {}, {"mode": 2}, {"pin_bit_mask": 1 << 12, "mode": esp.GPIO_MODE.OUTPUT}, {"zz": 1},
         {"clock_speed_hz": 1_000_000, "spics_io_num": 13, "queue_size": 2}, (1, 2), object()]
blobs = []  # DMA memory this run allocated: valid pointers to hand back


def value(mod, param=""):
    # Blobs are unchecked C pointers of unknown size: only espidf's handle and heap pointer
    # arguments (which its calls check against what they handed out) get them.
    if mod is esp and param in ("handle", "ptr") and blobs and random.random() < 0.15:
        return random.choice(blobs)
    if random.random() < 0.1:
        if mod is esp:
            return random.choice([esp.C_Pointer(), esp.spi_transaction_t(), esp.ili9341_flush_t()])
        return random.choice([lodepng.C_Pointer(), lodepng.LodePNGState(), lodepng.LodePNGColorMode(),
                              lodepng.LodePNGDecoderSettings(), lodepng.LodePNGEncoderSettings()])
    return random.choice(NASTY)


def ticks():  # times: short, so that the run stays short
    return random.choice([0, 1, 2, -1, None, "1", 0.5])


SKIP = {"esp_log_set_vprintf", "ili9341_pre_cb_isr", "ili9341_post_cb_isr", "ili9xxx_flush"}
ESP = [n for n in dir(esp) if type(getattr(esp, n)).__name__ == "function" and not n.startswith("_") and n not in SKIP]
LODE_OK = ("lodepng_decode32", "lodepng_decode24", "lodepng_decode_memory", "lodepng_error_text", "lodepng_crc32",
           "lodepng_inspect", "lodepng_get_raw_size", "lodepng_get_bpp", "lodepng_get_channels", "lodepng_is_greyscale_type",
           "lodepng_is_alpha_type", "lodepng_is_palette_type", "lodepng_can_have_alpha", "lodepng_has_palette_alpha",
           "lodepng_color_mode_make", "lodepng_zlib_decompress", "lodepng_inflate", "lodepng_decoder_settings_init",
           "lodepng_compress_settings_init", "lodepng_decompress_settings_init", "lodepng_encoder_settings_init",
           "lodepng_color_stats_init")  # lodepng_result_free: only for lodepng's own results (below)
LODE = [n for n in LODE_OK]
arity = {}
for mod, names in ((esp, ESP), (lodepng, LODE)):
    for n in names:
        sig = str(getattr(mod, n))  # "<function name(a: int, ...) -> int>"
        inner = sig[sig.index("(") + 1:sig.index(")")]
        arity[n] = (mod, [a.split(": ", 1)[0] for a in inner.split(", ")] if inner else [])

outcomes = {"ok": 0, "raised": 0}
for i in range(CALLS):
    name = random.choice(ESP + LODE)
    mod, params = arity[name]
    n = len(params)
    if name in ("task_delay_ms", "vTaskDelay", "ets_delay_us", "ets_update_cpu_frequency", "ets_update_cpu_frequency_rom"):
        args = [ticks()]
    elif name.startswith("spi_device") and n == 3:
        args = [value(mod, params[0]), value(mod, params[1]), ticks()]
    elif name in ("heap_caps_malloc", "heap_caps_calloc"):
        args = [random.choice([0, 4, 64, 4096, -1, 1 << 40, None])] * (n - 1) + [random.choice([esp.MALLOC_CAP.DMA, 0, -1])]
    else:
        args = [value(mod, params[k] if k < n else "") for k in range(n if random.random() < 0.9 else random.randint(0, 8))]
    try:
        r = getattr(mod, name)(*args)
        outcomes["ok"] += 1
        if name.startswith("heap_caps_") and type(r).__name__ == "Blob":
            blobs.append(r)
        if name == "heap_caps_free" and args and args[0] in blobs:
            blobs.remove(args[0])
        if mod is lodepng and name.startswith("lodepng_decode") or name in ("lodepng_zlib_decompress", "lodepng_inflate"):
            out = args[0] if args else None
            if type(out).__name__ == "C_Pointer" and out.ptr_val is not None:
                lodepng.lodepng_result_free(out.ptr_val)  # the caller owns lodepng's results
                out.ptr_val = None
    except Exception:
        outcomes["raised"] += 1
for b in blobs:
    esp.heap_caps_free(b)
for host in (1, 2):
    esp.spi_bus_free(host)
print("bindings fuzz: seed %d, %d calls: %d worked, %d raised" % (SEED, CALLS, outcomes["ok"], outcomes["raised"]))
