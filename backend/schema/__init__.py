"""The GraphQL layer: one type module per domain, their Query/Mutation/Subscription parts in
`roots/`, merged into one schema by `api.py`. Kept empty so that importing a type module (as
resolvers do) does not import every root and so every resolver."""
