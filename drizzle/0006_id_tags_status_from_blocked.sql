-- id_tags.blocked becomes id_tags.status: a tag blocked before keeps answering Blocked.
UPDATE "id_tags" SET "status" = 'Blocked' WHERE "blocked";
