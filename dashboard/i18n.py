"""The dashboard's words in Vietnamese and English."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from gazetteer.messages import key_of

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
    "archive_table_show": (
        "Hiện bảng (kho lưu trữ lớn: chỉ tính khi cần)",
        "Show the table (a large archive: computed only when asked)",
    ),
    "archive_table": (
        "Kho lưu trữ lớn: bảng và các tệp tải về gồm {n} sự kiện mới nhất theo bộ lọc "
        "(`python -m store export` xuất toàn bộ).",
        "A large archive: the table and its downloads hold the {n} latest events of the filters "
        "(`python -m store export` writes them all).",
    ),
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
    # --- one language at a time (issue 12 item 6); Streamlit's own strings: dashboard/chrome.py
    "choose": ("Chọn…", "Choose…"),
    "date_axis": ("Ngày", "Date"),
    "count_axis": ("Số sự kiện", "Events"),
    "kind_of": ("Loại", "Type"),
    # --- adding articles (issue 12 item 7)
    "url": ("Hoặc địa chỉ (URL) của bài báo", "Or the article's address (URL)"),
    "url_help": (
        "Trang chỉ được tải về khi bấm nút bên dưới; chỉ lấy phần nội dung bài.",
        "The page is fetched only when the button below is pressed; only the article's text is kept.",
    ),
    "article_title": ("Tiêu đề (không bắt buộc)", "Title (optional)"),
    "outlet": ("Tên báo (không bắt buộc)", "Outlet (optional)"),
    "published_text": ("Ngày đăng", "Publication date"),
    "published_help": (
        "Ngày/tháng/năm, ví dụ 28/09/2020. Không có ngày đăng thì các sự kiện không có ngày và được "
        "liệt kê riêng, không lên bản đồ.",
        "Day/month/year, e.g. 28/09/2020. Without it the events are undated and listed apart, not on "
        "the map.",
    ),
    "date_placeholder": ("ngày/tháng/năm", "day/month/year"),
    "bad_date": (
        "Ngày đăng «{value}» không hợp lệ: hãy viết ngày/tháng/năm, ví dụ 28/09/2020. Chưa lưu gì.",
        "Invalid publication date «{value}»: write day/month/year, e.g. 28/09/2020. Nothing was stored.",
    ),
    "bad_url": (
        "«{url}» không phải địa chỉ http(s). Chưa lưu gì.",
        "«{url}» is not an http(s) address. Nothing was stored.",
    ),
    "fetch_failed": (
        "{url}: không tải được trang — {reason}",
        "{url}: the page could not be fetched — {reason}",
    ),
    "fetching": ("Đang tải {url}…", "Fetching {url}…"),
    "no_text_found": ("không tìm thấy nội dung bài báo trong trang", "no article text found in the page"),
    "pasted_text": ("văn bản dán vào", "pasted text"),
    "result": ("Kết quả", "What was found"),
    "no_events_found": ("{name}: không tìm thấy sự kiện nào.", "{name}: no event found."),
    "events_found": ("{name}: {n} sự kiện", "{name}: {n} events"),
    "undated_short": ("chưa có ngày (liệt kê riêng)", "undated (listed apart)"),
    "show_on_map": ("Xem trên bản đồ", "Show on the map"),
    "selected_on_map": (
        "Đã chọn sự kiện: mở thẻ «Bản đồ» để xem.",
        "Event selected: open the «Map» tab to see it.",
    ),
    "unknown_place": ("(không rõ nơi)", "(no place)"),
    # --- places page (issue 12 item 8)
    "unresolved_hint": (
        "Bấm vào một dòng để điền tên đó vào biểu mẫu thêm địa danh.",
        "Click a row to put its name into the form that adds a place.",
    ),
    "picked": ("Đã lấy toạ độ {lat:.5f}, {lon:.5f} từ bản đồ.", "Picked {lat:.5f}, {lon:.5f} on the map."),
    "your_places": ("Địa danh bạn đã thêm", "Your places"),
    "no_user_places": ("Bạn chưa thêm địa danh nào.", "You have added no place yet."),
    "edit_place": ("Sửa hoặc xoá một địa danh", "Edit or delete a place"),
    "place_to_edit": ("Địa danh", "Place"),
    "other_names": ("Tên khác", "Other names"),
    "update": ("Lưu thay đổi", "Save changes"),
    "delete": ("Xoá địa danh này", "Delete this place"),
    "updated": ("Đã sửa {name}. Đã xử lý lại {n} bài báo.", "Changed {name}. Re-extracted {n} articles."),
    "deleted": ("Đã xoá {name}. Đã xử lý lại {n} bài báo.", "Deleted {name}. Re-extracted {n} articles."),
    "no_place_named": ("không có địa danh nào tên «{name}»", "no place named «{name}»"),
    "lat_placeholder": ("ví dụ 40.34", "e.g. 40.34"),
    "lon_placeholder": ("ví dụ 46.93", "e.g. 46.93"),
    "path": ("Tệp", "File"),
    "sentence": ("Câu", "Sentence"),
    "your_aliases": ("Tên gọi khác bạn đã thêm", "Other names you added"),
    "alias_to_delete": ("Tên gọi khác", "Other name"),
    "delete_alias": ("Xoá tên gọi này", "Delete this name"),
    "alias_deleted": (
        "Đã xoá {name}. Đã xử lý lại {n} bài báo.",
        "Deleted {name}. Re-extracted {n} articles.",
    ),
    # review: provenance, the review panel, the events table (issue 12 items 1, 5, 9)
    "show_rejected": ("Hiện cả sự kiện đã loại", "Show rejected events"),
    "review": ("Thẩm định", "Review"),
    "status_unreviewed": ("chưa thẩm định", "not reviewed"),
    "status_confirmed": ("đã xác nhận", "confirmed"),
    "status_edited": ("đã sửa", "edited"),
    "status_rejected": ("đã loại", "rejected"),
    "confirm": ("Xác nhận", "Confirm"),
    "reject": ("Loại bỏ", "Reject"),
    "reset_review": ("Hoàn tác", "Undo"),
    "edit_event": ("Sửa sự kiện", "Edit the event"),
    "sub_event_type": ("Loại chi tiết", "Sub-event type"),
    "actor1": ("Bên thực hiện", "Actor 1"),
    "actor2": ("Bên kia", "Actor 2"),
    "save_edits": ("Lưu chỉnh sửa", "Save the edits"),
    "extracted_was": ("máy đọc được: {value}", "as extracted: {value}"),
    "move_place": ("Đổi địa điểm (tìm trong từ điển địa danh)", "Change the place (search the gazetteer)"),
    "place_choice": ("Địa danh tìm thấy", "Places found"),
    "move_here": ("Đặt sự kiện tại đây", "Place the event here"),
    "no_place_found": ("Không tìm thấy địa danh nào tên này.", "No place of that name."),
    "merge_with": ("Gộp với sự kiện (cùng vụ việc)", "Merge with (the same incident)"),
    "merge": ("Gộp", "Merge"),
    "no_merge_candidates": (
        "Không có sự kiện nào gần ngày để gộp.",
        "No event near this date to merge with.",
    ),
    "review_saved": ("Đã lưu quyết định.", "Decision saved."),
    "review_invalid": ("Không lưu: {reason}", "Not saved: {reason}"),
    "review_status": ("Thẩm định", "Review"),
    "bad_review_date": (
        "ngày «{value}» không hợp lệ: hãy viết ngày/tháng/năm, ví dụ 28/09/2020",
        "invalid date «{value}»: write day/month/year, e.g. 28/09/2020",
    ),
    "download_acled": ("Tải CSV (chỉ 31 cột ACLED)", "Download CSV (ACLED's 31 columns only)"),
    # mapui (issue 12 items 2–4, 10): map, feed, analyst filters, timeline
    "sub_event_types": ("Loại sự kiện chi tiết", "Sub-event types"),
    "actors": ("Bên tham gia", "Actors"),
    "fatalities_range": ("Số người chết", "Fatalities"),
    "search_help": ("phao kich, Terter, Armenia…", "phao kich, Terter, Armenia…"),
    "feed": ("Dòng sự kiện", "Event feed"),
    "feed_page": (
        "Sự kiện {first}–{last} trên {total}, mới nhất trước (thu hẹp bộ lọc để ít hơn).",
        "Events {first}–{last} of {total}, newest first (narrow the filters for fewer).",
    ),
    "map_latest": (
        "Bản đồ hiện {n} sự kiện mới nhất trong khung nhìn này (thu hẹp khoảng ngày để xem sự kiện cũ hơn).",
        "The map shows the {n} latest events in this view (narrow the dates to see older ones).",
    ),
    "feed_newer": ("‹ Mới hơn", "‹ Newer"),
    "feed_older": ("Cũ hơn ›", "Older ›"),
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
    "step_forward": ("Tiến", "Next"),
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


# ACLED's sub-event types (all of them, not only those the extractor makes today).
SUB_EVENT_TYPES_VI = {
    "Armed clash": "Đụng độ vũ trang",
    "Government regains territory": "Chính phủ giành lại lãnh thổ",
    "Non-state actor overtakes territory": "Lực lượng phi nhà nước chiếm lãnh thổ",
    "Chemical weapon": "Vũ khí hoá học",
    "Air/drone strike": "Không kích / tấn công bằng UAV",
    "Suicide bomb": "Đánh bom liều chết",
    "Shelling/artillery/missile attack": "Pháo kích / tấn công bằng tên lửa",
    "Remote explosive/landmine/IED": "Chất nổ điều khiển từ xa / mìn / IED",
    "Grenade": "Lựu đạn",
    "Sexual violence": "Bạo lực tình dục",
    "Attack": "Tấn công",
    "Abduction/forced disappearance": "Bắt cóc / cưỡng bức mất tích",
    "Peaceful protest": "Biểu tình ôn hoà",
    "Protest with intervention": "Biểu tình bị can thiệp",
    "Excessive force against protesters": "Dùng vũ lực quá mức với người biểu tình",
    "Violent demonstration": "Biểu tình bạo lực",
    "Mob violence": "Bạo lực đám đông",
    "Agreement": "Thoả thuận",
    "Arrests": "Bắt giữ",
    "Change to group/activity": "Thay đổi nhóm / hoạt động",
    "Disrupted weapons use": "Ngăn chặn sử dụng vũ khí",
    "Headquarters or base established": "Lập trụ sở hoặc căn cứ",
    "Looting/property destruction": "Cướp phá / phá huỷ tài sản",
    "Non-violent transfer of territory": "Chuyển giao lãnh thổ không bạo lực",
    "Other": "Khác",
}

# The gazetteer's place kinds (gazetteer.sources.KINDS).
KINDS_TEXT = {
    "country": ("quốc gia", "country"),
    "region": ("vùng", "region"),
    "admin1": ("tỉnh / bang", "province / state"),
    "admin2": ("huyện / quận", "district"),
    "city": ("thành phố", "city"),
    "town": ("thị trấn", "town"),
    "village": ("làng", "village"),
    "border-area": ("vùng biên giới", "border area"),
    "sea": ("biển", "sea"),
    "ocean": ("đại dương", "ocean"),
    "gulf": ("vịnh", "gulf"),
    "strait": ("eo biển", "strait"),
    "shoal": ("bãi cạn", "shoal"),
    "river": ("sông", "river"),
    "peninsula": ("bán đảo", "peninsula"),
    "island": ("đảo", "island"),
    "landmark": ("địa điểm", "landmark"),
    "other": ("khác", "other"),
}

TIME_PRECISION_TEXT = {"day": ("ngày", "day"), "month": ("tháng", "month"), "year": ("năm", "year")}

# Table headers: the store's and ACLED's columns as the tables show them (exports keep the names).
COLUMNS_TEXT = {
    "event_id": ("Mã sự kiện", "Event id"),
    "event_date": ("Ngày", "Date"),
    "year": ("Năm", "Year"),
    "time_precision": ("Độ chính xác ngày", "Date precision"),
    "event_type": ("Loại sự kiện", "Event type"),
    "sub_event_type": ("Loại chi tiết", "Sub-event type"),
    "actor1": ("Bên 1", "Actor 1"),
    "actor2": ("Bên 2", "Actor 2"),
    "country": ("Quốc gia", "Country"),
    "location": ("Địa điểm", "Location"),
    "latitude": ("Vĩ độ", "Latitude"),
    "longitude": ("Kinh độ", "Longitude"),
    "geo_precision": ("Độ chính xác vị trí", "Geo precision"),
    "source": ("Nguồn", "Source"),
    "source_url": ("Địa chỉ nguồn", "Source URL"),
    "notes": ("Ghi chú (câu trong bài)", "Notes (the sentence)"),
    "fatalities": ("Thương vong (chết)", "Fatalities"),
    "claimed_by": ("Nguồn tuyên bố", "Claimed by"),
    "background": ("Bối cảnh", "Background"),
    "date_end": ("Đến ngày", "Until"),
    "location_vi": ("Địa điểm (tiếng Việt)", "Location (Vietnamese)"),
    "place_id": ("Mã địa danh", "Place id"),
    "place_surface": ("Tên trong bài", "Name as written"),
    "place_start": ("Vị trí tên (đầu)", "Name start"),
    "place_end": ("Vị trí tên (cuối)", "Name end"),
    "cue": ("Từ khoá", "Cue"),
    "article_id": ("Mã bài", "Article id"),
    "article_path": ("Tệp bài báo", "Article file"),
    "admin1": ("Tỉnh / bang", "Admin 1"),
    "review_status": ("Thẩm định", "Review"),
    "bad_review_date": (
        "ngày «{value}» không hợp lệ: hãy viết ngày/tháng/năm, ví dụ 28/09/2020",
        "invalid date «{value}»: write day/month/year, e.g. 28/09/2020",
    ),
    "article_title": ("Tiêu đề bài", "Article title"),
    "text_start": ("Vị trí câu (đầu)", "Sentence start"),
    "text_end": ("Vị trí câu (cuối)", "Sentence end"),
    "surface": ("Tên trong bài", "Name as written"),
    "sentence_text": ("Câu", "Sentence"),
    "path": ("Tệp", "File"),
    "name": ("Tên", "Name"),
    "name_vi": ("Tên tiếng Việt", "Vietnamese name"),
    "kind": ("Loại địa danh", "Kind"),
    "lat": ("Vĩ độ", "Latitude"),
    "lon": ("Kinh độ", "Longitude"),
    "aliases": ("Tên khác", "Other names"),
}

# Vietnamese for the messages of events/ and gazetteer/ (gazetteer.messages.Message keys); the
# English is the message's own text. Placeholders are the message's parameters.
MESSAGES_VI = {
    "reader.binary": "tệp nhị phân, không phải văn bản",
    "reader.empty": "bài báo trống",
    "reader.html": "đã chuyển HTML thành văn bản",
    "reader.latin1": "không phải UTF-8, UTF-16 hay Windows-1258: đọc theo latin-1, dấu có thể sai",
    "reader.mixed": "lẫn bảng mã: UTF-8 với một số byte Windows-1258, mỗi phần được đọc theo bảng mã của nó",
    "reader.cut": "tệp kết thúc giữa một ký tự (bị cắt?): các byte cuối bị bỏ",
    "reader.gibberish": "không phải UTF-8: đọc theo Windows-1258 nhưng không giống tiếng Việt "
    "(sai bảng mã?): nội dung có thể bị lỗi",
    "reader.html_not_declared": "trông như HTML nhưng không khai báo "
    "(không có tên .html, doctype hay <html>): đọc như văn bản thường",
    "reader.year_too_early": "năm {year} trước năm {first}: không phải ngày của một bài báo",
    "reader.never_closed": "<{tag}> không được đóng: phần văn bản sau nó vẫn được giữ",
    "reader.invalid_date": "ngày đăng «{value}» trong {where} không hợp lệ: {reason}",
    "reader.future_date": "ngày đăng «{iso}» trong {where} ở tương lai (hôm nay là {today}): bỏ qua",
    "reader.where.argument": "ô ngày đăng",
    "reader.where.header": "phần đầu tệp",
    "reader.where.html": "thẻ meta HTML",
    "reader.where.manifest": "tệp danh sách",
    "reader.bytes": "{n} byte",
    "reader.too_large": "tệp quá lớn ({size} > giới hạn {limit})",
    "reader.grew": "tệp quá lớn (vượt giới hạn {limit})",
    "reader.is_directory": "là một thư mục",
    "reader.not_regular": "không phải tệp thường",
    "reader.not_found": "không tìm thấy tệp",
    "reader.permission": "không có quyền đọc",
    "reader.cannot_read": "không đọc được tệp: {reason}",
    "reader.invalid_path": "đường dẫn không hợp lệ: {reason}",
    "pipeline.undated": "không có ngày đăng: các sự kiện không có ngày, trừ khi bài ghi ngày kèm năm",
    "pipeline.too_many_names": "hơn {cap:,} tên có thể là địa danh: chỉ đọc bài đến đó "
    "(nhiều hơn hẳn một bài báo)",
    "pipeline.too_many_events": "hơn {cap:,} sự kiện: chỉ giữ {cap:,} sự kiện đầu "
    "(nhiều hơn hẳn một bài báo)",
    "pipeline.left_undated": "{n} sự kiện không có ngày",
    "pipeline.capped.place_mentions.kept": "{found:,} lần nhắc địa danh: chỉ giữ {cap:,} lần đầu "
    "(nhiều hơn hẳn một bài báo)",
    "pipeline.capped.unresolved_names.kept": "{found:,} tên chưa xác định: chỉ giữ {cap:,} tên đầu "
    "(nhiều hơn hẳn một bài báo)",
    "place.unknown_kind": "loại địa danh {kind!r} không có: dùng một trong {kinds}",
    "place.country_code": "mã quốc gia phải gồm hai chữ cái ISO, không phải {country!r}",
    "place.unknown_country": "mã quốc gia {country!r} không có (không phải quốc gia ISO 3166-1)",
    "place.zero": "chưa có toạ độ: 0,0 là giữa đại dương (hãy nhập vĩ độ và kinh độ)",
    "place.no_coordinates": "chưa có toạ độ: hãy nhập vĩ độ và kinh độ (hoặc chọn trên bản đồ)",
    "place.no_id": "không có địa danh mã {place_id!r}",
    "place.not_user": "không có địa danh nào của bạn mã {place_id!r}",
    "place.empty": "{what} không được để trống",
    "place.control": "{what} không được chứa ký tự điều khiển (U+{code:04X})",
    "place.too_long": "{what} dài hơn 200 ký tự",
    "place.not_numbers": "toạ độ phải là số, không phải {lat!r}, {lon!r}",
    "place.latitude": "vĩ độ phải từ -90 đến 90, không phải {lat}",
    "place.longitude": "kinh độ phải từ -180 đến 180, không phải {lon}",
    "place.population": "dân số phải là số nguyên từ 0 đến {most:,}, không phải {population}",
    "place.extent_size": "phạm vi gồm bốn số: tây, nam, đông, bắc",
    "place.extent_order": "phạm vi cần tây ≤ đông và nam ≤ bắc",
    "place.what.name": "tên",
    "place.what.Vietnamese_name": "tên tiếng Việt",
    "place.what.alias": "tên gọi khác",
    "place.no_alias": "bạn không có tên gọi {name!r} nào cho {place_id!r}",
    "gazetteer.missing": "chưa dựng kho địa danh: thiếu {path}. Hãy chạy `make gazetteer` hoặc "
    "`python -m gazetteer build`.",
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` ("vi" or "en"), formatted with ``values``."""
    vi, en = TEXT[key]
    return (vi if lang == "vi" else en).format(**values)


