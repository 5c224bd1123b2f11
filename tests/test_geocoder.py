"""geopy code works unchanged over the gazetteer; the online fallback is off unless asked."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.distance import distance
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import Gazetteer
from gazetteer.geocoder import LocalGazetteer, OnlineLookupFailed


def test_is_a_geopy_geocoder(fresh_gaz: Gazetteer) -> None:
    geocoder = LocalGazetteer(fresh_gaz)
    assert isinstance(geocoder, Geocoder)
    location = geocoder.geocode("Thổ Nhĩ Kỳ")
    assert isinstance(location, Location)
    assert location.raw["country"] == "TR" and location.raw["kind"] == "country"


def test_geocode_with_hints_and_many_results(fresh_gaz: Gazetteer) -> None:
    geocoder = LocalGazetteer(fresh_gaz)
    jolfa = geocoder.geocode("Jolfa", country_codes="IR")
    assert distance(jolfa.point, (38.94, 45.63)).km < 3
    armenias = geocoder.geocode("Armenia", exactly_one=False)
    assert len(armenias) > 1 and armenias[0].raw["kind"] == "country"
    assert geocoder.geocode("Xyzzyqqq Nowhere") is None


def test_reverse_returns_locations(fresh_gaz: Gazetteer) -> None:
    geocoder = LocalGazetteer(fresh_gaz)
    found = geocoder.reverse((40.34, 46.93))
    assert found.raw["name"] == "Tartar"
    everything = geocoder.reverse("39.82, 46.76", exactly_one=False)
    assert {"curated:nagorno-karabakh", "country:AZ"} <= {loc.raw["id"] for loc in everything}
    assert geocoder.reverse((0.0, -140.0)) is None


class _FakeNominatim(BaseHTTPRequestHandler):
    """A Nominatim-shaped HTTP server on loopback: the real HTTP path, no internet."""

    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query)
        type(self).requests.append(query["q"][0])
        body = []
        if query["q"][0] == "Làng Ven Sông Aras":
            body = [
                {
                    "lat": "39.1",
                    "lon": "46.95",
                    "name": "Aras Riverside Village",
                    "display_name": "Aras Riverside Village, Iran",
                    "addresstype": "village",
                    "osm_type": "node",
                    "osm_id": 42,
                    "boundingbox": ["39.09", "39.11", "46.94", "46.96"],
                    "address": {"country_code": "ir"},
                }
            ]
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def nominatim():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeNominatim.requests = []
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()


def test_offline_by_default_no_request_on_a_miss(fresh_gaz: Gazetteer, nominatim: str) -> None:
    geocoder = LocalGazetteer(fresh_gaz, nominatim_domain=nominatim, nominatim_scheme="http")
    assert geocoder.geocode("Làng Ven Sông Aras") is None
    assert _FakeNominatim.requests == []


def test_online_fallback_caches_into_the_user_layer(fresh_gaz: Gazetteer, nominatim: str) -> None:
    geocoder = LocalGazetteer(
        fresh_gaz, online=True, nominatim_domain=nominatim, nominatim_scheme="http", min_delay_seconds=0
    )
    found = geocoder.geocode("Làng Ven Sông Aras")
    assert found.raw["country"] == "IR" and found.raw["kind"] == "village"
    assert "Nominatim" in found.raw["source"]
    # the second lookup is local: no new request
    again = geocoder.geocode("Làng Ven Sông Aras")
    assert again.raw["id"] == found.raw["id"]
    assert _FakeNominatim.requests == ["Làng Ven Sông Aras"]
    # a name known locally never goes online
    geocoder.geocode("Terter")
    assert geocoder.geocode("Không Có Ở Đâu Cả") is None
    assert _FakeNominatim.requests == ["Làng Ven Sông Aras", "Không Có Ở Đâu Cả"]


def closed_port() -> str:
    """A loopback address nothing listens on: what "offline" looks like to the geocoder."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{sock.getsockname()[1]}"


def test_ask_online_tells_offline_from_not_found(fresh_gaz: Gazetteer, nominatim: str) -> None:
    online = LocalGazetteer(
        fresh_gaz, nominatim_domain=nominatim, nominatim_scheme="http", min_delay_seconds=0
    )
    assert online.ask_online("Không Có Ở Đâu Cả") is None  # asked, and not found
    found = online.ask_online("Làng Ven Sông Aras")
    assert found is not None and found.kind == "village" and found.country == "IR"
    assert fresh_gaz.best("Làng Ven Sông Aras").id == found.id  # the name itself is now local
    offline = LocalGazetteer(
        fresh_gaz, nominatim_domain=closed_port(), nominatim_scheme="http", min_delay_seconds=0, timeout=2
    )
    with pytest.raises(OnlineLookupFailed, match="GeocoderUnavailable"):
        offline.ask_online("Một Làng Khác")
    offline.online = True
    assert offline.geocode("Một Làng Khác") is None  # geocode() still answers None offline
