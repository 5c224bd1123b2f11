"""Streamlit's and Leaflet's own words in the page's language: the one translation layer.

Streamlit 1.67 has no locale: its widgets write English that no parameter reaches (a dropdown's
"No results", the uploader's "File must be 20.0MB or smaller.", screen-reader labels such as
"Clear all", "Open", "Collapse sidebar", "Help for …", the toolbars' "Fullscreen", "Download as
CSV"). Where a parameter exists the dashboard uses it (placeholders, ``max_upload_size``,
``anchor=False``, a chart's ``alt``); for the rest, :func:`translate_page` mounts one small
script in the page (an ``st.components.v2`` component: no iframe) that rewrites the exact
strings of :data:`STREAMLIT_TEXT` and the shapes of :data:`STREAMLIT_PATTERNS`, in text nodes
and in ``aria-label``, ``title``, ``placeholder`` and ``alt``, as Streamlit draws them (a
``MutationObserver``). On the English page it maps the other way, so a switch back to English
undoes what the Vietnamese page changed. Only whole strings (trimmed) are replaced, and the
places that show data (the article, the popups, the feed) are never touched.

Leaflet writes its controls' titles in English ("Zoom in", "Layers", "Close popup"): the zoom
titles and the attribution prefix are options; the layers button and the popup's close button
are not, so :class:`MapWords` sets them on the map it is added to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import streamlit as st
from branca.element import MacroElement
from jinja2 import Template

# Streamlit's own English (frontend of 1.67) -> Vietnamese. Whole strings only.
STREAMLIT_TEXT: dict[str, str] = {
    # multiselect / selectbox
    "No results": "Không có kết quả",
    "Choose an option": "Chọn…",
    "Choose options": "Chọn…",
    "Select...": "Chọn…",
    "Select all": "Chọn tất cả",
    "Clear all": "Xoá tất cả",
    "Clear value": "Xoá giá trị",
    "Clear selection": "Bỏ chọn",
    "Selected values": "Các giá trị đã chọn",
    "Open": "Mở",
    "Close": "Đóng",
    "Type to search": "Gõ để tìm",
    # file uploader
    "Drag and drop files here": "Kéo thả tệp vào đây",
    "Drag and drop file here": "Kéo thả một tệp vào đây",
    "Browse files": "Chọn tệp",
    "Upload": "Tải lên",
    "file upload": "tải tệp lên",
    "Upload failed": "Tải lên thất bại",
    "Uploading...": "Đang tải lên…",
    "Delete": "Xoá",
    "Previous page": "Trang trước",
    "Next page": "Trang sau",
    "Pagination": "Phân trang",
    # text and number inputs
    "Press Enter to apply": "Nhấn Enter để áp dụng",
    "Press Enter to submit form": "Nhấn Enter để gửi biểu mẫu",
    "Press ⌘+Enter to apply": "Nhấn ⌘+Enter để áp dụng",
    "Press Ctrl+Enter to apply": "Nhấn Ctrl+Enter để áp dụng",
    "Show password": "Hiện mật khẩu",
    "Hide password": "Ẩn mật khẩu",
    "Increment": "Tăng",
    "Decrement": "Giảm",
    # date input (the dashboard types dates; kept for any calendar)
    "Choose date": "Chọn ngày",
    "Choose date range": "Chọn khoảng ngày",
    "Clear date": "Xoá ngày",
    "Clear dates": "Xoá các ngày",
    "Previous month": "Tháng trước",
    "Next month": "Tháng sau",
    # page chrome
    "Skip to main content": "Chuyển đến nội dung chính",
    "Sidebar": "Thanh bên",
    "Collapse sidebar": "Thu gọn thanh bên",
    "Expand sidebar": "Mở thanh bên",
    "Main menu": "Trình đơn chính",
    "Link to heading": "Liên kết tới tiêu đề",
    "Help": "Trợ giúp",
    "Running...": "Đang chạy…",
    "Stop": "Dừng",
    "Stopping...": "Đang dừng…",
    "Rerun": "Chạy lại",
    "Clear cache": "Xoá bộ nhớ đệm",
    "Print": "In trang",
    "Record a screencast": "Ghi màn hình",
    "About": "Giới thiệu",
    "Settings": "Cài đặt",
    "Scroll tabs left": "Cuộn thẻ sang trái",
    "Scroll tabs right": "Cuộn thẻ sang phải",
    "Notifications": "Thông báo",
    "(opens in new tab)": "(mở trong thẻ mới)",
    # element toolbars (tables, charts)
    "Fullscreen": "Toàn màn hình",
    "Close fullscreen": "Thoát toàn màn hình",
    "Exit fullscreen": "Rời chế độ toàn màn hình",
    "Toggle fullscreen": "Bật/tắt toàn màn hình",
    "Download as CSV": "Tải CSV",
    "Download as PNG": "Tải PNG",
    "Download as SVG": "Tải SVG",
    "Copy Vega-Lite spec": "Chép đặc tả Vega-Lite",
    "Show data": "Xem dữ liệu",
    "Show chart": "Xem biểu đồ",
    "Search": "Tìm",
    "Close Search": "Đóng ô tìm",
    "Previous Result": "Kết quả trước",
    "Next Result": "Kết quả sau",
    "Show/hide columns": "Hiện/ẩn cột",
    "Dataframe column menu": "Trình đơn cột",
    "Sort ascending": "Sắp tăng dần",
    "Sort descending": "Sắp giảm dần",
    "Pin column": "Ghim cột",
    "Unpin column": "Bỏ ghim cột",
    "Hide column": "Ẩn cột",
    "Autosize": "Tự chỉnh độ rộng",
    "Format": "Định dạng",
    "Copy column name": "Chép tên cột",
    "Copy to clipboard": "Chép",
    "No data": "Không có dữ liệu",
    "Empty": "Trống",
    "Error:": "Lỗi:",
    "Dismiss": "Bỏ qua",
    "Show suggestions": "Hiện gợi ý",
    "Suggestions": "Gợi ý",
    "All selected options have been cleared.": "Đã bỏ mọi lựa chọn.",
    "Use Up and Down to choose options, press Enter to select the currently focused option, press "
    "Escape to exit the menu.": "Dùng phím lên, xuống để chọn, Enter để lấy mục đang chọn, Escape "
    "để đóng danh sách.",
    "Use Up and Down to choose options, press Enter to select the currently focused option, press "
    "Escape to exit the menu, press Tab to select the option and exit the menu.": "Dùng phím lên, "
    "xuống để chọn, Enter để lấy mục đang chọn, Escape để đóng danh sách, Tab để lấy mục và đóng "
    "danh sách.",
    "Use left and right to toggle between focused values, press Backspace to remove the currently "
    "focused value": "Dùng phím trái, phải để chuyển giữa các giá trị, Backspace để bỏ giá trị đang chọn",
    "Error": "Lỗi",
    "Warning:": "Cảnh báo:",
}

# A Material icon's screen-reader label is its name and "icon" ("add icon"): the icons of the
# widgets the dashboard uses.
ICON_NAMES: dict[str, str] = {
    "add": "thêm", "upload": "tải lên", "close": "đóng", "delete": "xoá", "clear": "xoá hết",
    "search": "tìm", "error": "lỗi", "warning": "cảnh báo", "info": "thông tin",
    "check_circle": "xong", "check": "đánh dấu", "keyboard_arrow_right": "mở ra",
    "keyboard_arrow_down": "thu lại", "expand_more": "mở thêm", "expand_less": "thu gọn",
    "fullscreen": "toàn màn hình", "download": "tải xuống", "more_vert": "thêm tuỳ chọn",
    "visibility": "hiện", "visibility_off": "ẩn", "refresh": "làm mới", "help": "trợ giúp",
}  # fmt: skip
STREAMLIT_TEXT.update({f"{name} icon": f"biểu tượng {vi}" for name, vi in ICON_NAMES.items()})

# Streamlit strings made of fixed parts and values ("Help for {x}": x is our label, already in
# the page's language). English template -> Vietnamese template; each {name} is any text, kept.
STREAMLIT_PATTERNS: list[tuple[str, str]] = [
    ("Help for {x}", "Trợ giúp: {x}"),
    ("{x} — start", "{x} — đầu"),
    ("{x} — end", "{x} — cuối"),
    ("File must be {x} or smaller.", "Tệp phải nhỏ hơn hoặc bằng {x}."),
    ("{x}MB per file", "Tối đa {x} MB mỗi tệp"),
    ("Remove {x}", "Bỏ {x}"),
    ("Upload {x}", "Tải lên {x}"),
    ("Drag and drop {x} here", "Kéo thả {x} vào đây"),
    ("{x} file(s) not uploaded.", "{x} tệp chưa được tải lên."),
    # what a screen reader hears from a dropdown (react-aria's and react-select's live messages)
    ("{x} options available.", "Có {x} lựa chọn."),
    ("{x} option available.", "Có {x} lựa chọn duy nhất."),
    ("{x}, selected", "{x}, đã chọn"),
    ("option {x}, selected.", "đã chọn {x}."),
    ("option {x}, deselected.", "đã bỏ chọn {x}."),
    ("option {x} is disabled. Select another option.", "không chọn được {x}. Hãy chọn mục khác."),
    ("{x} results available.", "Có {x} kết quả."),
    ("{x} result available.", "Có {x} kết quả duy nhất."),
    ("{x} results available for search term {y}.", "Có {x} kết quả cho «{y}»."),
    ("{x} result available for search term {y}.", "Có {x} kết quả duy nhất cho «{y}»."),
    ("value {x} focused, {y} of {z}.", "đang ở giá trị {x}, {y} trên {z}."),
]

# Leaflet's own words: (Vietnamese, English).
LEAFLET_TEXT: dict[str, tuple[str, str]] = {
    "zoom_in": ("Phóng to", "Zoom in"),
    "zoom_out": ("Thu nhỏ", "Zoom out"),
    "layers": ("Lớp bản đồ", "Layers"),
    "close_popup": ("Đóng", "Close popup"),
    "leaflet": ("Thư viện JavaScript cho bản đồ tương tác", "A JavaScript library for interactive maps"),
}


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def pattern_regex(template: str) -> str:
    """A regular expression (JavaScript's and Python's) of a whole string made from ``template``:
    each ``{name}`` is any text."""
    parts = _PLACEHOLDER.split(template)  # text, name, text, name, …, text
    return "^" + "".join(re.escape(p) if i % 2 == 0 else "(.+?)" for i, p in enumerate(parts)) + "$"


def _replacement(source: str, target: str) -> str:
    """``target`` as a JavaScript replacement: each ``{name}`` is the group of ``source``'s."""
    names = _PLACEHOLDER.findall(source)
    return _PLACEHOLDER.sub(lambda m: f"${names.index(m.group(1)) + 1}", target.replace("$", "$$"))