def event_type_label(event_type: str, lang: str) -> str:
    return EVENT_TYPES_VI.get(event_type, event_type) if lang == "vi" else event_type


def sub_event_label(sub_event_type: object, lang: str) -> str:
    """An ACLED sub-event type in ``lang`` (unknown ones as they are)."""
    text = "" if sub_event_type is None else str(sub_event_type)
    return SUB_EVENT_TYPES_VI.get(text, text) if lang == "vi" else text


def kind_label(kind: str, lang: str) -> str:
    """A gazetteer place kind in ``lang``."""
    pair = KINDS_TEXT.get(kind)
    return (pair[0] if lang == "vi" else pair[1]) if pair else kind


# Columns shown as dates, day/month/year as everywhere else on the page (the grid's default is
# ISO; a date column, not text, so that a click on its header still sorts by date).
DATE_COLUMNS = ("event_date", "date_end")


def column_labels(columns: Iterable[str], lang: str) -> dict[str, object]:
    """Table headers for ``columns`` in ``lang`` (Streamlit's ``column_config``): labels, and the
    date columns (:data:`DATE_COLUMNS`, made dates by :func:`localized_cells`) day/month/year."""
    import streamlit as st

    out: dict[str, object] = {}
    for c in columns:
        if c in COLUMNS_TEXT:
            label = COLUMNS_TEXT[c][0 if lang == "vi" else 1]
            out[c] = st.column_config.DateColumn(label, format="DD/MM/YYYY") if c in DATE_COLUMNS else label
    return out


