"""Thin resolvers of the housing-queue domain: who is asking, call the service, map."""
