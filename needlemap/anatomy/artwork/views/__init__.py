"""One module per drawn view; each exposes ``art() -> ViewArt`` for its template side."""
