"""Reviewing past sessions: timeline, comparison, heatmap, pain trend, per-muscle history."""
