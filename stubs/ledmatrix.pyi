"""The first seed's ledmatrix API (Winkelkatze/ledmatrix) on hub75, one panel, module-level
functions (what differs from the seed's own driver is in the README, section ledmatrix)."""

FB_RGB565: int
FB_GS8: int
FB_MONO: int  # MONO_HLSB

def init(*, io_colors: tuple, io_rows: tuple, io_oe: int, io_lat: int, io_clk: int, width: int,
         color_depth: int = 4, clock_speed_khz: int = 2500, invert: bool = False,
         double_buffer: bool = False, column_swap: bool = True, single_channel: bool = False,
         brightness: int = -1) -> None:
    """io_colors R1 G1 B1 R2 G2 B2; io_rows A.. (3 to 5: height 16, 32, 64); width a multiple
    of 8 up to 1024; color_depth 1..8; clock 1000..20000 kHz; brightness 0..width-2 (0 or less
    at init: full); invert: every line inverted, for inverting level shifters;
    single_channel: R1 G1 B1 only, 4 or 5 row lines, height 2 ** len(io_rows)."""
def show(fb, *, mode: int = FB_RGB565, mono_color: int = -1) -> None:
    """Shows fb (width x height in mode); mono_color 0xRRGGBB colours GS8 and MONO, and stays."""
def set_brightness(b: int) -> None:
    """0 (dark) .. width - 2 (full): the share of each row's time the LEDs are on."""
def stop() -> None:
    """Blanks the panel and stops the refresh (frees the DMA memory; the picture is kept)."""
def resume() -> None: ...
def start() -> None:
    """The seed README's name for resume()."""
def deinitialize() -> None: ...
