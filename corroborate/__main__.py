"""``python -m corroborate``: the same command line as ``corroborate``."""

from .cli import main

if __name__ == "__main__":
    main()
