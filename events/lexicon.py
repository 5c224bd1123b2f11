"""Vietnamese words the extractor reads by: place cues, organisations, titles, event cues.

Everything here is data: lists a reviewer can extend without touching the logic. All
entries are lower case NFC; matching is done on lower-cased text.
"""

from __future__ import annotations

# Words before a capitalised name that say "this is a place" (the name may be missing
# from the gazetteer: it then goes to ``unresolved``).
PLACE_CUES = (
    "thị trấn", "thành phố", "tp.", "tp", "thủ đô", "làng", "ngôi làng", "xã", "thôn", "bản", "huyện",
    "quận", "tỉnh", "bang", "vùng", "khu vực", "miền", "đảo", "quần đảo", "bán đảo", "sông", "núi",
    "cảng", "sân bay", "căn cứ", "thị xã", "khu định cư", "kibbutz", "đồn", "cửa khẩu", "eo biển", "vịnh",
    "biển", "cao nguyên", "thung lũng", "hẻm núi", "sa mạc", "khu", "phía bắc", "phía nam",
    "phía đông", "phía tây", "ngoại ô", "thủ phủ", "trại tị nạn", "trại", "miền bắc", "miền nam",
    "miền trung", "miền đông", "miền tây", "đông bắc", "tây bắc", "đông nam", "tây nam", "hạt",
    "thị trấn biên giới", "thành phố biên giới", "làng biên giới",
)  # fmt: skip

# Generic heads written lower case before a name and read with it ("biển Đen", "châu Phi", "dải
# Gaza", "cầu Crimea"): looked up together with the name first; they also say which kind of
# place the name is (``resolve.CUE_KINDS``).
NAME_HEADS = (
    "châu", "dải", "bờ", "bãi", "bãi cạn", "bãi đá", "đá", "rạn san hô", "cầu", "cây cầu", "nhà máy",
    "nhà máy điện", "nhà máy điện hạt nhân", "đập", "thủy điện", "hồ", "mũi", "kênh đào", "eo",
    "cửa biển", "khu tự trị", "vùng tự trị", "khu hành chính", "tỉnh bang", "tiểu bang", "oblast",
    "dãy núi", "vùng núi",
    "vùng lãnh thổ", "đặc khu", "khu bảo tồn", "đèo", "đường hầm", "vùng biển", "hải cảng", "đường",
    "cộng hòa", "cộng hoà", "sân bay quốc tế", "sân bay quân sự", "phi trường", "căn cứ không quân",
    "căn cứ quân sự", "căn cứ hải quân",
)  # fmt: skip

# Compounds that end with a head or cue syllable but are common words ("yêu cầu Nga", "toàn
# cầu"): the syllable is no cue there.
NOT_CUE_COMPOUNDS = frozenset(
    """yêu cầu|nhu cầu|toàn cầu|hoàn cầu|địa cầu|bán cầu|khẩn cầu|mưu cầu|thỉnh cầu|văn bản|phiên bản
    |cơ bản|căn bản|xuất bản|tái bản|kịch bản|nguyên bản|đánh đập|đồng hồ|mơ hồ|bóng đá|liên bang
    |hợp tác xã|thông tấn xã|tàu sân|sát biển|vũ trang|thời trang|ven biển|cảnh báo|thông báo|dự báo
    |tình báo|loan báo|họp báo|chiến trường|thị trường|hiện trường|môi trường|lập trường|quảng trường
    |phi trường|thương trường|cướp biển|bờ biển|bãi biển|lấn biển""".split("|")
)
NOT_CUE_COMPOUNDS = frozenset(c.strip() for c in NOT_CUE_COMPOUNDS)
# Of those, the compounds that name a shore: their head still heads a known sea's name after them
# ("ven biển Caspi", "bờ biển Đen"); after the others the name is an owner's ("cảnh sát biển
# Philippines", "cướp biển Somalia").
SHORE_COMPOUNDS = frozenset({"ven biển", "bờ biển", "bãi biển"})

# Heads before a name that make the name an agreement's, a process's or a format's, not the
# place of anything: "Công ước Ottawa", "Thỏa thuận Minsk", "Định dạng Normandy". (A summit or
# talks *in* a town name the town: "Thượng đỉnh NATO tại Vilnius", "hòa đàm Geneva".)
AGREEMENT_HEADS = (
    "công ước", "thỏa thuận", "hiệp định", "hiệp ước", "nghị định thư", "định dạng", "tiến trình",
    "hòa ước", "hiến chương", "tuyên bố chung", "sáng kiến", "thể thức", "nhóm", "bộ nguyên tắc",
)  # fmt: skip

# First syllables of the names of government bodies, capitalised with them ("Bộ Tư lệnh", "Sở
# Y tế", "Cục An ninh", "Viện Nghiên cứu", "Ủy ban …"): no place name starts with them.
INSTITUTION_HEADS = frozenset({"bộ", "sở", "cục", "viện", "ủy", "uỷ"})

# Heads before a capitalised word that make it a number, a weekday or a code, not a place:
# "thứ Tư" (Wednesday; "Tư" is also a town in Vietnam), "lần thứ Hai".
ORDINAL_HEADS = ("thứ", "lần thứ", "hôm thứ", "ngày thứ")

# Heads before a name that make it an armed group's or a weapon's: "tay súng Hamas", "tên lửa
# Tomahawk", "xe tăng Leopard", "tàu Moskva". A country after them is who owns or fields it (an
# actor), never a reason to drop it.
GROUP_HEADS = (
    "tay súng", "chiến binh", "phiến quân", "dân quân", "thành viên", "lực lượng", "nhóm vũ trang",
    "quân đội", "tổ chức", "phong trào", "lính đánh thuê", "nhóm", "tập đoàn", "quân", "binh sĩ",
)  # fmt: skip
WEAPON_HEADS = (
    "tên lửa", "hỏa tiễn", "rocket", "hệ thống", "xe tăng", "tiêm kích", "máy bay", "uav", "drone",
    "pháo", "lựu pháo", "pháo tự hành", "tàu", "tàu chiến", "tàu ngầm", "chiến hạm", "tàu sân bay",
    "tàu khu trục", "khu trục hạm", "tuần dương hạm", "trực thăng", "bệ phóng", "chiến đấu cơ",
    "oanh tạc cơ", "máy bay ném bom", "xe bọc thép", "thiết giáp", "súng", "bom", "đạn", "mìn",
    "tổ hợp", "vũ khí", "radar", "vệ tinh", "mẫu", "dòng", "biến thể", "phiên bản", "hạm đội",
)  # fmt: skip

# Nouns before a name that make it a people's ("người Kurd", "sắc tộc Rohingya"): a town after
# them is no place mention (a country is an actor); unlike a group's, the name may be a place
# elsewhere. ("người dân Gaza" is the people of a place: the place.)
PEOPLE_HEADS = ("người", "sắc tộc", "dân tộc", "tộc người", "cộng đồng người")

