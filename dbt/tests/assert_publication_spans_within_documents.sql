-- A record's span must lie inside its document's text.
select
    p.publication_id,
    p.char_end,
    d.n_chars,
from {{ ref('dim_publications') }} as p
inner join {{ ref('dim_documents') }} as d on d.document_id = p.document_id
where p.char_end > d.n_chars
