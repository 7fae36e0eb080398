"""Online payments of personal accounts (orders, the acquirer's webhooks) and the payments a
company's billing reports from its other channels. See orders.py, webhooks.py, reports.py."""
