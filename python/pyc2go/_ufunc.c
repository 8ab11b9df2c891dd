/*
 * _ufunc.c: the CPython extension behind pyc2go.vectorize. It makes real
 * numpy.ufunc objects (PyUFunc_FromFuncAndDataAndSignatureAndIdentity)
 * whose inner loops live in shared libraries built from pyc2go's C
 * backend, and adds loops to them as signatures get compiled.
 *
 * The package builds this file once per interpreter, numpy and C compiler
 * (pyc2go/_build.py) with Python.h and numpy's headers; the loops
 * themselves are plain C without either (pyc2go/_loops.py prints them) and
 * report a Python exception through the hooks struct below.
 *
 * Two numpy 1.24 details shape it:
 *   - numpy calls a legacy loop without the GIL and never looks for a
 *     Python exception afterwards, unless the loop selector says the loop
 *     "needs the API". Every loop of ours may raise (ZeroDivisionError,
 *     ValueError("math domain error"), ...), so the selector below always
 *     says so: numpy then holds the GIL during the loop and checks
 *     PyErr_Occurred() after it, which is how a loop stops the ufunc.
 *   - A ufunc compiled per input dtype on first use (vectorize without
 *     signatures) starts with no loops. numpy only asks a ufunc's type
 *     resolver when it has loops or user loops, so such a ufunc gets an
 *     empty userloops dict, and its resolver asks Python to compile a loop
 *     for input dtypes it has no exact loop for, then resolves to that loop.
 *
 * Compiling releases the GIL (it runs the compilers), and numpy's dispatch
 * cache does not expect that in the middle of a ufunc call: a second
 * thread that starts the same call meanwhile inserts the same cache entry
 * after the first and fails ("Identity cache already includes the
 * item"). So a ufunc compiled on first use is a lazy_ufunc, a subclass of
 * numpy.ufunc whose call and methods (reduce, accumulate, reduceat,
 * outer, at) first make sure, outside numpy, that the loop for their
 * input dtypes exists; the resolver then never compiles unless that guess
 * was wrong.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>
#include <numpy/ufuncobject.h>

/* The loops call hooks.raise_error (through their data pointer) with the
 * fields of the pyc2go_error (runtime/c/src/pyc2go.h) the compiled
 * function filled; numpy holds the GIL then (see above). The fields go
 * one by one so that this file needs no pyc2go header. */
struct pyc2go_ufunc_hooks {
	void (*raise_error)(const char *exc, const char *msg, const char *file, int line, const char *func);
};

/* raise_error sets the Python exception a compiled function raised: the
 * builtin class it names, with its message and, where exceptions take
 * notes (3.11+), the Python position as the ctypes modules give it. */
static void raise_error(const char *name, const char *msg, const char *file, int line, const char *func)
{
	PyObject *cls = PyDict_GetItemString(PyEval_GetBuiltins(), name); /* borrowed */
	PyObject *exc;
	if (cls != NULL && PyExceptionClass_Check(cls)) {
		/* "replace": a message cut at the buffer's end may end mid-rune. */
		exc = msg[0] ? PyObject_CallFunction(cls, "N", PyUnicode_DecodeUTF8(msg, (Py_ssize_t)strlen(msg), "replace"))
			     : PyObject_CallNoArgs(cls);
	} else {
		/* Not a builtin: the ctypes modules' RuntimeError("NAME: message"). */
		exc = PyObject_CallFunction(PyExc_RuntimeError, "N", PyUnicode_FromFormat("%s: %s", name, msg));
	}
	if (exc == NULL) {
		return; /* the failed call left its own exception */
	}
	if (file != NULL && PyObject_HasAttrString(exc, "add_note")) {
		PyObject *r = PyObject_CallMethod(exc, "add_note", "N",
						  PyUnicode_FromFormat("raised by compiled code at %s:%d in %s()", file, line,
								       func ? func : "?"));
		if (r == NULL) {
			PyErr_Clear(); /* a missing note is no reason to lose the exception */
		}
		Py_XDECREF(r);
	}
	PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	Py_DECREF(exc);
}

static struct pyc2go_ufunc_hooks hooks = {raise_error};

/* state is a ufunc's growable loop table and what keeps it alive; it
 * hangs off ufunc->obj as a capsule, which numpy releases with the ufunc. */
typedef struct {
	PyUFuncGenericFunction *functions;
	void **data;
	char *types;
	int n, cap, nargs;
	char *name, *doc;
	PyObject *compile; /* callable(ufunc, tuple of input type numbers), or NULL */
	PyObject *keep;    /* list: the libraries the loops live in */
} state;

