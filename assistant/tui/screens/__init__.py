"""Screens of the Newsdesk interface: chat (main), article reader, meetings table, help."""
