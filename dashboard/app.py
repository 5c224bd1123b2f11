"""diadanh dashboard (first version): look places up in the local gazetteer.

Run with ``streamlit run dashboard/app.py`` from the repository root. The event map
replaces this page when the events package lands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gazetteer import Gazetteer, GazetteerMissing


@st.cache_resource
def gazetteer() -> Gazetteer:
    return Gazetteer()


st.set_page_config(page_title="diadanh — gazetteer", layout="wide")
st.title("diadanh — địa danh")
st.caption("Tra cứu địa danh trong từ điển địa lý cục bộ · Look places up in the local gazetteer")

try:
    gaz = gazetteer()
except GazetteerMissing as exc:
    st.error(str(exc))
    st.stop()

name = st.text_input("Địa danh / Place name", value="Thổ Nhĩ Kỳ")
country = st.text_input("Gợi ý quốc gia / Country hint (ISO code, optional)", value="")
found = gaz.lookup(name, countries=[country] if country.strip() else None, limit=10)
if not name.strip():
    st.info("Nhập một địa danh · Type a place name.")
elif not found:
    st.warning(f"Không tìm thấy · Nothing found for {name!r}.")
else:
    table = pd.DataFrame([c.to_dict() for c in found]).drop(columns=["matched"])
    st.dataframe(table, hide_index=True)

st.caption("Dữ liệu · Data: GeoNames (CC BY 4.0), Natural Earth (public domain), CLDR (Unicode licence).")
