"""The Python source pyc2go compiles for a decorated function: its module
cut down to the function, the module functions it calls (transitively),
the constants and imports they use, and the `#pythran export` lines of
those functions. Everything else (the decorators, other functions,
module-level code, the `if __name__ == "__main__":` block) is blanked
out, character by character, so every kept character keeps its line and
column: pyc2go's diagnostics point into the user's own file.

A specialisation adds `#pythran export` lines after the last line, and
may blank the function's annotations (vectorize's signatures and the
per-call types of jit replace them).
"""

import ast
import linecache
import os
import re

from ._errors import CompileError, Diagnostic

_EXPORT = re.compile(r"^\s*#\s*pythran\s+export\s+(.*)$")


class Slice:
    """The cut-down module of one function.

    path: the function's file as Python knows it; base: its base name,
    which the compiled module is named after (kernels.py); name: the
    function; text: the source to compile; params: the function's
    parameter names; annotated: every parameter has an annotation or the
    function has its own `#pythran export` line, so it has a signature."""

    def __init__(self, path, base, name, text, params, annotated, returns_tuple, line=0, col=0):
        self.path = path
        self.line, self.col = line, col  # of the def, 1-based
        self.base = base
        self.name = name
        self.text = text
        self.params = params
        self.annotated = annotated
        self.returns_tuple = returns_tuple

    def error(self, msg):
        """A CompileError at the function's def."""
        return CompileError("%s:%d:%d: error: %s" % (self.path, self.line, self.col, msg),
                            [Diagnostic(self.path, self.line, self.col, msg)])

    @property
    def label(self):
        """module.function, naming cache entries for people."""
        return "%s.%s" % (self.base[:-3] if self.base.endswith(".py") else self.base, self.name)

    def with_exports(self, signatures):
        """The text with one `#pythran export NAME(T, ...)` line per
        signature (a list of export type lists) after the last line."""
        lines = ["#pythran export %s(%s)\n" % (self.name, ", ".join(sig)) for sig in signatures]
        text = self.text if self.text.endswith("\n") else self.text + "\n"
        return text + "\n" + "".join(lines)


def _error(path, node, msg):
    line = getattr(node, "lineno", 0)
    col = getattr(node, "col_offset", -1) + 1
    return CompileError("%s:%d:%d: error: %s" % (path, line, col, msg), [Diagnostic(path, line, col, msg)])


def _export_names(comment):
    """The function names a `#pythran export` comment's text exports."""
    return re.findall(r"(?:^|,)\s*(\w+)\s*\(", comment)


def _local_names(fn):
    """The names fn binds (parameters, assignment and loop targets): Python
    resolves them in the function, never as module names."""
    names = {a.arg for a in fn.args.args + fn.args.posonlyargs + fn.args.kwonlyargs}
    for a in (fn.args.vararg, fn.args.kwarg):
        if a is not None:
            names.add(a.arg)
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not fn:
            names.add(node.name)
    return names


def _used_names(node, local=()):
    """The names node reads that are not local."""
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in local}


def _returns_tuple(fn):
    """Whether fn's return statements return tuple displays (`return q, r`):
    vectorize makes one ufunc output per element."""
    for node in ast.walk(fn):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
            return len(node.value.elts)
    return 0


def source_of(func):
    """(path, source text) of func's module, or CompileError."""
    code = getattr(func, "__code__", None)
    if code is None:
        raise CompileError("pyc2go: %r is not a Python function" % (func,))
    path = code.co_filename
    lines = linecache.getlines(path, func.__globals__)
    if not lines:
        raise CompileError("%s: error: pyc2go needs the source of %s, which Python does not have (define it in a .py file)" % (path, func.__name__))
    return path, "".join(lines)


def _rankless(annotation):
    """Whether an annotation names an array type without a rank:
    NDArray[...] (numpy.typing, under any import spelling) or ndarray."""
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    if isinstance(annotation, ast.Attribute):
        return annotation.attr in ("NDArray", "ndarray")
    return isinstance(annotation, ast.Name) and annotation.id in ("NDArray", "ndarray")


