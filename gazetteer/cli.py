"""What every command line of the project shares: how it exits."""

from __future__ import annotations

import sys
from collections.abc import Callable


def exit_with(main: Callable[[], int]) -> None:
    """Exit with ``main()``'s status; a reader that went away (``| head``) or Ctrl-C is no
    traceback."""
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`)
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
