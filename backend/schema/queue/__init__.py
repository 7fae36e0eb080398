"""Types of the housing-queue domain, one module per area."""
