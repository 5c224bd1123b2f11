"""diadanh's Streamlit dashboard."""
