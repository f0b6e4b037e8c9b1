#include "upanel/live/gif_recorder.h"

#include <fcntl.h>
#include <gif_lib.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>
#include <vector>

namespace upanel::live {

namespace {

std::string gif_error(const std::string &path, int code) {
    const char *s = GifErrorString(code);
    return path + ": " + (s ? s : "giflib failed");
}

// A palette holding every colour of the frame, when it has at most 256: then the GIF shows
// exactly what a PNG of the same picture does (giflib's quantiser works on 5-bit channels).
bool exact_palette(const emu::Image &frame, std::vector<GifColorType> &table,
                   std::vector<GifByteType> &index) {
    std::map<uint32_t, GifByteType> seen;
    for (size_t i = 0; i < index.size(); i++) {
        const uint8_t *p = &frame.rgb[i * 3];
        auto [it, added] = seen.emplace(uint32_t(p[0]) << 16 | p[1] << 8 | p[2], GifByteType(seen.size()));
        if (added && seen.size() > table.size()) return false;
        if (added) table[it->second] = {p[0], p[1], p[2]};
        index[i] = it->second;
    }
    return true;
}

}  // namespace

std::string GifRecorder::open(const std::string &path, int width, int height, int fps) {
    finish();
    int err = 0;
    // Opened here rather than by EGifOpenFileName, which makes files only their owner can
    // read: this one gets the permissions any new file gets (0666 less the umask).
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) return path + ": " + std::strerror(errno);
    gif_ = EGifOpenFileHandle(fd, &err);
    if (!gif_) {
        ::close(fd);
        return gif_error(path, err);
    }
    path_ = path, width_ = width, height_ = height, fps_ = fps, frames_ = 0;
    EGifSetGifVersion(gif_, true);
    if (EGifPutScreenDesc(gif_, width, height, 8, 0, nullptr) != GIF_OK) {
        std::string e = gif_error(path, gif_->Error);
        EGifCloseFile(gif_, &err);
        gif_ = nullptr;
        return e;
    }
    // NETSCAPE2.0 application extension: loop forever.
    static const GifByteType app[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    static const GifByteType loop[] = {1, 0, 0};
    EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE);
    EGifPutExtensionBlock(gif_, sizeof app, app);
    EGifPutExtensionBlock(gif_, sizeof loop, loop);
    EGifPutExtensionTrailer(gif_);
    return "";
}

std::string GifRecorder::add(const emu::Image &frame) {
    if (!gif_) return "no recording is open";
    if (frame.width != width_ || frame.height != height_) return "frame size changed while recording";
    const size_t n = size_t(width_) * height_;
    std::vector<GifByteType> index(n);
    std::vector<GifColorType> table(256);
    if (!exact_palette(frame, table, index)) {
        std::vector<GifByteType> r(n), g(n), b(n);
        for (size_t i = 0; i < n; i++)
            r[i] = frame.rgb[i * 3], g[i] = frame.rgb[i * 3 + 1], b[i] = frame.rgb[i * 3 + 2];
        int colours = 256;
        if (GifQuantizeBuffer(unsigned(width_), unsigned(height_), &colours, r.data(), g.data(), b.data(),
                              index.data(), table.data()) != GIF_OK)
            return path_ + ": giflib could not quantise the frame";
    }
    ColorMapObject *map = GifMakeMapObject(256, table.data());
    // Delays in 1/100 s, rounded so that the total stays frames/fps.
    const int delay = int(std::lround((frames_ + 1) * 100.0 / fps_) - std::lround(frames_ * 100.0 / fps_));
    GraphicsControlBlock gcb{DISPOSE_DO_NOT, false, delay, NO_TRANSPARENT_COLOR};
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    bool ok = map && EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_OK &&
              EGifPutImageDesc(gif_, 0, 0, width_, height_, false, map) == GIF_OK;
    for (int y = 0; ok && y < height_; y++)
        ok = EGifPutLine(gif_, &index[size_t(y) * width_], width_) == GIF_OK;
    GifFreeMapObject(map);
    if (!ok) return gif_error(path_, gif_->Error);
    frames_++;
    return "";
}

std::string GifRecorder::finish() {
    if (!gif_) return "";
    int err = 0;
    const int r = EGifCloseFile(gif_, &err);
    gif_ = nullptr;
    return r == GIF_OK ? "" : gif_error(path_, err);
}

}  // namespace upanel::live