# English heads that, next to a place name in one capitalised run, make the run a medium's or a
# body's name: "Kyiv Post", "The Moscow Times", "Daily Sabah", "Kyiv School of Economics"; ship
# prefixes make it a ship's ("USS Abraham Lincoln").
ENGLISH_BODY_HEADS = frozenset(
    """post times herald tribune independent daily journal news gazette telegraph observer pravda
    today insider standard chronicle express mail monitor review press weekly sabah guardian
    radio tv television channel agency university institute school college academy airlines
    airways bank group company corporation corp inc ltd council center centre foundation club fc
    dynamo forum declaration accord accords protocol format process convention agreement treaty
    initiative uss hms rfs mv corps brigade battalion legion command""".split()
)

# Cues of a province, a state or a region ("tỉnh Kherson", "bang Shan"): the name is a first- or
# second-level division, or a town standing for one.
ADMIN_CUES = (
    "tỉnh", "bang", "vùng", "miền", "huyện", "quận", "khu vực", "tiểu bang", "tỉnh bang", "oblast",
    "khu tự trị", "vùng lãnh thổ", "đặc khu", "khu hành chính", "hạt",
)  # fmt: skip

# Cues of a settlement ("thị trấn Tawila", "thành phố Kherson"): the name is a town or a city.
SETTLEMENT_CUES = (
    "thị trấn", "thành phố", "tp", "tp.", "thủ đô", "làng", "ngôi làng", "xã", "thôn", "bản", "thị xã",
    "khu định cư", "kibbutz", "thị trấn biên giới", "thành phố biên giới", "làng biên giới",
)  # fmt: skip

# Heads of a work or a feature named after a place ("cửa khẩu Torkham", "hành lang Lachin",
# "đền Preah Vihear"): the head and the name are one mention, a place of its own beside the
# town or province it is named after (placed there when the gazetteer lacks it).
FEATURE_HEADS = (
    "cửa khẩu", "hành lang", "đền", "chùa", "thung lũng", "nhà tù", "bệnh viện", "quảng trường",
    "đồng cỏ", "khu mỏ", "mỏ", "mỏ dầu", "mỏ khí", "mỏ vàng", "rừng", "khu rừng", "đại lộ", "cơ sở",
    "khu công nghiệp", "khu liên hợp",
)  # fmt: skip

# Prepositions and verbs after which a name is where something happens.
LOCATIVE_CUES = (
    "ở", "tại", "nhằm vào", "vào", "dọc", "gần", "quanh", "xung quanh", "trên", "khắp", "đến", "tới",
    "từ", "khỏi", "giữa", "bên trong", "trong", "ngoài", "phía bắc", "phía nam", "phía đông",
    "phía tây", "ngoại ô", "khu vực", "vùng", "thị trấn", "thành phố", "làng", "miền bắc", "miền nam",
    "miền trung", "miền đông", "miền tây", "đông bắc", "tây bắc", "đông nam", "tây nam",
)  # fmt: skip

# Names of bodies that contain a place name: never place mentions.
ORGANISATIONS = (
    "nhóm minsk", "tổ chức an ninh và hợp tác châu âu", "tổ chức an ninh và hợp tác ở châu âu",
    "hội đồng bảo an liên hiệp quốc", "hội đồng bảo an liên hợp quốc", "liên hiệp quốc",
    "liên hợp quốc", "al jazeera", "liên minh châu âu", "ủy ban châu âu", "nghị viện châu âu",
    "hội đồng châu âu", "tòa án nhân quyền châu âu", "ngân hàng trung ương châu âu",
    "tổ chức hiệp ước bắc đại tây dương", "hiệp hội các quốc gia đông nam á", "ngân hàng thế giới",
    "quỹ tiền tệ quốc tế", "tổ chức y tế thế giới", "tổ chức thương mại thế giới", "hội chữ thập đỏ",
    "ủy ban chữ thập đỏ quốc tế", "trăng lưỡi liềm đỏ", "tòa án hình sự quốc tế", "liên đoàn ả rập",
    "liên minh châu phi", "tân hoa xã", "thông tấn xã việt nam", "đài tiếng nói việt nam",
    "tổ chức hợp tác thượng hải", "nhà trắng", "điện kremlin", "lầu năm góc", "quốc hội mỹ",
    "hội đồng nhân quyền liên hợp quốc", "cao ủy liên hợp quốc về người tị nạn",
    # armed groups whose names are also GeoNames names ("Hamas" → Hamm, "Taliban" → Bozhüyük)
    "hamas", "hezbollah", "taliban", "wagner", "al-qaeda", "al qaeda", "al-shabaab", "boko haram",
    # honorifics that begin with a place name ("Đức" is also Germany)
    "đức giáo hoàng", "đức thánh cha", "đức đạt lai lạt ma", "đức tổng giám mục", "đức hồng y",
)  # fmt: skip

# Words after which a capitalised run names a medium or a body, not a place.
ORGANISATION_CUES = (
    "kênh", "hãng tin", "hãng thông tấn", "thông tấn xã", "báo", "tờ", "tạp chí", "đài", "trang",
    "công ty", "tập đoàn", "đại học", "trường", "bệnh viện", "câu lạc bộ", "clb", "đội tuyển",
    "ngân hàng", "hãng", "đảng", "phong trào", "lữ đoàn", "tiểu đoàn", "sư đoàn", "nhóm", "mặt trận",
    "truyền thông", "trang tin", "ảnh:",
)  # fmt: skip

# Words that may stand between a body's noun and its name ("truyền thông độc lập Irrawaddy", "tờ
# báo đối lập X"): the name is still the body's. (Not "nhà nước": "truyền thông nhà nước Niger" is
# Niger's state media, and Niger a place.)
ORGANISATION_MODIFIERS = frozenset({"độc lập", "tư nhân", "đối lập", "trực tuyến", "điện tử", "mạng"})

# Heads of an association's name written with a capital ("Hội Lưỡi liềm đỏ Palestine", "Liên minh
# các quốc gia Sahel"): a place a few words after one, with no break between, ends the body's
# name. (A government's offices name their place: "Cơ quan phòng vệ dân sự Gaza" is Gaza's.)
# A state's own organs name their country ("Bộ Quốc phòng Nga", "Lực lượng Vũ trang Philippines");
# a party, a news agency, a community of states and a force that names itself by a political word
# are bodies of their own: "Đảng Giấc mơ Gruzia", "Hãng thông tấn Trung ương Triều Tiên", "Cộng đồng
# Phát triển Nam Phi", "Lực lượng Dân chủ Syria", "Quân đội Quốc gia Libya". (Not "Mặt trận",
# "Phong trào": a front names the land it fights for, which the press counts as a mention.)
BODY_NAME_HEADS = (
    "Hội", "Hiệp hội", "Liên minh", "Liên đoàn", "Tổ chức", "Quỹ", "Mạng lưới", "Đài", "Đảng",
    "Hãng thông tấn", "Thông tấn xã", "Cộng đồng", "Lực lượng Dân chủ",
    "Quân đội Quốc gia", "Quân đội Giải phóng", "Lực lượng Giải phóng", "Lực lượng Hỗ trợ",
)  # fmt: skip