def words(lang: str) -> dict[str, object]:
    """What the page script replaces in ``lang``: exact strings and (regex, replacement) pairs;
    English on the English page (back from Vietnamese), Vietnamese on the Vietnamese one."""
    if lang == "vi":
        exact, patterns = STREAMLIT_TEXT, STREAMLIT_PATTERNS
    else:
        exact = {vi: en for en, vi in STREAMLIT_TEXT.items() if vi not in ("Chọn…",)}
        exact["Chọn…"] = "Choose…"  # our own placeholder word (dashboard.i18n "choose")
        patterns = [(vi, en) for en, vi in STREAMLIT_PATTERNS]
    return {
        "frames": {"streamlit_folium.st_folium": "Bản đồ" if lang == "vi" else "Map"},
        "exact": exact,
        "patterns": [[pattern_regex(source), _replacement(source, target)] for source, target in patterns],
    }


# The page script: replaces whole strings in text nodes and attributes as Streamlit draws them.
# Installed once per page (window.__ddWords), its words updated on every run (language switch).
_PAGE_JS = """
export default function (component) {
    const { data } = component;
    const state = window.__ddWords || (window.__ddWords = {});
    state.exact = new Map(Object.entries(data.exact));
    state.frames = data.frames;
    state.patterns = data.patterns.map(([source, target]) => [new RegExp(source), target]);
    const ATTRS = ['aria-label', 'title', 'placeholder', 'alt'];
    // where the page shows data (article text, popups, the feed's rows): never rewritten
    const DATA = '[data-testid="dd-article"], [data-testid="dd-event"], .dd-feed, script, style, textarea';
    const swap = (value) => {
        if (!value) { return null; }
        const key = value.trim();
        if (!key) { return null; }
        const exact = state.exact.get(key);
        if (exact !== undefined) { return value.replace(key, exact); }
        for (const [re, target] of state.patterns) {
            if (re.test(key)) { return value.replace(key, key.replace(re, target)); }
        }
        // a toolbar's label followed by the element's own (our) label: "Fullscreen: Timeline…"
        const colon = key.indexOf(': ');
        const head = colon > 0 ? state.exact.get(key.slice(0, colon)) : undefined;
        return head === undefined ? null : value.replace(key, head + key.slice(colon));
    };
    const element = (el) => {
        if (el.closest(DATA)) { return; }
        // a component's frame is titled by its module name ("streamlit_folium.st_folium"):
        // its accessible name (aria-label wins over title) says what it holds
        const frame = el.tagName === 'IFRAME' && state.frames[el.title];
        if (frame && el.getAttribute('aria-label') !== frame) { el.setAttribute('aria-label', frame); }
        for (const name of ATTRS) {
            const value = el.getAttribute(name);
            const next = swap(value);
            if (next !== null && next !== value) { el.setAttribute(name, next); }
        }
    };
    const text = (node) => {
        const parent = node.parentElement;
        if (!parent || parent.closest(DATA)) { return; }
        const next = swap(node.nodeValue);
        if (next !== null && next !== node.nodeValue) { node.nodeValue = next; }
    };
    const walk = (root) => {
        if (root.nodeType === Node.TEXT_NODE) { text(root); return; }
        if (root.nodeType !== Node.ELEMENT_NODE) { return; }
        if (root.closest(DATA)) { return; }
        element(root);
        const skip = (node) => (node.nodeType === Node.ELEMENT_NODE && node.matches(DATA)
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, skip);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.nodeType === Node.TEXT_NODE) { text(node); } else { element(node); }
        }
    };
    if (!state.observer) {
        state.observer = new MutationObserver((changes) => {
            for (const change of changes) {
                if (change.type === 'attributes') { element(change.target); }
                else if (change.type === 'characterData') { text(change.target); }
                else { change.addedNodes.forEach(walk); }
            }
        });
        state.observer.observe(document.body, {
            subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
        });
    }
    walk(document.body);
}
"""