static const char capsule_name[] = "pyc2go._ufunc.state";

static void state_free(PyObject *capsule)
{
	state *st = PyCapsule_GetPointer(capsule, capsule_name);
	if (st == NULL) {
		return;
	}
	PyMem_Free(st->functions);
	PyMem_Free(st->data);
	PyMem_Free(st->types);
	PyMem_Free(st->name);
	PyMem_Free(st->doc);
	Py_XDECREF(st->compile);
	Py_XDECREF(st->keep);
	PyMem_Free(st);
}

/* get_state is uf's state, or NULL (with TypeError) for other ufuncs. */
static state *get_state(PyUFuncObject *uf)
{
	if (uf->obj == NULL || !PyCapsule_IsValid(uf->obj, capsule_name)) {
		PyErr_SetString(PyExc_TypeError, "not a ufunc made by pyc2go.vectorize");
		return NULL;
	}
	return PyCapsule_GetPointer(uf->obj, capsule_name);
}

/* numpy's default loop selector, saved when the first ufunc is made. */
static PyUFunc_LegacyInnerLoopSelectionFunc *default_selector;

/* select_loop is numpy's selector, with every loop needing the API (see
 * the top of the file). */
static int select_loop(PyUFuncObject *uf, PyArray_Descr **dtypes, PyUFuncGenericFunction *loop, void **data,
		       int *needs_api)
{
	int r = default_selector(uf, dtypes, loop, data, needs_api);
	*needs_api = 1;
	return r;
}

/* find_loop is the index of the loop whose inputs are exactly in, or -1. */
static int find_loop(PyUFuncObject *uf, const int *in)
{
	for (int j = 0; j < uf->ntypes; j++) {
		int k = 0;
		while (k < uf->nin && uf->types[j * uf->nargs + k] == in[k]) {
			k++;
		}
		if (k == uf->nin) {
			return j;
		}
	}
	return -1;
}

/* resolve_dynamic is the type resolver of a ufunc compiled per input
 * dtype: without dtype=/signature=, it picks the loop compiled for
 * exactly the operands' input dtypes, asking Python to compile it first
 * if there is none; numpy's resolver then checks the casts as usual. */
static int resolve_dynamic(PyUFuncObject *uf, NPY_CASTING casting, PyArrayObject **ops, PyObject *type_tup,
			   PyArray_Descr **out)
{
	state *st = get_state(uf);
	if (st == NULL) {
		return -1;
	}
	if (type_tup != NULL || st->compile == NULL) {
		return PyUFunc_DefaultTypeResolver(uf, casting, ops, type_tup, out);
	}
	int in[NPY_MAXARGS];
	for (int k = 0; k < uf->nin; k++) {
		if (ops[k] == NULL) {
			return PyUFunc_DefaultTypeResolver(uf, casting, ops, type_tup, out);
		}
		in[k] = PyArray_DESCR(ops[k])->type_num;
	}
	int j = find_loop(uf, in);
	if (j < 0) {
		PyObject *key = PyTuple_New(uf->nin);
		if (key == NULL) {
			return -1;
		}
		for (int k = 0; k < uf->nin; k++) {
			PyTuple_SET_ITEM(key, k, PyLong_FromLong(in[k]));
		}
		PyObject *r = PyObject_CallFunctionObjArgs(st->compile, (PyObject *)uf, key, NULL);
		Py_DECREF(key);
		if (r == NULL) {
			return -1;
		}
		Py_DECREF(r);
		j = find_loop(uf, in);
		if (j < 0) {
			PyErr_Format(PyExc_RuntimeError, "pyc2go: no loop of %s after compiling one", uf->name);
			return -1;
		}
	}
	PyObject *tt = PyTuple_New(uf->nargs);
	if (tt == NULL) {
		return -1;
	}
	for (int k = 0; k < uf->nargs; k++) {
		PyTuple_SET_ITEM(tt, k, (PyObject *)PyArray_DescrFromType(uf->types[j * uf->nargs + k]));
	}
	int r = PyUFunc_DefaultTypeResolver(uf, casting, ops, tt, out);
	Py_DECREF(tt);
	return r;
}

/* numpy's vectorcall of ufuncs, saved when the first lazy ufunc is made. */
static vectorcallfunc numpy_vectorcall;

/* prepare asks Python (compile.prepare(ufunc, method, args, kwargs)) to
 * compile the loop a call of method needs, before numpy resolves it. */
