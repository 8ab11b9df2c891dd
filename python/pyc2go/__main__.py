"""python3 -m pyc2go: the disk cache from the command line.

    python3 -m pyc2go cache-dir     prints where compiled modules are kept
    python3 -m pyc2go clear-cache   deletes them
"""

import sys

from . import cache_dir, clear_cache


def main(argv):
    if argv == ["cache-dir"]:
        print(cache_dir())
        return 0
    if argv == ["clear-cache"]:
        clear_cache()
        return 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
