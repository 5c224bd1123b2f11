"""Place cues: the generic word before a name ("tỉnh", "thành phố", "eo biển") and the kinds it names.

A lookup of "tỉnh Zaporizhzhia" that no place answers to whole is a lookup of "Zaporizhzhia"
among the kinds of "tỉnh" (the oblast, not the city); "thành phố Zaporizhzhia" is the city.
Names that carry their cue as part of them ("biển Azov", "quần đảo Hoàng Sa") are stored whole
and found before any cue is split off.
"""

from __future__ import annotations

from gazetteer.textnorm import name_key

_SETTLEMENT = frozenset({"city", "town", "village"})
_REGION = frozenset({"admin1", "region"})

# cue (as written) -> kinds, longest cues first when matching
CUE_KINDS: dict[str, frozenset[str]] = {
    # first-level regions
    "tỉnh": frozenset({"admin1"}),
    "bang": frozenset({"admin1"}),
    "tiểu bang": frozenset({"admin1"}),
    "oblast": frozenset({"admin1"}),
    "vùng": _REGION,
    "khu vực": _REGION,
    "miền": _REGION,
    "khu tự trị": frozenset({"admin1", "region"}),
    "nước cộng hòa": frozenset({"admin1", "country"}),
    "cộng hòa": frozenset({"admin1", "country"}),
    # second-level units
    "huyện": frozenset({"admin2"}),
    "quận": frozenset({"admin2", "city", "town"}),
    # settlements
    "thành phố": _SETTLEMENT,
    "tp": _SETTLEMENT,
    "thủ đô": _SETTLEMENT,
    "thị trấn": _SETTLEMENT,
    "thị xã": _SETTLEMENT,
    "đô thị": _SETTLEMENT,
    "làng": _SETTLEMENT,
    "ngôi làng": _SETTLEMENT,
    "xã": _SETTLEMENT,
    "khu định cư": _SETTLEMENT,
    # physical and marine features
    "biển": frozenset({"sea"}),
    "vùng biển": frozenset({"sea", "gulf"}),
    "đại dương": frozenset({"ocean"}),
    "vịnh": frozenset({"gulf"}),
    "eo biển": frozenset({"strait"}),
    "bãi": frozenset({"shoal"}),
    "bãi cạn": frozenset({"shoal"}),
    "bãi đá": frozenset({"shoal"}),
    "đá": frozenset({"shoal"}),
    "sông": frozenset({"river"}),
    "dòng sông": frozenset({"river"}),
    "đảo": frozenset({"island"}),
    "hòn đảo": frozenset({"island"}),
    "quần đảo": frozenset({"island", "region"}),
    "bán đảo": frozenset({"peninsula"}),
    "cao nguyên": frozenset({"region"}),
    "dải": frozenset({"region"}),
    # landmarks
    "cửa khẩu": frozenset({"landmark"}),
    "cầu": frozenset({"landmark"}),
    "nhà máy": frozenset({"landmark"}),
    "nhà máy điện": frozenset({"landmark"}),
    "nhà máy điện hạt nhân": frozenset({"landmark"}),
    "sân bay": frozenset({"landmark"}),
    "cảng": frozenset({"landmark", "city", "town"}),
    "căn cứ": frozenset({"landmark"}),
    "đập": frozenset({"landmark"}),
}
_BY_KEY = {name_key(cue): kinds for cue, kinds in CUE_KINDS.items()}
_LONGEST = max(len(key.split()) for key in _BY_KEY)


def split_cue(name: str) -> tuple[str, frozenset[str]] | None:
    """("tỉnh Zaporizhzhia") → ("Zaporizhzhia", {"admin1"}); None when no cue leads the name.

    The longest cue wins ("nhà máy điện hạt nhân Zaporizhzhia" → the plant's kinds); a name
    must remain after it.
    """
    words = (name or "").split()
    for size in range(min(_LONGEST, len(words) - 1), 0, -1):
        kinds = _BY_KEY.get(name_key(" ".join(words[:size])))
        if kinds is not None:
            return " ".join(words[size:]), kinds
    return None
