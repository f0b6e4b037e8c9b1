// Seed for the mpbindgen fuzzer: a C++ API without standard headers (they make every parse
// slow), with what the C++ front end reads: namespaces, classes, inheritance, overloads,
// operators, default arguments, references, enums, constants and templates.
#define SEED_VERSION 1
namespace outer {
constexpr int kLimit = 8;
enum class Mode : unsigned char { Off, On = 3 };
enum Legacy { LEGACY_A, LEGACY_B };
struct Vec {
    float x = 0, y = 0;
    Vec() = default;
    Vec(float x, float y);
    Vec operator+(const Vec &o) const;
    bool operator==(const Vec &o) const;
    float operator[](int i) const;
    static Vec zero();
};
class Base {
  public:
    virtual ~Base();
    virtual int value() const = 0;
    int tag = 0;

  protected:
    Base();
};
class Leaf : public Base {
  public:
    explicit Leaf(int v, Mode m = Mode::On);
    int value() const override;
    Vec &where();
    const Vec &where_const() const;
    Leaf *next;
    const char *label;
    unsigned bits : 3;

  private:
    int v_;
};
namespace inner {
int twice(int v);
double twice(double v);
void fill(unsigned char *data, unsigned long len, unsigned char value = 0);
void bump(int &counter, int by = 1);
Base *make(int kind);
}  // namespace inner
template <typename T>
T id(T v) {
    return v;
}
}  // namespace outer
int add(int a, int b);
