"""The Query, Mutation and Subscription parts of each domain: the only schema modules that call
resolvers, so the type modules beside this package never import them back."""
