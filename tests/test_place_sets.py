"""Issue 10's place sets scored by the yardstick, whole and per conflict.

``python -m events extract`` runs on each set's articles as a user runs it and the scorer
(tests/fixtures/eval/score.py, unchanged) compares its places with the hand gold, once for the
whole set and once for each conflict (the gold split by file prefix). The sets:

- ``places_dev`` (25 articles): what the matcher is tuned on;
- ``places_holdout`` (16 articles, conflicts ``places_dev`` does not cover): written and
  annotated before the extractor first ran on it (first run P 0.895 R 0.779 F1 0.833), tuned on
  since;
- ``places_holdout2`` (13 articles): written and annotated before any run, never tuned on: the
  honest estimate of unseen text. Do not tune the matcher on its articles;
- ``places_holdout3`` (13 articles, conflicts no other set holds): the same, written later.

Floors are what the extractor reaches, floored to two decimals minus 0.01; ``max_traps`` is the
count of gold ``not_places`` output as places. Raise floors (lower ceilings) as it improves.
Each set's gold is what ``build_places_gold.py`` makes of its ``annotations.txt``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import gold_sets
import pytest
import yardstick

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

# set -> group -> (precision, recall, f1, resolution, max_traps). "all" is the whole set.
FLOORS: dict[str, dict[str, tuple[float, float, float, float, int]]] = {
    "places_dev": {
        "all": (0.98, 0.94, 0.96, 0.99, 0),
        "ua": (0.99, 0.98, 0.98, 0.99, 0),  # Ukraine-Russia (4 articles)
        "gz": (0.97, 0.92, 0.94, 0.99, 0),  # Gaza, Israel, Lebanon, West Bank, Golan (3)
        "ye": (0.99, 0.99, 0.99, 0.99, 0),  # Red Sea, Houthis, Yemen (2)
        "mm": (0.99, 0.89, 0.93, 0.99, 0),  # Myanmar (2)
        "sd": (0.99, 0.87, 0.93, 0.99, 0),  # Sudan (2)
        "sl": (0.99, 0.95, 0.96, 0.99, 0),  # Sahel: Mali, Burkina Faso, Niger (1)
        "sy": (0.99, 0.99, 0.99, 0.99, 0),  # Syria (1)
        "bd": (0.96, 0.99, 0.97, 0.99, 0),  # Biển Đông / South China Sea, Taiwan Strait (2)
        "kh": (0.99, 0.87, 0.92, 0.99, 0),  # Thailand-Cambodia (1)
        "az": (0.99, 0.99, 0.99, 0.99, 0),  # Armenia-Azerbaijan (1)
        "ir": (0.99, 0.95, 0.97, 0.99, 0),  # Iran, Iraq, Gulf (1)
        "cd": (0.99, 0.89, 0.93, 0.99, 0),  # DR Congo (1)
        "ht": (0.99, 0.83, 0.90, 0.99, 0),  # Haiti (1)
        "et": (0.93, 0.87, 0.90, 0.99, 0),  # Ethiopia (1)
        "af": (0.99, 0.95, 0.97, 0.99, 0),  # Afghanistan-Pakistan (1)
        "in": (0.99, 0.99, 0.99, 0.99, 0),  # India-Pakistan, Kashmir (1)
    },
    "places_holdout": {
        "all": (0.98, 0.88, 0.92, 0.97, 0),
        "ly": (0.99, 0.87, 0.93, 0.99, 0),  # Libya (1)
        "so": (0.99, 0.89, 0.94, 0.93, 0),  # Somalia, al-Shabaab (1)
        "ng": (0.99, 0.79, 0.87, 0.99, 0),  # Nigeria, Lake Chad (1)
        "mz": (0.99, 0.92, 0.95, 0.91, 0),  # Mozambique, Cabo Delgado (1)
        "co": (0.99, 0.86, 0.92, 0.99, 0),  # Colombia-Venezuela (1)
        "xk": (0.99, 0.89, 0.94, 0.99, 0),  # Kosovo-Serbia (1): Banjska unresolved, no longer Bansko
        "ge": (0.99, 0.85, 0.92, 0.99, 0),  # Georgia, Abkhazia, South Ossetia (1)
        "kp": (0.99, 0.90, 0.94, 0.99, 0),  # Korean peninsula (1)
        "eh": (0.99, 0.89, 0.94, 0.91, 0),  # Western Sahara (1)
        "bl": (0.89, 0.89, 0.89, 0.99, 0),  # Pakistan, Balochistan (1)
        "ph": (0.99, 0.8, 0.88, 0.99, 0),  # Philippines, Mindanao (1)
        "il": (0.99, 0.91, 0.94, 0.99, 0),  # Israel-Iran, June 2025 (1)
        "ku": (0.99, 0.75, 0.85, 0.99, 0),  # Kurdish north-east Syria, Turkey (1)
        "md": (0.99, 0.90, 0.94, 0.99, 0),  # Transnistria, Moldova (1)
        "ua": (0.94, 0.94, 0.94, 0.99, 0),  # Ukraine, written fresh (1)
        "gz": (0.99, 0.91, 0.95, 0.99, 0),  # Gaza, written fresh (1)
    },
    # First run (commit a9707c7): P 0.923 R 0.827 F1 0.872 res 0.974, 3 traps. Floors: the merged round's
    # figures floored to two decimals minus 0.01 (its diff against the first run found three regressions of
    # the round, fixed in b03353c with sentences of our own; no rule was tuned on this set).
    "places_holdout2": {
        "all": (0.94, 0.84, 0.89, 0.97, 2),  # resolution 0.9837 since places6 ('khu vực Trung Đông')
        "iq": (0.91, 0.85, 0.88, 0.99, 0),  # Iraqi Kurdistan, Turkish strikes (1)
        "tw": (0.95, 0.88, 0.91, 0.93, 1),  # Taiwan Strait, Kinmen, Matsu (1)
        "mx": (0.99, 0.95, 0.96, 0.99, 0),  # Mexico's cartels and the US border (1)
        "rs": (0.99, 0.76, 0.86, 0.92, 0),  # Serbia's protests, the Balkans (1)
        "ke": (0.87, 0.81, 0.84, 0.99, 0),  # Kenya, al-Shabaab, Somalia border (1)
        "bn": (0.99, 0.84, 0.91, 0.99, 0),  # Rakhine, the Naf, Cox's Bazar (1)
        "tk": (0.92, 0.86, 0.89, 0.99, 0),  # Thailand-Cambodia border, July 2025 (1)
        "tg": (0.95, 0.81, 0.87, 0.93, 0),  # Ethiopia-Eritrea, Assab, Tigray (1)
        # (precision 0.92 → 0.88: one more name placed at the town holding it whose surface the
        # gold does not list; the set stays unseen, so not tuned to)
        "wb": (0.87, 0.70, 0.78, 0.99, 0),  # West Bank camps and East Jerusalem (1)
        "sm": (0.99, 0.95, 0.97, 0.99, 0),  # Sumy and Kursk oblasts (1)
        "bs": (0.91, 0.76, 0.83, 0.93, 0),  # Black Sea, Novorossiysk, the Danube ports (1)
        "bf": (0.95, 0.89, 0.92, 0.99, 0),  # Burkina Faso and Mali, JNIM (1)
        # (jk precision 0.92 → 0.90, session 18: a border crossing the gazetteer now knows is read
        # as its one-town name where the text names it by both sides' towns, "X - Y")
        "jk": (0.90, 0.89, 0.90, 0.94, 1),  # India-Pakistan, Kashmir and Punjab (1)
    },
    # Written and annotated before any run (only the gazetteer's lookup was used); never tuned on.
    # Floors: the first run (main 03ec787, 2026-11-29), floored to 2 decimals minus 0.01.
    "places_holdout3": {
        "all": (0.92, 0.82, 0.87, 0.94, 6),
        "cm": (0.93, 0.74, 0.82, 0.91, 1),  # Cameroon, the Anglophone regions and the Far North (1)
        "td": (0.93, 0.80, 0.86, 0.99, 0),  # Chad, N'Djamena, the Sudan border, Lake Chad (1)
        "ss": (0.90, 0.87, 0.88, 0.91, 1),  # South Sudan, Nasir, Upper Nile, Juba (1)
        "vg": (0.99, 0.73, 0.84, 0.90, 0),  # Venezuela-Guyana, Essequibo, the Cuyuni (1)
        "ec": (0.89, 0.89, 0.89, 0.99, 1),  # Ecuador's gangs, Guayaquil, January 2024 (1)
        "pe": (0.99, 0.87, 0.93, 0.90, 0),  # Peru's protests, Lima, Puno, October 2025 (1)
        "ip": (0.89, 0.85, 0.87, 0.99, 2),  # Iran's protests, Zahedan, Kurdistan, 2022 (1)
        "jo": (0.91, 0.78, 0.84, 0.99, 0),  # Jordan-Syria border, Tower 22, al-Tanf (1)
        "mn": (0.99, 0.93, 0.96, 0.99, 0),  # India, Manipur, Jiribam, Moreh (1)
        "lk": (0.99, 0.82, 0.89, 0.99, 0),  # Sri Lanka's protests of July 2022 (1)
        "id": (0.85, 0.64, 0.73, 0.80, 0),  # Indonesia, Papua highlands, Nduga (1)
        "tv": (0.91, 0.91, 0.91, 0.99, 1),  # Armenia-Azerbaijan border, Tavush and Gazakh (1)
        "mg": (0.83, 0.83, 0.83, 0.91, 0),  # Madagascar's protests and CAPSAT, October 2025 (1)
    },
}
CASES = [(name, group) for name, floors in FLOORS.items() for group in floors]


def _gold(name: str) -> list[dict]:
    return gold_sets.read_gold(FIXTURES / name / "gold.jsonl")


@pytest.fixture(scope="module")
def preds(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The extractor's output for every article of a set, as JSON lines (each set once)."""
    made: dict[str, Path] = {}

    def pred(name: str) -> Path:
        if name not in made:
            articles = FIXTURES / name / "articles"
            out = tmp_path_factory.mktemp(name) / "pred.jsonl"
            made[name] = yardstick.extract(sorted(articles.glob("*.txt")), articles / "manifest.csv", out)
        return made[name]

    return pred


