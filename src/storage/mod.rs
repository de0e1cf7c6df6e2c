//! The stored format, its migrations, and backup export/import.
