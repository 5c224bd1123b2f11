"""The map's front-end files, served from our static folder: never from a CDN.

The setup (``make assets``) installs the versions pinned in ``package.json`` from the npm
registry, and :func:`install` copies the files the browser needs into ``dashboard/static/vendor/``
(served by Streamlit at ``/app/static/vendor/``, ``enableStaticServing`` in
``.streamlit/config.toml``) with the country outlines of the offline base layer. The map's
elements (``dashboard/mapview.py``) link these copies through :func:`js_links` / :func:`css_links`:
nothing in the dashboard names a remote script or stylesheet.

    python -m dashboard.assets install [--node-modules node_modules]
    python -m dashboard.assets check      # exit 1 and list the files that are missing
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = Path(__file__).parent / "static" / "vendor"
STATIC_URL = "/app/static/vendor"
NODE_MODULES = ROOT / "node_modules"
PACKAGE_JSON = ROOT / "package.json"
COUNTRIES = "countries.geojson"
ADMIN1 = "admin1.geojson"  # first-level regions' outlines, drawn thin from zoom 5
LABELS = "labels.json"  # place names for the offline map, each with the zoom it appears at

# What is copied from each npm package (pinned in package.json): vendor path -> path in the
# package (a directory is copied whole). CSS files keep their relative url(...) neighbours.
NPM_FILES: dict[str, dict[str, str]] = {
    "leaflet": {
        "leaflet/leaflet.js": "dist/leaflet.js",
        "leaflet/leaflet.css": "dist/leaflet.css",
        "leaflet/images": "dist/images",
        "leaflet/LICENSE": "LICENSE",
    },
    "@fortawesome/fontawesome-free": {
        "fontawesome/css/all.min.css": "css/all.min.css",  # loads ../webfonts/*
        "fontawesome/webfonts": "webfonts",
        "fontawesome/LICENSE.txt": "LICENSE.txt",
    },
    "leaflet.markercluster": {
        "markercluster/leaflet.markercluster.js": "dist/leaflet.markercluster.js",
        "markercluster/MarkerCluster.css": "dist/MarkerCluster.css",
        "markercluster/MarkerCluster.Default.css": "dist/MarkerCluster.Default.css",
        "markercluster/MIT-LICENCE.txt": "MIT-LICENCE.txt",
    },
}

# What the map's elements load, by the names folium gives them in a page's header.
JS = {
    "leaflet": "leaflet/leaflet.js",
    "markerclusterjs": "markercluster/leaflet.markercluster.js",
}
CSS = {
    "leaflet_css": "leaflet/leaflet.css",
    "fontawesome": "fontawesome/css/all.min.css",
    "markerclustercss": "markercluster/MarkerCluster.css",
    "markerclusterdefaultcss": "markercluster/MarkerCluster.Default.css",
}


class AssetsError(RuntimeError):
    """A file to install is missing, or npm installed another version than package.json pins."""


# -- URLs -------------------------------------------------------------------------------


def url(path: str) -> str:
    """The URL the browser loads a vendor file from."""
    return f"{STATIC_URL}/{path}"


def js_links(*names: str) -> list[tuple[str, str]]:
    """``default_js`` of a folium element that loads the local copies of ``names`` (keys of JS)."""
    return [(name, url(JS[name])) for name in names]


def css_links(*names: str) -> list[tuple[str, str]]:
    """``default_css`` of a folium element that loads the local copies of ``names`` (keys of CSS)."""
    return [(name, url(CSS[name])) for name in names]


def _is_remote(link: str) -> bool:
    return "://" in link or link.startswith("//")


# -- files ------------------------------------------------------------------------------

_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")


def _css_refs(css: Path, vendor: Path) -> list[str]:
    """Vendor paths of the files a CSS file loads with a relative url(...)."""
    refs = []
    for ref in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
        if ref.startswith(("data:", "#")) or _is_remote(ref):
            continue
        target = (css.parent / ref.split("?")[0].split("#")[0]).resolve()
        refs.append(target.relative_to(vendor.resolve()).as_posix())
    return refs


def needed_files(vendor: Path = VENDOR) -> list[str]:
    """Vendor paths the map loads: the linked files, what their CSS loads, the country outlines."""
    files = {*JS.values(), *CSS.values(), COUNTRIES, ADMIN1, LABELS}
    for path in sorted(files):
        if path.endswith(".css") and (vendor / path).is_file():
            files.update(_css_refs(vendor / path, vendor))
    return sorted(files)


def missing_files(vendor: Path = VENDOR) -> list[str]:
    """Vendor files referenced by the rewritten URLs that are not on disk (empty when installed)."""
    return [path for path in needed_files(vendor) if not (vendor / path).is_file()]


def _pinned_versions() -> dict[str, str]:
    return json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))["dependencies"]


def _copy(src: Path, dest: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dest)
    elif src.is_file():
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
    else:
        raise AssetsError(f"{src} is missing: run `npm install` (or `make assets`) first")


def _round(coords, digits: int):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], digits), round(coords[1], digits)]
    return [_round(c, digits) for c in coords]


def _outline(geometry_json: str) -> dict | None:
    """A country outline simplified to ~0.1° and rounded to 2 decimals (finer for the few
    countries smaller than 1°, which would otherwise collapse)."""
    import shapely
    from shapely.geometry import mapping, shape

    geom = shape(json.loads(geometry_json))
    if geom.is_empty:
        return None
    west, south, east, north = geom.bounds
    extent = max(east - west, north - south)
    digits = 2 if extent >= 1 else 4
    simple = geom.simplify(min(0.1, extent / 20), preserve_topology=True)
    snapped = shapely.set_precision(simple, 10.0**-digits)  # valid on the rounding grid
    if snapped.is_empty or snapped.geom_type not in ("Polygon", "MultiPolygon"):
        snapped = simple
    out = mapping(snapped)
    return {"type": out["type"], "coordinates": _round(out["coordinates"], digits)}


def countries_geojson(db: Path | None = None) -> dict:
    """The world's country outlines from the built gazetteer, as a GeoJSON FeatureCollection."""
    from gazetteer import DEFAULT_DB, Gazetteer

    gaz = Gazetteer(db or DEFAULT_DB)
    try:
        con = sqlite3.connect(gaz.path.absolute().as_uri() + "?mode=ro", uri=True)
        with con:
            rows = con.execute(
                "SELECT id, name, name_vi, country FROM places WHERE kind = 'country' ORDER BY id"
            ).fetchall()
        con.close()
        features = []
        for place_id, name, name_vi, code in rows:
            text = gaz.geometry_json(place_id)
            geometry = _outline(text) if text else None
            if geometry is None:
                continue
            code = code or place_id.split(":", 1)[-1]
            props = {"code": code, "name": name, "name_vi": name_vi}
            features.append({"type": "Feature", "properties": props, "geometry": geometry})
    finally:
        gaz.close()
    return {"type": "FeatureCollection", "features": features}


