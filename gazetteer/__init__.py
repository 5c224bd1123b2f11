"""diadanh's local gazetteer: the world's places under the names the Vietnamese press uses.

Built offline from GeoNames, CLDR and Natural Earth plus a curated file; looked up by
name (any case, with or without accents) or by point. See ``python -m gazetteer --help``.
"""

from gazetteer.candidate import Candidate
from gazetteer.store import DEFAULT_DB, DEFAULT_USER_DB, Gazetteer, GazetteerMissing, InvalidPlace

__all__ = ["DEFAULT_DB", "DEFAULT_USER_DB", "Candidate", "Gazetteer", "GazetteerMissing", "InvalidPlace"]
