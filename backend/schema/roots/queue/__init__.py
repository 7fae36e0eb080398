"""Query/Mutation/Subscription parts of the housing-queue domain, one module per area."""
