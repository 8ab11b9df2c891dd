// Package python tests pyc2go's Python package, which lives in this
// directory: python/pyc2go is `import pyc2go` (pyc2go.jit compiles a
// function through the C backend on its first call; pyc2go.vectorize makes
// a numpy ufunc of a scalar function), python/pyproject.toml installs it,
// python/tests holds its tests and python/bench its benchmark against
// numba.
//
// There is no Go API here. `go test ./python` builds the pyc2go binary,
// runs python/tests in the reference interpreter (CPython with numpy)
// against it, with one disk cache for the whole run, and checks that the
// README's install command installs a working package.
package python