# Titles and forms of address: the capitalised run after them is a person, except a
# country named right after the title ("Tổng thống Pháp Emmanuel Macron").
PERSON_TITLES = (
    "ông", "bà", "anh", "chị", "tổng thống", "phó tổng thống", "thủ tướng", "phó thủ tướng",
    "ngoại trưởng", "bộ trưởng", "thứ trưởng", "chủ tịch", "phó chủ tịch", "người phát ngôn",
    "phát ngôn viên", "thủ lĩnh", "lãnh đạo", "tướng", "thiếu tướng", "trung tướng", "đại tướng",
    "đại tá", "trung tá", "thiếu tá", "tổng thư ký", "quốc vương", "nhà vua", "hoàng tử", "giáo hoàng",
    "đại sứ", "nghị sĩ", "thượng nghị sĩ", "tổng giám đốc", "giám đốc", "phóng viên", "nhà báo",
    "chuyên gia", "tổng tư lệnh", "tư lệnh", "chỉ huy", "thống đốc", "thị trưởng", "đặc phái viên",
    "cố vấn", "giáo sư", "tiến sĩ", "bác sĩ", "luật sư", "tổng chưởng lý", "nữ hoàng", "thái tử",
    # offices of a province or a town, whose holder is named after them ("Tỉnh trưởng Alexander Gusev")
    "tỉnh trưởng", "thủ hiến", "quận trưởng", "huyện trưởng", "trưởng làng", "phó thống đốc",
    "chuẩn tướng", "thượng tướng", "đô đốc", "phó đô đốc", "trợ lý", "người đồng cấp", "đồng cấp",
)  # fmt: skip

# Titles of an office of a province or a town: the place named right after one is the place the
# office governs, a place even when the holder's name follows ("Thị trưởng Kharkiv Ihor Terekhov").
LOCAL_OFFICES = frozenset(
    {"thống đốc", "phó thống đốc", "thị trưởng", "tỉnh trưởng", "thủ hiến", "quận trưởng", "huyện trưởng",
     "trưởng làng"}
)  # fmt: skip

# Vietnamese family names: a capitalised family name right before a match makes it a
# person's name ("Vũ Anh" is a byline; "Anh" alone is the United Kingdom).
SURNAMES = frozenset(
    """nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương trịnh
    trương lâm phùng mai tô hà tạ cao lương đinh thái lưu quách kiều văn thị hứa chu châu diệp la
    lại lục mạc khúc kim tăng thân tôn triệu ông âu giang hàn""".split()
)

# Compounds that begin with a syllable that is also a place name: capitalised at the start
# of a sentence ("Pháp luật …", "Đức tin …") or in a body's name ("lực lượng Không quân
# Israel"), they are common words, not places.
COMMON_COMPOUNDS = frozenset(
    """pháp luật|pháp lý|pháp quyền|pháp nhân|pháp chế|pháp sư|pháp đình|pháp y|pháp lệnh|pháp điển|pháp môn
    |đức tin|đức tính|đức hạnh|đức độ|đức phật|anh ấy|anh ta|anh em|anh hùng|anh trai|anh chị|anh dũng|anh hào
    |mỹ thuật|mỹ phẩm|mỹ nhân|mỹ quan|mỹ mãn|mỹ học|mỹ nghệ|mỹ tục|mỹ miều|ý kiến|ý định|ý nghĩa|ý tưởng|ý chí
    |ý thức|ý muốn|ý đồ|nhật ký|nhật báo|nhật trình|ấn tượng|ấn định|ấn phẩm|ấn hành|nga ngố|lào xào
    |trung tâm|trung thành|trung lập|trung gian|trung bình|trung ương|trung tuần|trung thu|trung thực
    |hàn gắn|hàn lâm|tây phương|đông phương|nam giới|bắc cực|không quân|không gian|không phận
    |hải quân|lục quân|hải cảng|hải phận|ba lô|ba mươi""".split("|")
)
COMMON_COMPOUNDS = frozenset(c.strip() for c in COMMON_COMPOUNDS)  # (the line breaks' indents)

# Event cues: (pattern, ACLED event_type, sub_event_type, priority). Patterns are regular
# expressions over lower-case text; the cue of highest priority in a clause decides.
BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"
RIOTS = "Riots"

# Means of attack (issue 11): an attack by these is Explosions/Remote violence, whatever the verb.
AIR_MEANS = (
    r"không kích|không quân|máy bay không người lái|thiết bị bay không người lái|uav|drone|máy bay chiến đấu"
    r"|thiết bị bay|chiến đấu cơ|oanh tạc cơ|trực thăng vũ trang|bom dẫn đường|bom lượn|phi đội"
)
SHELLING_MEANS = (
    r"tên lửa|hỏa tiễn|rocket|rốc[ -]?két|pháo binh|pháo phản lực|đạn pháo|pháo(?! đài| hoa)|súng cối"
    r"|đạn cối|cối|hỏa lực pháo binh"
)
EXPLOSIVE_MEANS = r"mìn|bom tự chế|thiết bị nổ tự chế|thiết bị nổ|bom xe|ied"
# An attack verb typed by its means ("tấn công tên lửa", "tập kích bằng 30 UAV", "Máy bay chiến
# đấu … đã tấn công"): see events.clauses.by_means.
ATTACK_VERBS = r"tấn công|tập kích|tiến công|đánh phá|oanh kích|đột kích"
MEANS = {
    "Air/drone strike": AIR_MEANS,
    "Shelling/artillery/missile attack": SHELLING_MEANS,
    "Remote explosive/landmine/IED": EXPLOSIVE_MEANS,
}
MEANS_QUANTITY = r"(?:(?:các|những|nhiều|hàng loạt|một loạt|loạt|hàng chục|hàng trăm|\d+|một|hai|ba)\s+)?"
MEANS_UNIT = r"(?:(?:quả|chiếc|loạt|đợt|trận|vụ|cuộc)\s+)?"
MEANS_WORDS = r"bằng|sử dụng|dùng"


# What a drone does to its target: "UAV Nga đánh trúng nhà ga", "một loạt UAV đã đánh vào sân bay"
DRONE_HITS = (
    r"(?:tấn công|tập kích|lao vào|đâm vào|va vào|va trúng|đánh trúng|đánh vào|nhằm vào|nhắm vào|rơi trúng)"
)

HISTORY_ONLY = 1  # the priority of cues that make only background events (see the last group)

