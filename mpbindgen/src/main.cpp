// mpbindgen: C headers in, a MicroPython module (C source) and its .pyi stubs out.
#include <cstdio>
#include <fstream>

#include "arrange.h"
#include "callbacks.h"
#include "cxx_writer.h"
#include "options.h"
#include "reader.h"
#include "report.h"
#include "writer_c.h"
#include "writer_pyi.h"

using namespace mpbindgen;

static bool write_file(const std::string &path, const std::string &text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
        std::fprintf(stderr, "%s: cannot write\n", path.c_str());
        return false;
    }
    return true;
}

int main(int argc, char **argv) {
    Options opt;
    std::string error;
    if (!parse_args(argc, argv, opt, error)) {
        std::fprintf(stderr, "mpbindgen: %s\n", error.c_str());
        return 2;
    }
    Module mod;
    if (!read_headers(opt, mod)) return 1;
    if (mod.cxx_api) {
        CxxOutput out = write_cxx(mod);
        if (!write_file(opt.out_c, out.c) || !write_file(opt.out_thunks, out.glue)) return 1;
        if (!opt.out_pyi.empty() && !write_file(opt.out_pyi, write_cxx_pyi(mod))) return 1;
    } else {
        if (!arrange(opt, mod, error) || !plan_callbacks(opt, mod, error)) {
            std::fprintf(stderr, "mpbindgen: %s\n", error.c_str());
            return 2;
        }
        if (!write_file(opt.out_c, write_c(mod))) return 1;
        if (!opt.out_pyi.empty() && !write_file(opt.out_pyi, write_pyi(mod))) return 1;
        if (!opt.out_thunks.empty() && !write_file(opt.out_thunks, write_thunks(mod))) return 1;
    }
    if (!opt.quiet) std::fputs(report(mod).c_str(), stderr);
    return 0;
}
