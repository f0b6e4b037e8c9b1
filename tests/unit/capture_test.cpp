// Captures of what the displays show, decoded with the libraries that read them (giflib,
// libpng) and compared with the emulator's snapshots: the animated GIF a recording writes
// as virtual time passes, and the PNG of the TFT and of the LED panel.
#include <gif_lib.h>
#include <gtest/gtest.h>
#include <png.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "hub75_matrix.h"
#include "ili9341_display.h"
#include "upanel/emu/board.h"
#include "upanel/emu/display_picture.h"
#include "upanel/live/session.h"
#include "upanel/live/view_image.h"

using namespace upanel;
using emu::kPicosPerMs;

namespace {

uint16_t rgb565(int r, int g, int b) { return uint16_t((r >> 3) << 11 | (g >> 2) << 5 | (b >> 3)); }

std::string temp_path(const char *name) {
    return std::string(::testing::TempDir()) + "upanel_" + std::to_string(getpid()) + "_" + name;
}

emu::Image read_png(const std::string &path) {
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    emu::Image out;
    if (!png_image_begin_read_from_file(&img, path.c_str())) return out;
    img.format = PNG_FORMAT_RGB;
    out.width = int(img.width), out.height = int(img.height);
    out.rgb.resize(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, nullptr, out.rgb.data(), 0, nullptr)) out = {};
    return out;
}

// Frame i of a GIF as RGB888 (each frame covers the whole picture here).
emu::Image gif_frame(GifFileType *gif, int i) {
    const SavedImage &s = gif->SavedImages[i];
    const ColorMapObject *map = s.ImageDesc.ColorMap ? s.ImageDesc.ColorMap : gif->SColorMap;
    emu::Image out{s.ImageDesc.Width, s.ImageDesc.Height, {}};
    for (int p = 0; p < out.width * out.height; p++) {
        const GifColorType &c = map->Colors[s.RasterBits[p]];
        out.rgb.insert(out.rgb.end(), {c.Red, c.Green, c.Blue});
    }
    return out;
}

// Pixels may differ by `tol` per channel (a GIF's palette is built from 5-bit histograms).
int differing(const emu::Image &a, const emu::Image &b, int tol) {
    if (a.width != b.width || a.height != b.height) return -1;
    int bad = 0;
    for (size_t i = 0; i < a.rgb.size(); i += 3)
        for (int c = 0; c < 3; c++)
            if (std::abs(int(a.rgb[i + c]) - int(b.rgb[i + c])) > tol) {
                bad++;
                break;
            }
    return bad;
}

}  // namespace

class CaptureOnBoard : public ::testing::Test {
  protected:
    void SetUp() override { upanel_host_bus_current = board.host_bus(); }
    void TearDown() override {
        matrix.deinit();
        upanel_host_bus_current = nullptr;
    }
    void show(uint16_t colour, int x0, int x1) {
        std::vector<uint16_t> px(64 * 32, 0);
        for (int y = 0; y < 32; y++)
            for (int x = x0; x < x1; x++) px[y * 64 + x] = colour;
        ASSERT_EQ(
            matrix.show(reinterpret_cast<uint8_t *>(px.data()), px.size() * 2, core::PixelFormat::kRgb565),
            hub75::Status::kOk);
    }
    emu::Image hub75_picture(int scale, bool leds) {
        live::DisplayView v;
        EXPECT_TRUE(live::view_of(board, "hub75", v));
        return live::render_view(v, scale, leds);
    }

    emu::Board board;
    hub75::Matrix matrix;
    live::Session session;
};