@pytest.mark.parametrize("name", FLOORS)
def test_set_is_complete(name: str) -> None:
    gold_sets.check_place_set_complete(FIXTURES / name, _gold(name), set(FLOORS[name]) - {"all"})


@pytest.mark.parametrize("name", FLOORS)
def test_gold_spans_are_in_their_text(name: str) -> None:
    gold_sets.check_place_spans(FIXTURES / name, _gold(name))


@pytest.mark.parametrize("name", FLOORS)
def test_gold_is_what_the_annotation_builds(name: str, tmp_path: Path) -> None:
    """gold.jsonl and the manifest are build_places_gold.py's output of annotations.txt."""
    folder, copy = FIXTURES / name, tmp_path / name
    (copy / "articles").mkdir(parents=True)
    (copy / "annotations.txt").write_bytes((folder / "annotations.txt").read_bytes())
    for f in (folder / "articles").glob("*.txt"):
        (copy / "articles" / f.name).write_bytes(f.read_bytes())
    builder = FIXTURES / "build_places_gold.py"
    subprocess.run([sys.executable, str(builder), str(copy)], check=True, capture_output=True)
    for made in ("gold.jsonl", "articles/manifest.csv"):
        assert (copy / made).read_bytes() == (folder / made).read_bytes(), made


@pytest.mark.parametrize("name", FLOORS)
def test_gold_scores_one_against_itself(name: str, tmp_path: Path) -> None:
    """The yardstick reads the gold whole: the gold written as a prediction scores 1.0."""
    sys.path.insert(0, str(FIXTURES))
    from gold_as_pred import as_prediction

    pred = tmp_path / "pred.jsonl"
    rows = (json.dumps(as_prediction(g), ensure_ascii=False) + "\n" for g in _gold(name))
    pred.write_text("".join(rows), "utf-8")
    score = yardstick.score(FIXTURES / name / "gold.jsonl", pred, tmp_path)
    assert (score["place_f1"], score["resolution_acc"], score["not_place_hits"]) == (1.0, 1.0, 0), score


@pytest.mark.parametrize(("name", "group"), CASES, ids=[f"{n}-{g}" for n, g in CASES])
def test_scored_by_the_yardstick(name: str, group: str, preds: Callable[[str], Path], tmp_path: Path) -> None:
    gold = _gold(name)
    records = gold if group == "all" else [r for r in gold if gold_sets.group_of(r) == group]
    score = yardstick.score(records, preds(name), tmp_path)
    gold_sets.check_place_floors(score, FLOORS[name][group], len(records))
