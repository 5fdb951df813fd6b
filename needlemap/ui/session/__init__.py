"""The charting workspace: a session's header, body map, points and point inspector."""
