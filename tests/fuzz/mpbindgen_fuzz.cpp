// libFuzzer target: mpbindgen's front ends and writers on arbitrary header text (seeded with
// real headers). Whatever the header says, mpbindgen must neither crash, nor hang, nor trip a
// sanitizer; a header that compiles must give a module and stubs. Inputs that speak of
// classes or namespaces are read as a C++ API (--cxx), the others as C.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "arrange.h"
#include "callbacks.h"
#include "cxx_writer.h"
#include "reader.h"
#include "writer_c.h"
#include "writer_pyi.h"

using namespace mpbindgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const std::string path = "/tmp/mpbindgen_fuzz_" + std::to_string(getpid()) + ".h";
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    }
    Options opt;
    opt.module = "fuzz";
    opt.headers = {path};
    opt.out_c = "/dev/null";
    opt.diagnostics = false;
    std::string text(reinterpret_cast<const char *>(data), size);
    opt.cxx_api = text.find("class") != std::string::npos || text.find("namespace") != std::string::npos;
    if (opt.cxx_api) opt.out_thunks = "/dev/null";
    Module mod;
    if (read_headers(opt, mod)) {
        std::string c, pyi;
        if (opt.cxx_api) {
            CxxOutput out = write_cxx(mod);
            c = out.c;
            pyi = write_cxx_pyi(mod);
            if (out.glue.find("extern \"C\"") == std::string::npos) __builtin_trap();
        } else {
            std::string error;
            // The seeds' own prefix and struct functions as methods, so that renaming runs too.
            opt.prefixes = {"demo_"};
            opt.methods = "_t";
            if (!arrange(opt, mod, error) || !plan_callbacks(opt, mod, error)) __builtin_trap();
            c = write_c(mod);
            pyi = write_pyi(mod);
        }
        if (c.find("MP_REGISTER_MODULE(MP_QSTR_fuzz") == std::string::npos || pyi.empty()) __builtin_trap();
    }
    return 0;
}