def localized_cells(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy of a frame for display: event types, sub-event types, date precisions and place kinds
    in ``lang`` (the data and the exports keep ACLED's English values)."""
    out = frame.copy()
    labels = {
        "event_type": lambda v: event_type_label(v, lang) if isinstance(v, str) else v,
        "sub_event_type": lambda v: sub_event_label(v, lang) if isinstance(v, str) else v,
        "kind": lambda v: kind_label(v, lang) if isinstance(v, str) else v,
        "time_precision": lambda v: TIME_PRECISION_TEXT.get(v, (v, v))[0 if lang == "vi" else 1],
        "review_status": lambda v: t(f"status_{v}", lang) if f"status_{v}" in TEXT else v,
    }
    for column, label in labels.items():
        if column in out.columns:
            out[column] = out[column].map(label)
    for column in DATE_COLUMNS:
        if column in out.columns:
            out[column] = pd.to_datetime(out[column], errors="coerce")
    if lang == "vi" and {"location", "location_vi"} <= set(out.columns):
        # the place as the feed and the popups name it: its Vietnamese name where it has one
        given = out["location_vi"].notna() & (out["location_vi"].astype(str).str.strip() != "")
        out["location"] = out["location_vi"].where(given, out["location"])
    # an empty text cell, not the grid's English "None"
    text_columns = [c for c in out.columns if out[c].dtype == object or str(out[c].dtype).startswith("str")]
    out[text_columns] = out[text_columns].fillna("")
    return out


def place_names(name: str | None, name_vi: str | None, lang: str) -> tuple[str, str | None]:
    """(the name to show first, the other one or None): the Vietnamese name first in Vietnamese,
    the gazetteer's (English) name first in English."""
    first, second = (name_vi, name) if lang == "vi" else (name, name_vi)
    first, second = first or second or "?", (second if first else None)
    return first, (second if second and second != first else None)


def message(text: object, lang: str) -> str:
    """A message of ``events``/``gazetteer`` in ``lang``: translated by its key
    (:class:`gazetteer.messages.Message`), its parameters too; plain text as it is."""
    key = key_of(text)
    if lang == "en" or key is None or key not in MESSAGES_VI:
        return str(text)
    params = {k: message(v, lang) if key_of(v) else v for k, v in text.params.items()}  # type: ignore[attr-defined]
    return MESSAGES_VI[key].format(**params)
