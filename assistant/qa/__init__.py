"""Question answering: question analysis, answer rules, templates and conversation context."""
