// A C++ library made up to exercise what mpbindgen binds of C++ headers: classes with
// constructors, methods, static methods, overloads and public fields, inheritance and virtual
// methods, namespaces, references, default arguments, std::string, std::vector, std::span and
// C++ exceptions. The MicroPython module `shapes` is generated from this header;
// tests/mpbindgen/test_cxx_*.py use it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#define SHAPES_VERSION 2

/** Greets `who`. */
std::string greet(const std::string &who = "world");

namespace geo {

constexpr int kMaxPoints = 64;
constexpr double kPi = 3.14159265358979;

/** Units of length, in tenths of a millimetre. */
enum class Unit : uint16_t { Millimetre = 10, Inch = 254 };

/** A point in the plane. */
struct Point {
    double x = 0;
    double y = 0;
    Point() = default;
    Point(double x, double y);
    /** Distance from the origin. */
    double norm() const;
    Point operator+(const Point &o) const;
    Point operator*(double k) const;
    bool operator==(const Point &o) const;
};

double distance(const Point &a, const Point &b);
/** Moves `p` by (dx, dy) in place. */
void translate(Point &p, double dx, double dy = 0);
/** `v` in `unit`, converted to millimetres. */
double to_mm(double v, Unit unit = Unit::Millimetre);

/** A shape; not constructible itself. */
class Shape {
  public:
    virtual ~Shape();
    virtual double area() const = 0;
    virtual std::string name() const;
    /** Scales the shape; throws std::invalid_argument for a negative factor. */
    virtual void scale(double k) = 0;
    /** Shapes alive now. */
    static int alive();
    int id = 0;

  protected:
    Shape();
    Shape(const Shape &other);
};

class Circle : public Shape {
  public:
    explicit Circle(double radius, Point centre = Point());
    double area() const override;
    std::string name() const override;
    void scale(double k) override;
    double radius() const { return radius_; }
    /** The centre, by reference: writes reach the circle. */
    Point &centre() { return centre_; }

  private:
    double radius_;
    Point centre_;
};

class Polygon : public Shape {
  public:
    Polygon() = default;
    explicit Polygon(const std::vector<Point> &points);
    void add(const Point &p);
    void add(double x, double y);
    double area() const override;
    std::string name() const override;
    void scale(double k) override;
    std::vector<Point> points() const { return points_; }
    std::vector<double> xs() const;
    size_t size() const { return points_.size(); }
    /** The point at `i`; throws std::out_of_range. */
    const Point &at(size_t i) const { return points_.at(i); }
    std::string label = "polygon";

  private:
    std::vector<Point> points_;
};

/** "circle of area 3.14" and the like: takes any shape. */
std::string describe(const Shape &s);
double total_area(const std::vector<Circle> &circles);
/** A new shape the caller owns. */
std::unique_ptr<Shape> make_square(double side);
/** A shape that lives for ever; Python does not own it. */
Shape *unit_circle();

}  // namespace geo

namespace text {

int scale(int v, int by = 2);
double scale(double v, double by = 2);
std::string scale(const std::string &s, int times = 2);
/** The words of `s`, split at spaces. */
std::vector<std::string> words(const std::string &s);
std::string join(const std::vector<std::string> &parts, const std::string &sep = " ");
/** Adds `by` to every element. */
void bump(std::span<int32_t> values, int32_t by);
uint32_t checksum(std::span<const uint8_t> data);
uint32_t checksum(const uint8_t *data, size_t len, uint32_t seed);
void increment(int &counter);
bool all_set(const std::vector<bool> &flags);

namespace detail {
/** A counter in a nested namespace. */
class Counter {
  public:
    Counter() = default;
    explicit Counter(int start) : value(start) {}
    int next() { return ++value; }
    int value = 0;
    const int limit = 1000;
};
}  // namespace detail

}  // namespace text

namespace events {

/** Calls `f` with 0..n-1 and sums what it returns. */
int sum_over(int n, const std::function<int(int)> &f);
/** `s` with `f` applied to each word. */
std::string map_words(const std::string &s, std::function<std::string(const std::string &)> f);
/** Whether `pred` holds for the point. */
bool test_point(const geo::Point &p, const std::function<bool(const geo::Point &)> &pred);

/** Keeps handlers and calls them later: the library owns the std::function objects. */
class Dispatcher {
  public:
    void on(const std::string &name, std::function<void(const std::string &, double)> handler);
    /** Calls the handlers registered for `name`; returns how many. */
    int emit(const std::string &name, double value);
    size_t size() const { return handlers_.size(); }
    void clear() { handlers_.clear(); }

  private:
    std::vector<std::pair<std::string, std::function<void(const std::string &, double)>>> handlers_;
};

}  // namespace events

/** Not bindable: reported with the reason. */
template <typename T>
T identity(T v) {
    return v;
}
int sum_all(int n, ...);
