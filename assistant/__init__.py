"""Newsdesk: offline question answering over folders of news articles."""

__version__ = "0.1.0"
