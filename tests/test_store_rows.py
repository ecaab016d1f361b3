"""A row encoded in another process is stored as the article it encodes, by every backend.

The article texts are our own (tests/helpers.py).
"""

import dataclasses

from corroborate import api
from corroborate.store import open_store
from corroborate.store.codec import article_to_row, linked_row

from .helpers import FERRY_LINES, make_article, mixed_inputs, outcomes


def test_a_row_encoded_elsewhere_is_stored_as_its_article(store_url):
    earlier, article = make_article(FERRY_LINES[0]["text"], "ferry.txt"), make_article()
    row = article_to_row(article)
    store = open_store(store_url)
    try:
        store.add_article(earlier, [7])
        store.add_row(linked_row(row, earlier.id, ("e_one", "e_two"), "s_one"), [7, 8])
        stored = store.get_article(article.id)
        assert store.near_duplicate_candidates([8]) == [article.id]
    finally:
        store.close()
    assert stored == dataclasses.replace(
        article, duplicate_of=earlier.id, entity_ids=("e_one", "e_two"), story_id="s_one"
    )
    assert row == article_to_row(article)  # storing it leaves the worker's row as it was


def test_ingest_with_workers_stores_what_one_process_stores_in_every_backend(tmp_path, store_url):
    paths = mixed_inputs(tmp_path)
    alone = api.open_store(str(tmp_path / "alone.db"))
    both = api.open_store(store_url)
    try:
        one, two = api.ingest(paths, alone), api.ingest(paths, both, workers=2)
        assert outcomes(two) == outcomes(one)
        assert list(api.export_records(both)) == list(api.export_records(alone))
    finally:
        alone.close()
        both.close()
