"""PDF documents drawn with reportlab from domain records and the atlas geometry."""
