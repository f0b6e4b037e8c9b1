// The made-up C++ library behind the `shapes` test module (shapes.hpp).
#include "shapes.hpp"

#include <climits>
#include <cmath>
#include <cstdarg>
#include <stdexcept>

std::string greet(const std::string &who) { return "hello, " + who; }

namespace geo {

Point::Point(double x_, double y_) : x(x_), y(y_) {}
double Point::norm() const { return std::sqrt(x * x + y * y); }
Point Point::operator+(const Point &o) const { return Point(x + o.x, y + o.y); }
Point Point::operator*(double k) const { return Point(x * k, y * k); }
bool Point::operator==(const Point &o) const { return x == o.x && y == o.y; }

double distance(const Point &a, const Point &b) { return std::hypot(a.x - b.x, a.y - b.y); }
void translate(Point &p, double dx, double dy) {
    p.x += dx;
    p.y += dy;
}
double to_mm(double v, Unit unit) { return v * static_cast<double>(unit) / 10.0; }

static int alive_shapes = 0;
Shape::Shape() { alive_shapes++; }
Shape::Shape(const Shape &other) : id(other.id) { alive_shapes++; }
Shape::~Shape() { alive_shapes--; }
std::string Shape::name() const { return "shape"; }
int Shape::alive() { return alive_shapes; }

static void check_factor(double k) {
    if (k < 0) throw std::invalid_argument("scale factor must not be negative");
}

Circle::Circle(double radius, Point centre) : radius_(radius), centre_(centre) {
    if (radius < 0) throw std::invalid_argument("radius must not be negative");
}
double Circle::area() const { return kPi * radius_ * radius_; }
std::string Circle::name() const { return "circle"; }
void Circle::scale(double k) {
    check_factor(k);
    radius_ *= k;
}

Polygon::Polygon(const std::vector<Point> &points) : points_(points) {
    if (points.size() > static_cast<size_t>(kMaxPoints)) throw std::length_error("too many points");
}
void Polygon::add(const Point &p) { points_.push_back(p); }
void Polygon::add(double x, double y) { points_.emplace_back(x, y); }
double Polygon::area() const {
    double twice = 0;  // the shoelace formula
    for (size_t i = 0; i < points_.size(); i++) {
        const Point &a = points_[i], &b = points_[(i + 1) % points_.size()];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::fabs(twice) / 2;
}
std::string Polygon::name() const { return "polygon"; }
void Polygon::scale(double k) {
    check_factor(k);
    for (auto &p : points_) p = p * k;
}
std::vector<double> Polygon::xs() const {
    std::vector<double> r;
    for (auto &p : points_) r.push_back(p.x);
    return r;
}

std::string describe(const Shape &s) {
    char area[32];
    std::snprintf(area, sizeof area, "%.2f", s.area());
    return s.name() + " of area " + area;
}
double total_area(const std::vector<Circle> &circles) {
    double a = 0;
    for (auto &c : circles) a += c.area();
    return a;
}
std::unique_ptr<Shape> make_square(double side) {
    auto p = std::make_unique<Polygon>();
    p->add(0, 0);
    p->add(side, 0);
    p->add(side, side);
    p->add(0, side);
    p->label = "square";
    return p;
}
Shape *unit_circle() {
    static Circle circle(1.0);
    return &circle;
}

}  // namespace geo

namespace text {

int scale(int v, int by) {
    long long r = static_cast<long long>(v) * by;
    if (r > INT_MAX || r < INT_MIN) throw std::overflow_error("scale: the product does not fit an int");
    return static_cast<int>(r);
}
double scale(double v, double by) { return v * by; }
std::string scale(const std::string &s, int times) {
    if (times < 0 || s.size() * static_cast<size_t>(times) > (1u << 20))
        throw std::length_error("scale: the result would be longer than 1 MiB");
    std::string r;
    for (int i = 0; i < times; i++) r += s;
    return r;
}
std::vector<std::string> words(const std::string &s) {
    std::vector<std::string> r;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(' ', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) r.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return r;
}
std::string join(const std::vector<std::string> &parts, const std::string &sep) {
    std::string r;
    for (size_t i = 0; i < parts.size(); i++) r += (i ? sep : "") + parts[i];
    return r;
}
void bump(std::span<int32_t> values, int32_t by) {
    for (auto &v : values) v += by;
}
uint32_t checksum(std::span<const uint8_t> data) { return checksum(data.data(), data.size(), 0); }
uint32_t checksum(const uint8_t *data, size_t len, uint32_t seed) {
    uint32_t h = seed;
    for (size_t i = 0; i < len; i++) h = h * 31 + data[i];
    return h;
}
void increment(int &counter) { counter++; }
bool all_set(const std::vector<bool> &flags) {
    for (bool f : flags) {
        if (!f) return false;
    }
    return true;
}

}  // namespace text

namespace events {

int sum_over(int n, const std::function<int(int)> &f) {
    int s = 0;
    for (int i = 0; i < n; i++) s += f(i);
    return s;
}

std::string map_words(const std::string &s, std::function<std::string(const std::string &)> f) {
    std::vector<std::string> out;
    for (auto &w : text::words(s)) out.push_back(f(w));
    return text::join(out);
}

bool test_point(const geo::Point &p, const std::function<bool(const geo::Point &)> &pred) { return pred(p); }

void Dispatcher::on(const std::string &name, std::function<void(const std::string &, double)> handler) {
    handlers_.emplace_back(name, std::move(handler));
}

int Dispatcher::emit(const std::string &name, double value) {
    int n = 0;
    for (auto &[key, handler] : handlers_) {
        if (key != name || !handler) continue;
        handler(name, value);
        n++;
    }
    return n;
}

}  // namespace events

int sum_all(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}
