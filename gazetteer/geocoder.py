"""A geopy geocoder over the local gazetteer, so that code written for geopy works unchanged.

``LocalGazetteer().geocode("Thổ Nhĩ Kỳ")`` returns a ``geopy.location.Location`` without
any network request. With ``online=True`` (off by default) a name the gazetteer lacks is
asked of OpenStreetMap's Nominatim, at most once a second, and the answer is stored in the
user layer so that the next lookup of that name is local. :meth:`LocalGazetteer.ask_online`
asks Nominatim directly (the dashboard's "look it up online" button) and raises
:class:`OnlineLookupFailed` when the service cannot be reached, so that "offline" and "not
found" are told apart.
"""

from __future__ import annotations

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.candidate import Candidate
from gazetteer.store import Gazetteer, InvalidPlace

# OSM "addresstype" / "type" → our kinds; anything else is "other".
_OSM_KINDS = {
    "country": "country",
    "state": "admin1",
    "province": "admin1",
    "region": "region",
    "county": "admin2",
    "district": "admin2",
    "city": "city",
    "town": "town",
    "village": "village",
    "hamlet": "village",
    "suburb": "town",
    "river": "river",
}


class OnlineLookupFailed(Exception):
    """The online geocoder could not be reached or refused the request (offline, timeout,
    rate limit, server error); the message says which."""


class LocalGazetteer(Geocoder):
    """geopy ``Geocoder`` answering from diadanh's gazetteer (offline by default)."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        online: bool = False,
        nominatim_domain: str = "nominatim.openstreetmap.org",
        nominatim_scheme: str = "https",
        user_agent: str = "diadanh (offline-first Vietnamese news geoparser)",
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
    ):
        super().__init__(user_agent=user_agent)
        self.gazetteer = gazetteer or Gazetteer()
        self.online = online
        self._nominatim_args = {
            "domain": nominatim_domain,
            "scheme": nominatim_scheme,
            "user_agent": user_agent,
            "timeout": timeout,
        }
        self._min_delay = min_delay_seconds
        self._online_geocode = None

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: list[str] | str | None = None,
        near: tuple[float, float] | None = None,
        limit: int = 10,
    ) -> Location | list[Location] | None:
        """Look a name up; hints rank the candidates (``country_codes``, a point ``near``)."""
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        found = self.gazetteer.lookup(query, countries=country_codes, near=near, limit=limit)
        if not found and self.online:
            try:
                cached = self.ask_online(query, country_codes)
            except (OnlineLookupFailed, InvalidPlace):
                cached = None  # geocode() answers None when the service fails, as before
            found = [cached] if cached else []
        locations = [to_location(c) for c in found]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one: bool = True, max_km: float = 50.0):
        """The nearest town (or else the country) at a point, as a Location."""
        point = query if isinstance(query, Point) else Point(query)
        answer = self.gazetteer.reverse(point.latitude, point.longitude, max_km=max_km)
        found = [c for c in (answer["place"], *answer["regions"], answer["country"]) if c]
        locations = [to_location(c) for c in found]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def ask_online(self, query: str, country_codes: list[str] | None = None) -> Candidate | None:
        """Ask Nominatim for ``query`` (at most one request a second per geocoder) and keep the
        answer in the user layer, with ``query`` as an alias; None when Nominatim knows no such
        place. Raises :class:`OnlineLookupFailed` when it cannot be asked, :class:`InvalidPlace`
        when its answer cannot be stored (nothing is written then)."""
        if self._online_geocode is None:
            nominatim = Nominatim(**self._nominatim_args)
            self._online_geocode = RateLimiter(
                nominatim.geocode,
                min_delay_seconds=self._min_delay,
                max_retries=1,
                error_wait_seconds=1.0,
                swallow_exceptions=False,
            )
        try:
            location = self._online_geocode(
                query, exactly_one=True, addressdetails=True, country_codes=country_codes
            )
        except GeopyError as exc:
            raise OnlineLookupFailed(f"{type(exc).__name__}: {exc}") from exc
        if location is None:
            return None
        raw = location.raw
        country = (raw.get("address", {}).get("country_code") or "").upper() or None
        kind = _OSM_KINDS.get(raw.get("addresstype") or raw.get("type"), "other")
        bbox = None
        if raw.get("boundingbox"):
            south, north, west, east = (float(v) for v in raw["boundingbox"])
            bbox = (west, south, east, north)
        return self.gazetteer.add_place(
            raw.get("name") or query,
            kind,
            location.latitude,
            location.longitude,
            country=country,
            aliases=[query],
            bbox=bbox,
            source=f"OpenStreetMap Nominatim (ODbL), osm {raw.get('osm_type')} {raw.get('osm_id')}",
        )


def to_location(candidate: Candidate) -> Location:
    """A geopy Location whose ``raw`` is the candidate as a dict."""
    label = ", ".join(p for p in (candidate.name_vi or candidate.name, candidate.country) if p)
    return Location(label, (candidate.lat, candidate.lon, 0.0), candidate.to_dict())
