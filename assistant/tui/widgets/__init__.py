"""Widgets of the Newsdesk interface."""
