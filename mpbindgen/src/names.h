// Naming rules: Python names for C records and enums, comment clean-up, typecodes.
#pragma once

#include <cstdint>
#include <string>

#include "model.h"

namespace mpbindgen {

// "struct foo" -> "foo", "foo_t" -> "foo_t".
std::string py_name_of_record(const std::string &c_name);
// A doc comment without its /** */, /// or leading stars.
std::string clean_comment(const std::string &raw);
// memoryview typecode for a scalar of `size` bytes, 0 if none.
char typecode_for(bool is_signed, bool is_float, int size);
// Fits a MicroPython small int on every port (31-bit, for 32-bit object representations).
bool fits_small_int(int64_t v);
// The class name and member names of an enum: the members' common prefix names the class and
// is stripped from them (GPIO_MODE_INPUT -> GPIO_MODE.INPUT), as far as members stay
// identifiers; otherwise the C enum or typedef name names the class.
void name_enum(Enum &e, const std::string &c_name);
// A C identifier from any text ("spi_t.post_cb" -> "spi_t_post_cb").
std::string c_ident(const std::string &s);
// A C string literal of s.
std::string quote(const std::string &s);
// Parameter names that say "the length of the buffer before me" (len, size, n, count...).
bool is_length_name(const std::string &name);
// Whether a doc comment's "@param NAME ..." (or "\\param") text says NULL is allowed there.
bool doc_allows_null(const std::string &doc, const std::string &param);
// Python keywords get a trailing underscore in stubs.
std::string py_safe(const std::string &s);

}  // namespace mpbindgen