def admin1_geojson(db: Path | None = None, tolerance: float = 0.06) -> dict:
    """The first-level regions' outlines (provinces, states, oblasts) from the built gazetteer,
    simplified to ``tolerance``° and rounded to 2 decimals: thin lines under the events."""
    import shapely
    from shapely.geometry import mapping, shape

    features = []
    for place_id, text in _rows(
        db, "SELECT id, geometry FROM places WHERE kind = 'admin1' AND geometry IS NOT NULL ORDER BY id"
    ):
        geom = shape(json.loads(text)).boundary.simplify(tolerance)
        geom = shapely.set_precision(geom, 0.01)
        if geom.is_empty:
            continue
        out = mapping(geom)
        features.append(
            {
                "type": "Feature",
                "properties": {"id": place_id},
                "geometry": {"type": out["type"], "coordinates": _round(out["coordinates"], 2)},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _rows(db: Path | None, sql: str) -> list[tuple]:
    from gazetteer import DEFAULT_DB

    path = Path(db or DEFAULT_DB)
    con = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# Labels: the zooms a label may first appear at, and how far apart (pixels) two labels of a
# class must be at a zoom for the second to be drawn. Towns of fewer than LABEL_MIN_POPULATION
# people are never labelled (villages would crowd the map and the file).
LABEL_ZOOMS = range(3, 10)
LABEL_SPACING = {"country": 140, "admin1": 150, "town": 90}
LABEL_FIRST_ZOOM = {"country": 3, "admin1": 6, "town": 4}
LABEL_MIN_POPULATION = 5_000


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates of a point at ``zoom`` (256-pixel tiles)."""
    import math

    lat = max(-85.0, min(85.0, lat))
    scale = 256 * 2**zoom
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * scale
    return x, y


def declutter(points: list[tuple[float, float]], spacing: float, zooms: range) -> list[int | None]:
    """For points in priority order, the first zoom of ``zooms`` at which each is at least
    ``spacing`` pixels from every higher-priority point drawn at that zoom (None: never).
    A grid of ``spacing``-sized cells makes each zoom one pass."""
    first: list[int | None] = [None] * len(points)
    for zoom in zooms:
        grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for i, (lat, lon) in enumerate(points):
            x, y = _pixel(lat, lon, zoom)
            cx, cy = int(x // spacing), int(y // spacing)
            near = (p for dx in (-1, 0, 1) for dy in (-1, 0, 1) for p in grid.get((cx + dx, cy + dy), ()))
            if any((x - px) ** 2 + (y - py) ** 2 < spacing**2 for px, py in near):
                continue
            grid.setdefault((cx, cy), []).append((x, y))
            if first[i] is None:
                first[i] = zoom
    return first


def labels_json(db: Path | None = None) -> list[list]:
    """Map labels from the gazetteer: ``[lat, lon, name, name_vi, first zoom, class]`` (class 0
    country, 1 admin-1 region, 2 town), countries by population, regions by area, towns by
    population, each decluttered within its class (:func:`declutter`)."""
    classes = {
        "country": "SELECT lat, lon, name, name_vi FROM places WHERE kind = 'country' "
        "ORDER BY COALESCE(population, 0) DESC, id",
        "admin1": "SELECT lat, lon, name, name_vi FROM places WHERE kind = 'admin1' "
        "ORDER BY (east - west) * (north - south) DESC, id",
        "town": "SELECT lat, lon, name, name_vi FROM places WHERE kind IN ('city', 'town') "
        f"AND population >= {LABEL_MIN_POPULATION} ORDER BY population DESC, id",
    }
    out = []
    for rank, (cls, sql) in enumerate(classes.items()):
        rows = _rows(db, sql)
        zooms = range(LABEL_FIRST_ZOOM[cls], LABEL_ZOOMS.stop)
        first = declutter([(r[0], r[1]) for r in rows], LABEL_SPACING[cls], zooms)
        for (lat, lon, name, name_vi), zoom in zip(rows, first, strict=True):
            if zoom is not None:
                vi = name_vi if name_vi and name_vi != name else None
                out.append([round(lat, 3), round(lon, 3), name, vi, zoom, rank])
    return out


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _human(n: float) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def install(node_modules: Path = NODE_MODULES, vendor: Path = VENDOR, db: Path | None = None) -> None:
    """Copy the files the map loads from ``node_modules`` into ``vendor`` and write the country
    outlines. Builds next to ``vendor`` and swaps it in, so a failure leaves the old copy."""
    node_modules, vendor = Path(node_modules), Path(vendor)
    if not node_modules.is_dir():
        raise AssetsError(f"{node_modules} is missing: run `npm install` (or `make assets`) first")
    pins = _pinned_versions()
    if set(pins) != set(NPM_FILES):
        raise AssetsError(f"package.json and NPM_FILES disagree: {sorted(set(pins) ^ set(NPM_FILES))}")
    building = vendor.with_name(vendor.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    report = []
    try:
        for package, files in NPM_FILES.items():
            meta = node_modules / package / "package.json"
            if not meta.is_file():
                raise AssetsError(f"{meta} is missing: run `npm install` (or `make assets`) first")
            version = json.loads(meta.read_text(encoding="utf-8"))["version"]
            if version != pins[package]:
                raise AssetsError(
                    f"{package} {version} is installed but package.json pins {pins[package]}: "
                    "run `npm install`"
                )
            for dest, src in files.items():
                _copy(node_modules / package / src, building / dest)
            dirs = sorted({dest.split("/")[0] for dest in files})
            report.append((f"{package}@{version}", dirs))

        collection = countries_geojson(db)
        (building / COUNTRIES).write_text(
            json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        report.append((f"{len(collection['features'])} country outlines (gazetteer)", [COUNTRIES]))
        regions = admin1_geojson(db)
        (building / ADMIN1).write_text(json.dumps(regions, separators=(",", ":")), encoding="utf-8")
        report.append((f"{len(regions['features'])} admin-1 outlines (gazetteer)", [ADMIN1]))
        labels = labels_json(db)
        (building / LABELS).write_text(
            json.dumps(labels, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        report.append((f"{len(labels)} map labels (gazetteer)", [LABELS]))

        missing = missing_files(building)
        if missing:
            raise AssetsError("files the map loads were not installed: " + ", ".join(missing))
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    shutil.rmtree(vendor, ignore_errors=True)
    building.rename(vendor)

    for what, dirs in report:
        sizes = ", ".join(f"{d}{'/' * (vendor / d).is_dir()} {_human(_size(vendor / d))}" for d in dirs)
        print(f"{what:55} -> {sizes}")
    total = sum(1 for p in vendor.rglob("*") if p.is_file())
    print(f"installed {total} files, {_human(_size(vendor))}, into {_display(vendor)}")


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.assets", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    inst = sub.add_parser("install", help="copy the npm files and write the country outlines")
    inst.add_argument("--node-modules", type=Path, default=NODE_MODULES)
    inst.add_argument("--vendor", type=Path, default=VENDOR)
    sub.add_parser("check", help="list the vendor files that are missing")
    args = parser.parse_args(argv)
    try:
        if args.command == "install":
            install(args.node_modules, args.vendor)
        else:
            missing = missing_files()
            for path in missing:
                print(f"missing: {VENDOR / path}", file=sys.stderr)
            if missing:
                print("run `make assets`", file=sys.stderr)
                return 1
            print(f"all {len(needed_files())} files the map loads are in {_display(VENDOR)}")
    except AssetsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
