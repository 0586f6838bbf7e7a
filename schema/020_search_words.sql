-- 020: the search's words as one value on PostgreSQL (R15.3, R18): its
-- half of this pair, schema/pg/020_search_words.sql, makes the function
-- search_words().  SQLite's FTS5 reads the words as they are: nothing
-- changes here but the version.

PRAGMA user_version = 20;