TEST_F(CaptureOnBoard, RecordingWritesOneGifFramePerPeriodShowingWhatThePanelShowed) {
    ASSERT_EQ(matrix.init({}), hub75::Status::kOk);
    show(rgb565(255, 0, 0), 0, 32);
    board.run_for(20 * kPicosPerMs);
    const emu::Image before = hub75_picture(2, false);
    const std::string path = temp_path("rec.gif");
    ASSERT_EQ(session.record(board, "hub75", path, 0.2, 20, 2, false), "");
    ASSERT_TRUE(session.run_for(board, 90 * kPicosPerMs));  // frames at 0, 50 ms
    show(rgb565(0, 0, 255), 16, 64);
    ASSERT_TRUE(session.run_for(board, 200 * kPicosPerMs));  // frames at 100, 150 ms; then done
    EXPECT_FALSE(session.recording());
    EXPECT_EQ(session.record_error(), "");
    const emu::Image after = hub75_picture(2, false);
    ASSERT_NE(differing(before, after, 8), 0);

    int err = 0;
    GifFileType *gif = DGifOpenFileName(path.c_str(), &err);
    ASSERT_NE(gif, nullptr) << GifErrorString(err);
    ASSERT_EQ(DGifSlurp(gif), GIF_OK);
    EXPECT_EQ(gif->SWidth, 128);
    EXPECT_EQ(gif->SHeight, 64);
    ASSERT_EQ(gif->ImageCount, 4);
    for (int i = 0; i < 4; i++) {
        GraphicsControlBlock gcb;
        ASSERT_EQ(DGifSavedExtensionToGCB(gif, i, &gcb), GIF_OK);
        EXPECT_EQ(gcb.DelayTime, 5) << "frame " << i;  // 1/20 s in 1/100 s
        EXPECT_EQ(differing(gif_frame(gif, i), i < 2 ? before : after, 8), 0) << "frame " << i;
    }
    DGifCloseFile(gif, &err);
    std::remove(path.c_str());
}

// Like any new file: 0666 less the umask (giflib's own open makes it the owner's only).
TEST_F(CaptureOnBoard, RecordingGetsTheUsualFilePermissions) {
    ASSERT_EQ(matrix.init({}), hub75::Status::kOk);
    const std::string path = temp_path("mode.gif");
    const mode_t old = umask(022);
    ASSERT_EQ(session.record(board, "hub75", path, 0.1, 10, 1, false), "");
    umask(old);
    size_t frames = 0;
    ASSERT_EQ(session.stop_recording(frames), "");
    struct stat st {};
    ASSERT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0644u);
    std::remove(path.c_str());
}

TEST_F(CaptureOnBoard, RecordingRefusesAnUnknownDeviceAndAnUnwritablePath) {
    ASSERT_EQ(matrix.init({}), hub75::Status::kOk);
    EXPECT_NE(session.record(board, "lcd", temp_path("x.gif"), 1, 10, 1, false), "");
    EXPECT_NE(session.record(board, "hub75", "/nonexistent/dir/x.gif", 1, 10, 1, false), "");
    EXPECT_FALSE(session.recording());
}

TEST_F(CaptureOnBoard, LedPngShowsEachLedsLightAtItsCentre) {
    ASSERT_EQ(matrix.init({}), hub75::Status::kOk);
    show(rgb565(0, 255, 0), 8, 40);
    board.run_for(20 * kPicosPerMs);
    live::DisplayView v;
    ASSERT_TRUE(live::view_of(board, "hub75", v));
    const std::string path = temp_path("leds.png");
    ASSERT_EQ(emu::write_png(path, live::render_view(v, 8, true)), "");
    emu::Image png = read_png(path);
    ASSERT_EQ(png.width, 64 * 8);
    ASSERT_EQ(png.height, 32 * 8);
    for (int y = 0; y < 32; y++)
        for (int x = 0; x < 64; x++)
            for (int c = 0; c < 3; c++)
                ASSERT_EQ(png.rgb[((y * 8 + 4) * png.width + x * 8 + 4) * 3 + c],
                          std::max<uint8_t>(12, v.rgb[(y * 64 + x) * 3 + c]))  // 12: the board
                    << x << "," << y;
    EXPECT_EQ(v.rgb[(5 * 64 + 20) * 3 + 1], 255);                  // lit green
    EXPECT_LT(png.rgb[(5 * 8 * png.width + 20 * 8) * 3 + 1], 64);  // between LEDs: a faint glow
    std::remove(path.c_str());
}

