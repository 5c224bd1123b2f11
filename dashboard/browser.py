"""A real dashboard server and a real browser, for the end-to-end tests and ``bench/dashboard.py``.

:func:`serve` starts ``streamlit run dashboard/app.py`` on a free local port with its own event
store and user layer, and waits until it answers. :func:`launch_chromium` starts Debian's
``/usr/bin/chromium`` through Playwright with everything that phones home switched off, and
:class:`RequestLog` records every request a page makes so a test can prove none left the machine.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("DIADANH_CHROMIUM", "/usr/bin/chromium"))
# No sync, no component updates, no safe-browsing or field-trial downloads, no QUIC probes.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-breakpad",
    "--metrics-recording-only",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path
    store: Path


@contextmanager
def serve(store: Path, user_places: Path, timeout: float = 90.0, log: Path | None = None) -> Iterator[Server]:
    """``streamlit run dashboard/app.py`` on 127.0.0.1 and a free port, with ``store`` as the event
    store; stopped on exit. Raises RuntimeError with the server's output if it does not start."""
    port = free_port()
    log = log or store.with_suffix(".server.log")
    env = dict(os.environ, DIADANH_STORE=str(store), DIADANH_USER_PLACES=str(user_places))
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py")]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_healthy(url, process, timeout, log)
        yield Server(url, process, log, store)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text(errors="replace")
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer within {timeout:.0f} s:\n{log.read_text(errors='replace')}")


def launch_chromium(playwright):
    """Debian's chromium (never a downloaded one) with background networking off."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make chromium` (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine (data:, blob:, about: and loopback hosts)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension"):
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class RequestLog:
    """Every request of a browser context: the ones that went off the machine and the failed ones.

    A request aborted because its page went away (the map's frame is redrawn on every rerun
    while it may still be fetching) is not a failure when the same URL was served otherwise."""

    requests: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    served: set[str] = field(default_factory=set)

    def attach(self, context) -> RequestLog:
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", lambda request: self.errors.append((request.url, request.failure or "")))
        context.on("response", self._response)
        return self

    def _response(self, response) -> None:
        if response.status >= 400:
            self.errors.append((response.url, f"HTTP {response.status}"))
        else:
            self.served.add(response.url)

    @property
    def failures(self) -> list[str]:
        return [
            f"{url}: {why}"
            for url, why in self.errors
            if not (why == "net::ERR_ABORTED" and url in self.served)
        ]

    @property
    def off_machine(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]


def screenshot(
    out: Path,
    width: int = 1500,
    height: int = 1000,
    view: tuple[float, float, int] = (40.1, 46.85, 10),
    click: bool = True,
) -> None:
    """The README's picture: the sample corpus, the Caucasus cluster opened, the Terter shelling
    clicked (popup and detail panel). A real server on a temporary store, Debian's chromium."""
    import tempfile

    from playwright.sync_api import sync_playwright

    frame_selector = 'iframe[title="streamlit_folium.st_folium"]'
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        with serve(folder / "events.sqlite", folder / "user_places.sqlite") as server:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(server.url)
            frame = page.frame_locator(frame_selector).first
            frame.locator(".marker-cluster").first.wait_for(timeout=60_000)
            # Zoom to Karabakh (clusters open at zoom 9): Terter, the region and the Aras border.
            for map_frame in page.frames[1:]:
                map_frame.evaluate(
                    "() => Object.keys(window).filter(k => k.startsWith('map_') && window[k].setView)"
                    f".forEach(k => window[k].setView([{view[0]}, {view[1]}], {view[2]}))"
                )
            page.wait_for_timeout(1500)
            if click:
                terter = frame.locator('.leaflet-marker-icon[title*="Tartar"]')
                terter.first.click()
                page.get_by_test_id("dd-article").wait_for(timeout=60_000)
                page.frame_locator(frame_selector).first.locator(".leaflet-popup-content").wait_for()
            page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollTo(0, 0)")
            page.wait_for_timeout(1000)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            browser.close()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m dashboard.browser")
    parser.add_argument("command", choices=["screenshot"])
    parser.add_argument("out", type=Path, nargs="?", default=ROOT / "docs" / "dashboard.png")
    parser.add_argument("--view", default="40.1,46.85,10", help="the map's centre and zoom: LAT,LON,ZOOM")
    parser.add_argument("--no-click", action="store_true", help="the map alone: no event clicked")
    args = parser.parse_args()
    lat, lon, zoom = args.view.split(",")
    screenshot(args.out, view=(float(lat), float(lon), int(zoom)), click=not args.no_click)
    print(f"saved {args.out}")
