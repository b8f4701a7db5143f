"""Validate: Pandera checks per relation; failing rows go to `rejects`, never silently away."""
