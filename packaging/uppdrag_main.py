"""The bundle's entry point: the same `uppdrag` program as the installed console script."""

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