EVENT_CUES: tuple[tuple[str, str, str, int], ...] = (
    (
        # a count of the launched ("bắn hạ 563 trong số 598 UAV") between the verb and the weapon
        r"bắn (?:hạ|rơi|chặn) (?:\S+ ){0,3}?(?:trong (?:tổng )?số \S+ )?"
        r"(?:tên lửa|rocket|rốc[ -]?két|uav|drone|máy bay không người lái"
        r"|thiết bị bay|quả đạn|đạn)|đánh chặn|bắn chặn"
        # by air defence ("các đơn vị phòng không bắn hạ hoặc chế áp 546 UAV", "hai chiếc bị lực lượng
        # phòng không bắn hạ"): a shot-down aircraft with a crew stays a clash
        r"|phòng không (?:\S+ ){0,3}?(?:bắn (?:hạ|rơi)|chế áp|vô hiệu hóa)"
        r"(?! (?:\S+ ){0,3}?(?:máy bay chiến đấu|tiêm kích|chiến đấu cơ|trực thăng|phi cơ))"
        # the passive: "3 UAV bị bắn hạ gần Kirishi", "tên lửa … đã bị đánh chặn"
        r"|uav (?:\S+ ){0,3}?bị bắn (?:hạ|rơi)|drone (?:\S+ ){0,3}?bị bắn (?:hạ|rơi)"
        r"|tên lửa (?:\S+ ){0,3}?bị bắn (?:hạ|rơi)|rocket (?:\S+ ){0,3}?bị bắn (?:hạ|rơi)"
        r"|máy bay không người lái (?:\S+ ){0,3}?bị bắn (?:hạ|rơi)"
        # put out of action: "12 máy bay không người lái của Ấn Độ đã bị "vô hiệu hóa"", "UAV … bị vô
        # hiệu hóa"
        r"|máy bay không người lái (?:\S+ ){0,5}?bị [\"“]?vô hiệu hóa|uav (?:\S+ ){0,5}?bị [\"“]?vô hiệu hóa"
        r"|drone (?:\S+ ){0,5}?bị [\"“]?vô hiệu hóa|tên lửa (?:\S+ ){0,5}?bị [\"“]?vô hiệu hóa",
        STRATEGIC, "Disrupted weapons use", 13,
    ),
    (r"bắn (?:hạ|rơi)", BATTLES, "Armed clash", 12),
    (r"đánh bom liều chết|đánh bom tự sát|kẻ đánh bom tự sát", REMOTE, "Suicide bomb", 11),
    (
        r"bắn (?:chết|vào|thẳng vào|xối xả vào) (?:người dân|dân thường|thường dân|người biểu tình|đám đông)"
        r"|nổ súng (?:vào|bắn) (?:một |các |những )?(?:nhóm |đám |đoàn )?(?:người(?! lính)|dân thường"
        r"|thường dân|người biểu tình|đám đông)"
        r"|khai hỏa (?:vào|bắn) (?:một |các |những )?(?:nhóm |đám |đoàn )?"
        r"(?:người(?! lính)|dân thường|thường dân|người biểu tình|đám đông)|xả súng|đâm chết|chém chết"
        r"|sát hại|giết hại|bắn chết|chặt đầu",
        CIVILIANS, "Attack", 10,
    ),
    (
        # a bomb thrown by hand is no air strike ("ném bom xăng", "ném bom khói": a crowd's, see the
        # protests)
        r"không kích|oanh tạc"
        r"|ném bom(?! (?:xăng|khói|lửa|cháy|tự chế|cay|sơn)(?!\w))|thả bom"
        # with their count: "ném 4 quả bom xuống thành phố", "thả hai quả bom phá hủy cầu" (a strike's few;
        # "thả 79 quả bom lượn" counts a day's strikes)
        r"|ném (?:thêm )?(?:\d|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|mấy) (?:quả|trái) bom"
        r"(?! (?:xăng|khói|lửa|cháy|tự chế|cay|sơn)(?!\w))"
        r"|thả (?:thêm )?(?:\d|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|mấy) (?:quả|trái) bom"
        r"(?! (?:xăng|khói|lửa|cháy|tự chế|cay|sơn)(?!\w))"
        r"|tấn công (?:bằng )?(?:đường )?không quân|tập kích (?:bằng )?"
        r"(?:uav|máy bay không người lái)"
        rf"|uav .{{0,60}}?{DRONE_HITS}|máy bay không người lái .{{0,60}}?{DRONE_HITS}"
        rf"|drone .{{0,60}}?{DRONE_HITS}"
        r"|phóng (?:\S+ ){0,3}?(?:uav|máy bay không người lái|drone)(?!\w)"
        # what was hit by one: "bốc cháy … sau khi trúng xuồng không người lái"
        r"|trúng (?:\S+ ){0,2}?(?:uav|máy bay không người lái|xuồng không người lái|drone)(?!\w)",
        REMOTE, "Air/drone strike", 10,
    ),
    (
        r"pháo kích|nã pháo|bắn pháo|pháo binh .{0,40}?(?:bắn|nã)|bắn phá"
        r"|nã (?:\S+ ){0,3}?(?:đạn|loạt|quả|cối|rocket|rốc[ -]?két|tên lửa)(?!\w)"
        r"|đạn cối|súng cối"
        r"|tên lửa .{0,70}?(?:bắn|rơi|tấn công|tập kích|trúng|đánh trúng|dội|lao vào|đâm vào|va vào)"
        r"|rocket .{0,50}?(?:rơi|trúng|dội)|rốc[ -]?két .{0,50}?(?:rơi|trúng|dội)"
        r"|đạn pháo .{0,50}?(?:rơi|trúng|dội)|quả đạn .{0,50}?(?:rơi|trúng)"
        r"|bắn (?:\S+ ){0,3}?(?:tên lửa|rocket|rốc[ -]?két)"
        # a launch with its count: "phóng hàng trăm tên lửa", "phóng hàng chục quả rocket vào"
        r"|phóng (?:\S+ ){0,3}?(?:tên lửa|rocket|rốc[ -]?két|hỏa tiễn|đạn pháo|quả đạn)"
        r"|hỏa tiễn .{0,30}?(?:tấn công|dội|trúng)"
        r"|nã (?:\S+ ){0,3}?(?:tên lửa|rocket|rốc[ -]?két|hỏa tiễn)"
        # what hit, told by its count word or its debris: "Một số quả đã … rơi trúng các tòa nhà"
        r"|quả (?:\S+ ){0,10}?rơi trúng|mảnh vỡ (?:\S+ ){0,6}?rơi trúng"
        # what was hit, told from the target's side: "Ganja … đang hứng chịu rocket và đạn pháo của phía
        # Armenia", "thiệt mạng do trúng đạn pháo từ phía lực lượng Pakistan", "hứng loạt tên lửa"
        r"|hứng chịu (?:\S+ ){0,3}?(?:rocket|rốc[ -]?két|đạn pháo|tên lửa|hỏa tiễn|đạn cối|hỏa lực pháo binh"
        r"|pháo kích|loạt pháo)(?!\w)"
        r"|hứng (?:\S+ ){0,3}?(?:rocket|rốc[ -]?két|đạn pháo|tên lửa|hỏa tiễn|đạn cối|loạt pháo)(?!\w)"
        r"|trúng (?:\S+ ){0,3}?(?:rocket|rốc[ -]?két|đạn pháo|tên lửa|hỏa tiễn|đạn cối|loạt pháo)(?!\w)"
        r"|dính (?:\S+ ){0,3}?(?:rocket|rốc[ -]?két|đạn pháo|tên lửa|hỏa tiễn|đạn cối|loạt pháo)(?!\w)"
        r"|bắn vào|bắn trúng",
        REMOTE, "Shelling/artillery/missile attack", 9,
    ),
    (r"đánh bom|bom xe|bom tự chế|bom ven đường|bom bên đường|thiết bị nổ|ied(?!\w)|giẫm phải mìn|trúng mìn"
     r"|nổ mìn|vấp phải mìn|cán phải mìn|đạp phải mìn|kích nổ (?:\S+ ){0,2}?(?:bom|mìn|thiết bị nổ|quả)"
     r"|bom (?:\S+ ){0,6}?phát nổ|mìn (?:\S+ ){0,3}?phát nổ|quả bom (?:\S+ ){0,6}?nổ"
     r"|đánh sập (?:\S+ ){0,2}?cầu|cho nổ tung|gài bom"
     # the explosive and its carrier: "một xe tải chứa chất nổ phát nổ", "thuốc nổ … phát nổ"
     r"|chất nổ (?:\S+ ){0,3}?(?:phát nổ|nổ tung)|thuốc nổ (?:\S+ ){0,3}?(?:phát nổ|nổ tung)"
     r"|xe (?:\S+ ){0,2}?(?:chứa|chở|gài|cài)(?: đầy)? (?:chất nổ|thuốc nổ|bom)"
     r"|ô tô (?:\S+ ){0,2}?(?:chứa|chở|gài|cài)(?: đầy)? (?:chất nổ|thuốc nổ|bom)", REMOTE,
     "Remote explosive/landmine/IED", 9),
    (
        r"thảm sát|hành quyết|sát hại (?:dân thường|thường dân)"
        r"|tấn công (?:vào )?(?:một |các |những |nhiều )?"
        r"(?:dân thường|thường dân|người dân|dân làng|ngư dân|người biểu tình|nhà thờ|thánh đường|trường học"
        r"|bệnh viện|khu chợ|chợ|trại tị nạn|khu dân cư|nhà dân|xe buýt|ngôi làng|làng)"
        # aimed at them, a word or two after the verb: "vụ tấn công bất ngờ nhằm vào ba ngôi làng"
        r"|tấn công (?:\S+ ){0,6}?(?:nhằm vào|nhắm vào) (?:một |các |những |nhiều |hai |ba |bốn |năm |\d+ )?"
        r"(?:dân thường|thường dân|người dân|dân làng|ngôi làng|làng|khu dân cư|trại tị nạn|nhà thờ|chợ)",
        CIVILIANS, "Attack", 8,
    ),
    (r"bắt cóc|bắt làm con tin|bắt đi (?:một|hai|ba|\d+|nhiều|những|các)", CIVILIANS,
     "Abduction/forced disappearance", 8),
    (r"bạo loạn|đốt phá|hôi của", RIOTS, "Violent demonstration", 7),
    # a crowd's violence against a person: "một đám đông đã đánh chết một người đàn ông"
    (r"đám đông (?:\S+ ){0,3}?(?:đánh chết|đánh đập|đánh hội đồng|hành hình|thiêu sống|ném đá|treo cổ)"
     r"|đám người (?:\S+ ){0,3}?(?:đánh chết|đánh đập|đánh hội đồng|hành hình|thiêu sống|ném đá)"
     r"|bị đám (?:đông|người) (?:\S+ ){0,2}?(?:đánh|hành hình|thiêu)",
     RIOTS, "Mob violence", 11),
    (r"biểu tình|tuần hành|diễu hành phản đối|tập hợp phản đối|xuống đường", PROTESTS, "Peaceful protest", 6),
    (
        r"đụng độ|giao tranh|giao chiến|đấu súng|đẩy lùi|đánh bật|phản công|tấn công|tập kích|trận chiến"
        r"|trận đánh|chiến đấu|tử trận|phá hủy|chiếm được|chiếm giữ|chiếm lại|đánh chiếm"
        r"|chiếm (?:\S+ )?(?:sân bay|thành phố|thị trấn|làng|căn cứ|trụ sở|thủ phủ|thủ đô)"
        r"|giành lại (?:\S+ )?(?:sân bay|thành phố|thị trấn|làng|căn cứ|trụ sở|thủ phủ|thủ đô|quận|huyện"
        r"|thị xã)"
        r"|tái chiếm|giành được (?:\S+ )?(?:sân bay|thành phố|thị trấn|làng|căn cứ|thủ phủ|thủ đô)"
        r"|giành quyền kiểm soát|giành lại quyền kiểm soát|giải phóng|kiểm soát thêm|tiến vào"
        r"|thiết lập (?:\S+ )?quyền kiểm soát|nắm quyền kiểm soát"
        r"|tràn vào (?:trụ sở|căn cứ|thành phố"
        r"|thị trấn|thủ đô)|xung đột (?:bùng phát|nổ ra|tái bùng phát|leo thang)|bao vây|tiến công|phục kích"
        r"|nổ súng|khai hỏa|đột kích|đánh phá|oanh kích|chống trả|kháng cự",
        BATTLES, "Armed clash", 5,
    ),
    (
        r"thỏa thuận ngừng bắn|ngừng bắn (?:đạt được|có hiệu lực|bắt đầu)"
        r"|lệnh ngừng bắn (?:có hiệu lực|bắt đầu)|ký (?:kết )?(?:thỏa thuận|hiệp định|hiệp ước)"
        r"|đồng ý (?:ngừng bắn|đình chiến|ký|thỏa thuận)|nhất trí (?:ngừng bắn|đình chiến)"
        r"|nhất trí về (?:một )?(?:lệnh |thỏa thuận )?(?:ngừng bắn|đình chiến)"
        r"|đồng ý về (?:một )?(?:lệnh |thỏa thuận )?(?:ngừng bắn|đình chiến)"
        r"|đạt được (?:một )?thỏa thuận|trao đổi (?:\S+ ){0,3}?(?:tù binh|tù nhân|con tin)"
        r"|thỏa thuận đình chiến|ký (?:kết )?(?:tuyên bố chung|bản ghi nhớ|hiệp định hòa bình)",
        STRATEGIC, "Agreement", 4,
    ),
    (r"bắt giữ|bắt giam|bắt hàng|bắt nhiều|bắt hơn|bắt ít nhất|bắt khoảng|bắt thêm", STRATEGIC, "Arrests", 4),
    (r"cướp phá|cướp bóc|lấy đi đồ đạc", STRATEGIC, "Looting/property destruction", 4),
    (r"đâm (?:vào|va) (?:\S+ ){0,2}?tàu|đâm va|phun vòi rồng|bắn vòi rồng|xịt vòi rồng"
     # a collision in a chase at sea ("va chạm với chiến hạm mang số hiệu 164", "va chạm với tàu tiếp tế")
     r"|va chạm (?:\S+ ){0,3}?(?:tàu|chiến hạm|xuồng|thuyền)(?!\w)"
     r"|chiếm giữ (?:\S+ ){0,2}?tàu|đổ bộ lên (?:\S+ ){0,2}?tàu", STRATEGIC, "Other", 4),
    # a base or an outpost set up (ACLED: Headquarters or base established)
    (r"xây dựng (?:\S+ ){0,3}?(?:tiền đồn|căn cứ|đồn|chốt)|lập (?:\S+ ){0,2}?(?:tiền đồn|căn cứ|đồn|chốt)"
     r"|thiết lập (?:\S+ ){0,2}?(?:tiền đồn|căn cứ|đồn|chốt)",
     STRATEGIC, "Headquarters or base established", 4),
    (r"trả tự do cho|phóng thích|thả (?:\S+ ){0,3}?(?:con tin|tù nhân|tù binh)", STRATEGIC, "Other", 4),
    (r"đốt (?:cháy |phá )?(?:\S+ ){0,2}?(?:ô tô|xe hơi|nhà|nhà cửa|cửa hàng|cửa hiệu|nhà thờ|đền thờ"
     r"|thánh đường)|phóng hỏa|châm lửa đốt",
     STRATEGIC, "Looting/property destruction", 4),
    (
        r"thiết quân luật|tổng động viên|huy động (?:một phần )?quân|tình trạng khẩn cấp|điều quân"
        r"|triển khai (?:thêm |hàng nghìn |hàng trăm |\S+ )?(?:quân|binh sĩ|binh lính|lực lượng)"
        r"|lệnh giới nghiêm|sắc lệnh|lệnh động viên|động viên quân"
        r"|điều binh sĩ|điều thêm|điều động|điều xe tăng|điều tàu chiến|điều lực lượng|đưa quân",
        STRATEGIC, "Other", 6,
    ),
    # Talks and meetings: ACLED records none as news; a dated one of the past is kept as background
    # ("Kể từ năm 2008, … đã tổ chức hơn 10 cuộc gặp cấp cao"), so that no old date passes as news.
    (r"điện đàm|đàm phán|hòa đàm|hội đàm|cuộc gặp|gặp gỡ|hội nghị thượng đỉnh", STRATEGIC, "Other",
     HISTORY_ONLY),
    # "the war" as a whole: a topic, kept only when dated in the past ("cuộc chiến năm 1967")
    (r"cuộc chiến|chiến tranh", BATTLES, "Armed clash", HISTORY_ONLY),
)  # fmt: skip

