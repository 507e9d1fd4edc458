"""One rule kind per Vale extension point; :mod:`.base` holds what they share."""
