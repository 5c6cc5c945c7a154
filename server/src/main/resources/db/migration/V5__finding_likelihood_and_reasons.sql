-- Issue 10: findings a reviewer can act on. The likelihood on a closed scale (VERY_UNLIKELY … VERY_LIKELY) to sort
-- and filter by, the context rules that fired and the technical reasons (the reviewer's "why" view, kept out of
-- the plain-Chinese explanation), and the finding's own value masked for publication. Additive: rows written
-- before this migration keep NULLs, which the server reads as "likelihood from the score, no rules".
ALTER TABLE finding ADD COLUMN likelihood VARCHAR(20);
ALTER TABLE finding ADD COLUMN rules_fired VARCHAR(2000);
ALTER TABLE finding ADD COLUMN detail VARCHAR(4000);
ALTER TABLE finding ADD COLUMN masked VARCHAR(1000);
CREATE INDEX finding_likelihood ON finding (likelihood);
