"""Adapters to the outside world: each one interface, an embedded default and a real one beside it."""
