# The lvgl module as lv_binding_micropython's users write it: widget classes that inherit,
# one wrapper per LVGL object (of its own class), enums and constants without prefixes, structs
# with their functions as methods, deleted objects that raise, bad input that never reaches
# LVGL. Expectations are LVGL's documented behaviour, not the binding's output.
import lvgl as lv
from checks import check


def raises(exc, f, *args):
    try:
        f(*args)
    except exc as e:
        return str(e)
    raise AssertionError("%s did not raise %s" % (f, exc.__name__))


check(lv.is_initialized(), "importing lvgl initialises LVGL (lv.init() is then harmless)")
lv.init()

disp = lv.display_create(80, 60)
buf = bytearray(80 * 60 * 2)
disp.set_buffers(buf, None, len(buf), lv.DISPLAY_RENDER_MODE.FULL)
disp.set_flush_cb(lambda d, area, px: d.flush_ready())

# Screens and widgets.
scr = lv.obj()
check(type(scr) is lv.obj, "lv.obj() without a parent is a screen of class obj")
btn = lv.button(scr)
label = lv.label(btn)
check(isinstance(btn, lv.obj) and isinstance(label, lv.obj), "widget classes derive from lv.obj")
check(type(btn) is lv.button and type(label) is lv.label, "each object of its own class")
btn.set_size(50, 20)  # an lv.obj method, through inheritance
btn.align(lv.ALIGN.CENTER, 0, 0)
label.set_text("Hi")  # a label method
check(label.get_text() == "Hi", "char * results are text")
scr.update_layout()
check(btn.get_width() == 50, "set_size / get_width: %d" % btn.get_width())
lv.screen_load(scr)
check(lv.screen_active() is scr, "the loaded screen comes back as the same object")
check(scr.get_child(0) is btn and btn.get_child(0) is label, "children come back as the objects made")
check(scr.get_child_count() == 1, "one child")
check(btn.get_parent() is scr, "parent")
check(label.get_class() == lv.label_class and label.get_class() != lv.button_class, "classes compare")

# An object LVGL made itself comes back of its own class, the same every time.
lst = lv.list(scr)
item = lst.add_button(None, "item")
check(isinstance(item, lv.obj) and lst.get_child(0) is item, "an object LVGL made, wrapped once")
cb = lv.checkbox(scr)
check(scr.get_child(2) is cb and type(scr.get_child(2)) is lv.checkbox, "class kept: %s" % type(scr.get_child(2)))

# Enums, constants, symbols, class-scoped enums, structs with methods.
check(lv.ALIGN.CENTER == 9 and lv.EVENT.CLICKED > 0 and lv.OPA.COVER == 255, "enums without prefixes")
check(lv.obj.FLAG.CLICKABLE > 0 and lv.label.LONG_MODE.WRAP == 0, "enums named after a class live in it")
check(lv.SYMBOL.OK == "\uf00c", "symbols are strings")
check(lv.RADIUS_CIRCLE == 0x7FFF and lv.SIZE_CONTENT > 0, "#define constants")
check(lv.pct(50) != 50 and lv.pct(50) == lv.pct(50), "lv.pct encodes")
a = lv.area_t({"x1": 2, "y1": 3, "x2": 11, "y2": 7})
check(a.get_width() == 10 and a.get_height() == 5, "struct methods: area_t.get_width")
c = lv.color_make(255, 128, 0)
check((c.red, c.green, c.blue) == (255, 128, 0), "color_make")
check(lv.color_hex(0x112233).green == 0x22, "color_hex")
style = lv.style_t()
style.init()
style.set_bg_color(lv.color_hex(0xFF0000))
btn.add_style(style, lv.PART.MAIN)
check(btn.get_style_bg_color(lv.PART.MAIN).red == 255, "a style's colour reaches the object")

# Strings LVGL keeps without copying stay alive as long as LVGL holds them; out-parameters.
import gc
statics = [lv.label(scr) for _ in range(3)]
for i, l in enumerate(statics):
    l.set_text_static("static text %d" % (i * 7))  # made here, referenced only by LVGL
for _ in range(3):
    junk = [bytearray(64) for _ in range(500)]
    gc.collect()
check([l.get_text() for l in statics] == ["static text 0", "static text 7", "static text 14"],
      "set_text_static's strings survive collections: %s" % [l.get_text() for l in statics])
