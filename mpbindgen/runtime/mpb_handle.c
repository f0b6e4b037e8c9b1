// Objects of an object-style library: many classes behind one C handle type (LVGL's widgets
// are all lv_obj_t). Each C object has at most one Python wrapper, stored with the object by
// the family's `attach` and found again by `find`, so that the same object always comes back
// as the same Python object, of its own class. When the library deletes the object, the
// notification `attach` asked for empties the wrapper: using it then raises instead of
// touching freed memory.
#include "mpb.h"
#include "py/objtype.h"

static const mpb_class_t *class_of_type(const mp_obj_type_t *t) {
    return MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, make_new) == mpb_handle_make_new
               ? MP_OBJ_TYPE_GET_SLOT(t, protocol)
               : NULL;
}

const mpb_family_t *mpb_handle_family(mp_obj_t o) {
    const mpb_class_t *c = mp_obj_is_obj(o) ? class_of_type(mp_obj_get_type(o)) : NULL;
    return c ? c->family : NULL;
}

static mp_obj_t pin_key(void *obj) {
    return mpb_from_u64((uintptr_t)obj | 1);  // odd: never a slot address (mpb_keep's keys)
}

void *mpb_to_handle(mp_obj_t o, const mpb_family_t *f) {
    if (o == mp_const_none) {
        return NULL;
    }
    const mpb_class_t *c = mp_obj_is_obj(o) ? class_of_type(mp_obj_get_type(o)) : NULL;
    if (c == NULL && mp_obj_is_obj(o)) {
        // A Python class derived from one of ours: its native part.
        mp_obj_t native = mp_obj_cast_to_native_base(o, MP_OBJ_FROM_PTR(f->classes[0]->type));
        if (native != MP_OBJ_NULL && native != o) {
            o = native;
            c = class_of_type(mp_obj_get_type(o));
        }
    }
    if (c == NULL || c->family != f) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected %q (a %s), got %s"),
                          f->classes[0]->type->name, f->c_type, mp_obj_get_type_str(o));
    }
    mpb_handle_t *h = MP_OBJ_TO_PTR(o);
    if (h->ptr == NULL) {
        mp_raise_msg_varg(&mp_type_RuntimeError, MP_ERROR_TEXT("this %q was deleted (its %s is gone)"),
                          c->type->name, f->c_type);
    }
    return h->ptr;
}

mp_obj_t mpb_from_handle(const mpb_family_t *f, void *obj) {
    if (obj == NULL) {
        return mp_const_none;
    }
    void *w = f->find ? f->find(obj) : NULL;
    if (w != NULL) {
        return MP_OBJ_FROM_PTR(w);
    }
    // Its class by what the library says it is; the base class when none of ours matches.
    const mpb_class_t *cls = f->classes[0];
    const void *id = f->of ? f->of(obj) : NULL;
    for (const mpb_class_t *const *c = f->classes; *c != NULL; c++) {
        if ((*c)->class_id != NULL && (*c)->class_id == id) {
            cls = *c;
            break;
        }
    }
    mpb_handle_t *h = mp_obj_malloc(mpb_handle_t, cls->type);
    h->ptr = obj;
    h->fields = MP_OBJ_NULL;
    if (f->attach) {
        f->attach(obj, h);
        if (!f->heap_kept) {
            // C memory the collector does not see holds the wrapper: pinned until deleted.
            mpb_pin(pin_key(obj), MP_OBJ_FROM_PTR(h));
        }
    }
    return MP_OBJ_FROM_PTR(h);
}

void mpb_handle_deleted(void *wrapper) {
    mpb_handle_t *h = wrapper;
    if (h == NULL || h->ptr == NULL) {
        return;
    }
    const mpb_class_t *c = class_of_type(h->base.type);
    if (c != NULL && !c->family->heap_kept) {
        mpb_pin(pin_key(h->ptr), MP_OBJ_NULL);
    }
    h->ptr = NULL;
}

mp_obj_t mpb_handle_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpb_class_t *c = MP_OBJ_TYPE_GET_SLOT(type, protocol);
    mp_obj_t none = mp_const_none;
    if (n_args == 0 && n_kw == 0) {
        // No parent: the library's top-level object (an LVGL screen).
        args = &none;
        n_args = 1;
    }
    return c->create->proto->call(c->create, n_args, n_kw, args);
}