# A protest the sentence tells, that an arrest or a dispersal in it intervenes in: "cảnh sát bắt giữ 10
# người khi hàng nghìn người chặn đường cao tốc để phản đối lệnh nhập ngũ" (ACLED: Protest with
# intervention, not an arrest of its own).
PROTEST_SETTING = (
    r"biểu tình|tuần hành|xuống đường|chặn đường|phong tỏa đường|để phản đối|nhằm phản đối|tập trung phản đối"
)
INTERVENTION_SUBS = ("Arrests",)
# Armed subjects: burning and looting by them is no riot (events.clauses.by_armed_men).
ARMED_SUBJECTS = (
    r"kẻ tấn công|những kẻ|tay súng|phiến quân|chiến binh|binh sĩ|binh lính|quân đội|dân quân|băng đảng"
    r"|nhóm vũ trang|lực lượng|quân|người định cư"
)
# Armed people: killing one ("thủ lĩnh lực lượng SSA … bị sát hại", "bắn chết một chỉ huy") is no
# violence against civilians (ACLED: civilians are unarmed) but fighting (events.clauses.by_victim).
ARMED_PERSONS = (
    r"thủ lĩnh|chỉ huy|tư lệnh|binh sĩ|binh lính|quân nhân|tay súng|phiến quân|chiến binh|sĩ quan|lính"
    r"|dân quân|thành viên (?:của )?(?:nhóm|lực lượng)"
)
# Who protests and who polices a protest (events.clauses.in_protest).
PROTESTERS = r"người biểu tình|đoàn người biểu tình|đám đông|người tuần hành|người phản đối"
POLICE = r"cảnh sát|lực lượng an ninh|lực lượng chống bạo động|cảnh sát chống bạo động|an ninh|quân đội"
INTERVENTION_WORDS = (
    r"vòi rồng|pháo nước|hơi cay|khói cay|lựu đạn cay|lựu đạn choáng|đạn cao su|dùi cui|giải tán"
    r"|bắt giữ|bắt giam|tạm giữ|bị bắt"
)

