#include "upanel/emu/png_writer.h"

#include <png.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace upanel::emu {

std::vector<uint8_t> light_bytes(const std::vector<float> &light) {
    std::vector<uint8_t> out(light.size());
    for (size_t i = 0; i < light.size(); i++)
        out[i] = uint8_t(std::lround(std::clamp(light[i], 0.0f, 1.0f) * 255.0f));
    return out;
}

Image render_light(const std::vector<uint8_t> &light, int width, int height, int scale, bool leds) {
    Image img;
    scale = std::max(1, scale);
    img.width = width * scale;
    img.height = height * scale;
    img.rgb.assign(size_t(img.width) * img.height * 3, leds ? 12 : 0);
    const float radius = 0.42f * scale, glow = 0.75f * scale;
    for (int y = 0; y < img.height; y++) {
        for (int x = 0; x < img.width; x++) {
            int lx = x / scale, ly = y / scale;
            const uint8_t *c = &light[(size_t(ly) * width + lx) * 3];
            float k = 1.0f;
            if (leds) {
                float dx = (x % scale) + 0.5f - scale / 2.0f, dy = (y % scale) + 0.5f - scale / 2.0f;
                float d = std::sqrt(dx * dx + dy * dy);
                k = d <= radius ? 1.0f : d >= glow ? 0.0f : 0.35f * (glow - d) / (glow - radius);
            }
            uint8_t *out = &img.rgb[(size_t(y) * img.width + x) * 3];
            for (int i = 0; i < 3; i++) out[i] = uint8_t(std::max(float(out[i]), std::round(c[i] * k)));
        }
    }
    return img;
}

std::string write_png(const std::string &path, const Image &image) {
    if (image.width <= 0 || image.height <= 0) return "empty image";
    FILE *f = std::fopen(path.c_str(), "wb");
    if (!f) return path + ": " + std::strerror(errno);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        std::fclose(f);
        return path + ": libpng failed to write the image";
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, png_uint_32(image.width), png_uint_32(image.height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < image.height; y++) png_write_row(png, &image.rgb[size_t(y) * image.width * 3]);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    if (std::fclose(f) != 0) return path + ": " + std::strerror(errno);
    return "";
}

}  // namespace upanel::emu