static int prepare(PyObject *self, const char *method, PyObject *args, PyObject *kwds)
{
	state *st = get_state((PyUFuncObject *)self);
	if (st == NULL) {
		return -1;
	}
	PyObject *r = PyObject_CallMethod(st->compile, "prepare", "OsOO", self, method, args, kwds ? kwds : Py_None);
	Py_XDECREF(r);
	return r == NULL ? -1 : 0;
}

/* quick_type is the type number numpy gives operand x, for the common
 * kinds of operands; -1 for anything else. */
static int quick_type(PyObject *x)
{
	if (PyArray_Check(x)) {
		return PyArray_DESCR((PyArrayObject *)x)->type_num;
	}
	if (PyFloat_CheckExact(x)) {
		return NPY_DOUBLE;
	}
	if (PyBool_Check(x)) {
		return NPY_BOOL;
	}
	if (PyComplex_CheckExact(x)) {
		return NPY_CDOUBLE;
	}
	if (PyLong_CheckExact(x)) {
		/* numpy makes a long of an int that fits, else something wider. */
		int overflow;
		PyLong_AsLongAndOverflow(x, &overflow);
		return overflow ? -1 : NPY_LONG;
	}
	if (PyArray_IsScalar(x, Generic)) {
		PyArray_Descr *d = PyArray_DescrFromScalar(x);
		int t = d ? d->type_num : -1;
		Py_XDECREF(d);
		PyErr_Clear();
		return t;
	}
	return -1;
}

/* lazy_vectorcall is a lazy ufunc's call: when the loop for the inputs'
 * type numbers is not there, Python compiles it; then numpy's call. */
static PyObject *lazy_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
	PyUFuncObject *u = (PyUFuncObject *)self;
	Py_ssize_t n = PyVectorcall_NARGS(nargsf);
	int in[NPY_MAXARGS];
	int known = n >= u->nin && kwnames == NULL;
	for (int k = 0; known && k < u->nin; k++) {
		in[k] = quick_type(args[k]);
		known = in[k] >= 0;
	}
	if (!known || find_loop(u, in) < 0) {
		PyObject *tuple = PyTuple_New(n);
		PyObject *kwds = kwnames ? PyDict_New() : NULL;
		int ok = tuple != NULL && (kwnames == NULL || kwds != NULL);
		for (Py_ssize_t k = 0; ok && k < n; k++) {
			Py_INCREF(args[k]);
			PyTuple_SET_ITEM(tuple, k, args[k]);
		}
		for (Py_ssize_t k = 0; ok && kwnames && k < PyTuple_GET_SIZE(kwnames); k++) {
			ok = PyDict_SetItem(kwds, PyTuple_GET_ITEM(kwnames, k), args[n + k]) == 0;
		}
		ok = ok && prepare(self, "__call__", tuple, kwds) == 0;
		Py_XDECREF(tuple);
		Py_XDECREF(kwds);
		if (!ok) {
			return NULL;
		}
	}
	return numpy_vectorcall(self, args, nargsf, kwnames);
}

/* call_base calls numpy.ufunc's method name on self. */
static PyObject *call_base(PyObject *self, const char *name, PyObject *args, PyObject *kwds)
{
	PyObject *descr = PyDict_GetItemString(PyUFunc_Type.tp_dict, name); /* borrowed */
	if (descr == NULL || Py_TYPE(descr)->tp_descr_get == NULL) {
		PyErr_Format(PyExc_AttributeError, "numpy.ufunc has no method %s", name);
		return NULL;
	}
	PyObject *bound = Py_TYPE(descr)->tp_descr_get(descr, self, (PyObject *)Py_TYPE(self));
	if (bound == NULL) {
		return NULL;
	}
	PyObject *r = PyObject_Call(bound, args, kwds);
	Py_DECREF(bound);
	return r;
}

