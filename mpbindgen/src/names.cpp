#include "names.h"

#include <cctype>
#include <regex>
#include <algorithm>
#include <set>
#include <sstream>

namespace mpbindgen {

std::string py_name_of_record(const std::string &c_name) {
    for (const char *p : {"struct ", "union "}) {
        if (c_name.rfind(p, 0) == 0) return c_name.substr(std::string(p).size());
    }
    return c_name;
}

std::string clean_comment(const std::string &raw) {
    std::istringstream in(raw);
    std::string line, out;
    while (std::getline(in, line)) {
        size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos) {
            out += "\n";
            continue;
        }
        line = line.substr(b);
        for (const char *p : {"/**<", "///<", "/**", "/*!", "///", "//!", "//", "/*", "*/", "*"}) {
            if (line.rfind(p, 0) == 0) {
                line = line.substr(std::string(p).size());
                break;
            }
        }
        auto end = line.rfind("*/");
        if (end != std::string::npos) line = line.substr(0, end);
        if (!line.empty() && line[0] == ' ') line = line.substr(1);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
        out += line + "\n";
    }
    while (!out.empty() && (out.front() == '\n')) out.erase(out.begin());
    while (!out.empty() && (out.back() == '\n')) out.pop_back();
    return out;
}

char typecode_for(bool is_signed, bool is_float, int size) {
    if (is_float) return size == 4 ? 'f' : size == 8 ? 'd' : 0;
    switch (size) {
        case 1:
            return is_signed ? 'b' : 'B';
        case 2:
            return is_signed ? 'h' : 'H';
        case 4:
            return is_signed ? 'i' : 'I';
        case 8:
            return is_signed ? 'q' : 'Q';
    }
    return 0;
}

bool fits_small_int(int64_t v) { return v >= -(int64_t(1) << 30) && v < (int64_t(1) << 30); }

static bool is_ident(const std::string &s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    return true;
}

void name_enum(Enum &e, const std::string &c_name) {
    // Longest common prefix ending at an underscore.
    std::string prefix = e.members[0].c;
    for (auto &m : e.members) {
        size_t n = 0;
        while (n < prefix.size() && n < m.c.size() && prefix[n] == m.c[n]) n++;
        prefix.resize(n);
    }
    auto us = prefix.rfind('_');
    prefix = us == std::string::npos ? "" : prefix.substr(0, us + 1);
    // Shorten it until every member keeps a name; one that starts with a digit gets a leading
    // underscore (GPIO_NUM_0 -> GPIO_NUM._0, as the seed's module has it).
    auto all_ident = [&](size_t len) {
        for (auto &m : e.members) {
            if (m.c.size() <= len) return false;
            std::string rest = m.c.substr(len);
            if (!is_ident(rest) && !is_ident("_" + rest)) return false;
        }
        return true;
    };
    while (!prefix.empty() && !all_ident(prefix.size())) {
        auto cut = prefix.rfind('_', prefix.size() - 2);
        prefix = cut == std::string::npos ? "" : prefix.substr(0, cut + 1);
    }
    if (e.members.size() == 1 && c_name.empty()) {
        // One member says nothing about a prefix: keep its name whole under ENUM.
        prefix.clear();
    }
    std::string cls = prefix.empty() ? c_name : prefix.substr(0, prefix.size() - 1);
    if (cls.empty()) cls = "ENUM";
    e.py = cls;
    for (auto &m : e.members) {
        m.py = m.c.substr(prefix.size());
        if (!is_ident(m.py)) m.py = "_" + m.py;
    }
}

std::string c_ident(const std::string &s) {
    std::string r;
    for (char c : s) r += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return r;
}

std::string quote(const std::string &s) {
    std::string r = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') r += '\\';
        if (c == '\n') {
            r += "\\n";
            continue;
        }
        r += c;
    }
    return r + "\"";
}

bool is_length_name(const std::string &name) {
    static const std::regex re(
        "(.*_)?(len|length|size|n|count|nbytes|num|insize|outsize|buflen|bufsize|.*_len|.*_size)",
        std::regex::icase);
    return std::regex_match(name, re);
}

bool doc_allows_null(const std::string &doc, const std::string &param) {
    for (const char *tag : {"@param ", "\\param "}) {
        std::string key = tag + param;
        for (size_t at = doc.find(key); at != std::string::npos; at = doc.find(key, at + 1)) {
            size_t end = at + key.size();
            if (end < doc.size() && (std::isalnum(static_cast<unsigned char>(doc[end])) || doc[end] == '_'))
                continue;
            size_t next = std::min(doc.find('@', end), doc.find("\\param", end));
            if (doc.substr(end, next == std::string::npos ? std::string::npos : next - end).find("NULL") !=
                std::string::npos)
                return true;
        }
    }
    return false;
}

std::string py_safe(const std::string &s) {
    static const std::set<std::string> kw = {
        "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
        "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
        "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
        "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
    return kw.count(s) ? s + "_" : s;
}

}  // namespace mpbindgen
