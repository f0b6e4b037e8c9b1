# The API of the first seed's driver (Winkelkatze/ledmatrix, MIT): module-level init(), show(),
# set_brightness(), stop(), resume(), deinitialize() on one panel, over hub75.Matrix.
#
# Its semantics, kept here: colour codes are the top `color_depth` bits of each 8-bit channel
# (RGB565 widened by a shift, no gamma); GS8 and MONO take their colour from mono_color, which
# stays set between calls; brightness counts the pixel clocks of a row that OE is on, from 0
# (dark) to width - 2 (full); the panel height is twice 2 ** len(io_rows). column_swap=True
# (the default) puts the I2S unit's pairwise swapped 16-bit samples back in order, which
# hub75.Matrix always does; column_swap=False leaves the pairs swapped on the panel, as the
# seed's driver does.
import hub75 as _hub75

FB_RGB565 = 0
FB_GS8 = 1
FB_MONO = 2

_state = None


class _Panel:
    def __init__(self, pins, width, height, depth, clock_hz, double_buffer, column_swap, brightness,
                 invert, scan):
        self.pins = pins
        self.scan = scan  # None: two halves; the height: a single-channel panel
        self.invert = invert
        self.width = width
        self.height = height
        self.depth = depth
        self.clock_hz = clock_hz
        self.double_buffer = double_buffer
        self.column_swap = column_swap
        self.brightness = brightness
        self.mono = (0xFF, 0xFF, 0xFF)
        self.frame = bytearray(width * height * 3)  # RGB888, what the panel shows
        # code_byte[v]: the 8-bit value hub75 (gamma off) turns into code v >> (8 - depth).
        top = (1 << depth) - 1
        shift = 8 - depth
        self.code_byte = bytes(((v >> shift) * 255 + top // 2) // top for v in range(256))
        self.matrix = None
        self.start()

    def start(self):
        w = self.width
        chain = 1
        while w // chain > 256 or (w // chain) * chain != w or (w // chain) % 8:
            chain += 1
            if chain > 8:
                raise ValueError("width must be a multiple of 8 up to 1024")
        self.matrix = _hub75.Matrix(w // chain, self.height, chain=chain, depth=self.depth,
                                   clock_hz=self.clock_hz, double_buffer=self.double_buffer,
                                   brightness=self.oe_level(self.brightness), gamma=False,
                                   pins=self.pins, invert=self.invert, scan=self.scan)
        self.matrix.show(self.frame, _hub75.RGB888)

    def stop(self):
        if self.matrix is not None:
            self.matrix.deinit()
            self.matrix = None

    # The seed lights a row for `b` of its `width` clocks; hub75 gives brightness / 255 of full
    # light down to its knee (more below it, see hub75's README), so b / (width - 2) of full.
    def oe_level(self, b):
        return (b * 255 + (self.width - 2) // 2) // (self.width - 2)

    def set_brightness(self, b):
        self.brightness = b
        if self.matrix is not None:
            self.matrix.brightness = self.oe_level(b)

    def draw(self, fb, mode):
        w, h = self.width, self.height
        n = w * h
        out = self.frame
        cb = self.code_byte
        src = memoryview(fb)
        if mode == FB_RGB565:
            if len(src) != n * 2:
                raise ValueError("Unexpected buffer size")
            for i in range(n):
                c = src[2 * i] | src[2 * i + 1] << 8
                o = 3 * self.place(i)
                out[o] = cb[(c >> 8) & 0xF8]
                out[o + 1] = cb[(c >> 3) & 0xFC]
                out[o + 2] = cb[(c << 3) & 0xF8]
        elif mode == FB_GS8:
            if len(src) != n:
                raise ValueError("Unexpected buffer size")
            mr, mg, mb = self.mono
            lut_r = bytes(cb[v * mr // 255] for v in range(256))
            lut_g = bytes(cb[v * mg // 255] for v in range(256))
            lut_b = bytes(cb[v * mb // 255] for v in range(256))
            for i in range(n):
                v = src[i]
                o = 3 * self.place(i)
                out[o] = lut_r[v]
                out[o + 1] = lut_g[v]
                out[o + 2] = lut_b[v]
        elif mode == FB_MONO:
            stride = (w + 7) // 8
            if len(src) != stride * h:
                raise ValueError("Unexpected buffer size")
            on = (cb[self.mono[0]], cb[self.mono[1]], cb[self.mono[2]])
            for i in range(n):
                y, x = divmod(i, w)
                lit = src[y * stride + (x >> 3)] & (0x80 >> (x & 7))
                o = 3 * self.place(i)
                out[o], out[o + 1], out[o + 2] = on if lit else (0, 0, 0)
        else:
            raise ValueError("mode must be FB_RGB565, FB_GS8 or FB_MONO")
        if self.matrix is not None:
            self.matrix.show(out, _hub75.RGB888)

    # Where pixel i lands: without column_swap, the seed's driver leaves the I2S unit's pair
    # swap in place, so columns 2k and 2k + 1 trade places on the panel.
    def place(self, i):
        return i if self.column_swap else i ^ 1


def _ints(values, what):
    out = []
    for v in values:
        if not isinstance(v, int):
            raise TypeError("values of %s must be ints" % what)
        out.append(v)
    return out


def init(*, io_colors, io_rows, io_oe, io_lat, io_clk, width, color_depth=4,
         clock_speed_khz=2500, invert=False, double_buffer=False, column_swap=True,
         single_channel=False, brightness=-1):
    global _state
    deinitialize()
    colors = _ints(io_colors, "io_colors")
    rows = _ints(io_rows, "io_rows")
    if width & 1:
        raise ValueError("width must be an even number")
    if len(colors) != (3 if single_channel else 6):
        raise ValueError("Unexpected number of color io lines")
    if single_channel and not 4 <= len(rows) <= 5:
        raise ValueError("io_rows must name 4 or 5 row lines (single-channel panels 16 or 32 high)")
    if not single_channel and not 3 <= len(rows) <= 5:
        raise ValueError("io_rows must name 3 to 5 row lines (panels 16, 32 or 64 high)")
    if not 1 <= color_depth <= 8:
        raise ValueError("invalid value for color depth")
    if not 1000 <= clock_speed_khz <= 20000:
        raise ValueError("clock_speed_khz must be from 1000 to 20000")
    if brightness > 0 and brightness >= width - 1:
        raise ValueError("Brightness must be between 0 and width - 2")
    if brightness <= 0:
        brightness = width - 2  # as the seed: 0 and below mean full
    pins = {}
    for name, pad in zip(("r1", "g1", "b1", "r2", "g2", "b2"), colors):
        pins[name] = pad
    for name, pad in zip(("a", "b", "c", "d", "e"), rows):
        pins[name] = pad
    pins["oe"], pins["lat"], pins["clk"] = io_oe, io_lat, io_clk
    # The height follows the row lines: 2 ** n rows per half, one half on single-channel panels.
    height = (1 if single_channel else 2) << len(rows)
    _state = _Panel(pins, width, height, color_depth, clock_speed_khz * 1000, double_buffer,
                    column_swap, brightness, invert, height if single_channel else None)


def _panel():
    if _state is None:
        raise ValueError("ledmatrix not initialized")
    return _state


def show(fb, *, mode=FB_RGB565, mono_color=-1):
    p = _panel()
    if mono_color >= 0:
        p.mono = ((mono_color >> 16) & 0xFF, (mono_color >> 8) & 0xFF, mono_color & 0xFF)
    p.draw(fb, mode)


def set_brightness(b):
    p = _panel()
    if not isinstance(b, int):
        raise TypeError("expected small int")
    if b < 0 or b >= p.width - 1:
        raise ValueError("Brightness must be between 0 and width - 2")
    p.set_brightness(b)


def stop():
    _panel().stop()


def resume():
    p = _panel()
    if p.matrix is None:
        p.start()


start = resume  # the seed's README calls it start()


def deinitialize():
    global _state
    if _state is not None:
        _state.stop()
        _state = None