# Factuality (issue 11): word classes that make a cue in their clause something other than an
# occurrence the text reports. Each is a regex alternation over lower-case text, matched as whole
# words in the clause before the cue (the modal and question classes also right after it).
NOT_REPORTED = {
    # intent, plan, ability, prediction: "sẽ tấn công", "có thể lan rộng", "sẵn sàng làm trung gian"
    "modality": (
        r"sẽ|sắp(?! xếp)|có thể|có khả năng|có nguy cơ|nguy cơ|sẵn sàng|dự kiến|dự định|định sẽ|lên kế hoạch"
        r"|kế hoạch"
        r"|âm mưu|toan tính|tìm cách|nhằm(?! vào| thẳng vào)|để(?! lại| ý)|muốn|mong muốn|quyết tâm|thề"
        r"|cam kết|chuẩn bị|không loại trừ|hòng|đe dọa|dọa"
    ),
    # appeals, offers, warnings, talks, support, blame: speech acts about the violence
    "speech act": (
        r"kêu gọi|hối thúc|thúc giục|đề nghị|đề xuất|yêu cầu|cảnh báo|cảnh cáo|khuyến cáo|đòi|kiến nghị"
        r"|điện đàm|hội đàm|đàm phán|thảo luận|bàn về|trao đổi về|hòa giải|trung gian|xem xét|theo dõi"
        r"|lên án|chỉ trích|bày tỏ|quan ngại|phản đối|chịu trách nhiệm|đổ lỗi|từ chối|bình luận"
        r"|cáo buộc nhau|cáo buộc đối phương|tố cáo nhau|tố cáo đối phương"
    ),
    # opinion and hedges: "giới phân tích lo ngại", "chuyên gia nhận định", "nghi ngờ"
    "hedge": (
        r"lo ngại|lo sợ|e ngại|e sợ|nhận định|đánh giá|dự báo|dự đoán|nhận xét|tin rằng|nghi ngờ|nghi vấn"
        r"|phỏng đoán|suy đoán|đồn đoán|tin đồn|giả thuyết|có lẽ|dường như|hình như|được cho là sẽ"
    ),
    # conditionals and questions: "nếu giao tranh tiếp diễn", "liệu … có tấn công"
    "condition": (
        r"nếu|giả sử|trong trường hợp|một khi|trừ khi|liệu(?= có| rằng| \S+ có)|phải chăng|hay không|chăng"
    ),
    # denial of the incident itself: "bác bỏ việc tấn công", "không có giao tranh"
    "denial": r"bác bỏ|phủ nhận|bác tin|không hề|chưa hề|chưa từng",
    # habits, not incidents: "thường xuyên pháo kích", "không kích gần như hằng ngày"
    "habit": (
        r"thường xuyên|hằng ngày|hàng ngày|mỗi ngày|mỗi đêm|mỗi khi|thường(?<!dân thường)(?! dân)|nhiều lần"
        r"|hiếm khi|ít khi"
        r"|chủ yếu(?= (?:tiến hành|thực hiện|mở|dùng|sử dụng|tấn công|tập kích|không kích|pháo kích"
        r"|bắn|phóng))"
    ),
    # the violence as a topic: "về các cuộc đụng độ", "lý do khiến cuộc giao tranh", "chấm dứt xung đột"
    "topic": (
        # (not a report of one: "đã báo cáo về vụ nổ súng qua Đường kiểm soát", "có thông tin về các cuộc
        # pháo kích dữ dội ở tỉnh Preah Vihear")
        r"về(?<!báo cáo về)(?<!thông tin về)(?<!đưa tin về)(?<!thông báo về)"
        r"(?= (?:các|những|cuộc|vụ|việc|tình hình|xung đột|giao tranh|chiến sự|đụng độ|thông tin|tin"
        r"|báo cáo))"
        r"|lý do|nguyên nhân"
        r"|sau(?= (?:các|những|cuộc|vụ|đợt|loạt|nhiều|hơn|mấy|hàng))"
        r"|tình hình|chấm dứt|ngừng(?! bắn)|kết thúc|giải quyết|tránh|ngăn ngừa|hậu quả|bối cảnh|làn sóng"
        r"|kể từ khi|từ khi"
        r"|một trong những|một trong các"  # a comparison: "Đây là một trong những đợt tấn công … nhất"
        # the incident just told, compared: "Đây là vụ tấn công đẫm máu nhất …", "Đây là lần thứ hai …"
        r"|đây là(?= (?:vụ|cuộc|đợt|trận|lần|một) )|đó là(?= (?:vụ|cuộc|đợt|trận|lần|một) )"
        # right before the cue: "Đây là thỏa thuận ngừng bắn thứ hai trong một tuần" (the one just told)
        r"|đây là(?= $)|đó là(?= $)"
        # judged so: "Đây được coi là cuộc tấn công tên lửa dữ dội nhất …", "Đó được xem là vụ …"
        r"|đây (?:có thể )?được (?:coi|xem|cho|đánh giá|mô tả) là(?= (?:vụ|cuộc|đợt|trận|lần|một) )"
        r"|đó (?:có thể )?được (?:coi|xem|cho|đánh giá|mô tả) là(?= (?:vụ|cuộc|đợt|trận|lần|một) )"
    ),
    # a running total over a span, not one incident: "kể từ đầu tháng này, 15 tay súng đã thiệt mạng",
    # "nâng tổng số người chết lên 30" (the incidents it adds up are told on their own)
    # as of a day ("Tính đến ngày 8/6, giao tranh đã khiến 40.000 người chết", "cho đến nay"): a tally
    "total": (
        r"kể từ(?= đầu| ngày| tháng| năm| cuối| hôm)|tính từ|nâng tổng số|lũy kế|cộng dồn"
        r"|tính đến|tính tới|cho đến nay|cho tới nay|đến nay|tới nay"
    ),
    # what something happens in spite of: "bất chấp lệnh giới nghiêm", "bất chấp thỏa thuận ngừng bắn
    # đạt được năm 1994" (a state of things, told again: background when dated in the past, else nothing)
    "despite": r"bất chấp",
    # pictures of the violence: "công bố video các cuộc tấn công", "hình ảnh UAV tấn công"
    "media": r"video|clip|hình ảnh|đoạn phim|bức ảnh|ảnh chụp|khoảnh khắc|cảnh quay",
}
# What a picture does when it is the evidence of an occurrence the clause reports ("video … cho thấy
# các cuộc không kích nhắm vào …"): after one of these, a media word no longer rules the cue out.
MEDIA_SHOWS = r"cho thấy|ghi lại|ghi nhận|cáo buộc"
# Right after the cue: "giao tranh có thể lan rộng", "cuộc tấn công sẽ", "giao tranh hay không".
NOT_REPORTED_AFTER = (
    r"có thể|sẽ|có nguy cơ|có khả năng|hay không|chăng|không\?|gần như hằng ngày|gần như hàng ngày|hằng ngày"
    r"|hàng ngày|mỗi ngày|là(?! \d)"
    r"|kể từ khi|kể từ đầu|tính từ"  # a total: "420 người đã thiệt mạng kể từ khi lệnh ngừng bắn …"
    # a halt, not an occurrence: "mưa lớn khiến giao tranh phải tạm dừng", "giao tranh tạm lắng"
    r"|tạm dừng|tạm ngừng|tạm lắng|lắng xuống|lắng dịu|ngưng lại|dừng lại"
)
# Right before the cue (a word or two between at most): "không tấn công", "chưa có giao tranh".
# Right before the cue, a total over days, not one incident: "Năm ngày giao tranh đã khiến …".
DURATION_UNITS = ("giờ", "ngày", "đêm", "tuần", "tháng", "năm")
DURATION_BEFORE = (
    r"(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|mấy|vài|hàng)\s+"
    rf"(?:{'|'.join(DURATION_UNITS)})\s+$"
)
NEGATIONS = ("không", "chưa", "chẳng")
NEGATED_BEFORE = (
    rf"(?<!phòng )(?:{'|'.join(NEGATIONS)})(?:\s+(?:hề|từng|có|xảy ra|nổ ra|tiến hành|thực hiện|hề có|vụ|cuộc"
    r"|các|trận|đợt|một|bất kỳ|nào"
    r"|tham gia|liên quan|liên quan đến|liên quan tới|dính líu|dính líu đến|dính líu vào))*\s+$"
)