def cut(func, strip_annotations=False):
    """The Slice of func: see the module doc."""
    path, src = source_of(func)
    try:
        tree = ast.parse(src, path)
    except SyntaxError as e:
        raise CompileError("%s:%d:%d: error: %s" % (path, e.lineno or 0, e.offset or 0, e.msg)) from None
    name = func.__name__
    if func.__qualname__ != name or name == "<lambda>":
        what = "a lambda" if name == "<lambda>" else "defined inside %s" % func.__qualname__.rsplit(".", 1)[0].replace(".<locals>", "")
        node = _find_nested(tree, func.__code__.co_firstlineno) or tree
        raise _error(path, node, "pyc2go compiles module-level functions; %s is %s (move it to the module's top level)" % (name, what))

    funcs, others = {}, {}
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef):
            funcs[stmt.name] = stmt  # the last definition wins, as in Python
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        others.setdefault(n.id, []).append(stmt)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            for alias in stmt.names:
                bound = alias.asname or alias.name.split(".")[0]
                others.setdefault(bound, []).append(stmt)
    target = funcs.get(name)
    first = func.__code__.co_firstlineno
    if target is None or first not in [target.lineno] + [d.lineno for d in target.decorator_list]:
        raise CompileError("%s:%d: error: pyc2go cannot find the definition of %s at the module level of %s" % (path, first, name, path))

    # The functions, constants and imports the target needs, transitively.
    kept, work = [], [target]
    seen = set()
    while work:
        node = work.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        kept.append(node)
        if isinstance(node, ast.FunctionDef):
            local = _local_names(node)
            used = set()
            for part in node.body + node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                used |= _used_names(part, local)
            for a in node.args.args + node.args.posonlyargs + node.args.kwonlyargs:
                if a.annotation is not None:
                    used |= _used_names(a.annotation)
            if node.returns is not None:
                used |= _used_names(node.returns)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            used = _used_names(node.value) if node.value is not None else set()
        else:
            used = set()
        for n in sorted(used):
            if n in funcs:
                work.append(funcs[n])
            for stmt in others.get(n, ()):
                work.append(stmt)
    names = {n.name for n in kept if isinstance(n, ast.FunctionDef)}

    lines = src.splitlines(keepends=True)
    # Character offset of each line's start, and a mask of kept characters.
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln))
    keep = bytearray(len(src))

    def offset(line, col):
        # ast columns are UTF-8 byte offsets into the line.
        text = lines[line - 1]
        return starts[line - 1] + len(text.encode("utf-8")[:col].decode("utf-8", "replace"))

    def mark(a, b, value=1):
        for i in range(a, b):
            keep[i] = value

    for node in kept:
        # A function from its def (not its decorators) to its last statement.
        mark(offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset))
    exports_own = False
    for i, ln in enumerate(lines):
        m = _EXPORT.match(ln)
        if m:
            exported = _export_names(m.group(1))
            if exported and all(e in names for e in exported):
                mark(starts[i], starts[i] + len(ln.rstrip("\r\n")))
                exports_own = exports_own or name in exported
    args = target.args
    params = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    # An npt.NDArray[...] (or np.ndarray) annotation gives no rank: pyc2go
    # infers one from the body, which may not be the caller's (a.mean(axis=0)
    # is valid on any rank), so such a function is specialised on its
    # arguments like an unannotated one; the export line fixes the rank.
    annotated = exports_own or all(a.annotation is not None and not _rankless(a.annotation)
                                   for a in args.posonlyargs + args.args + args.kwonlyargs)
    if strip_annotations:
        # Blank `: T` after each parameter name and `-> T` before the colon.
        for a in args.posonlyargs + args.args + args.kwonlyargs:
            if a.annotation is not None:
                mark(offset(a.lineno, a.col_offset) + len(a.arg), offset(a.end_lineno, a.end_col_offset), 0)
        if target.returns is not None:
            end = offset(target.returns.end_lineno, target.returns.end_col_offset)
            arrow = src.rfind("->", 0, offset(target.returns.lineno, target.returns.col_offset))
            mark(arrow, end, 0)
        annotated = False
    out = "".join(ch if keep[i] or ch in "\r\n" else " " for i, ch in enumerate(src))
    text = "\n".join(ln.rstrip() for ln in out.split("\n"))
    return Slice(path, os.path.basename(path), name, text, params, annotated, _returns_tuple(target),
                 target.lineno, target.col_offset + 1)


def _find_nested(tree, line):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.Lambda)) and (
                node.lineno == line or any(d.lineno == line for d in getattr(node, "decorator_list", ()))):
            return node
    return None
