"""Rule-based knowledge: entities, time expressions, purposes and meeting events."""
