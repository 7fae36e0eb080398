"""Residents' notification settings (seed 004 "Уведомления") and the outage notices a management
company publishes for a building: in-app to every resident of it at once, by SMS to those who asked."""
