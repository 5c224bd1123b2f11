"""Extraction time per MB against article size: is it linear, and what does 20 MB cost?

    .venv/bin/python bench/size.py [--sizes 0.1,0.5,1,5,20] [--kinds comma,sentence,...]

Each kind of text is built to each size (UTF-8 megabytes, 10^6 bytes), read with
``article_from_text`` and extracted once by one ``Extractor`` on one core. Kinds:

- ``comma``: "Azerbaijan pháo kích Terter, Terter, …." (one sentence, one place a word);
- ``sentence``: one sentence with no period, made of news-like clauses cut by commas and
  conjunctions ("… trong khi …"), with places, dates and event cues in every clause;
- ``dates``: many tiny sentences, each with a date and an event cue ("Ngày 27/9 pháo kích Terter.");
- ``capitals``: capitalised words, no punctuation (one endless run of would-be names);
- ``news``: ordinary articles of bench/extract.py's generator, concatenated.

Baseline in the same run: reading and normalising the text (``article_from_text``), the floor
of any pass. The figures are seconds per MB, of the baseline and of extraction (reading
excluded), and their ratio; linear time = the same seconds per MB at every size.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import corpus  # noqa: E402
from events.pipeline import Extractor  # noqa: E402
from events.reader import article_from_text  # noqa: E402
from gazetteer import DEFAULT_DB, Gazetteer  # noqa: E402

MB = 1_000_000
_CLAUSES = (
    "quân đội Armenia pháo kích thị trấn Terter sáng 27/9",
    "lực lượng Azerbaijan tấn công làng Talish hôm 28/9",
    "máy bay không người lái bắn rơi trực thăng gần Stepanakert",
    "hàng trăm người biểu tình tại Baku",
    "ít nhất 5 binh sĩ thiệt mạng ở Martakert",
)
_CAPITALS = ("Abo", "Kera", "Tun", "Mirza", "Oda", "Vell", "Sar", "Ibo", "Gan", "Trel", "Ush", "Pera")


def _repeat(size: int, parts: Callable[[int], str]) -> str:
    """Pieces ``parts(0), parts(1), …`` joined until the text holds ``size`` UTF-8 bytes."""
    pieces, total, n = [], 0, 0
    while total < size:
        piece = parts(n)
        pieces.append(piece)
        total += len(piece.encode("utf-8"))
        n += 1
    return "".join(pieces)


def comma_list(size: int) -> str:
    """The issue's article: one place name repeated, comma-separated, in one sentence."""
    head = "Azerbaijan pháo kích "
    return head + _repeat(size - len(head.encode()) - 1, lambda n: "Terter" if n == 0 else ", Terter") + "."


def one_sentence(size: int) -> str:
    """One endless sentence of event clauses, cut by commas and "trong khi"."""
    glue = (", ", " trong khi ", " và ", ", đồng thời ")
    return _repeat(size, lambda n: (glue[n % 4] if n else "") + _CLAUSES[n % len(_CLAUSES)]) + "."


def dated_sentences(size: int) -> str:
    """Many tiny sentences, each an event with its own date."""
    return _repeat(size, lambda n: f"Ngày {n % 28 + 1}/{n % 12 + 1} pháo kích Terter. ")


def capital_words(size: int) -> str:
    """Capitalised words without any punctuation: one run of would-be names."""
    rng = random.Random(1)
    return _repeat(size, lambda n: ("" if n == 0 else " ") + rng.choice(_CAPITALS))


def news(size: int, gaz: Gazetteer) -> str:
    """Ordinary synthetic articles (bench/extract.py's generator), one after the other."""
    texts = corpus(max(1, size // 1500), 1, gaz)
    out = _repeat(size, lambda n: ("\n\n" if n else "") + texts[n % len(texts)])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="0.1,0.5,1,5,20", help="MB, comma-separated")
    parser.add_argument("--kinds", default="comma,sentence,dates,capitals,news")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    gaz = Gazetteer(DEFAULT_DB, ROOT / "var" / "bench-no-user-layer.sqlite")
    extractor = Extractor(gaz)
    makers: dict[str, Callable[[int], str]] = {
        "comma": comma_list,
        "sentence": one_sentence,
        "dates": dated_sentences,
        "capitals": capital_words,
        "news": lambda size: news(size, gaz),
    }
    print(f"extraction time against size ({time.strftime('%Y-%m-%d')}), seconds per MB")
    header = f"  {'kind':<9} {'MB':>5}  {'read s/MB':>9}  {'extract s/MB':>12}  {'× read':>6}  "
    print(header + f"{'places':>7} {'events':>6}  warnings")
    for kind in args.kinds.split(","):
        for mb in sizes:
            raw = makers[kind](int(mb * MB))
            t0 = time.perf_counter()
            article = article_from_text(raw, published="2020-10-01")
            read = time.perf_counter() - t0
            t0 = time.perf_counter()
            out = extractor.extract(article)
            took = time.perf_counter() - t0
            size = len(raw.encode("utf-8")) / MB
            warnings = "; ".join(w[:60] for w in out["article"]["warnings"]) or "-"
            print(
                f"  {kind:<9} {mb:>5g}  {read / size:>9.3f}  {took / size:>12.3f}  {took / read:>6.1f}  "
                f"{len(out['places']):>7,} {len(out['events']):>6,}  {warnings}",
                flush=True,
            )
            del raw, article, out
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory of the run: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
