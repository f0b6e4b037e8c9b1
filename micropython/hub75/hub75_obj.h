// The hub75.Matrix type's functions, implemented in hub75_obj.cpp, bound in modhub75.c.
#pragma once
#include "py/obj.h"

#ifdef __cplusplus
extern "C" {
#endif

extern const mp_obj_type_t hub75_type_matrix;

mp_obj_t hub75_matrix_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
mp_obj_t hub75_matrix_show(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t hub75_matrix_info(mp_obj_t self_in);
mp_obj_t hub75_matrix_deinit(mp_obj_t self_in);
void hub75_matrix_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);
mp_int_t hub75_matrix_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags);
// Memory for a Matrix object: with a finaliser where the runtime has them, so that a matrix
// the script forgot is deinitialised by the garbage collector (native modules have none).
void *hub75_alloc_obj(size_t size);

#ifdef __cplusplus
}
#endif
