"""Dashboard benchmark on ≥ 10,000 events: page load to clusters visible, and slider changes.

    .venv/bin/python bench/dashboard.py [--events 10000] [--loads 3] [--changes 5]

The events are real extractions: synthetic articles from ``bench/extract.py``'s generator
(seeded), published on days spread over a year, extracted and stored until the store holds
``--events`` events (kept in ``bench/out/dashboard/`` and reused when it is big enough).
Measured:

- **server time of a filter change**: the app script's run after the date slider moves, and
  after the event-type filter changes, timed in-process with Streamlit's AppTest (the same
  script, cache and store as the server);
- **page load → clusters visible**: a real server (``streamlit run``) and Debian's chromium,
  from navigation to the first ``.marker-cluster`` in the map, fresh browser context each time;
- **slider change in the browser**: key press on the slider's end to the new count and the map
  redrawn (the markers of the new range in the same frame: ``ddUpdates`` in the frame moved on).

Baseline in the same run: the same measures on the two sample articles (33 events).
Targets (issue 12): page load ≤ 3.5 s, server time of a filter change ≤ 250 ms, slider change
to the map redrawn in the browser ≤ 600 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract import corpus  # noqa: E402

from dashboard import data  # noqa: E402
from dashboard.browser import RequestLog, launch_chromium, serve  # noqa: E402
from events.pipeline import Extractor  # noqa: E402
from events.reader import article_from_text  # noqa: E402
from gazetteer import Gazetteer  # noqa: E402
from store.db import EventStore  # noqa: E402

OUT = ROOT / "bench" / "out" / "dashboard"
APP = str(ROOT / "dashboard" / "app.py")
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def build_store(path: Path, events: int, seed: int) -> tuple[int, float]:
    """Store synthetic articles until ``events`` events are stored; (events, seconds)."""
    start = time.perf_counter()
    with EventStore(path) as store:
        have = store.counts()["events"]
        if have >= events:
            return have, 0.0
        gaz = Gazetteer(user_path=OUT / "user_places.sqlite")
        extractor = Extractor(gaz)
        rng = random.Random(seed)
        day0 = dt.date(2020, 1, 1)
        batch = 0
        while have < events:
            for text in corpus(200, seed + batch, gaz):
                published = day0 + dt.timedelta(days=rng.randrange(366))
                article = article_from_text(text, published=published.isoformat())
                result = extractor.extract(article)
                if store.add(result, article.text):
                    have += len(result["events"])
                if have >= events:
                    break
            batch += 1
    return have, time.perf_counter() - start


# The store's questions of the archive mode, timed one by one inside the app's runs (the app
# calls them through the module, so a wrapper sees each call): which one a slow change waits on.
QUESTIONS = ("summary", "summary_total", "feed_frame", "map_view", "first_and_last", "summary_timeline",
             "timeline_counts", "incidents_of")  # fmt: skip


class QuestionTimes:
    """Seconds spent in each of :data:`QUESTIONS` (``dashboard.archive``) during each app run."""

    def __init__(self) -> None:
        from dashboard import archive

        self.runs: list[dict[str, float]] = []
        self.current: dict[str, float] = {}
        self.depth = 0
        for name in QUESTIONS:
            setattr(archive, name, self._wrap(name, getattr(archive, name)))

    def _wrap(self, name: str, call: Callable) -> Callable:
        def timed(*args: object, **kwargs: object) -> object:
            if self.depth:  # inside another question: counted there
                return call(*args, **kwargs)
            self.depth += 1
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                self.depth -= 1
                self.current[name] = self.current.get(name, 0.0) + time.perf_counter() - start
                self.current[f"{name} CPU"] = self.current.get(f"{name} CPU", 0.0) + time.process_time() - cpu

        return timed

    def next_run(self) -> None:
        self.runs.append(self.current)
        self.current = {}

    def table(self, label: str) -> str:
        """p50 / max ms of each question over the runs (a run that did not ask it: 0), wall clock
        and CPU time of this process; a question asked inside another counts in the outer one."""
        lines = [
            f"  {label}: the archive's questions over {len(self.runs)} changes, ms p50 / max, wall (CPU)"
        ]
        for name in QUESTIONS:
            times = [run.get(name, 0.0) * 1000 for run in self.runs]
            cpu = [run.get(f"{name} CPU", 0.0) * 1000 for run in self.runs]
            if any(times):
                lines.append(
                    f"    {name:18}{statistics.median(times):>8.0f} /{max(times):>6.0f}"
                    f"   ({statistics.median(cpu):.0f} /{max(cpu):>4.0f})"
                )
        return "\n".join(lines)


def server_times(store: Path, changes: int) -> dict[str, float]:
    """First run, a rerun, and slider changes of the app script, in seconds (AppTest)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, local_script_runner

    # The server compiles the script once (its ScriptCache); AppTest makes a new cache at every
    # run, so each run would pay the compile of app.py with Streamlit's magic (about 100 ms of
    # CPU at every change, which no user waits for): one cache for every run, as the server's.
    shared = ScriptCache()
    local_script_runner.ScriptCache = lambda: shared
    data.STORE = store
    questions = QuestionTimes()
    at = AppTest.from_file(APP, default_timeout=600)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception)
    start = time.perf_counter()
    at.run()
    rerun = time.perf_counter() - start
    low, high = at.slider(key="dates").value
    span = (high - low).days
    rng = random.Random(7)
    slider, cpu = [], []
    for _ in range(changes):
        a = low + dt.timedelta(days=rng.randrange(max(1, span // 2)))
        b = a + dt.timedelta(days=rng.randrange(1, max(2, span // 2)))
        at.slider(key="dates").set_value((a, min(b, high)))
        questions.current = {}
        start, start_cpu = time.perf_counter(), time.process_time()
        at.run()
        slider.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        questions.next_run()
    slider_questions, questions.runs = questions.table("slider"), []
    slider_p50, slider_max = statistics.median(slider), max(slider)
    kinds = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"]
    types = []
    for i in range(changes):
        at.multiselect(key="types").set_value(kinds[: 1 + i % len(kinds)] if i % 2 == 0 else [])
        questions.current = {}
        start, start_cpu = time.perf_counter(), time.process_time()
        at.run()
        types.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        questions.next_run()
    print(slider_questions + "\n" + questions.table("event-type filter"), flush=True)
    if at.exception:
        raise RuntimeError(at.exception)
    return {
        "first": first,
        "rerun": rerun,
        "slider_p50": slider_p50,
        "slider_max": slider_max,
        "filter_p50": statistics.median(types),
        "filter_max": max(types),
        "cpu_p50": statistics.median(cpu),  # CPU seconds of a filter or slider change: less noisy
    }


def browser_times(store: Path, loads: int, changes: int, zooms: int = 5) -> dict[str, float]:
    """Page load to clusters, markers or cells visible, a slider key press to the map redrawn,
    zooms from the world into a region to its individual events, and the server's peak memory."""
    from playwright.sync_api import sync_playwright

    load_times, change_times, zoom_times, off = [], [], [], []
    user_places, log_file = OUT / "user_places.sqlite", OUT / "server.log"
    with serve(store, user_places, log=log_file) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for i in range(loads + 1):  # the first load warms the server's caches: not counted
            context = browser.new_context(viewport={"width": 1500, "height": 1000})
            log = RequestLog().attach(context)
            page = context.new_page()
            start = time.perf_counter()
            page.goto(server.url)
            frame = page.frame_locator(MAP_FRAME).first
            frame.locator(".marker-cluster, .leaflet-marker-icon").first.wait_for(timeout=120_000)
            if i:
                load_times.append(time.perf_counter() - start)
            if i == loads:
                change_times = _slider_changes(page, changes)
                zoom_times = _zoom_ins(page, _places(store, zooms))
            off += log.off_machine + log.failures
            context.close()
        browser.close()
        peak = _peak_memory(server.process.pid)
    if off:
        raise RuntimeError(f"requests failed or left the machine: {off[:5]}")
    return {
        "load_p50": statistics.median(load_times),
        "load_max": max(load_times),
        "change_p50": statistics.median(change_times),
        "change_max": max(change_times),
        "zoom_p50": statistics.median(zoom_times),
        "zoom_max": max(zoom_times),
        "peak_mb": peak,
    }


def _peak_memory(pid: int) -> float:
    """The peak resident memory of a process (MB, Linux's VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _places(store: Path, n: int) -> list[tuple[float, float]]:
    """``n`` points of news events of the store, picked at random (seeded)."""
    with EventStore(store) as s:
        top = s.con.execute("SELECT MAX(rowid) FROM events").fetchone()[0]
        rng = random.Random(3)
        out: list[tuple[float, float]] = []
        while len(out) < n:
            row = s.con.execute(
                "SELECT latitude, longitude FROM events WHERE rowid >= ? AND latitude IS NOT NULL "
                "AND NOT COALESCE(background, 0) LIMIT 1",
                (rng.randint(1, top),),
            ).fetchone()
            if row:
                out.append(row)
    return out


# In the map's frame: its last update (if the view asked the server for one) is in.
_UPDATED = "([updates]) => Number(document.body.dataset.ddUpdates || 0) >= updates"
_MARKERS_SHOWN = "() => Object.keys(window.ddMarkers || {}).length > 0 && !document.querySelector('.dd-cell')"


def _zoom_ins(page, points: list[tuple[float, float]]) -> list[float]:
    """Seconds from a zoom from the world (zoom 2) into a town (zoom 12, the offline map's last,
    around an event) to the view drawn: on an archive the world is counts per cell and the
    town's view is asked of the server (its individual events when it holds at most 1,000
    incidents over the slider's range, else finer cells); with every event in the page, the
    clusters break up in the browser. Prints how many zooms ended on individual events."""
    handle = page.locator(MAP_FRAME).first.element_handle()
    frame = handle.content_frame()
    times, individual = [], 0
    for lat, lon in points:
        frame.evaluate("() => { window.map.setView([30, 20], 2, {animate: false}); }")
        page.wait_for_timeout(1500)  # the world's update (if any) is in
        updates = frame.evaluate("() => Number(document.body.dataset.ddUpdates || 0)")
        asks = frame.evaluate("() => !!document.querySelector('.dd-cell')")  # the view comes from the server
        start = time.perf_counter()
        frame.evaluate(f"() => {{ window.map.setView([{lat}, {lon}], 12, {{animate: false}}); }}")
        frame.wait_for_function(_UPDATED, arg=[updates + (1 if asks else 0)], polling=10, timeout=60_000)
        times.append(time.perf_counter() - start)
        individual += frame.evaluate(_MARKERS_SHOWN)
    print(f"  zoom-ins: {individual} of {len(points)} ended on individual events", flush=True)
    return times


CAPTION = (
    "[...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
    ".map(e => e.innerText).find(t => t.includes('sự kiện đang hiển thị'))"
)


def _slider_changes(page, changes: int) -> list[float]:
    """Seconds from a key press on the slider's end to the new count shown and the map redrawn:
    the map's frame updated in place (its ``ddUpdates`` counter moved on) or, as the map was
    drawn before, a new frame showing its clusters.

    The end moves one day left, then back right, and so on: the last day always has events
    (it is the newest event's date), so the count changes every time."""
    times = []
    end = page.get_by_role("slider").nth(1)
    redrawn = f"""([old, updates]) => {{
        const t = {CAPTION};
        const f = document.querySelector('{MAP_FRAME}');
        const d = f && f.contentDocument;
        if (!t || t === old || !d || !d.body) {{ return false; }}
        const moved = f.dataset.ddOld ? Number(d.body.dataset.ddUpdates || 0) > updates : true;
        return moved && !!d.querySelector('.marker-cluster, .leaflet-marker-icon');
    }}"""
    for i in range(changes):
        before = page.evaluate(f"() => {CAPTION}")
        # The map shown now is marked, its updates counted: the one to wait for is the next one drawn.
        updates = page.evaluate(
            f"""() => {{ const f = document.querySelector('{MAP_FRAME}'); f.dataset.ddOld = '1';
                        return Number(f.contentDocument.body.dataset.ddUpdates || 0); }}"""
        )
        end.focus()
        start = time.perf_counter()
        end.press("ArrowLeft" if i % 2 == 0 else "ArrowRight")
        page.wait_for_function(redrawn, arg=[before, updates], polling=10, timeout=60_000)
        times.append(time.perf_counter() - start)
    return times


# --------------------------------------------------------------------------- the store's view queries
# ``--view``: the queries of store/view.py (what the map asks for the current view) on stores of
# 10,000 events up to ``--events``, p50/p99 per kind of view, with ratios against 10,000 events.
# The stores are the writer-ceiling clones of bench/scale.py (real extractions of 300 generated
# articles, each pass through them a day later), built once into bench/out/dashboard/.

VIEW_SIZES = (10_000, 100_000, 1_000_000)


def build_view_store(path: Path, events: int, seed: int) -> tuple[int, float]:
    """A store of at least ``events`` events, built by the batch writer from cloned extractions."""
    import io

    from bench.scale import _clones, _pool
    from store.ingest import Ingest

    if path.exists():
        with EventStore(path) as store:
            have = store.counts()["events"]
        if have >= events:
            return have, 0.0
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    pool = _pool(300, seed)
    per_article = sum(len(r["events"]) for r, _ in pool) / len(pool)
    with EventStore(path) as store:
        run = Ingest(store, 0, progress=False, out=io.StringIO())
        for outcome in _clones(pool, int(events / per_article) + len(pool), shift=True):
            run.record(outcome)
            if run.totals["events"] >= events:
                break
        run.close()
        have = store.counts()["events"]
    return have, time.perf_counter() - start


def _view_queries(store: EventStore, rounds: int, seed: int) -> dict[str, list[float]]:
    """Seconds of each kind of view query, ``rounds`` times at random places and dates."""
    from store import view

    rng = random.Random(seed)
    top = store.con.execute("SELECT MAX(rowid) FROM events").fetchone()[0]
    picked = [
        store.con.execute(
            "SELECT latitude, longitude, event_date, event_id FROM events WHERE rowid = ?", (n,)
        ).fetchone()
        for n in (rng.randint(1, top) for _ in range(4 * rounds))
    ]
    picked = [row for row in picked if row and row[0] is not None and row[2]][:rounds]
    points, ids = [row[:3] for row in picked], [row[3] for row in picked]
    times: dict[str, list[float]] = {}

    def timed(name: str, call: Callable[[], object]) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        call()
        times.setdefault(name, []).append(time.perf_counter() - start)
        times.setdefault(f"{name} CPU", []).append(time.process_time() - cpu)

    def box(lat: float, lon: float, zoom: int, **filters: object) -> view.ViewQuery:
        half = view.cell_size(zoom) * view.CELLS_PER_TILE * 2  # a 1000-pixel-wide map: about 4 tiles across
        south, north = lat - half / 2, lat + half / 2
        return view.ViewQuery(south=south, west=lon - half, north=north, east=lon + half, **filters)

    for lat, lon, day in points:
        middle = dt.date.fromisoformat(day[:10])
        month = {"date_from": (middle - dt.timedelta(days=15)).isoformat(),
                 "date_to": (middle + dt.timedelta(days=15)).isoformat()}  # fmt: skip
        battles = {"event_types": ("Battles",)}
        for name, query, zoom in (
            ("world, all dates (zoom 2)", view.ViewQuery(), 2),
            ("world, one month (zoom 2)", view.ViewQuery(**month), 2),
            ("region, all dates (zoom 6)", box(lat, lon, 6), 6),
            ("region, type filter (zoom 6)", box(lat, lon, 6, **battles), 6),
            ("zoomed in, all dates (zoom 10)", box(lat, lon, 10), 10),
            ("zoomed in, one month (zoom 10)", box(lat, lon, 10, **month), 10),
        ):
            timed(name, lambda q=query, z=zoom: view.view(store, q, z))
    for event_id in ids:
        timed("popup of one event", lambda e=event_id: view.popup(store, e))
    return times


def view_main(args: argparse.Namespace) -> None:
    sizes = [n for n in VIEW_SIZES if n < args.events] + [args.events]
    results = {}
    for n in sizes:
        path = OUT / f"view-{n}.sqlite"
        have, seconds = build_view_store(path, n, args.seed)
        built = f", built in {seconds:.0f} s" if seconds else ""
        with EventStore(path) as store:
            rows = store.counts()
            results[n] = _view_queries(store, args.rounds, args.seed)
        size = path.stat().st_size / 1e6
        print(f"store: {have:,} events, {rows['articles']:,} articles ({size:,.0f} MB{built})", flush=True)
    import os

    for kind, suffix in (("CPU time of this process", " CPU"), ("wall clock", "")):
        print(
            f"\nview queries, {kind}, ms p50 / p99 over {args.rounds} random views each "
            f"(load average {os.getloadavg()[0]:.1f}):"
        )
        names = [name for name in results[sizes[0]] if not name.endswith(" CPU")]
        header = f"{'':34}" + "".join(f"{f'{n:,} events':>22}" for n in sizes)
        print(header + "".join(f"{f'× {n:,}':>12}" for n in sizes[1:]))
        for name in names:
            cells = []
            for n in sizes:
                t = sorted(results[n][name + suffix])
                cells.append((statistics.median(t) * 1000, t[min(len(t) - 1, int(len(t) * 0.99))] * 1000))
            line = f"{name:34}" + "".join(f"{f'{p50:,.1f} / {p99:,.1f}':>22}" for p50, p99 in cells)
            print(
                line
                + "".join(f"{cells[i][0] / max(cells[0][0], 0.01):>11.1f}×" for i in range(1, len(sizes)))
            )
    print(
        "\n× N: p50 at N events / p50 at 10,000. A view is drawn as markers (its incidents) when it holds at"
    )
    print("most 1,000 incidents, else as counts per grid cell, and from zoom 10 on as its latest 1,000")
    print("incidents (store.view.view, store.view.DETAIL_ZOOM).")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--changes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--view", action="store_true", help="the store's view queries (store/view.py) only")
    parser.add_argument("--rounds", type=int, default=30, help="--view: random views per kind")
    args = parser.parse_args()
    if args.view:
        OUT.mkdir(parents=True, exist_ok=True)
        return view_main(args)
    OUT.mkdir(parents=True, exist_ok=True)

    if args.events > 10_000:
        return archive_main(args)
    big = OUT / f"events-{args.events}.sqlite"
    n, seconds = build_store(big, args.events, args.seed)
    built = f" (built in {seconds:.1f} s)" if seconds else ""
    print(f"store: {n:,} events in {big.relative_to(ROOT)}{built}")
    small = OUT / "samples.sqlite"
    with EventStore(small) as store:
        data.ensure_samples(store, Extractor(Gazetteer(user_path=OUT / "user_places.sqlite")))
        n_small = store.counts()["events"]

    rows = []
    for label, store in ((f"samples ({n_small} events)", small), (f"synthetic ({n:,} events)", big)):
        server = server_times(store, args.changes)
        browser = browser_times(store, args.loads, args.changes)
        rows.append((label, server, browser))
    _table(rows)
    (_, s0, b0), (_, s1, b1) = rows
    print(
        f"\nratios big/samples: slider server time {s1['slider_p50'] / s0['slider_p50']:.1f}x, "
        f"page load {b1['load_p50'] / b0['load_p50']:.1f}x"
    )
    print(
        "server CPU time of a filter or slider change (p50, process_time: the machine is shared, "
        f"wall-clock times are noisy): samples {s0['cpu_p50'] * 1000:.0f} ms, "
        f"synthetic {s1['cpu_p50'] * 1000:.0f} ms"
    )
    server_worst = max(s1["slider_max"], s1["filter_max"])
    print(
        f"targets: page load ≤ 3.5 s: {'met' if b1['load_max'] <= 3.5 else 'NOT met'} "
        f"({b1['load_max']:.2f} s worst); filter change server time ≤ 250 ms: "
        f"{'met' if server_worst <= 0.25 else 'NOT met'} ({server_worst * 1000:.0f} ms worst); "
        f"slider change to the map redrawn ≤ 600 ms: {'met' if b1['change_max'] <= 0.6 else 'NOT met'} "
        f"({b1['change_max'] * 1000:.0f} ms worst)"
    )


def _table(rows: list[tuple[str, dict, dict]]) -> None:
    print(f"\n{'':30}{'first run':>11}{'rerun':>9}{'slider p50':>12}{'slider max':>12}{'filter p50':>12}"
          f"{'filter max':>12}{'load p50':>10}{'load max':>10}{'browser slider p50/max':>24}"
          f"{'zoom-in p50/max':>18}{'peak MB':>9}")  # fmt: skip
    for label, s, b in rows:
        print(
            f"{label:30}{s['first']:>10.2f}s{s['rerun'] * 1000:>7.0f}ms{s['slider_p50'] * 1000:>10.0f}ms"
            f"{s['slider_max'] * 1000:>10.0f}ms{s['filter_p50'] * 1000:>10.0f}ms"
            f"{s['filter_max'] * 1000:>10.0f}ms"
            f"{b['load_p50']:>9.2f}s{b['load_max']:>9.2f}s{b['change_p50']:>14.2f}s /{b['change_max']:>5.2f}s"
            f"{b['zoom_p50']:>10.2f}s /{b['zoom_max']:>5.2f}s{b['peak_mb']:>9.0f}"
        )


def archive_main(args: argparse.Namespace) -> None:
    """``--events`` above 10,000: the app on an archive of that many events (the archive mode,
    dashboard/archive.py) beside the 10,000 real extractions (the frames), in one run."""
    base = OUT / "events-10000.sqlite"
    n_base, seconds = build_store(base, 10_000, args.seed)
    built = f" (built in {seconds:.1f} s)" if seconds else ""
    print(f"store: {n_base:,} events in {base.relative_to(ROOT)}{built}")
    big = OUT / f"view-{args.events}.sqlite"
    n_big, seconds = build_view_store(big, args.events, args.seed)
    how = (
        f" (built in {seconds:.1f} s: the extractions of 300 generated articles cloned through "
        "the batch writer, Ingest.record, each pass a day later)"
    )
    print(f"store: {n_big:,} events in {big.relative_to(ROOT)}" + (how if seconds else ""))
    rows = []
    for label, store in ((f"synthetic ({n_base:,} events)", base), (f"archive ({n_big:,} events)", big)):
        server = server_times(store, args.changes)
        print(
            f"  {label}: server " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in server.items()), flush=True
        )
        try:
            browser = browser_times(store, args.loads, args.changes)
        except Exception as exc:  # a browser step that times out: the server's figures stay
            print(f"  {label}: the browser's measures failed: {type(exc).__name__}: {exc}"[:400], flush=True)
            keys = ("load_p50", "load_max", "change_p50", "change_max", "zoom_p50", "zoom_max", "peak_mb")
            browser = dict.fromkeys(keys, float("nan"))
        rows.append((label, server, browser))
        _table(rows[-1:])
    _table(rows)
    (_, s0, b0), (_, s1, b1) = rows

    def ratio(a: float, b: float) -> str:
        return f"{a / max(b, 1e-3):.1f}x"

    print(
        f"\nratios {n_big:,} / {n_base:,} events: page load {ratio(b1['load_p50'], b0['load_p50'])}, "
        f"filter change server {ratio(s1['filter_p50'], s0['filter_p50'])} "
        f"(CPU {ratio(s1['cpu_p50'], s0['cpu_p50'])}), "
        f"slider to map {ratio(b1['change_p50'], b0['change_p50'])}, "
        f"zoom-in {ratio(b1['zoom_p50'], b0['zoom_p50'])}, peak memory {ratio(b1['peak_mb'], b0['peak_mb'])}"
    )
    load_target = 4.0 if args.events <= 100_000 else 6.0
    worst = max(s1["slider_max"], s1["filter_max"])
    verdict = {True: "met", False: "NOT met"}
    print(
        f"targets at {n_big:,} events: page → first markers or cells ≤ {load_target:.0f} s: "
        f"{verdict[b1['load_max'] <= load_target]} ({b1['load_max']:.2f} s worst); "
        f"filter change server ≤ 300 ms: {verdict[worst <= 0.3]} ({worst * 1000:.0f} ms worst); "
        f"zoom-in → its events ≤ 1 s: {verdict[b1['zoom_max'] <= 1]} ({b1['zoom_max']:.2f} s worst); "
        f"peak memory ≤ 1 GB: {verdict[b1['peak_mb'] <= 1024]} ({b1['peak_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    main()