scr.update_layout()
coords = lv.area_t()
statics[0].get_coords(coords)
check(coords.get_width() > 0, "an out-parameter struct is filled: %d" % coords.get_width())

# A Python class derived from a widget.
class Panel(lv.obj):
    def __init__(self, parent):
        super().__init__(parent)
        self.set_size(30, 30)

p = Panel(scr)
p.update_layout()
check(p.get_width() == 30 and scr.get_child(6) is not p and isinstance(scr.get_child(6), lv.obj), "a Python subclass works; LVGL hands back its native part")

# The program's own attributes and user data stay with the object, whichever call hands it
# back (a custom widget's constructor and event callbacks get it from LVGL): LVGL's user_data
# holds the wrapper, so set_user_data keeps a Python object beside it.
holder = lv.obj(scr)
inner = lv.label(holder)
holder.valid = False
holder.points = [bytearray(b"kept %d" % i) for i in range(3)]
check(holder.get_user_data() is None, "no user data before it is set")
holder.set_user_data({"name": "holder"})
del holder
for _ in range(3):
    junk = [bytearray(64) for _ in range(500)]
    gc.collect()
back = inner.get_parent()
check(back.valid is False and [bytes(b) for b in back.points] == [b"kept 0", b"kept 1", b"kept 2"],
      "attributes come back with the object after collections")
check(back.get_user_data() == {"name": "holder"}, "user data comes back with the object")
check(back.get_width() >= 0 and callable(back.set_x), "methods are still the class's")
del back.valid
check("valid" in raises(AttributeError, getattr, back, "valid"), "a deleted attribute is gone")
raises(AttributeError, getattr, inner, "points")  # each object its own attributes
p.set_user_data("panel")
check(scr.get_child(6).get_user_data() == "panel" and p.get_user_data() == "panel",
      "a subclass keeps user data on its native part")
raises(TypeError, lv.obj.set_user_data, style, 1)
back.delete()

# LVGL's API maps keep older names as macros (lv_api_map_v8.h, _v9_0.h, _v9_1.h): each is the
# function it names, under the old name.
check(lv.scr_act() is lv.screen_active(), "lv.scr_act is lv_screen_active")
old = lv.btn_create(scr)
check(type(old) is lv.button, "lv.btn_create makes a button: %r" % old)
old.add_flag(lv.obj.FLAG.HIDDEN)
old.clear_flag(lv.obj.FLAG.HIDDEN)
check(not old.has_flag(lv.obj.FLAG.HIDDEN), "obj.clear_flag is lv_obj_remove_flag")
seen = []
old.add_event(lambda e: seen.append(e.get_code()), lv.EVENT.CLICKED, None)
old.send_event(lv.EVENT.CLICKED, None)
check(seen == [lv.EVENT.CLICKED], "obj.add_event is lv_obj_add_event_cb: %r" % seen)
old.delete()

# Deletion: the wrapper outlives the object and says so.
btn.delete()
msg = raises(RuntimeError, label.get_text)
check("deleted" in msg, "a child of a deleted object raises: " + msg)
check("deleted" in raises(RuntimeError, btn.set_x, 1), "a deleted object raises")
check("deleted" in repr(btn), "repr says deleted: %r" % btn)
check(scr.get_child_count() == 6, "the others remain: %d" % scr.get_child_count())
scr.clean()
check("deleted" in raises(RuntimeError, cb.get_state), "clean() deletes the children")

# Bad input stays out of LVGL.
o = lv.obj(scr)
msg = raises(TypeError, o.add_style, lv.label(scr), 0)
check("style" in msg and "label" in msg, "a label for a style_t: TypeError naming both: " + msg)
check("style" in raises(ValueError, o.add_style, None, 0), "None where LVGL dereferences: ValueError")
raises(OverflowError, o.set_x, 2**31)
raises(OverflowError, o.set_style_bg_opa, 256, 0)
raises(TypeError, o.set_x, "1")
msg = raises(TypeError, lv.obj.set_x, style, 1)
check("obj" in msg, "a struct for an object: " + msg)
check("missing" in raises(TypeError, o.set_pos, 1), "arity")
lv.refr_now(None)  # the documentation says NULL refreshes every display
print("ok")
