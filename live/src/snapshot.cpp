#include "upanel/live/snapshot.h"

#include "upanel/emu/png_writer.h"

namespace upanel::live {

namespace {

DisplayView hub75_view(emu::Board &board) {
    emu::Hub75Panel &panel = *board.hub75();
    const emu::Hub75Geometry &g = panel.geometry();
    DisplayView v{"hub75", g.wall_width(), g.wall_height(), true, {}, {}};
    v.rgb = emu::light_bytes(panel.light(true, board.now()));
    emu::Hub75Panel::Stats s = panel.stats();
    v.figures = {{"refresh_hz", s.refresh_hz},
                 {"oe_duty", s.oe_duty},
                 {"ghost", s.ghost},
                 {"refreshes", double(s.refreshes)},
                 {"torn", double(s.torn)}};
    return v;
}

DisplayView ili9341_view(emu::Board &board) {
    const emu::Ili9341Model &m = *board.ili9341();
    DisplayView v{"ili9341", emu::Ili9341Model::kWidth, emu::Ili9341Model::kHeight, false, m.picture(), {}};
    const double busy = double(m.busy(board.now())), idle = double(m.idle(board.now()));
    v.figures = {{"frames", double(m.stats().frames)},
                 {"bytes", double(m.stats().bytes)},
                 {"bus_use", busy + idle > 0 ? busy / (busy + idle) : 0.0},
                 {"display_on", m.display_on() ? 1.0 : 0.0}};
    return v;
}

}  // namespace

bool view_of(emu::Board &board, const std::string &name, DisplayView &out) {
    if (name == "hub75" && board.hub75()) {
        out = hub75_view(board);
        return true;
    }
    if (name == "ili9341" && board.ili9341()) {
        out = ili9341_view(board);
        return true;
    }
    return false;
}

Snapshot take_snapshot(emu::Board &board) {
    Snapshot s;
    s.time_us = double(board.now()) / emu::kPicosPerUs;
    if (board.hub75()) s.displays.push_back(hub75_view(board));
    // A TFT nobody has talked to shows noise or black: leave it out of the view.
    if (board.ili9341() && board.ili9341()->stats().bytes > 0) s.displays.push_back(ili9341_view(board));
    return s;
}

}  // namespace upanel::live