#define LAZY_METHOD(m)                                                            \
	static PyObject *lazy_##m(PyObject *self, PyObject *args, PyObject *kwds) \
	{                                                                         \
		if (prepare(self, #m, args, kwds) < 0) {                          \
			return NULL;                                              \
		}                                                                 \
		return call_base(self, #m, args, kwds);                           \
	}
LAZY_METHOD(reduce)
LAZY_METHOD(accumulate)
LAZY_METHOD(reduceat)
LAZY_METHOD(outer)
LAZY_METHOD(at)
#undef LAZY_METHOD

static PyMethodDef lazy_methods[] = {
	{"reduce", (PyCFunction)(void (*)(void))lazy_reduce, METH_VARARGS | METH_KEYWORDS, NULL},
	{"accumulate", (PyCFunction)(void (*)(void))lazy_accumulate, METH_VARARGS | METH_KEYWORDS, NULL},
	{"reduceat", (PyCFunction)(void (*)(void))lazy_reduceat, METH_VARARGS | METH_KEYWORDS, NULL},
	{"outer", (PyCFunction)(void (*)(void))lazy_outer, METH_VARARGS | METH_KEYWORDS, NULL},
	{"at", (PyCFunction)(void (*)(void))lazy_at, METH_VARARGS | METH_KEYWORDS, NULL},
	{NULL, NULL, 0, NULL},
};

/* LazyUFunc_Type is numpy.ufunc with lazy_methods; filled in when the
 * module is imported (numpy's type is known only then). */
static PyTypeObject LazyUFunc_Type = {
	PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pyc2go.lazy_ufunc",
	.tp_doc = "A numpy.ufunc whose loops pyc2go.vectorize compiles on first use, per input dtypes.",
	.tp_methods = lazy_methods,
};

/* new_ufunc(name, doc, nin, nout, identity, identity_value, compile) makes
 * a ufunc without loops. identity is numpy's PyUFunc_* code (the value
 * goes in identity_value for PyUFunc_IdentityValue); compile is None for a
 * ufunc of fixed signatures, else an object that compiles loops: the
 * resolver calls compile(ufunc, input_type_numbers), and the lazy_ufunc's
 * call and methods compile.prepare(ufunc, method, args, kwargs). */
static PyObject *new_ufunc(PyObject *self, PyObject *args)
{
	(void)self;
	const char *name, *doc;
	int nin, nout, identity;
	PyObject *identity_value, *compile;
	if (!PyArg_ParseTuple(args, "ssiiiOO", &name, &doc, &nin, &nout, &identity, &identity_value, &compile)) {
		return NULL;
	}
	if (nin < 1 || nout < 1 || nin + nout > NPY_MAXARGS) {
		PyErr_SetString(PyExc_ValueError, "pyc2go: bad number of ufunc operands");
		return NULL;
	}
	state *st = PyMem_Calloc(1, sizeof *st);
	if (st == NULL) {
		return PyErr_NoMemory();
	}
	st->nargs = nin + nout;
	st->name = PyMem_Malloc(strlen(name) + 1);
	st->doc = PyMem_Malloc(strlen(doc) + 1);
	st->keep = PyList_New(0);
	PyObject *capsule = PyCapsule_New(st, capsule_name, state_free);
	if (capsule == NULL || st->name == NULL || st->doc == NULL || st->keep == NULL) {
		if (capsule == NULL) {
			/* state_free never ran: free what there is by hand. */
			PyMem_Free(st->name);
			PyMem_Free(st->doc);
			Py_XDECREF(st->keep);
			PyMem_Free(st);
		}
		Py_XDECREF(capsule);
		return PyErr_NoMemory();
	}
	strcpy(st->name, name);
	strcpy(st->doc, doc);
	if (compile != Py_None) {
		Py_INCREF(compile);
		st->compile = compile;
	}
	PyObject *uf = PyUFunc_FromFuncAndDataAndSignatureAndIdentity(
		NULL, NULL, NULL, 0, nin, nout, identity, st->name, st->doc, 0, NULL,
		identity == PyUFunc_IdentityValue ? identity_value : NULL);
	if (uf == NULL) {
		Py_DECREF(capsule);
		return NULL;
	}
	PyUFuncObject *u = (PyUFuncObject *)uf;
	u->obj = capsule; /* numpy drops it with the ufunc */
	if (default_selector == NULL) {
		default_selector = u->legacy_inner_loop_selector;
	}
	u->legacy_inner_loop_selector = select_loop;
	if (st->compile != NULL) {
		u->type_resolver = resolve_dynamic;
		u->userloops = PyDict_New();
		if (u->userloops == NULL) {
			Py_DECREF(uf);
			return NULL;
		}
		/* The same object, now a lazy_ufunc: the type adds only methods,
		 * so the layout is numpy's. */
		Py_SET_TYPE(uf, &LazyUFunc_Type);
		if (numpy_vectorcall == NULL) {
			numpy_vectorcall = u->vectorcall;
		}
		u->vectorcall = lazy_vectorcall;
	}
	return uf;
}

/* add_loop(ufunc, types, loop, keep) appends a loop: types are the type
 * numbers of the inputs then outputs, loop the address of a
 * PyUFuncGenericFunction, keep the object its library lives as long as. */
static PyObject *add_loop(PyObject *self, PyObject *args)
{
	(void)self;
	PyObject *uf, *types, *addr, *keep;
	if (!PyArg_ParseTuple(args, "O!O!OO", &PyUFunc_Type, &uf, &PyTuple_Type, &types, &addr, &keep)) {
		return NULL;
	}
	PyUFuncObject *u = (PyUFuncObject *)uf;
	state *st = get_state(u);
	if (st == NULL) {
		return NULL;
	}
	if (PyTuple_GET_SIZE(types) != st->nargs) {
		PyErr_Format(PyExc_ValueError, "pyc2go: a loop of %s needs %d types", u->name, st->nargs);
		return NULL;
	}
	void *fn = PyLong_AsVoidPtr(addr);
	if (fn == NULL) {
		if (!PyErr_Occurred()) {
			PyErr_SetString(PyExc_ValueError, "pyc2go: NULL loop");
		}
		return NULL;
	}
	char t[NPY_MAXARGS];
	for (int k = 0; k < st->nargs; k++) {
		long v = PyLong_AsLong(PyTuple_GET_ITEM(types, k));
		if (v == -1 && PyErr_Occurred()) {
			return NULL;
		}
		if (v < 0 || v >= NPY_NTYPES) {
			PyErr_Format(PyExc_ValueError, "pyc2go: bad type number %ld", v);
			return NULL;
		}
		t[k] = (char)v;
	}
	if (st->n == st->cap) {
		int cap = st->cap ? 2 * st->cap : 4;
		PyUFuncGenericFunction *f = PyMem_Realloc(st->functions, cap * sizeof *f);
		if (f == NULL) {
			return PyErr_NoMemory();
		}
		st->functions = f;
		void **d = PyMem_Realloc(st->data, cap * sizeof *d);
		if (d == NULL) {
			return PyErr_NoMemory();
		}
		st->data = d;
		char *ty = PyMem_Realloc(st->types, (size_t)cap * st->nargs);
		if (ty == NULL) {
			return PyErr_NoMemory();
		}
		st->types = ty;
		st->cap = cap;
	}
	if (PyList_Append(st->keep, keep) < 0) {
		return NULL;
	}
	/* A function pointer through a void pointer: POSIX guarantees the
	 * round trip (dlsym depends on it). */
	*(void **)&st->functions[st->n] = fn;
	st->data[st->n] = &hooks;
	memcpy(st->types + (size_t)st->n * st->nargs, t, st->nargs);
	st->n++;
	/* numpy reads these fields each time it picks a loop, under the GIL,
	 * as we write them. */
	u->functions = st->functions;
	u->data = st->data;
	u->types = st->types;
	u->ntypes = st->n;
	Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
	{"new_ufunc", new_ufunc, METH_VARARGS, "new_ufunc(name, doc, nin, nout, identity, identity_value, compile)"},
	{"add_loop", add_loop, METH_VARARGS, "add_loop(ufunc, types, loop_address, keep)"},
	{NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
	.m_base = PyModuleDef_HEAD_INIT,
	.m_name = "_pyc2go_ufunc",
	.m_doc = "numpy ufuncs over pyc2go's compiled scalar functions.",
	.m_size = -1,
	.m_methods = methods,
};

PyMODINIT_FUNC PyInit__pyc2go_ufunc(void)
{
	import_array();
	import_umath();
	LazyUFunc_Type.tp_base = &PyUFunc_Type;
	LazyUFunc_Type.tp_basicsize = PyUFunc_Type.tp_basicsize;
	LazyUFunc_Type.tp_flags = Py_TPFLAGS_DEFAULT | (PyUFunc_Type.tp_flags & Py_TPFLAGS_HAVE_GC);
	LazyUFunc_Type.tp_traverse = PyUFunc_Type.tp_traverse;
	LazyUFunc_Type.tp_clear = PyUFunc_Type.tp_clear;
	if (PyType_Ready(&LazyUFunc_Type) < 0) {
		return NULL;
	}
	PyObject *m = PyModule_Create(&module);
	if (m == NULL) {
		return NULL;
	}
	Py_INCREF(&LazyUFunc_Type);
	if (PyModule_AddObject(m, "lazy_ufunc", (PyObject *)&LazyUFunc_Type) < 0) {
		Py_DECREF(&LazyUFunc_Type);
		Py_DECREF(m);
		return NULL;
	}
	if (PyModule_AddObject(m, "hooks", PyLong_FromVoidPtr(&hooks)) < 0 ||
	    PyModule_AddIntConstant(m, "IDENTITY_NONE", PyUFunc_None) < 0 ||
	    PyModule_AddIntConstant(m, "IDENTITY_REORDERABLE", PyUFunc_ReorderableNone) < 0 ||
	    PyModule_AddIntConstant(m, "IDENTITY_VALUE", PyUFunc_IdentityValue) < 0) {
		Py_DECREF(m);
		return NULL;
	}
	return m;
}
