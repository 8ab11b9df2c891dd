"""The exceptions and warnings of the package."""

import collections

Diagnostic = collections.namedtuple("Diagnostic", "file line col message")
Diagnostic.__doc__ = """One pyc2go diagnostic: the Python file, 1-based line and
column (in characters; 0 when the error has no position) and the message."""


class CompileError(Exception):
    """A function pyc2go cannot compile. str(e) is pyc2go's report
    (FILE:LINE:COL: error: MESSAGE, the source line and a caret, for each
    error) with FILE the function's own file; e.diagnostics lists them."""

    def __init__(self, message, diagnostics=()):
        super().__init__(message)
        self.diagnostics = list(diagnostics)


class ToolchainError(RuntimeError):
    """A tool the package needs is missing: the pyc2go binary, a C
    compiler, or Python's headers (vectorize)."""


class FallbackWarning(UserWarning):
    """jit(fallback=True) runs a function in the interpreter because pyc2go
    cannot compile it (or its arguments); given once per function."""
