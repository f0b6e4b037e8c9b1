"""HUB75 LED matrix panels on the ESP32's I2S peripheral in LCD mode, refreshed by DMA."""
from typing import Optional, Tuple

RGB565: int  # uint16 per pixel, native byte order (framebuf.RGB565)
RGB888: int  # bytes R, G, B
RGB48: int  # uint16 R, G, B per pixel, linear light, never gamma corrected

class Matrix:
    """A chain of HUB75 panels. The object is its own RGB565 back buffer (buffer protocol),
    so framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565) draws into it."""

    width: int  # panel width x chain, or the canvas's width on a grid
    height: int
    depth: int
    brightness: int  # 0..255, through the OE time, every level kept; setting it re-presents the picture

    def __init__(self, width: int = 64, height: int = 32, *, chain: int = 1, depth: int = 8,
                 clock_hz: int = 20_000_000, double_buffer: bool = True, brightness: int = 255,
                 gamma: bool = True, pins: Optional[dict] = None, i2s: int = 1,
                 scan: Optional[int] = None, scan_block: Optional[int] = None,
                 grid: Optional[Tuple[int, int]] = None, serpentine: bool = False,
                 rotation: int = 0, invert: bool = False, chip: Optional[str] = None,
                 latch_blanking: int = 2, clk_phase: int = 0) -> None:
        """width: a multiple of 8 up to 256; height 16, 32 or 64 (1/8, 1/16, 1/32 scan);
        depth 1..12 bit planes; clock 1..20 MHz; pins: any of r1 g1 b1 r2 g2 b2 a b c d e lat
        oe clk. scan: row addresses, height/2 (default), height (single channel: R1 G1 B1
        only, up to 32 rows) or height/4 (four-scan panels, whose
        shift register runs through two row blocks in runs of scan_block columns, default
        width). grid=(rows, cols): the chain (rows*cols panels) hung as a wall, serpentine
        (every other row of panels reversed and upside down) or zig-zag; rotation 0, 90, 180,
        270 turns the canvas clockwise on the wall; m.width x m.height is the canvas.
        invert: every line inverted at the pads (inverting level shifters). chip "generic",
        "fm6126a", "fm6124" or "icn2038s" (the latter three get their registers written at start-up);
        latch_blanking 0..16 clocks of OE off around LAT; clk_phase 1 for panels that sample
        on CLK's falling edge. Raises ValueError, MemoryError (DMA RAM needed), OSError (I2S
        in use)."""
    def show(self, buf: Optional[bytes] = None, format: int = RGB565) -> None:
        """Encodes the back buffer (or buf) and presents it at the next refresh boundary;
        waits first if the previous frame is not on the panel yet."""
    def info(self) -> dict:
        """refresh_hz, oe_duty, dma_bytes, descriptors, clock_hz, depth, brightness,
        unit_clocks, clocks_per_refresh, swaps."""
    def deinit(self) -> None:
        """Stops the DMA, frees DMA memory, gates the I2S clock, leaves the panel dark."""
