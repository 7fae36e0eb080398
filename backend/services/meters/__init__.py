"""Meters of personal accounts: the reporting window, submitting a reading (readings.py) and what
the cabinet shows of them (views.py)."""
