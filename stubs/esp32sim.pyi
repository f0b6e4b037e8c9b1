"""The emulated ESP32 board of upanel's host firmware (not on a real chip)."""
from typing import List, Optional, Tuple

def run_ms(ms: float) -> None:
    """Lets virtual time pass (at most an hour per call)."""
def run_us(us: float) -> None: ...
def time_us() -> int: ...
def snapshot(device: str, *, raw: bool = False) -> Tuple[int, int, bytes]:
    """(w, h, RGB888) of what the device shows; for "hub75" with raw=True an array('f') of
    LED on-time over each row's share of the refresh."""
def info(device: Optional[str] = None) -> dict:
    """Board figures, or a device's: hub75 refresh_hz, oe_duty, ghost, torn, refreshes;
    ili9341 bytes, frames, busy_us, idle_us and more; xpt2046 touched, x, y, touches,
    conversions, penirq."""
def attach_hub75(width: int = 64, height: int = 32, *, chain: int = 1,
                 scan: Optional[int] = None, pins: Optional[dict] = None,
                 scan_block: Optional[int] = None, grid: Optional[Tuple[int, int]] = None,
                 serpentine: bool = False, inverted: bool = False,
                 chip: Optional[str] = None, clk_edge: Optional[str] = None,
                 turn_off_ns: int = 0) -> None:
    """A chain of panels (inverted: behind inverting level shifters): scan height/2
    (default), height (single channel, up to 32 rows) or height/4 (four-scan, runs of
    scan_block columns, default width); grid=(rows, cols) hangs the chain as a wall
    (serpentine: every other row reversed and upside down), and snapshots and PNGs show it.
    chip "generic", "fm6126a", "fm6124" or "icn2038s" (dark until its registers are written), clk_edge
    "rising" or "falling" (the edge the panel samples on), turn_off_ns: how long the outputs
    stay on after OE rises (ghosting without blanking)."""
def attach_ili9341(*, pins: Optional[dict] = None, backlight_on: int = 1) -> None: ...
def attach_xpt2046(*, pins: Optional[dict] = None,
                   calibration: Optional[Tuple[int, int, int, int]] = None) -> None:
    """An XPT2046 touch controller on a 240x320 glass: pins cs (25), penirq (-1: none), clk
    (19), mosi (18), miso (5); calibration (x0, y0, x1, y1), xpt2046.py's cal_x0, cal_y0,
    cal_x1, cal_y1 (default 3783, 3948, 242, 423)."""
def touch(x: float, y: float, *, at_ms: Optional[float] = None,
          until_ms: Optional[float] = None) -> None:
    """Touches the glass at panel pixel (x, y) (0 <= x < 240, 0 <= y < 320), now or when
    virtual time reaches at_ms; until_ms lets go then."""
def release(*, at_ms: Optional[float] = None) -> None:
    """Lets go of the glass, now or when virtual time reaches at_ms."""
def save_png(device: str, path: str, *, scale: int = 1, leds: bool = False,
             at_ms: Optional[float] = None) -> None:
    """Writes what device ("hub75" or "ili9341") shows as a PNG, each LED or pixel scale x
    scale (1..32), the HUB75 as round LEDs with leds=True. With at_ms, the picture is taken
    when virtual time reaches at_ms milliseconds (at once if it is now) while the script goes
    on; an earlier time is a ValueError, and captures() tells how it went."""
def exit_after_captures(on: bool = True) -> None:
    """Once no capture save_png(..., at_ms=) scheduled is pending, the running script gets
    SystemExit: for scripts that never end (an event loop), as upanel capture --at runs them."""
def captures() -> List[dict]:
    """What save_png(..., at_ms=) scheduled, in order: dicts with device, path, at_ms, state
    ("pending", "saved" or "failed"), taken_ms (virtual time it was taken, else None) and
    error (why it failed, else None)."""
def record(device: str, path: str, seconds: float, fps: int = 25, *, scale: int = 1,
           leds: bool = False) -> None:
    """Records an animated GIF as emulated time passes."""
def stop_recording() -> int: ...
def limits() -> dict:
    """What save_png and record take: at_ms (the furthest virtual time), png_scale,
    gif_scale, fps and gif_frames (the most of each)."""
def serve(port: int = 8080) -> str:
    """Serves the live view on 127.0.0.1; returns its URL."""
def stop_serving() -> None: ...
def realtime(on: Optional[bool] = None) -> bool:
    """With on, paces virtual time to the wall clock (for watching) or stops; returns
    whether it is on."""
def faults() -> list:
    """What the emulator refused: bad descriptors, unmapped registers, interrupt storms."""
def read32(addr: int) -> int:
    """A debugger's view of the bus (like machine.mem32 on the chip)."""
def write32(addr: int, value: int) -> None: ...
def set_pad(pad: int, level: Optional[int]) -> None:
    """Drives pad from outside the chip at level 0 or 1 (a button, another chip's output), or
    lets it go (None): the pad then shows its pull resistor or floats. The chip's own output
    wins where both drive it."""
