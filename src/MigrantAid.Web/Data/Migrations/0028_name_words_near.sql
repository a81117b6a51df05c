-- Issue 14: the duplicate check ranks candidates by dictionary words that are only partly like a typed word
-- (docs/adr/0018-search-by-match-key-words.md). "hurchid" is 0.56 like "hourchid": under the search's threshold
-- of 0.6, yet "Ismoilov Hurchid" is 0.83 like "Ismoilov Hourchid" as a whole name. Ranking such words too puts
-- those namesakes in the first round instead of among every client of the surname.
-- The function runs its index scan at the lower threshold; the portal's other searches keep pg_trgm's 0.6.
-- pg_trgm's library is loaded first: until then its threshold is an unknown setting, which only a superuser may
-- attach to a function.
SELECT word_similarity('', '');

CREATE FUNCTION name_words_near(p_word text) RETURNS TABLE (id integer, similarity real)
LANGUAGE sql STABLE SET pg_trgm.word_similarity_threshold = 0.5 AS $$
    SELECT n.id, word_similarity(p_word, n.word) FROM name_words n WHERE p_word <% n.word;
$$;
