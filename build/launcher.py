"""PyInstaller entry script for the Hearth bundle (see build/hearth.spec).

It only hands over to ``app.__main__.main`` so the frozen app behaves exactly
like ``python -m app``.
"""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
