"""ILI9341 240x320 TFTs over SPI with DMA and double buffering, LVGL-style flushes."""
from typing import Any, Optional, Tuple

HSPI: int  # SPI2
VSPI: int  # SPI3

def color565(r: int, g: int, b: int) -> int:
    """RGB565 of 8-bit r, g, b."""

class ILI9341:
    width: int  # follow the rotation
    height: int
    rotation: int  # 0..3, through MADCTL

    def __init__(self, spihost: int = HSPI, *, mosi: int = 18, clk: int = 19, cs: int = 13,
                 dc: int = 12, rst: int = 4, backlight: int = 2, miso: int = 5, mhz: int = 40,
                 rotation: int = 0, bgr: bool = True, invert: bool = False, factor: int = 4,
                 double_buffer: bool = True) -> None: ...
    def buffers(self) -> Tuple[Any, ...]:
        """The DMA buffers of width*height/factor pixels (two when double buffered): RGB565
        big-endian (the panel's wire order), refusing new write access while on the bus."""
    def flush(self, x1: int, y1: int, x2: int, y2: int, buf: Any) -> None:
        """Sends the inclusive area from buf by DMA; returns at once. Waits first only if buf
        itself is still on the bus."""
    def wait(self, buf: Optional[Any] = None) -> None:
        """Until the transfer in flight (or the one using buf) is done."""
    def busy(self, buf: Any) -> bool: ...
    def flush_cb(self, disp: Any, area: Any, color_p: Any) -> None:
        """LVGL flush_cb: area has x1, y1, x2, y2; disp.flush_ready() is called when the
        transfer is done (scheduled from the transfer-done interrupt)."""
    def fill(self, color: int) -> None: ...
    def fill_rect(self, x: int, y: int, w: int, h: int, color: int) -> None: ...
    def blit(self, buf: Any, x: int, y: int, w: int, h: int) -> None:
        """Copies from any memory (in parts, through the DMA buffers)."""
    def backlight(self, on: bool) -> None: ...
    def deinit(self) -> None: ...
