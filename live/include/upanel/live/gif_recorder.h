// An animated GIF written with giflib as frames arrive: each frame quantised to its own
// 256-colour table, shown for 1/fps seconds (to the GIF's 10 ms resolution), looping forever.
// Debian's libpng has no APNG support, hence GIF.
#pragma once
#include <cstddef>
#include <string>

#include "upanel/emu/png_writer.h"

struct GifFileType;

namespace upanel::live {

class GifRecorder {
  public:
    GifRecorder() = default;
    ~GifRecorder() { finish(); }
    GifRecorder(const GifRecorder &) = delete;
    GifRecorder &operator=(const GifRecorder &) = delete;

    // Creates the file; returns "" or what went wrong.
    std::string open(const std::string &path, int width, int height, int fps);
    std::string add(const emu::Image &frame);
    // Writes the trailer and closes; safe to call twice.
    std::string finish();
    bool is_open() const { return gif_ != nullptr; }
    size_t frames() const { return frames_; }

  private:
    GifFileType *gif_ = nullptr;
    std::string path_;
    int width_ = 0, height_ = 0, fps_ = 1;
    size_t frames_ = 0;
};

}  // namespace upanel::live
