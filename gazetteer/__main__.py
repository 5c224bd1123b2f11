"""Command line: ``python -m gazetteer build | lookup | reverse | add | alias``."""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path

from gazetteer.cli import exit_with
from gazetteer.sources import CITY_MIN_POPULATION, KINDS
from gazetteer.store import (
    DEFAULT_DB,
    DEFAULT_USER_DB,
    MAX_POPULATION,
    Gazetteer,
    GazetteerMissing,
    InvalidPlace,
)


def _point(text: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LAT,LON, got {text!r}") from None
    if not (math.isfinite(lat) and -90 <= lat <= 90 and math.isfinite(lon) and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(f"LAT,LON out of range (-90..90, -180..180): {text!r}")
    return lat, lon


def _number(low: float, high: float) -> Callable[[str], float]:
    """An argparse type: a finite number in [low, high] (not nan, not 1e999)."""

    def convert(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and low <= value <= high):
            raise argparse.ArgumentTypeError(f"expected a number from {low:g} to {high:g}, got {text!r}")
        return value

    return convert


def _whole(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number in [low, high], written as digits (not 1e23)."""

    def convert(text: str) -> int:
        value = text.strip().replace("_", "")
        if not re.fullmatch(r"[+-]?\d{1,30}", value) or not low <= int(value) <= (high or int(value)):
            limits = f"{low:,} to {high:,}" if high is not None else f"at least {low:,}"
            raise argparse.ArgumentTypeError(f"expected a whole number, {limits}; got {text!r}")
        return int(value)

    return convert


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m gazetteer", description=__doc__)
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help="built gazetteer file")
    p.add_argument("--user-db", type=Path, default=DEFAULT_USER_DB, help="user layer file")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the gazetteer from the installed open data")
    b.add_argument("--if-stale", action="store_true", help="only when an input changed")
    b.add_argument(
        "--min-population",
        type=int,
        default=CITY_MIN_POPULATION,
        help="smallest town kept outside the detail countries (default %(default)s)",
    )

    lk = sub.add_parser("lookup", help="places a name may refer to, best first")
    lk.add_argument("name")
    lk.add_argument("--country", action="append", default=[], help="ISO code hint (repeatable)")
    lk.add_argument("--near", type=_point, help="LAT,LON hint")
    lk.add_argument("--kind", action="append", choices=KINDS, help="only these kinds")
    lk.add_argument("--limit", type=_whole(1), default=5, help="at most this many places (≥ 1)")
    lk.add_argument("--json", action="store_true", help="print a JSON array")
    lk.add_argument("--geometry", action="store_true", help="include geometries in JSON")
    lk.add_argument("--online", action="store_true", help="ask OpenStreetMap Nominatim on a miss")

    rv = sub.add_parser("reverse", help="what is at a point")
    rv.add_argument("lat", type=_number(-90, 90))
    rv.add_argument("lon", type=_number(-180, 180))
    rv.add_argument("--max-km", type=_number(0, 20_100), default=50.0, help="0 to 20,100 (half the Earth)")
    rv.add_argument("--json", action="store_true")

    ad = sub.add_parser("add", help="add a place to the user layer")
    ad.add_argument("name")
    ad.add_argument("--kind", required=True, help=f"one of {', '.join(KINDS)}")
    ad.add_argument("--lat", required=True, help="latitude, -90..90")
    ad.add_argument("--lon", required=True, help="longitude, -180..180")
    ad.add_argument("--country", help="ISO 3166-1 alpha-2 code")
    ad.add_argument("--name-vi", help="the Vietnamese name")
    ad.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    ad.add_argument("--population", type=_whole(0, MAX_POPULATION))
    ad.add_argument("--source", default="user", help="where the facts come from")
    ad.add_argument("--force", action="store_true", help="add it even at 0,0 (else refused: no coordinates)")

    al = sub.add_parser("alias", help="let a place answer to one more name")
    al.add_argument("name")
    al.add_argument("place_id", help="e.g. country:US or geonames:584871")
    return p


def _describe(c) -> str:
    vi = f" / {c.name_vi}" if c.name_vi and c.name_vi != c.name else ""
    pop = f", pop {c.population:,}" if c.population else ""
    where = f"[{c.kind}, {c.country or '-'}] {c.lat:.4f}, {c.lon:.4f}"
    weak = ", weak name" if c.weak else ""
    return f"{c.name}{vi} {where}{pop}  ({c.id}, score {c.score:.2f}{weak})"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "build":
        from gazetteer.build import BuildError, build, is_stale

        if args.if_stale and not is_stale(args.db):
            print(f"gazetteer: {args.db} is up to date", file=sys.stderr)
            return 0
        try:
            build(args.db, log=lambda m: print(m, file=sys.stderr), min_population=args.min_population)
        except (BuildError, FileNotFoundError) as exc:  # (an npm input not installed)
            print(f"gazetteer build failed: {exc}", file=sys.stderr)
            return 1
        return 0
    try:
        gaz = Gazetteer(args.db, args.user_db)
    except GazetteerMissing as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        return _run(gaz, args)
    except InvalidPlace as exc:
        print(f"error: {exc} (nothing was changed)", file=sys.stderr)
        return 2


def _run(gaz: Gazetteer, args: argparse.Namespace) -> int:
    if args.command == "lookup":
        if args.online:
            from gazetteer.geocoder import LocalGazetteer

            geocoder = LocalGazetteer(gaz, online=True)
            geocoder.geocode(args.name, country_codes=args.country or None)
        found = gaz.lookup(
            args.name, countries=args.country or None, near=args.near, kinds=args.kind, limit=args.limit
        )
        if args.json:
            print(json.dumps([c.to_dict(args.geometry) for c in found], ensure_ascii=False, indent=1))
        elif not found:
            print(f"no place named {args.name!r}", file=sys.stderr)
        for c in found if not args.json else []:
            print(_describe(c))
        return 0 if found else 1
    if args.command == "reverse":
        answer = gaz.reverse(args.lat, args.lon, max_km=args.max_km)
        if args.json:
            out = {k: (v.to_dict() if hasattr(v, "to_dict") else v) for k, v in answer.items()}
            out["regions"] = [r.to_dict() for r in answer["regions"]]
            print(json.dumps(out, ensure_ascii=False, indent=1))
        else:
            if answer["place"]:
                print(f"near:    {_describe(answer['place'])} — {answer['distance_km']} km")
            for region in answer["regions"]:
                print(f"in:      {_describe(region)}")
            if answer["country"]:
                print(f"country: {_describe(answer['country'])}")
        return 0 if answer["place"] or answer["country"] or answer["regions"] else 1
    if args.command == "add":
        place = gaz.add_place(
            args.name,
            args.kind,
            args.lat,
            args.lon,
            country=args.country,
            name_vi=args.name_vi,
            aliases=args.alias,
            population=args.population,
            source=args.source,
            allow_zero=args.force,
        )
        print(f"added {_describe(place)}")
        return 0
    if args.command == "alias":
        place = gaz.add_alias(args.name, args.place_id)
        print(f"{args.name!r} now names {_describe(place)}")
        return 0
    raise AssertionError(args.command)


if __name__ == "__main__":
    exit_with(main)