# A cue right after one of these is part of a noun: "máy bay chiến đấu", "những kẻ tấn công".
COMPOUND_BEFORE = (
    r"(?:máy bay|tàu|xe|phi cơ|tiêm kích|trực thăng|khả năng|tinh thần|đơn vị|kẻ|lữ đoàn"
    r"|vị trí|tư thế|trạng thái|sẵn sàng)\s+$"  # "giữ nguyên vị trí chiến đấu", "trong tư thế chiến đấu"
)
# A cue right after one of these names a weapon, not its use: "bệ phóng tên lửa", "giàn phóng rocket".
WEAPON_BEFORE = r"(?:bệ|giàn|hệ thống|xe)\s+$"

# A date given by reference to the one told before (at the start of a sentence): the same day,
# the day before, the day after.
SAME_DAY = r"cùng ngày|cùng đêm|cùng lúc|cũng trong ngày|trong cùng ngày|cùng thời điểm|cùng hôm"
DAY_BEFORE = r"trước đó một ngày|một ngày trước đó|một ngày trước"
DAY_AFTER = r"ngày hôm sau|hôm sau|một ngày sau|ngày tiếp theo"

# An alert named by what it warns of ("còi báo động không kích vang lên", "cảnh báo tên lửa"): the
# cue right after one of these is no event (events.clauses.event_clauses).
ALERT_BEFORE = ("báo động ", "cảnh báo ", "còi ")

