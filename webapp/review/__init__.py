"""Native-speaker review of the translations: message-level review marks kept in the .po
catalogs (state.py), printable review sheets (sheet.py), and reading a filled sheet back
(approve.py). The `flask translate review | approve` commands live in commands.py."""
