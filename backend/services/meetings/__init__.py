"""Owners' meetings of a building: who sees which (visibility.py), calling, opening and closing
them (manage.py, with the closing job), voting by premises (voting.py) and the area-weighted
results (results.py)."""