void mpb_handle_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_handle_t *h = MP_OBJ_TO_PTR(self_in);
    if (h->ptr == NULL) {
        mp_printf(print, "<%q (deleted)>", h->base.type->name);
    } else {
        mp_printf(print, "<%q %p>", h->base.type->name, h->ptr);
    }
}

// Methods are looked up through the base classes too (MicroPython looks only in a native
// type's own locals): a button has every obj method. A class's table is long (lv.obj has over
// 400 methods) and MicroPython's own lookup cache keeps the first 256 places only, so the
// places found are remembered here, by class and name (the tables are constant).
typedef struct {
    const mp_obj_type_t *type;
    qstr attr;
    const mp_obj_type_t *owner;  // the class whose table has it
    mp_obj_t value;
} attr_cache_entry_t;

static attr_cache_entry_t attr_cache[128];

// Attributes Python gives an object (obj.valid = False) live in its wrapper, which stays the
// object's only one, so they come back with the object from any C call. They come before the
// class's, as an instance's do.
static mp_map_elem_t *field(mpb_handle_t *h, qstr attr, mp_map_lookup_kind_t kind) {
    if (h->fields == MP_OBJ_NULL) {
        if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
        h->fields = mp_obj_new_dict(0);
    }
    return mp_map_lookup(mp_obj_dict_get_map(h->fields), MP_OBJ_NEW_QSTR(attr), kind);
}

void mpb_handle_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mpb_handle_t *h = MP_OBJ_TO_PTR(self_in);
    if (dest[0] != MP_OBJ_NULL) {
        // Store (dest[1] the value) or delete (dest[1] NULL); dest[0] NULL says it was done.
        if (dest[1] != MP_OBJ_NULL) {
            field(h, attr, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
            dest[0] = MP_OBJ_NULL;
        } else if (field(h, attr, MP_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL) {
            dest[0] = MP_OBJ_NULL;
        }
        return;
    }
    mp_map_elem_t *own = field(h, attr, MP_MAP_LOOKUP);
    if (own != NULL) {
        dest[0] = own->value;
        return;
    }
    const mp_obj_type_t *type = mp_obj_get_type(self_in);
    attr_cache_entry_t *c = &attr_cache[((uintptr_t)type >> 4 ^ attr) & (MP_ARRAY_SIZE(attr_cache) - 1)];
    if (c->type == type && c->attr == attr) {
        mp_convert_member_lookup(self_in, c->owner, c->value, dest);
        return;
    }
    for (const mp_obj_type_t *t = type; t != NULL; t = MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, parent)) {
        mp_map_elem_t *e =
            mp_map_lookup(&MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        if (e != NULL) {
            *c = (attr_cache_entry_t){type, attr, t, e->value};
            mp_convert_member_lookup(self_in, t, e->value, dest);
            return;
        }
    }
}

// The wrapper a method is called on: itself, or the native part of a Python subclass's instance.
static mpb_handle_t *wrapper_of(mp_obj_t o) {
    if (mp_obj_is_obj(o) && class_of_type(mp_obj_get_type(o)) == NULL &&
        mp_obj_is_instance_type(mp_obj_get_type(o))) {
        o = ((mp_obj_instance_t *)MP_OBJ_TO_PTR(o))->subobj[0];
    }
    if (!mp_obj_is_obj(o) || class_of_type(mp_obj_get_type(o)) == NULL) {
        mp_raise_TypeError(MP_ERROR_TEXT("user data belongs to a library object"));
    }
    return MP_OBJ_TO_PTR(o);
}

static mp_obj_t set_user_data(mp_obj_t self_in, mp_obj_t data) {
    field(wrapper_of(self_in), MP_QSTR_user_data, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = data;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_2(mpb_handle_set_user_data_obj, set_user_data);

static mp_obj_t get_user_data(mp_obj_t self_in) {
    mp_map_elem_t *e = field(wrapper_of(self_in), MP_QSTR_user_data, MP_MAP_LOOKUP);
    return e != NULL ? e->value : mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mpb_handle_get_user_data_obj, get_user_data);
