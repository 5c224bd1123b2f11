"""The gazetteer's SQLite layout, shared by the builder, the reader and the user layer."""

from __future__ import annotations

SCHEMA_VERSION = 2

# Flags of a name row.
FLAG_FOLDED = 1  # the key is the diacritic-free form of a name
FLAG_VIETNAMESE = 2  # the name is Vietnamese
FLAG_PRIMARY = 4  # the place's canonical or Vietnamese name
# A weak name: a GeoNames alternate that is a code ("KHI", "KN"), an abbreviation ("St.", "N.Y.")
# or one syllable that is a common Vietnamese word ("Khi", "Hai", "Ba"). A candidate reached only
# through weak names is ``Candidate.weak``: the matcher wants a place cue or context for it.
FLAG_WEAK = 8
# A checked name: curated (gazetteer/data), CLDR, Natural Earth or the user layer: someone chose it
# for this place. It never loses to another place's bare GeoNames alternate.
FLAG_CHECKED = 16

# The columns a lookup reads, in order. The table also has ``geometry`` (GeoJSON), last so that
# a lookup that does not read it never touches its overflow pages (a country's is ~100 KB).
PLACE_COLUMNS = (
    "id",
    "name",
    "name_vi",
    "kind",
    "country",
    "admin1",
    "lat",
    "lon",
    "population",
    "west",
    "south",
    "east",
    "north",
    "prior",
    "source",
)
COL = {name: i for i, name in enumerate(PLACE_COLUMNS)}

_PLACE_TABLE = """
    {rid}
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_vi TEXT,
    kind TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER,
    west REAL, south REAL, east REAL, north REAL,
    prior REAL NOT NULL,
    source TEXT NOT NULL,
    geometry TEXT
"""

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places ({_PLACE_TABLE.format(rid="rid INTEGER PRIMARY KEY,")});
CREATE TABLE names (
    key TEXT NOT NULL,
    rid INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    PRIMARY KEY (key, rid)
) WITHOUT ROWID;
"""

# The user layer lives in its own file so that a rebuild never touches it. Its aliases
# may name a place of the built gazetteer or one of its own places.
USER_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS places ({_PLACE_TABLE.format(rid="")});
CREATE TABLE IF NOT EXISTS aliases (
    key TEXT NOT NULL,
    place_id TEXT NOT NULL,
    flags INTEGER NOT NULL,
    name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
"""
