# A screen that exercises what a display driver can get wrong: text, a gradient down the whole
# height (so every band of a partial refresh differs), shapes across band edges.
import lvgl as lv


def demo_screen(w, h):
    scr = lv.obj()
    scr.set_style_bg_color(lv.color_hex(0x1020C0), 0)
    scr.set_style_bg_grad_color(lv.color_hex(0xC02010), 0)
    scr.set_style_bg_grad_dir(lv.GRAD_DIR.VER, 0)
    btn = lv.button(scr)
    btn.set_size(w * 2 // 3, h // 4)
    btn.align(lv.ALIGN.CENTER, 0, -h // 8)
    label = lv.label(btn)
    label.set_text("Hi " + lv.SYMBOL.OK)
    label.center()
    bar = lv.bar(scr)
    bar.set_size(w - 8, max(4, h // 12))
    bar.align(lv.ALIGN.BOTTOM_MID, 0, -2)
    bar.set_value(70, lv.ANIM_OFF)
    lv.screen_load(scr)
    return scr, btn, label, bar


def snapshot_rgb565(obj):
    # LVGL's own rendering of obj into memory: little-endian RGB565, row by row.
    snap = lv.snapshot_take(obj, lv.COLOR_FORMAT.RGB565)
    hdr = snap.header
    raw = snap.data.__dereference__(hdr.stride * hdr.h)
    w, h = hdr.w, hdr.h
    out = bytearray(w * h * 2)
    for y in range(h):
        out[y * w * 2:(y + 1) * w * 2] = raw[y * hdr.stride:y * hdr.stride + w * 2]
    snap.destroy()
    return w, h, out
