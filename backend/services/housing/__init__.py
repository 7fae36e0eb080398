"""Management companies, buildings, premises, personal accounts and residents' links to them."""
