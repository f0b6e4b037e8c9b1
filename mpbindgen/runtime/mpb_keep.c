// Keeping Python objects alive while C holds pointers to them. MicroPython's collector scans
// its own heap, so a pointer stored inside a struct object it owns is seen; C memory (a copy
// the library made, a struct from C's malloc) is not scanned, so objects stored there are
// pinned in a root dict until the same slot is given something else.
#include "py/gc.h"
#include "mpb.h"

MP_REGISTER_ROOT_POINTER(mp_obj_t mpb_pinned);

void mpb_pin(mp_obj_t key, mp_obj_t o) {
    if (MP_STATE_VM(mpb_pinned) == MP_OBJ_NULL) {
        MP_STATE_VM(mpb_pinned) = mp_obj_new_dict(0);
    }
    mp_map_t *map = mp_obj_dict_get_map(MP_STATE_VM(mpb_pinned));
    if (o == MP_OBJ_NULL) {
        mp_map_lookup(map, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    } else {
        mp_map_lookup(map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = o;
    }
}

void mpb_pin_arg(const void *function, size_t arg, mp_obj_t o) {
    // A small int made of the function's address (word aligned) and the argument's index.
    mpb_pin(MP_OBJ_NEW_SMALL_INT((mp_int_t)((uintptr_t)function >> 2) + 2 + (mp_int_t)arg), o);
}

mp_obj_t mpb_pinned_get(mp_obj_t key) {
    if (MP_STATE_VM(mpb_pinned) == MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(MP_STATE_VM(mpb_pinned)), key, MP_MAP_LOOKUP);
    return e ? e->value : MP_OBJ_NULL;
}

// The object that owns the memory: a struct's storage is kept by its root owner.
static mpb_struct_t *root_owner(mp_obj_t owner) {
    while (owner != MP_OBJ_NULL) {
        mpb_struct_t *s = MP_OBJ_TO_PTR(owner);
        if (s->owner == owner) {
            return s;
        }
        owner = s->owner;
    }
    return NULL;
}

void mpb_keep(mp_obj_t owner, void *slot, mp_obj_t o) {
    mp_obj_t key = mpb_from_u64((uintptr_t)slot);
    mpb_struct_t *root = root_owner(owner);
    if (root == NULL) {
        mpb_pin(key, o);
        return;
    }
    if (root->refs == MP_OBJ_NULL) {
        if (o == MP_OBJ_NULL) {
            return;
        }
        root->refs = mp_obj_new_dict(0);
    }
    mp_map_t *map = mp_obj_dict_get_map(root->refs);
    if (o == MP_OBJ_NULL) {
        mp_map_lookup(map, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    } else {
        mp_map_lookup(map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = o;
    }
}

mp_obj_t mpb_kept(mp_obj_t owner, void *slot, void *value) {
    mp_obj_t key = mpb_from_u64((uintptr_t)slot);
    mpb_struct_t *root = root_owner(owner);
    mp_obj_t o = MP_OBJ_NULL;
    if (root == NULL) {
        o = mpb_pinned_get(key);
    } else if (root->refs != MP_OBJ_NULL) {
        mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(root->refs), key, MP_MAP_LOOKUP);
        o = e ? e->value : MP_OBJ_NULL;
    }
    return o != MP_OBJ_NULL && MP_OBJ_TO_PTR(o) == value ? o : MP_OBJ_NULL;
}

// The types of objects that a void * given from Python points at (callables travel inside
// a callback record, since not every callable type is visible here). The check reads only the
// first word of a heap block, which every block has.
// Whether p is the first byte of an allocated heap block: gc_nbytes(p) != 0 without the
// collector's lock (a mutex on ports with threads and no GIL, which was most of the cost of
// finding a callback). It reads the allocation table as py/gc.c lays it out: two bits a
// block, four blocks a byte, 0b01 for the head of an allocated chain.
static bool heap_block_head(const void *p) {
    const mp_state_mem_area_t *a = &MP_STATE_MEM(area);
    do {
        const byte *b = p;
        if (b >= a->gc_pool_start && b < a->gc_pool_end) {
            size_t offset = (size_t)(b - a->gc_pool_start);
            size_t block = offset / MICROPY_BYTES_PER_GC_BLOCK;
            return offset % MICROPY_BYTES_PER_GC_BLOCK == 0 &&
                   (a->gc_alloc_table_start[block / 4] >> (2 * (block % 4)) & 3) == 1;
        }
#if MICROPY_GC_SPLIT_HEAP
        a = a->next;
#else
        a = NULL;
#endif
    } while (a != NULL);
    return false;
}

mp_obj_t mpb_obj_from_ptr(void *p) {
    if (p == NULL || !heap_block_head(p)) {
        return MP_OBJ_NULL;
    }
    mp_obj_t o = MP_OBJ_FROM_PTR(p);
    const mp_obj_type_t *t = ((mp_obj_base_t *)p)->type;
    if (t == &mp_type_dict || t == &mpb_type_callback || t == &mp_type_list || t == &mp_type_tuple) {
        return o;
    }
    return MP_OBJ_NULL;
}
