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
    "cảng", "sân bay", "căn cứ", "thị xã", "khu định cư", "đồn", "cửa khẩu", "eo biển", "vịnh",
    "biển", "cao nguyên", "thung lũng", "hẻm núi", "sa mạc", "khu", "phía bắc", "phía nam",
    "phía đông", "phía tây", "ngoại ô", "thủ phủ", "trại tị nạn", "trại", "miền bắc", "miền nam",
    "miền trung", "miền đông", "miền tây", "đông bắc", "tây bắc", "đông nam", "tây nam",
)  # fmt: skip

# Generic heads written lower case before a name and read with it ("biển Đen", "châu Phi", "dải
# Gaza", "cầu Crimea"): looked up together with the name first; they also say which kind of
# place the name is (``resolve.CUE_KINDS``).
NAME_HEADS = (
    "châu", "dải", "bờ", "bãi", "bãi đá", "đá", "rạn san hô", "cầu", "cây cầu", "nhà máy",
    "nhà máy điện", "nhà máy điện hạt nhân", "đập", "thủy điện", "hồ", "mũi", "kênh đào", "eo",
    "cửa biển", "khu tự trị", "khu hành chính", "tỉnh bang", "tiểu bang", "oblast",
    "vùng lãnh thổ", "đặc khu", "khu bảo tồn", "đèo", "đường hầm", "vùng biển", "hải cảng",
)  # fmt: skip

# Compounds that end with a head or cue syllable but are common words ("yêu cầu Nga", "toàn
# cầu"): the syllable is no cue there.
NOT_CUE_COMPOUNDS = frozenset(
    """yêu cầu|nhu cầu|toàn cầu|hoàn cầu|địa cầu|bán cầu|khẩn cầu|mưu cầu|thỉnh cầu|văn bản|phiên bản
    |cơ bản|căn bản|xuất bản|tái bản|kịch bản|nguyên bản|đánh đập|đồng hồ|mơ hồ|bóng đá|liên bang
    |hợp tác xã|thông tấn xã|tàu sân""".split("|")
)
NOT_CUE_COMPOUNDS = frozenset(c.strip() for c in NOT_CUE_COMPOUNDS)

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
    initiative uss hms rfs mv""".split()
)

# Cues of a province, a state or a region ("tỉnh Kherson", "bang Shan"): the name is a first- or
# second-level division, or a town standing for one.
ADMIN_CUES = (
    "tỉnh", "bang", "vùng", "miền", "huyện", "quận", "khu vực", "tiểu bang", "tỉnh bang", "oblast",
    "khu tự trị", "vùng lãnh thổ", "đặc khu", "khu hành chính",
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

EVENT_CUES: tuple[tuple[str, str, str, int], ...] = (
    (r"bắn (?:hạ|rơi)", BATTLES, "Armed clash", 12),
    (r"đánh bom liều chết|đánh bom tự sát|kẻ đánh bom tự sát", REMOTE, "Suicide bomb", 11),
    (
        r"không kích|oanh tạc|ném bom|tấn công (?:bằng )?(?:đường )?không quân|tập kích (?:bằng )?"
        r"(?:uav|máy bay không người lái)|uav .{0,30}?(?:tấn công|tập kích)"
        r"|máy bay không người lái .{0,30}?(?:tấn công|tập kích)|drone .{0,30}?(?:tấn công|tập kích)",
        REMOTE, "Air/drone strike", 10,
    ),
    (
        r"pháo kích|nã pháo|bắn pháo|pháo binh .{0,40}?bắn|bắn phá|đạn cối|súng cối"
        r"|tên lửa .{0,30}?(?:bắn|rơi|tấn công|tập kích|trúng)|bắn (?:\w+ )?(?:tên lửa|rocket)"
        r"|phóng (?:\w+ )?(?:tên lửa|rocket)|tấn công .{0,60}?bằng (?:\w+ )?(?:tên lửa|rocket)"
        r"|bắn vào|bắn trúng",
        REMOTE, "Shelling/artillery/missile attack", 9,
    ),
    (r"đánh bom|bom xe|bom tự chế|thiết bị nổ|ied(?!\w)|giẫm phải mìn|trúng mìn|nổ mìn", REMOTE,
     "Remote explosive/landmine/IED", 9),
    (r"thảm sát|hành quyết|sát hại (?:dân thường|thường dân)|tấn công (?:dân thường|thường dân)", CIVILIANS,
     "Attack", 8),
    (r"bắt cóc|bắt làm con tin", CIVILIANS, "Abduction/forced disappearance", 8),
    (r"bạo loạn|đốt phá|hôi của", RIOTS, "Violent demonstration", 7),
    (r"biểu tình|tuần hành|diễu hành phản đối|tập hợp phản đối", PROTESTS, "Peaceful protest", 6),
    (
        r"đụng độ|giao tranh|giao chiến|đấu súng|đẩy lùi|phản công|tấn công|tập kích|trận chiến"
        r"|trận đánh|chiến đấu|tử trận|phá hủy|chiếm được|chiếm giữ|giành quyền kiểm soát|cuộc chiến"
        r"|chiến tranh|xung đột (?:bùng phát|nổ ra|tái bùng phát|leo thang)|bao vây|tiến công",
        BATTLES, "Armed clash", 5,
    ),
    (r"thỏa thuận ngừng bắn|ngừng bắn (?:đạt được|có hiệu lực)|ký (?:kết )?(?:thỏa thuận|hiệp định)",
     STRATEGIC, "Agreement", 4),
    (r"bắt giữ|bắt giam", STRATEGIC, "Arrests", 4),
    (
        r"thiết quân luật|tổng động viên|huy động (?:một phần )?quân|tình trạng khẩn cấp|điều quân"
        r"|triển khai (?:quân|binh sĩ|lực lượng)|lệnh giới nghiêm|sắc lệnh",
        STRATEGIC, "Other", 6,
    ),
    (
        r"điện đàm|đàm phán|hòa đàm|hội đàm|kêu gọi|cuộc gặp|gặp gỡ|thảo luận|trung gian|hòa giải"
        r"|cảnh báo|lên án|ủng hộ",
        STRATEGIC, "Other", 2,
    ),
)  # fmt: skip

# A statement verb before a violent cue makes the clause a statement about violence
# ("kêu gọi chấm dứt các cuộc đụng độ"), recorded as a strategic development.
STATEMENT_VERBS = (
    r"kêu gọi|điện đàm|thảo luận|chịu trách nhiệm|chỉ trích|lên án|bày tỏ|xem xét|ủng hộ|chấm dứt"
)

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
)  # fmt: skip

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
