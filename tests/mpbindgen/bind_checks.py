# Helpers for the mpbindgen tests.
def check(cond, what):
    if not cond:
        raise AssertionError(what)


def raises(exc, fn, *args, **kw):
    # The exception's message, after checking that fn(*args) raises exc.
    try:
        fn(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError("%s(%r) did not raise %s" % (getattr(fn, "__name__", fn), args, exc.__name__))
