# ESP-IDF's heap functions from MicroPython: multi_heap over a bytearray, heap_caps' figures,
# realloc and checks over the emulated DMA-capable heap (what heap_caps_print_heap_info
# prints is checked by mpbindgen.heap_output). Expected values: the sizes asked for, the
# board's own figures (esp32sim.info()), ESP-IDF's poisoning patterns (0xFE free, 0xCE new).
import esp32sim
import espidf as esp
from bind_checks import check, raises

region = bytearray(2048)
h = esp.multi_heap_register(region, len(region))
check(h is not None, "a heap")
free0 = esp.multi_heap_free_size(h)
check(1900 < free0 < 2048, "nearly all of it free: %d" % free0)
p = esp.multi_heap_malloc(h, 100)
mv = p.__dereference__(100)
check(bytes(mv) == b"\xce" * 100, "a new block holds the malloc fill")
mv[:] = b"m" * 100
check(b"m" * 100 in region, "the block is inside the bytearray")
q = esp.multi_heap_realloc(h, p, 600)
check(bytes(q.__dereference__(100)) == b"m" * 100, "realloc keeps the bytes")
check(esp.multi_heap_get_allocated_size(h, q) >= 600, "room for 600")
info = esp.multi_heap_info_t()
esp.multi_heap_get_info(h, info)
check((info.allocated_blocks, info.total_blocks) == (1, 2), "one block used, one free")
check(info.total_free_bytes == esp.multi_heap_free_size(h) <= free0 - 600, "free bytes")
check(esp.multi_heap_check(h, False), "sound")
i = region.find(b"\xfe" * 64)  # free memory
region[i + 10] = 0
check(not esp.multi_heap_check(h, False), "a write into free memory is found")
region[i + 10] = 0xFE
check(esp.multi_heap_check(h, True), "sound again")
esp.multi_heap_free(h, q)
check(esp.multi_heap_free_size(h) == free0, "all free again")
check(esp.multi_heap_minimum_free_size(h) <= free0 - 600, "the low mark")
check(esp.multi_heap_register(bytearray(16), 16) is None, "too small for a heap")
raises(ValueError, esp.multi_heap_register, bytearray(16), 64)  # more than the buffer has

# heap_caps over the emulated DMA-capable RAM.
info = esp.multi_heap_info_t()
esp.heap_caps_get_info(info, esp.MALLOC_CAP.DMA)
check(info.total_free_bytes == esp32sim.info()["dma_free"], "the board's figure")
a = esp.heap_caps_malloc(1000, esp.MALLOC_CAP.DMA)
check(esp.heap_caps_get_free_size(esp.MALLOC_CAP.DMA) == info.total_free_bytes - 1000, "1000 bytes taken")
check(esp.heap_caps_get_allocated_size(a) == 1000, "its size")
a.__dereference__(1000)[:4] = b"dma!"
b = esp.heap_caps_realloc(a, 4000, esp.MALLOC_CAP.DMA)
check(bytes(b.__dereference__(4)) == b"dma!", "realloc moves the bytes")
low = esp.heap_caps_get_minimum_free_size(esp.MALLOC_CAP.DMA)
check(low <= info.total_free_bytes - 4000, "the low mark: %d" % low)
check(esp.heap_caps_check_integrity_all(True), "sound")
check(esp.heap_caps_check_integrity(esp.MALLOC_CAP.SPIRAM, False), "no PSRAM heap: none is bad")
esp.heap_caps_malloc_extmem_enable(4096)
esp.heap_caps_free(b)
esp.heap_caps_print_heap_info(esp.MALLOC_CAP.DMA)
check(esp32sim.faults() == [], esp32sim.faults())
print("test_espidf_heap: ok")
