# C++ classes as Python types (module `shapes`, from tests/mpbindgen/demo/shapes.hpp):
# constructors with overloads and defaults, methods, static methods, public fields as
# properties, references as views, inheritance with virtual methods, operators, and who owns
# each C++ object: Python (deleted when collected) or C++ (never deleted by Python).
import gc
import shapes
from bind_checks import check, raises

geo = shapes.geo


def near(a, b):
    return abs(a - b) < 1e-9


# Constructors: overloads by arity, fields as properties.
p = geo.Point(3, 4)
check((p.x, p.y) == (3.0, 4.0) and near(p.norm(), 5), "Point(3, 4)")
o = geo.Point()
check((o.x, o.y) == (0.0, 0.0), "Point() zeroes, as its member initializers say")
o.x = -1.5
check(o.x == -1.5 and near(o.norm(), 1.5), "a field write reaches C++")
raises(TypeError, geo.Point, "3", 4)
raises(TypeError, setattr, o, "x", "a string")
raises(AttributeError, setattr, o, "z", 1)

# Operators: C++ operator+, operator* and operator== as Python's.
s = p + geo.Point(1, 1)
check((s.x, s.y) == (4.0, 5.0), "operator+")
check((p * 2).y == 8.0, "operator*")
check(p == geo.Point(3, 4) and not (p == s) and p != s, "operator== (and != from it)")
raises(TypeError, lambda: p + 1)

# A default argument that is an object: Circle(double radius, Point centre = Point()).
c = geo.Circle(2)
check(near(c.area(), geo.kPi * 4) and c.radius() == 2.0, "Circle(2)")
check((c.centre().x, c.centre().y) == (0.0, 0.0), "default centre")
c2 = geo.Circle(1, geo.Point(5, 6))
check(c2.centre().y == 6.0, "centre given")
check(c2.centre() is not c2.centre(), "each call a new view")

# A reference result is a view into the object: writes reach it, and it keeps it alive.
view = c2.centre()
view.x = 50
check(c2.centre().x == 50.0, "writes through a returned reference reach the circle")
del c2
gc.collect()
check(view.x == 50.0, "the view keeps its circle alive")

# Inheritance: Circle and Polygon are Shapes; virtual methods dispatch in C++.
check(isinstance(c, geo.Shape) and issubclass(geo.Polygon, geo.Shape), "class hierarchy")
check(c.name() == "circle", "virtual name() of Circle")
poly = geo.Polygon([geo.Point(0, 0), geo.Point(4, 0), geo.Point(4, 3), geo.Point(0, 3)])
check(poly.area() == 12.0 and poly.name() == "polygon", "Polygon from a list of Points")
check(geo.describe(c) == "circle of area 12.57" and geo.describe(poly) == "polygon of area 12.00",
      "a Shape & argument takes any shape")
c.id = 41
poly.id = 42
check((c.id, poly.id) == (41, 42), "fields of the base class on derived objects")
check(geo.Shape.area(poly) == 12.0, "the base's method called on a derived object")
raises(TypeError, geo.Shape)  # abstract
raises(TypeError, geo.describe, p)
raises(TypeError, geo.describe, None)

# Overloaded methods: add(const Point &) and add(double, double).
poly.add(geo.Point(-1, 1))
poly.add(-2, 2)
check(poly.size() == 6, "both add() overloads")
check(poly.xs() == [0.0, 4.0, 4.0, 0.0, -1.0, -2.0], "std::vector<double> result as a list")
pts = poly.points()
check([(q.x, q.y) for q in pts][-2:] == [(-1.0, 1.0), (-2.0, 2.0)], "std::vector<Point> result: copies")
pts[0].x = 99
check(poly.points()[0].x == 0.0, "a copy, not a view")
check(poly.at(1).x == 4.0, "const Point & result")
first = poly.at(0)
first.x = 7
poly.add(1, 1)  # the vector may move its elements: a view would dangle
check(first.x == 7 and poly.at(0).x == 0.0, "a const reference result is a copy")
check("range" in raises(IndexError, poly.at, 100), "std::out_of_range is an IndexError with C++'s message")
raises(OverflowError, poly.at, -1)  # size_t

# std::string fields.
check(poly.label == "polygon", "std::string field default")
poly.label = "box"
check(poly.label == "box", "std::string field write")
poly.label = b"bytes too"
check(poly.label == "bytes too", "bytes for std::string")
raises(TypeError, setattr, poly, "label", 5)

# C++ exceptions become Python exceptions, the object stays usable.
check("negative" in raises(ValueError, c.scale, -1), "std::invalid_argument is a ValueError")
c.scale(2)
check(c.radius() == 4.0, "usable after an exception")
raises(ValueError, geo.Circle, -1)  # thrown by the constructor
check("too many" in raises(ValueError, geo.Polygon, [geo.Point()] * 65), "std::length_error is a ValueError")

# Static methods and nested namespaces; a class in a nested namespace with const fields.
Counter = shapes.text.detail.Counter
k = Counter(5)
check((k.next(), k.next(), k.value) == (6, 7, 7), "methods change the object")
check(Counter().value == 0, "overloaded constructor without arguments")
check("read-only" in raises(AttributeError, setattr, k, "limit", 1), "a const field is read-only")
check(k.limit == 1000, "const field read")

# Ownership. Python owns what it constructed and what C++ returned by value or in a
# unique_ptr: collecting them runs the C++ destructor. C++ keeps what it returned by pointer.
def make(n):
    for i in range(n):
        geo.Circle(i)
    geo.total_area([geo.Circle(1), geo.Circle(2)])  # copies into a std::vector<Circle>
    geo.make_square(1)


gc.collect()
before = geo.Shape.alive()
make(200)
for i in range(3):
    gc.collect()
after = geo.Shape.alive()
check(after - before < 8, "collected objects are deleted: %d shapes before, %d after" % (before, after))

square = geo.make_square(3)
check(type(square) is geo.Shape and square.area() == 9.0 and square.name() == "polygon",
      "std::unique_ptr<Shape> result: a Shape Python owns, virtual calls reach the Polygon")
unit = geo.unit_circle()
check(near(unit.area(), geo.kPi), "a pointer result is a view of C++'s object")
alive = geo.Shape.alive()
del unit
gc.collect()
check(geo.Shape.alive() == alive and near(geo.unit_circle().area(), geo.kPi), "Python never deletes what C++ owns")

# Python classes derived from bound ones pass as them.
class Ring(geo.Circle):
    def twice(self):
        return 2 * self.area()


r = Ring(1)
check(near(r.twice(), 2 * geo.kPi) and geo.describe(r) == "circle of area 3.14", "a Python subclass")

check(str(p).startswith("<geo::Point object at "), "repr names the C++ class")
print("test_cxx_classes: ok")
