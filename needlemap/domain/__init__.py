"""Qt-free, SQL-free clinical model: frozen records, vocabularies and the rules they obey."""
