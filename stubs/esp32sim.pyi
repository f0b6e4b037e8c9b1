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
    ili9341 bytes, frames, busy_us, idle_us and more."""
def attach_hub75(width: int = 64, height: int = 32, *, chain: int = 1,
                 scan: Optional[int] = None, pins: Optional[dict] = None) -> None: ...
def attach_ili9341(*, pins: Optional[dict] = None, backlight_on: int = 1) -> None: ...
def save_png(device: str, path: str, *, scale: int = 1, leds: bool = False,
             at_ms: Optional[float] = None) -> None:
    """Writes what device ("hub75" or "ili9341") shows as a PNG, each LED or pixel scale x
    scale (1..32), the HUB75 as round LEDs with leds=True. With at_ms, the picture is taken
    when virtual time reaches at_ms milliseconds (at once if it is now) while the script goes
    on; an earlier time is a ValueError, and captures() tells how it went."""
def captures() -> List[dict]:
    """What save_png(..., at_ms=) scheduled, in order: dicts with device, path, at_ms, state
    ("pending", "saved" or "failed"), taken_ms (virtual time it was taken, else None) and
    error (why it failed, else None)."""
def record(device: str, path: str, seconds: float, fps: int = 25, *, scale: int = 1,
           leds: bool = False) -> None:
    """Records an animated GIF as emulated time passes."""
def stop_recording() -> int: ...
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
