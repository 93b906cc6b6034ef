-- Storage asks "does any page still produce this article?" when a replay moves a page's
-- article to another key (or makes it a non-article): the old row is removed when no page
-- points at it any more.
CREATE INDEX parsed_pages_article_id_idx ON parsed_pages (article_id);
