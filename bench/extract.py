"""Extraction benchmark: articles per second on one core, per-article p50/p99, peak memory.

    .venv/bin/python bench/extract.py [--articles 5000] [--seed 1] [--profile 15]

The corpus is synthetic and fixed by the seed: each article is 8–30 sentences drawn from
the two sample articles and from templates of Vietnamese war-news phrasing whose slots are
filled with random countries (CLDR Vietnamese names), GeoNames towns behind a place cue,
dates and numbers — so names repeat as in a real archive but not only the samples' names.
Baseline in the same run: reading and sentence splitting only (the floor of any pass).
Throughput is given in wall-clock and in CPU time (``time.process_time``: on a shared machine
the figure to compare). ``--profile N`` then extracts the corpus again under cProfile with a
fresh extractor and prints the N functions of most own time and of most cumulative time.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events import speedup  # noqa: E402
from events.pipeline import Extractor  # noqa: E402
from events.reader import article_from_text  # noqa: E402
from events.sentences import split_sentences  # noqa: E402
from gazetteer import DEFAULT_DB, Gazetteer  # noqa: E402
from gazetteer.sources import read_cldr_names  # noqa: E402

TEMPLATES = (
    "Quân đội {c1} cho biết đã pháo kích nhằm vào thị trấn {town} sáng {d}/{m}, khiến {n} người thiệt mạng.",
    "Bộ Quốc phòng {c1} hôm {d}-{m} thông báo lực lượng của họ đã đẩy lùi một cuộc tấn công của {c2}.",
    "Giao tranh ác liệt tiếp diễn tại thành phố {town} trong đêm qua, theo hãng tin Reuters.",
    "Tổng thống {c1} đã điện đàm với người đồng cấp {c2} để thảo luận về tình hình.",
    "{c1} cáo buộc {c2} sử dụng UAV tấn công các cơ sở hạ tầng ở tỉnh {town}.",
    "Hàng nghìn người đã biểu tình tại {town} hôm qua để phản đối chiến sự.",
    "Chính phủ {c1} ban bố tình trạng thiết quân luật và tổng động viên từ ngày {d}/{m}.",
    "Các bên đã đạt được thỏa thuận ngừng bắn năm {y} nhưng xung đột vẫn tái diễn.",
    "Ít nhất {n} binh sĩ {c2} tử trận trong các cuộc đụng độ gần làng {town}.",
    "Người phát ngôn Bộ Ngoại giao {c1} kêu gọi các bên kiềm chế và nối lại đàm phán.",
)


def corpus(count: int, seed: int, gaz: Gazetteer) -> list[str]:
    rng = random.Random(seed)
    countries = list(read_cldr_names("vi").values())
    towns = [
        r[0]
        for r in gaz._con.execute(
            "SELECT name FROM places WHERE kind IN ('town', 'city') AND population > 20000 ORDER BY rid"
        )
    ]
    seed_sentences = []
    for path in sorted((ROOT / "articles").glob("*.txt")):
        text = article_from_text(path.read_text(encoding="utf-8")).text
        seed_sentences += [text[s:e] for s, e in split_sentences(text)]
    articles = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(8, 30)):
            if rng.random() < 0.4:
                sentences.append(rng.choice(seed_sentences))
            else:
                sentences.append(
                    rng.choice(TEMPLATES).format(
                        c1=rng.choice(countries),
                        c2=rng.choice(countries),
                        town=rng.choice(towns),
                        d=rng.randint(1, 28),
                        m=rng.randint(1, 12),
                        n=rng.randint(1, 80),
                        y=rng.randint(1990, 2019),
                    )
                )
        articles.append(" ".join(sentences))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N functions")
    args = parser.parse_args()

    started = time.perf_counter()
    gaz = Gazetteer(DEFAULT_DB, ROOT / "var" / "bench-no-user-layer.sqlite")
    extractor = Extractor(gaz)
    setup = time.perf_counter() - started
    texts = corpus(args.articles, args.seed, gaz)
    chars = sum(map(len, texts))

    base = []
    for text in texts:
        t0 = time.perf_counter()
        split_sentences(article_from_text(text, published="2024-03-01").text)
        base.append(time.perf_counter() - t0)

    per_article, events, places = [], 0, 0
    t_all, cpu_all = time.perf_counter(), time.process_time()
    for text in texts:
        t0 = time.perf_counter()
        out = extractor.extract(article_from_text(text, published="2024-03-01"))
        per_article.append(time.perf_counter() - t0)
        events += len(out["events"])
        places += len(out["places"])
    total, cpu = time.perf_counter() - t_all, time.process_time() - cpu_all

    p99 = statistics.quantiles(per_article, n=100)[98]
    rows = [
        ("articles", f"{len(texts):,} ({chars / len(texts):,.0f} characters on average)"),
        ("setup (open gazetteer, load name keys)", f"{setup:.2f} s"),
        ("compiled modules (make compile)", f"{len(speedup.loaded())} of {len(speedup.MODULES)}"),
        ("throughput, one core", f"{len(texts) / total:,.0f} articles/s (target ≥ 500)"),
        ("throughput, CPU time", f"{len(texts) / cpu:,.0f} articles/s"),
        ("per article p50 / p99", f"{statistics.median(per_article) * 1e3:.2f} / {p99 * 1e3:.2f} ms"),
        ("baseline: read + split only p50", f"{statistics.median(base) * 1e3:.3f} ms"),
        ("extraction / baseline (p50)", f"{statistics.median(per_article) / statistics.median(base):.1f}×"),
        ("places, events found", f"{places:,}, {events:,}"),
        (
            "peak memory",
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (target ≤ 500 MB)",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"extraction benchmark ({time.strftime('%Y-%m-%d')}, seed {args.seed})")
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")
    if args.profile:
        profile(gaz, texts, args.profile)


def profile(gaz: Gazetteer, texts: list[str], top: int) -> None:
    """The extraction of ``texts`` by a fresh extractor under cProfile: the ``top`` functions by
    own time, then by cumulative time (profiling slows small functions most: compare shares)."""
    import cProfile
    import pstats

    extractor = Extractor(gaz)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        extractor.extract(article_from_text(text, published="2024-03-01"))
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumtime").print_stats(top)


if __name__ == "__main__":
    main()
