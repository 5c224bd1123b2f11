"""Article → events: reading, place mentions, dates, ACLED-style events."""

from events import speedup

speedup.install()  # the compiled copies of the pipeline's modules, where built from this source
