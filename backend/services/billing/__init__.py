"""Money of the resident cabinet: receipts, their import from the companies' billing, balances."""
