-- 020: search_words(q): the tsquery of what domain/search.c makes of the
-- words typed (R15.3): each word a "string" (a " inside doubled), folded
-- as the indexed text is (fold()) and made a phrase of its tokens in a
-- row, as FTS5 reads a string; the words ANDed, one of no token left
-- out; NULL when no word is left.  Written once here for the statements
-- that had it each in a CTE of its own (cgi/data/sql_pg.def).
--
-- IMMUTABLE, so that where the words are known as the statement is
-- planned (the engineer's search, planned with its values each time)
-- the planner computes the tsquery then and weighs it against each
-- search column's statistics: the GIN index for words few rows hold,
-- the newest rows first for words many hold.  Where the plan is kept
-- for any words, the statements ask for it once, (SELECT search_words(
-- :query)), not once a row.
CREATE FUNCTION search_words(q text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN (SELECT CAST(string_agg('(' || CAST(t AS text) || ')', ' & ')
    AS tsquery) FROM unnest(string_to_array(q, ' ')) AS w (word)
    CROSS JOIN LATERAL phraseto_tsquery('simple',
      fold(replace(substr(word, 2, length(word) - 2), '""', '"')))
      AS p (t) WHERE numnode(t) > 0);

UPDATE schema_meta SET version = 20;
