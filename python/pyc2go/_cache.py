"""The disk cache of compiled modules, and the locks that make concurrent
first calls compile once.

Layout, under cache_dir():

    KIND/LABEL-KEY/  one compiled entry: KIND is jit (a ctypes module, its
                  library and C source), ufunc (a library of ufunc loops
                  and its C), runtime (pyc2go's C runtime as an object
                  file) or ext (the CPython extension of vectorize); LABEL
                  names it for people (kernels.total); KEY is a prefix of
                  the sha256 of everything the build depends on
    locks/KEY     the file lock a build of KEY holds
    tmp/          builds in progress, renamed into place when complete
    tools/        remembered identities of the pyc2go binary and the C
                  compiler, keyed by path, size and modification time

An entry appears whole or not at all (a directory rename), so a reader
never takes the lock; a builder takes the process-local lock of its key,
then the file lock, and looks again before building: threads of one
process and other processes alike find the first one's build.
"""

import fcntl
import hashlib
import os
import re
import shutil
import tempfile
import threading

# Counters of this process, per kind of entry: entries compiled here, and
# entries found on disk (built by this process earlier or by another one).
KINDS = ("jit", "ufunc", "runtime", "ext")
stats = {"compiled": dict.fromkeys(KINDS, 0), "disk_hits": dict.fromkeys(KINDS, 0)}
_stats_lock = threading.Lock()


def _count(what, kind):
    with _stats_lock:
        stats[what][kind] += 1


def cache_dir():
    """The directory of the disk cache: $PYC2GO_CACHE/python, else
    $XDG_CACHE_HOME/pyc2go/python, else ~/.cache/pyc2go/python (beside the
    CLI's build cache, pyc2go/build)."""
    base = os.environ.get("PYC2GO_CACHE")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME")
        if not xdg:
            home = os.path.expanduser("~")
            xdg = os.path.join(home, ".cache") if home != "~" else tempfile.gettempdir()
        base = os.path.join(xdg, "pyc2go")
    return os.path.join(base, "python")


def clear_cache():
    """Deletes the disk cache. Processes that have loaded a module keep
    it; the next first call of a function compiles again."""
    shutil.rmtree(cache_dir(), ignore_errors=True)


def key_of(*parts):
    """The sha256 of parts (strings or bytes), unambiguously joined."""
    h = hashlib.sha256()
    for p in parts:
        b = p if isinstance(p, bytes) else str(p).encode("utf-8")
        h.update(b"%d:" % len(b))
        h.update(b)
    return h.hexdigest()


_locks_guard = threading.Lock()
_locks = {}


def _thread_lock(key):
    with _locks_guard:
        lock = _locks.get(key)
        if lock is None:
            lock = _locks[key] = threading.Lock()
        return lock


class _FileLock:
    """An exclusive flock(2) on path, held for the with block."""

    def __init__(self, path):
        self.path = path

    def __enter__(self):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


def entry(kind, label, key, build, use_disk=True):
    """The directory of the compiled entry key (of kind, named label): found
    in the cache, or made by build(dir), which writes the entry's files
    into the empty dir.
    Without use_disk the entry is built into a fresh temporary directory
    every time (the caller deletes it once loaded)."""
    if not use_disk:
        d = tempfile.mkdtemp(prefix="pyc2go-jit-")
        try:
            build(d)
        except BaseException:
            shutil.rmtree(d, ignore_errors=True)
            raise
        _count("compiled", kind)
        return d
    root = cache_dir()
    key = key[:32]
    final = os.path.join(root, kind, "%s-%s" % (re.sub(r"[^\w.-]", "_", label), key))
    if os.path.isdir(final):
        _count("disk_hits", kind)
        return final
    with _thread_lock(key), _FileLock(os.path.join(root, "locks", key)):
        if os.path.isdir(final):
            _count("disk_hits", kind)
            return final
        tmproot = os.path.join(root, "tmp")
        os.makedirs(tmproot, exist_ok=True)
        os.makedirs(os.path.dirname(final), exist_ok=True)
        d = tempfile.mkdtemp(prefix=key[:16] + "-", dir=tmproot)
        try:
            build(d)
            os.rename(d, final)
        except BaseException:
            shutil.rmtree(d, ignore_errors=True)
            raise
        _count("compiled", kind)
        return final


def remembered(kind, path, compute):
    """compute(path), remembered on disk per (kind, path, size, mtime,
    inode): hashing the pyc2go binary or asking the C compiler its version
    costs more than a warm first call may."""
    st = os.stat(path)
    key = key_of(kind, os.path.realpath(path), st.st_size, st.st_mtime_ns, st.st_ino)
    f = os.path.join(cache_dir(), "tools", key)
    try:
        with open(f, encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        pass
    value = compute(path)
    os.makedirs(os.path.dirname(f), exist_ok=True)
    tmp = "%s.%d.%d" % (f, os.getpid(), threading.get_ident())
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(value)
    os.replace(tmp, f)
    return value
