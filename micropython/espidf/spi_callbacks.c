// The seed's spi_transaction_set_cb: a context for a transaction's `user` field, found by the
// pre/post-transfer trampolines (espidf.spi_pre_cb_isr, espidf.spi_post_cb_isr) as they find
// a dict there: {"pre_cb": f, "post_cb": g}. Made here, in thread context, since interrupts
// cannot allocate.
#include "mpb.h"
#include "espidf.h"

// The Python callable behind a void * argument (None: MP_OBJ_NULL).
static mp_obj_t callable_of(void *p) {
    if (p == NULL) {
        return MP_OBJ_NULL;
    }
    mp_obj_t o = mpb_from_void_ptr(p);  // callables arrive wrapped; this unwraps them
    if (!mp_obj_is_callable(o)) {
        mp_raise_TypeError(MP_ERROR_TEXT("spi_transaction_set_cb takes callables or None"));
    }
    return o;
}

void *spi_transaction_set_cb(void *pre_cb, void *post_cb) {
    mp_obj_t pre = callable_of(pre_cb), post = callable_of(post_cb);
    mp_obj_t ctx = mp_obj_new_dict(2);
    if (pre != MP_OBJ_NULL) {
        mp_obj_dict_store(ctx, MP_OBJ_NEW_QSTR(MP_QSTR_pre_cb), pre);
    }
    if (post != MP_OBJ_NULL) {
        mp_obj_dict_store(ctx, MP_OBJ_NEW_QSTR(MP_QSTR_post_cb), post);
    }
    return MP_OBJ_TO_PTR(ctx);
}