@st.cache_resource
def _component() -> Callable:
    return st.components.v2.component("diadanh_words", js=_PAGE_JS)


def translate_page(lang: str) -> None:
    """Mount the page script that writes Streamlit's own strings in ``lang``."""
    _component()(key="dd_words", data=words(lang), height=0)


def leaflet_words(lang: str) -> dict[str, str]:
    """Leaflet's control titles in ``lang``."""
    return {key: pair[0] if lang == "vi" else pair[1] for key, pair in LEAFLET_TEXT.items()}


class MapWords(MacroElement):
    """Leaflet's own words (zoom and layers buttons, the popup's close button, the attribution's
    title) in the page's language, on the map this is added to and on controls added later."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var words = {{ this.words_js }};
            var map = {{ this._parent.get_name() }};
            L.Control.Zoom.mergeOptions({zoomInTitle: words.zoom_in, zoomOutTitle: words.zoom_out});
            var prefix = document.createElement('span');  // (no link: the map stays offline)
            prefix.title = words.leaflet;
            prefix.textContent = 'Leaflet';
            L.Control.Attribution.mergeOptions({prefix: prefix.outerHTML});
            if (map.attributionControl) { map.attributionControl.setPrefix(prefix.outerHTML); }
            var title = function (el, text) {
                if (el) { el.title = text; el.setAttribute('aria-label', text); }
            };
            if (map.zoomControl) {
                title(map.zoomControl._zoomInButton, words.zoom_in);
                title(map.zoomControl._zoomOutButton, words.zoom_out);
            }
            if (!L.Control.Layers.prototype._ddWords) {
                var layout = L.Control.Layers.prototype._initLayout;
                L.Control.Layers.prototype._initLayout = function () {
                    layout.call(this);
                    title(this._layersLink, L.Control.Layers.prototype._ddWords.layers);
                };
            }
            L.Control.Layers.prototype._ddWords = words;
            map.getContainer().querySelectorAll('.leaflet-control-layers-toggle').forEach(function (el) {
                title(el, words.layers);
            });
            map.on('popupopen', function (e) {
                title(e.popup._closeButton, words.close_popup);
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, lang: str):
        super().__init__()
        self._name = "MapWords"
        self.words_js = json.dumps(leaflet_words(lang), ensure_ascii=False)