# Cues that name fighting in general ("giao tranh", "cuộc tấn công"): a mention made only of one
# (no figures, no place of its own) retells an incident told nearby rather than a new one.
GENERIC_CUES = (
    "giao tranh", "đụng độ", "giao chiến", "trận chiến", "trận đánh", "chiến đấu", "chiến sự", "xung đột",
    "tấn công", "tập kích", "tiến công", "cuộc chiến", "chiến tranh", "đấu súng", "biểu tình", "tuần hành",
)  # fmt: skip
# What an incident did rather than an incident: after an event in the same sentence it continues
# it ("không kích sân bay Sanaa, phá hủy nhà ga").
RESULT_CUES = ("phá hủy", "tử trận")
# Anaphora after a cue: "vụ tấn công này", "cuộc pháo kích trên" retell an incident.
ANAPHORA_AFTER = r"này|đó|nói trên|trên|vừa qua"

# "X cho biết", "theo X": who claims what a clause reports.
CLAIM_VERBS = (
    r"cho biết|cho hay|thông báo|tuyên bố|khẳng định|cáo buộc|cho rằng|ra thông cáo|xác nhận|nói|công bố"
)

# Bodies that speak, with the English label used in ``claimed_by`` and actors.
SPEAKERS = (
    ("bộ quốc phòng", "{} MoD"),
    ("bộ ngoại giao", "{} MFA"),
    ("quân đội", "{} army"),
    ("lực lượng", "{} forces"),
    ("chính phủ", "{} government"),
    ("tổng thống", "President of {}"),
    ("thủ tướng", "Prime Minister of {}"),
    ("nguồn tin tại", "{} source"),
    ("giới chức", "{} officials"),
)

# Nouns before a country that make it an actor, not the place of an event.
ACTOR_NOUNS = (
    "bộ quốc phòng", "bộ ngoại giao", "quân đội", "lực lượng", "các lực lượng", "chính phủ", "tổng thống",
    "thủ tướng", "binh sĩ", "pháo binh", "phía", "không quân", "hải quân", "lục quân", "người phát ngôn",
    "phát ngôn viên", "quân", "xe tăng", "máy bay", "thiết bị bay không người lái", "trực thăng", "đối với",
    "với", "của", "cùng", "và", "nguồn tin tại", "giới chức", "người dân", "công dân", "ngoại trưởng",
    "bộ trưởng", "đại sứ", "lãnh đạo", "quốc hội", "nhà chức trách", "chính quyền",
    # a state's forces at sea ("tàu hải cảnh Trung Quốc phun vòi rồng"): who acts, not where
    "hải cảnh", "cảnh sát biển", "tuần duyên", "lực lượng bảo vệ bờ biển", "bảo vệ bờ biển", "dân quân biển",
)  # fmt: skip

# The cues of a confrontation (at sea) between a state's forces and another's vessel: it happens where
# the vessels are, never at the country of who acts (unlike a declaration: events.records.event_record).
CONFRONTATION_CUES = ("đâm vào", "đâm va", "phun vòi rồng", "bắn vòi rồng", "xịt vòi rồng", "chiếm giữ",
                      "đổ bộ lên", "va chạm")  # fmt: skip

# Casualty nouns and the verbs that make them fatalities.
CASUALTY_NOUNS = (
    r"người|binh sĩ|binh lính|lính|dân thường|thường dân|quân nhân|chiến binh|tay súng|phiến quân|trẻ em"
    r"|phụ nữ|cảnh sát|sĩ quan|nhân viên|nạn nhân|người biểu tình|dân"
)
DEATH_VERBS = r"thiệt mạng|tử trận|tử vong|chết|hy sinh|thiệt mạng|bị giết|thi thể"
INJURY_WORDS = r"bị thương|thương vong|mất tích"

NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "mươi": 10, "trăm": 100, "nghìn": 1000, "ngàn": 1000,
    "hàng chục": 10, "hàng trăm": 100, "hàng nghìn": 1000, "hàng ngàn": 1000, "vài chục": 20,
    "vài trăm": 200, "hàng loạt": None, "hàng chục nghìn": 10000, "mấy chục": 20,
}  # fmt: skip

# Non-state armed groups the Vietnamese press names, with their ACLED-style actor names: who acts
# in a clause may be a group, not a country ("phiến quân al-Shabaab tấn công", "bị RSF pháo
# kích"). Names are matched as whole words, case-insensitively; acronyms (all capitals, a digit)
# only as written. No kept list of these in Vietnamese exists in a registry: written here.
ARMED_GROUPS = (
    ("Lực lượng Hỗ trợ Nhanh|RSF", "Rapid Support Forces"),
    ("Houthi|Ansar Allah", "Ansar Allah"),
    ("AFC/M23|M23", "M23: March 23 Movement"),
    ("Hamas", "Hamas Movement"),
    ("Hezbollah", "Hezbollah"),
    ("al-Shabaab|al Shabaab|Al-Shabab|al-Shabab", "Al Shabaab"),
    ("JNIM", "JNIM: Group for Support of Islam and Muslims"),
    ("Nhà nước Hồi giáo tỉnh Tây Phi|ISWAP", "Islamic State West Africa Province"),
    ("Nhà nước Hồi giáo|IS|ISIS", "Islamic State"),
    ("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("Taliban Pakistan|TTP", "TTP: Tehreek-i-Taliban Pakistan"),
    ("Taliban", "Taliban"),
    ("Viv Ansanm", "Viv Ansanm"),
    ("Fano", "Fano Militia"),
    ("Quân đội Giải phóng Dân tộc|ELN", "ELN: National Liberation Army"),
    ("FARC", "FARC Dissidents"),
    ("Clan del Golfo", "Clan del Golfo"),
    ("Lực lượng Dân chủ Đồng minh|ADF", "ADF: Allied Democratic Forces"),
    ("Quân đội Arakan|Quân Arakan|Arakan Army|AA", "AA: Arakan Army"),
    ("MNDAA", "MNDAA: Myanmar National Democratic Alliance Army"),
    ("TNLA", "TNLA: Ta'ang National Liberation Army"),
    ("Quân đội Độc lập Kachin|KIA", "KIA: Kachin Independence Army"),
    ("Lực lượng Phòng vệ Nhân dân|PDF", "PDF: People's Defense Force"),
    ("Lực lượng Dân chủ Syria|SDF", "SDF: Syrian Democratic Forces"),
    ("Hayat Tahrir al-Sham|HTS", "HTS: Hayat Tahrir al Sham"),
    ("Đảng Công nhân người Kurd|PKK", "PKK: Kurdistan Workers Party"),
    ("Wagner", "Wagner Group"),
    ("Thánh chiến Hồi giáo Palestine|Hồi giáo Jihad", "PIJ: Palestinian Islamic Jihad"),
    ("Wazalendo", "Wazalendo"),
    ("Bộ máy Hỗ trợ Ổn định|SSA", "Stability Support Apparatus"),
    ("Radaa", "Radaa Special Deterrence Forces"),
)  # fmt: skip
