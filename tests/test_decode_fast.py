"""The export's fast paths: decoded extractions are the objects their constructors build, and
pausing the collector restores its state."""

from __future__ import annotations

import gc
import pickle
import threading
from dataclasses import asdict

import pytest

from corroborate.gcpause import collector_paused
from corroborate.model import Claim, Extraction, LocalEntity, Mention, Quantity, Quote, Span, TimeRef
from corroborate.store.extraction_codec import extraction_from_json, extraction_to_json

TEXT = "Mayor Ilse Varga said on 3 May that the ferry will carry 400 riders a day."


def _span(a: int, b: int) -> Span:
    return Span(TEXT[a:b], a, b, a + 2, b + 2)


def _extraction() -> Extraction:
    quote = Quote("q1", "indirect", _span(30, 73), _span(0, 16), 0, _span(17, 21))
    figure = Quantity(400.0, "riders", _span(57, 67), "exact", 1.0)
    claim = Claim("c1", _span(30, 73), "speaker", _span(35, 73), 0, "q1", (0,), (figure,), (0,),
                  False, "assert", False, ("ferri", "carri"))  # fmt: skip
    return Extraction(
        sentences=(_span(0, 73),),
        entities=(LocalEntity(0, "Ilse Varga", "PERSON", ("Varga",), "Mayor", ("mayor",), 1, "f"),),
        mentions=(Mention(_span(6, 16), 0, "name"),),
        quotes=(quote,),
        times=(TimeRef(_span(25, 30), "DATE", "2026-05-03"),),
        claims=(claim,),
    )


def test_decoded_extraction_is_what_the_constructors_build() -> None:
    x = _extraction()
    back = extraction_from_json(extraction_to_json(x), TEXT)
    assert back == x and hash(back) == hash(x) and repr(back) == repr(x)
    assert asdict(back) == asdict(x)
    assert pickle.loads(pickle.dumps(back)) == x
    assert [vars(m.span) for m in back.mentions] == [vars(m.span) for m in x.mentions]


def test_collector_pause_restores_its_state() -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        with collector_paused():
            with collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the outer pause is still on
        assert gc.isenabled()
        gc.disable()
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        (gc.enable if was else gc.disable)()


def test_collector_pause_across_threads() -> None:
    was = gc.isenabled()
    gc.enable()
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    try:
        t.start()
        inside.wait(5)
        with collector_paused():
            pass
        assert not gc.isenabled()  # the other thread is still inside its pause
        release.set()
        t.join(5)
        assert gc.isenabled()
    finally:
        release.set()
        (gc.enable if was else gc.disable)()


def test_frozen_builder_refuses_a_missing_an_unknown_or_an_extra_field():
    from corroborate.model import Span, frozen_builder

    build = frozen_builder(Span)
    assert build("Oslo", 4, 8, raw_start=4, raw_end=8) == Span("Oslo", 4, 8, 4, 8)
    for args, named in [(("Oslo", 4, 8, 4), {}), (("Oslo", 4, 8, 4), {"raw_ends": 8}),
                        (("Oslo", 4, 8, 4, 8, 9), {})]:  # fmt: skip
        with pytest.raises(TypeError):
            build(*args, **named)


def test_overlapping_pauses_still_collect_cycles() -> None:
    # An outer pause held throughout, as by another thread: the collector never comes back on.
    import weakref

    from corroborate import gcpause

    class Node:
        pass

    was = gc.isenabled()
    gc.enable()
    try:
        with collector_paused():
            with collector_paused():
                node = Node()
                node.self = node  # type: ignore[attr-defined]  # a cycle: only the collector frees it
                alive = weakref.ref(node)
                del node
            for _ in range(gcpause.COLLECT_EVERY):
                with collector_paused():
                    pass
            assert alive() is None and not gc.isenabled()
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
