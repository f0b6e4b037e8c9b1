// Board::call_at: calls made when virtual time reaches their moment, exactly, in time order,
// however time passes (run_until or a driver's idle wait), and at once when it has passed.
#include <gtest/gtest.h>

#include <vector>

#include "upanel/emu/board.h"

using namespace upanel;
using emu::kPicosPerMs;
using emu::kPicosPerUs;

TEST(BoardCallAt, CallsAtTheirTimesInOrder) {
    emu::Board board;
    std::vector<std::pair<int, emu::Picos>> calls;
    board.call_at(5 * kPicosPerMs, [&] { calls.push_back({5, board.now()}); });
    board.call_at(1 * kPicosPerMs, [&] { calls.push_back({1, board.now()}); });
    board.call_at(1 * kPicosPerMs + 1, [&] { calls.push_back({2, board.now()}); });
    board.run_until(3 * kPicosPerMs);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0], std::make_pair(1, 1 * kPicosPerMs));
    EXPECT_EQ(calls[1], std::make_pair(2, 1 * kPicosPerMs + 1));
    EXPECT_EQ(board.now(), 3 * kPicosPerMs);
    board.run_for(7 * kPicosPerMs);
    ASSERT_EQ(calls.size(), 3u);
    EXPECT_EQ(calls[2], std::make_pair(5, 5 * kPicosPerMs));
    EXPECT_EQ(board.now(), 10 * kPicosPerMs);
}

TEST(BoardCallAt, AtTheEndOfARunAndWhenPast) {
    emu::Board board;
    std::vector<emu::Picos> at;
    board.call_at(2 * kPicosPerMs, [&] { at.push_back(board.now()); });
    board.run_until(2 * kPicosPerMs);  // reaching the time exactly is enough
    ASSERT_EQ(at.size(), 1u);
    EXPECT_EQ(at[0], 2 * kPicosPerMs);
    // A time already passed: called before time moves on.
    board.call_at(1 * kPicosPerMs, [&] { at.push_back(board.now()); });
    EXPECT_EQ(at.size(), 1u);
    board.run_for(1 * kPicosPerMs);
    ASSERT_EQ(at.size(), 2u);
    EXPECT_EQ(at[1], 2 * kPicosPerMs);
}

TEST(BoardCallAt, InsideADriversWait) {
    emu::Board board;
    const emu::Picos t = 7 * kPicosPerUs + 3;
    emu::Picos called = 0;
    board.call_at(t, [&] { called = board.now(); });
    while (board.now() < 100 * kPicosPerUs) board.idle();
    EXPECT_EQ(called, t);
}

TEST(BoardCallAt, ACallMayScheduleAnother) {
    emu::Board board;
    std::vector<emu::Picos> at;
    board.call_at(kPicosPerMs, [&] {
        at.push_back(board.now());
        board.call_at(board.now(), [&] { at.push_back(board.now()); });
        board.call_at(3 * kPicosPerMs, [&] { at.push_back(board.now()); });
    });
    board.run_for(5 * kPicosPerMs);
    EXPECT_EQ(at, (std::vector<emu::Picos>{kPicosPerMs, kPicosPerMs, 3 * kPicosPerMs}));
}