// save_png (display_picture) and a recording (the live view's snapshot) start from the same
// rounded light bytes, so a GIF frame of few colours is the PNG exactly, glow pixels included.
TEST_F(CaptureOnBoard, GifFrameIsThePngOfTheSamePicture) {
    hub75::Config c;
    c.depth = 6;  // light in 63rds: light x 255 is seldom whole
    ASSERT_EQ(matrix.init(c), hub75::Status::kOk);
    // Six dim colours, a band of ten columns each, and black.
    const uint16_t colours[] = {rgb565(0, 180, 0),    rgb565(200, 0, 56),   rgb565(120, 120, 120),
                                rgb565(96, 160, 240), rgb565(232, 72, 136), rgb565(64, 200, 104)};
    std::vector<uint16_t> px(64 * 32, 0);
    for (int y = 0; y < 32; y++)
        for (int x = 0; x < 60; x++) px[y * 64 + x] = colours[x / 10];
    ASSERT_EQ(matrix.show(reinterpret_cast<uint8_t *>(px.data()), px.size() * 2, core::PixelFormat::kRgb565),
              hub75::Status::kOk);
    board.run_for(20 * kPicosPerMs);
    const std::string png_path = temp_path("same.png"), gif_path = temp_path("same.gif");
    ASSERT_EQ(emu::write_png(png_path, emu::display_picture(board, emu::Display::kHub75, 8, true)), "");
    ASSERT_EQ(session.record(board, "hub75", gif_path, 0.1, 10, 8, true), "");
    size_t frames = 0;
    ASSERT_EQ(session.stop_recording(frames), "");
    ASSERT_EQ(frames, 1u);
    const emu::Image png = read_png(png_path);
    ASSERT_EQ(png.width, 512);
    int err = 0;
    GifFileType *gif = DGifOpenFileName(gif_path.c_str(), &err);
    ASSERT_NE(gif, nullptr) << GifErrorString(err);
    ASSERT_EQ(DGifSlurp(gif), GIF_OK);
    ASSERT_EQ(gif->ImageCount, 1);
    EXPECT_EQ(differing(gif_frame(gif, 0), png, 0), 0);
    // Not a trivial picture: lit LEDs neither black nor full, and a glow between them.
    const uint8_t green = png.rgb[((4 * 8 + 4) * 512 + 5 * 8 + 4) * 3 + 1];
    EXPECT_GT(green, 12);
    EXPECT_LT(green, 255);
    EXPECT_GT(png.rgb[((4 * 8 + 4) * 512 + 5 * 8) * 3 + 1], 12);  // the glow at an LED's edge
    DGifCloseFile(gif, &err);
    std::remove(png_path.c_str());
    std::remove(gif_path.c_str());
}

TEST(CaptureTft, PngAtScaleTwoIsThePanelsPictureWithEachPixelDoubled) {
    emu::Board board{320 * 1024};
    upanel_host_bus_current = board.host_bus();
    ili9341::Display display;
    ili9341::Config c;
    c.buffer_count = 2, c.buffer_pixels = 240 * 320 / 4;
    ASSERT_EQ(display.init(c), ili9341::Status::kOk);
    ASSERT_EQ(display.fill_rect(0, 0, 240, 320, 0x0000), ili9341::Status::kOk);
    ASSERT_EQ(display.fill_rect(10, 20, 100, 50, 0xF800), ili9341::Status::kOk);
    ASSERT_EQ(display.fill_rect(100, 200, 40, 40, 0x07FF), ili9341::Status::kOk);
    display.wait();
    live::DisplayView v;
    ASSERT_TRUE(live::view_of(board, "ili9341", v));
    EXPECT_EQ(v.rgb, board.ili9341()->picture());
    const std::string path = temp_path("tft.png");
    ASSERT_EQ(emu::write_png(path, live::render_view(v, 2, false)), "");
    emu::Image png = read_png(path);
    ASSERT_EQ(png.width, 480);
    ASSERT_EQ(png.height, 640);
    for (int y = 0; y < 640; y++)
        for (int x = 0; x < 480; x++)
            for (int k = 0; k < 3; k++)
                ASSERT_EQ(png.rgb[(y * 480 + x) * 3 + k], v.rgb[((y / 2) * 240 + x / 2) * 3 + k])
                    << x << "," << y;
    EXPECT_EQ(png.rgb[(60 * 480 + 40) * 3], 255);  // inside the red box
    display.deinit();
    upanel_host_bus_current = nullptr;
    std::remove(path.c_str());
}
