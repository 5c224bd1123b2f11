"""Article → events: reading, place mentions, dates, ACLED-style events."""
