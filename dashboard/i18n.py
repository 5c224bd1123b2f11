"""The dashboard's words in Vietnamese and English."""

from __future__ import annotations

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

TEXT: dict[str, tuple[str, str]] = {
    "title": ("diadanh — bản đồ sự kiện", "diadanh — event map"),
    "subtitle": (
        "Sự kiện xung đột đọc từ báo chí tiếng Việt, định vị ngoại tuyến.",
        "Conflict events read from Vietnamese news, geolocated offline.",
    ),
    "language": ("Ngôn ngữ", "Language"),
    "filters": ("Bộ lọc", "Filters"),
    "dates": ("Khoảng ngày", "Date range"),
    "event_types": ("Loại sự kiện", "Event types"),
    "countries": ("Quốc gia", "Countries"),
    "precision": ("Độ chính xác vị trí", "Geo precision"),
    "precision_help": (
        "1: đúng thị trấn · 2: gần / một phần vùng · 3: cả vùng hoặc quốc gia",
        "1: the town itself · 2: near / part of a region · 3: a region or country",
    ),
    "search": ("Tìm trong nội dung", "Search the text"),
    "background": ("Hiện sự kiện lịch sử (bối cảnh)", "Show background (historical) events"),
    "online_tiles": ("Bản đồ nền trực tuyến (cần Internet)", "Online map tiles (needs internet)"),
    "tab_map": ("Bản đồ", "Map"),
    "tab_table": ("Bảng sự kiện", "Events table"),
    "tab_add": ("Thêm bài báo", "Add articles"),
    "tab_places": ("Địa danh", "Places"),
    "events_shown": ("{n} sự kiện đang hiển thị / {total}", "{n} events shown of {total}"),
    "undated": (
        "{n} sự kiện chưa có ngày: bài của chúng không ghi ngày đăng, nên chúng không có trên bản đồ "
        "và dòng thời gian. Thêm lại bài kèm ngày đăng để đưa chúng lên bản đồ.",
        "{n} undated events: their articles have no publication date, so they are not on the map or "
        "the timeline. Add the article again with its publication date to map them.",
    ),
    "no_events": ("Không có sự kiện nào khớp bộ lọc.", "No event matches the filters."),
    "timeline": ("Dòng thời gian: số sự kiện mỗi ngày", "Timeline: events per day"),
    "layer_events": ("Sự kiện", "Events"),
    "layer_places": ("Địa danh được nhắc đến", "Places mentioned"),
    "layer_areas": ("Vùng và biên giới (ước lượng)", "Regions and borders (approximate)"),
    "layer_countries": ("Biên giới quốc gia (ngoại tuyến)", "Country outlines (offline)"),
    "legend": ("Chú giải", "Legend"),
    "detail": ("Chi tiết", "Details"),
    "detail_hint": (
        "Bấm vào một điểm trên bản đồ để xem bài báo.",
        "Click a marker on the map to read its article.",
    ),
    "other_events": ("Các sự kiện khác trong bài", "The article's other events"),
    "article": ("Bài báo", "Article"),
    "date": ("Ngày", "Date"),
    "type": ("Loại", "Type"),
    "place": ("Địa điểm", "Place"),
    "as_written": ("viết trong bài", "as written"),
    "claimed_by": ("Nguồn tuyên bố", "Claimed by"),
    "fatalities": ("Thương vong (chết)", "Fatalities"),
    "source": ("Nguồn", "Source"),
    "n_sources": ("{n} nguồn", "{n} sources"),
    "approximate": ("vị trí ước lượng", "approximate location"),
    "mentions": ("lần nhắc", "mentions"),
    "download_csv": ("Tải CSV (cột ACLED)", "Download CSV (ACLED columns)"),
    "download_geojson": ("Tải GeoJSON", "Download GeoJSON"),
    "upload": ("Tải lên tệp .txt (hoặc .html)", "Upload .txt (or .html) files"),
    "paste": ("Hoặc dán nội dung bài báo", "Or paste an article's text"),
    "published": ("Ngày đăng (nếu tệp không ghi)", "Publication date (if the file has none)"),
    "source_name": ("Tên báo (không bắt buộc)", "Source (optional)"),
    "process": ("Xử lý và lưu", "Process and store"),
    "stored": ("Đã lưu {n} bài, {e} sự kiện.", "Stored {n} articles, {e} events."),
    "duplicate": ("{name}: bài này đã có trong kho.", "{name}: already stored."),
    "bad_file": ("{name}: không đọc được — {reason}", "{name}: cannot be read — {reason}"),
    "nothing_to_add": ("Chưa có tệp hay nội dung nào.", "No file or text given."),
    "unresolved": ("Tên chưa xác định được vị trí", "Names not found in the gazetteer"),
    "no_unresolved": ("Không có tên nào chưa xác định.", "No unresolved name."),
    "online_lookup": ("Tra cứu trực tuyến (OpenStreetMap)", "Look up online (OpenStreetMap)"),
    "online_lookup_help": (
        "Chỉ khi bấm nút, tên được gửi tới Nominatim của OpenStreetMap (mỗi giây một tên, tối đa {n} "
        "tên một lần); địa danh tìm thấy được lưu vào kho địa danh của bạn và các bài báo được xử lý lại.",
        "Only when a button is pressed are names sent to OpenStreetMap's Nominatim (one a second, at "
        "most {n} at a time); the places found are saved to your own places and the articles are "
        "extracted again.",
    ),
    "online_name": ("Tên cần tra", "Name to look up"),
    "look_up_one": ("Tra tên này", "Look this name up"),
    "look_up_all": ("Tra tất cả ({n})", "Look them all up ({n})"),
    "looking_up": ("Đang tra {n} tên trên OpenStreetMap…", "Looking {n} names up on OpenStreetMap…"),
    "found_online": (
        "Tìm thấy trực tuyến: {names}. Đã xử lý lại {n} bài báo.",
        "Found online: {names}. Re-extracted {n} articles.",
    ),
    "not_found_online": (
        "OpenStreetMap không có địa danh nào tên: {names}. Có thể thêm thủ công bên dưới.",
        "OpenStreetMap has no place named: {names}. You can add it by hand below.",
    ),
    "lookup_failed": (
        "Không kết nối được dịch vụ tra cứu (máy đang ngoại tuyến?): {reason}. {n} tên chưa được "
        "tra; có thể thêm địa danh thủ công bên dưới.",
        "Could not reach the look-up service (is this machine offline?): {reason}. {n} names were "
        "not looked up; you can add a place by hand below.",
    ),
    "not_asked": (
        "{n} tên chưa được tra (quá giới hạn một lần): bấm lại để tra tiếp.",
        "{n} names not looked up yet (over the limit per click): press again to go on.",
    ),
    "add_place": ("Thêm địa danh", "Add a place"),
    "add_alias": ("Thêm tên gọi khác cho một địa danh", "Add another name for a place"),
    "name": ("Tên", "Name"),
    "kind": ("Loại địa danh", "Kind"),
    "lat": ("Vĩ độ", "Latitude"),
    "lon": ("Kinh độ", "Longitude"),
    "country_code": ("Mã quốc gia (ISO, ví dụ AZ)", "Country code (ISO, e.g. AZ)"),
    "pick_on_map": ("Chọn toạ độ trên bản đồ", "Pick the coordinates on a map"),
    "pick_hint": (
        "Bấm lên bản đồ nhỏ để lấy toạ độ.",
        "Click the small map to pick the coordinates.",
    ),
    "save": ("Lưu", "Save"),
    "alias": ("Tên gọi khác", "Other name"),
    "target": ("Địa danh (tìm theo tên)", "Place (search by name)"),
    "added": (
        "Đã thêm {name}. Đã xử lý lại {n} bài báo.",
        "Added {name}. Re-extracted {n} articles.",
    ),
    "invalid": ("Không lưu: {reason}", "Not saved: {reason}"),
    "credits": (
        "Dữ liệu: GeoNames (CC BY 4.0), Natural Earth (phạm vi công cộng), CLDR. Nền bản đồ trực tuyến: "
        "© OpenStreetMap.",
        "Data: GeoNames (CC BY 4.0), Natural Earth (public domain), CLDR. Online base maps: "
        "© OpenStreetMap contributors.",
    ),
    # mapui (issue 12 items 2–4, 10): map, feed, analyst filters, timeline
    "sub_event_types": ("Loại sự kiện chi tiết", "Sub-event types"),
    "actors": ("Bên tham gia", "Actors"),
    "fatalities_range": ("Số người chết", "Fatalities"),
    "search_help": ("phao kich, Terter, Armenia…", "phao kich, Terter, Armenia…"),
    "feed": ("Dòng sự kiện", "Event feed"),
    "feed_more": (
        "{n} sự kiện mới nhất trên {total}: thu hẹp bộ lọc để xem các sự kiện khác.",
        "The {n} latest of {total} events: narrow the filters to see the others.",
    ),
    "feed_dead": ("{n} chết", "{n} dead"),
    "timeline_bin": (
        "Dòng thời gian: số sự kiện và số người chết mỗi {bin}",
        "Timeline: events and fatalities per {bin}",
    ),
    "bin_D": ("ngày", "day"),
    "bin_W": ("tuần", "week"),
    "bin_M": ("tháng", "month"),
    "bin_Y": ("năm", "year"),
    "chart_events": ("Sự kiện", "Events"),
    "chart_fatalities": ("Người chết", "Fatalities"),
    "chart_period": ("Thời gian", "Period"),
    "chart_type": ("Loại", "Type"),
    "step_back": ("Lùi", "Back"),
    "step_forward": ("Tiến", "Forward"),
    "play": ("Chạy", "Play"),
    "pause": ("Dừng", "Pause"),
    "play_help": (
        "Dịch khoảng ngày theo thời gian, mỗi bước bằng độ dài khoảng đang chọn.",
        "Moves the date range through time, one step the length of the range chosen.",
    ),
    "layer_labels": ("Tên địa danh", "Place names"),
    "layer_admin1": ("Ranh giới tỉnh, bang", "Provinces and states"),
    "legend_places": ("Địa danh được nhắc đến", "Places mentioned"),
    "legend_approx": ("Vị trí ước lượng (viền đứt)", "Approximate location (dashed)"),
    "legend_cluster": ("Cụm: màu theo loại sự kiện", "Cluster: coloured by event type"),
}

EVENT_TYPES_VI = {
    "Battles": "Giao tranh",
    "Explosions/Remote violence": "Nổ / tấn công từ xa",
    "Violence against civilians": "Bạo lực với dân thường",
    "Strategic developments": "Diễn biến chiến lược",
    "Protests": "Biểu tình",
    "Riots": "Bạo loạn",
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` ("vi" or "en"), formatted with ``values``."""
    vi, en = TEXT[key]
    return (vi if lang == "vi" else en).format(**values)


def event_type_label(event_type: str, lang: str) -> str:
    return EVENT_TYPES_VI.get(event_type, event_type) if lang == "vi" else event_type
