"""Thin resolvers: who is asking, scoping, one service call, mapping to API types."""
